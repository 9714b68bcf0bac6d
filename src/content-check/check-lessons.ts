/**
 * Lessons and where they place their quizzes: every reading and background topic exists, no two lessons
 * share an order, each <Quiz id> names a quiz, each quiz is placed in exactly one lesson, questions name
 * objectives of the lesson that places them, and every objective is assessed by some question.
 */
import { closest, unknownLink, type KnownIds } from './links';
import { lineOf, type Loaded, type LoadedContent, type Placement } from './load';
import type { Problem } from './problem';
import type { Lesson, Quiz } from '../schemas';

export function checkLessons(content: LoadedContent, known: KnownIds): Problem[] {
  const problems: Problem[] = [];
  for (const lesson of content.lessons) {
    const item = `lesson "${lesson.id}"`;
    lesson.data.readings.forEach((id, i) =>
      problems.push(...defined(unknownLink(known, lesson, item, `readings.${i}`, 'sources', id))),
    );
    lesson.data.background.forEach((id, i) =>
      problems.push(...defined(unknownLink(known, lesson, item, `background.${i}`, 'topics', id))),
    );
    problems.push(...checkObjectiveIds(lesson));
  }
  problems.push(...checkOrders(content.lessons));
  problems.push(...checkPlacements(content, known));
  problems.push(...checkObjectives(content));
  return problems;
}

const defined = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value]);

function checkObjectiveIds(lesson: Loaded<Lesson>): Problem[] {
  const seen = new Set<string>();
  return lesson.data.objectives.flatMap((objective, index) => {
    if (!seen.has(objective.id)) {
      seen.add(objective.id);
      return [];
    }
    return [
      {
        file: lesson.file,
        line: lineOf(lesson, `objectives.${index}.id`),
        item: `lesson "${lesson.id}"`,
        message: `the objective id "${objective.id}" appears twice`,
        fix: 'give each objective an id of its own',
      },
    ];
  });
}

function checkOrders(lessons: readonly Loaded<Lesson>[]): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<number, Loaded<Lesson>>();
  const nextFree = Math.max(0, ...lessons.map((l) => l.data.order)) + 1;
  for (const lesson of lessons) {
    const other = first.get(lesson.data.order);
    if (!other) {
      first.set(lesson.data.order, lesson);
      continue;
    }
    problems.push({
      file: lesson.file,
      line: lineOf(lesson, 'order'),
      item: `lesson "${lesson.id}"`,
      message: `order ${lesson.data.order} is also the order of lesson "${other.id}" (${other.file}:${lineOf(other, 'order')})`,
      fix: `give each lesson its own order; ${nextFree} is free`,
    });
  }
  return problems;
}

function checkPlacements(content: LoadedContent, known: KnownIds): Problem[] {
  const problems: Problem[] = [];
  const firstPlacement = new Map<string, Placement>();
  for (const placement of content.placements) {
    const { quiz, lesson, file, line } = placement;
    if (!known.quizzes.has(quiz)) {
      const guess = closest(quiz, known.quizzes);
      problems.push({
        file,
        line,
        item: `lesson "${lesson}"`,
        message: `<Quiz id="${quiz}" /> places a quiz that does not exist`,
        fix: `${guess ? `did you mean "${guess}"? ` : ''}use a file name from content/quizzes/ (without .yaml), or create content/quizzes/${quiz}.yaml`,
      });
      continue;
    }
    const first = firstPlacement.get(quiz);
    if (!first) {
      firstPlacement.set(quiz, placement);
      continue;
    }
    problems.push({
      file,
      line,
      item: `lesson "${lesson}"`,
      message: `quiz "${quiz}" is already placed at ${first.file}:${first.line}; a quiz belongs to one place in one lesson, because students' answers are saved per lesson`,
      fix: `remove this <Quiz id="${quiz}" />, or copy the quiz to a new file with its own id and question ids`,
    });
  }
  for (const quiz of content.quizzes) {
    if (firstPlacement.has(quiz.id)) continue;
    problems.push({
      file: quiz.file,
      line: lineOf(quiz, 'id'),
      item: `quiz "${quiz.id}"`,
      message: `quiz "${quiz.id}" is placed in no lesson, so no student will see it`,
      fix: `add <Quiz id="${quiz.id}" /> to the body of the lesson it belongs to, or delete ${quiz.file}`,
    });
  }
  return problems;
}

/** The lessons (by id) that place each quiz. */
function placingLessons(content: LoadedContent): Map<string, Set<string>> {
  const lessons = new Map<string, Set<string>>();
  for (const { quiz, lesson } of content.placements) lessons.set(quiz, (lessons.get(quiz) ?? new Set()).add(lesson));
  return lessons;
}

function checkObjectives(content: LoadedContent): Problem[] {
  const problems: Problem[] = [];
  const lessonsOf = placingLessons(content);
  const lessonById = new Map(content.lessons.map((lesson) => [lesson.id, lesson]));

  for (const quiz of content.quizzes) {
    for (const lessonId of lessonsOf.get(quiz.id) ?? []) {
      const lesson = lessonById.get(lessonId);
      if (!lesson) continue; // its frontmatter is broken, already reported
      const ids = lesson.data.objectives.map((o) => o.id);
      quiz.data.questions.forEach((question, index) => {
        if (question.objective === undefined || ids.includes(question.objective)) return;
        const guess = closest(question.objective, ids);
        problems.push({
          file: quiz.file,
          line: lineOf(quiz, `questions.${index}.objective`),
          item: `question "${question.id}"`,
          message: `its objective "${question.objective}" is not an objective of lesson "${lesson.id}", which places this quiz`,
          fix: `${guess ? `did you mean "${guess}"? ` : ''}use one of ${ids.join(', ')} (from ${lesson.file}), or add the objective there`,
        });
      });
    }
  }

  const quizById = new Map(content.quizzes.map((quiz) => [quiz.id, quiz]));
  for (const lesson of content.lessons) {
    const placed = [...new Set(content.placements.filter((p) => p.lesson === lesson.id).map((p) => p.quiz))];
    // A quiz that is missing or broken has already been reported, and its questions cannot be counted.
    if (placed.some((id) => !quizById.has(id) || content.invalidIds.quizzes.includes(id))) continue;
    const quizzes = placed.map((id) => quizById.get(id)!);
    const assessed = new Set(quizzes.flatMap((quiz) => quiz.data.questions.map((q) => q.objective)));
    lesson.data.objectives.forEach((objective, index) => {
      if (assessed.has(objective.id)) return;
      problems.push({
        file: lesson.file,
        line: lineOf(lesson, `objectives.${index}.id`),
        item: `lesson "${lesson.id}"`,
        message: `no question assesses the objective "${objective.id}"${quizzes.length === 0 ? ': the lesson places no quiz' : ''}`,
        fix:
          quizzes.length === 0
            ? 'place a checkpoint in the lesson body with <Quiz id="…" /> whose questions name this objective'
            : `set objective: ${objective.id} on a question in ${quizList(quizzes)}, or remove the objective`,
      });
    });
  }
  return problems;
}

function quizList(quizzes: readonly Loaded<Quiz>[]): string {
  return quizzes.map((quiz) => quiz.file).join(' or ');
}
