// Acceptance test of the course as written in content/: lessons, their objectives and checkpoints, the question
// mix and the timeline's order. Reads content/ through the content check's loader (the same zod schemas as the
// build) and the lesson bodies through quizIdsIn (the same reader as the pages). Prints the counts it checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContentFolder, formatProblems, isError } from '../../src/content-check';
import { loadContent } from '../../src/content-check/load';
import { splitFrontmatter } from '../../src/content-check/read-yaml';
import { compareDatePoints, parseEventDate, type DatePoint, type EventDate } from '../../src/lib/event-date';
import { quizIdsIn } from '../../src/lib/quiz-tags';
import { questionTypes, type Lesson, type Question } from '../../src/schemas';
import { projectRoot } from './content-check-helpers';

const MIN_QUESTIONS = 45;
const MIN_USES_PER_TYPE = 3;
const MIN_UNDERSTANDING_SHARE = 1 / 3;
const OBJECTIVES = { min: 2, max: 4 };

interface CourseLesson {
  id: string;
  data: Lesson;
  /** Quiz ids the body places, in reading order. */
  quizzes: string[];
}
interface Course {
  lessons: CourseLesson[];
  /** Every question of every quiz file, with the lessons that place its quiz (one, when all is well). */
  questions: { quiz: string; lessons: string[]; question: Question }[];
  /** content/timeline.yaml in file order. */
  events: { id: string; date: string }[];
}

function readCourse(root: string): Course {
  const { content } = loadContent(root);
  const lessons = content.lessons.map((lesson) => ({
    id: lesson.id,
    data: lesson.data,
    quizzes: quizIdsIn(splitFrontmatter(readFileSync(join(root, lesson.file), 'utf8')).body),
  }));
  const questions = content.quizzes.flatMap((quiz) =>
    quiz.data.questions.map((question) => ({
      quiz: quiz.id,
      lessons: lessons.filter((l) => l.quizzes.includes(quiz.id)).map((l) => l.id),
      question,
    })),
  );
  return { lessons, questions, events: content.events.map((e) => ({ id: e.id, date: e.data.date })) };
}

const countBy = <T>(list: readonly T[], key: (t: T) => string) =>
  list.reduce((counts, item) => counts.set(key(item), (counts.get(key(item)) ?? 0) + 1), new Map<string, number>());

/** Every broken course rule, one line each; empty when the course is as promised. */
function courseProblems(course: Course): string[] {
  const problems: string[] = [];
  for (const { question, quiz, lessons } of course.questions) {
    if (lessons.length !== 1)
      problems.push(`question ${question.id} (quiz ${quiz}) is placed in ${lessons.length} lessons, not 1`);
  }
  for (const lesson of course.lessons) {
    const { objectives } = lesson.data;
    if (objectives.length < OBJECTIVES.min || objectives.length > OBJECTIVES.max) {
      problems.push(`lesson ${lesson.id} has ${objectives.length} objectives, not ${OBJECTIVES.min}–${OBJECTIVES.max}`);
    }
    const placedHere = course.questions.filter((q) => q.lessons.includes(lesson.id)).map((q) => q.question);
    for (const objective of objectives) {
      if (!placedHere.some((q) => q.objective === objective.id)) {
        problems.push(`lesson ${lesson.id}: no question placed in it assesses objective ${objective.id}`);
      }
    }
  }
  const orders = course.lessons.map((l) => l.data.order).sort((a, b) => a - b);
  const expected = course.lessons.map((_, i) => i + 1);
  if (orders.join() !== expected.join())
    problems.push(`lesson orders are ${orders.join(', ')}, not ${expected.join(', ')}`);

  const questions = course.questions.map((q) => q.question);
  if (questions.length < MIN_QUESTIONS) problems.push(`${questions.length} questions, fewer than ${MIN_QUESTIONS}`);
  const byType = countBy(questions, (q) => q.type);
  for (const type of questionTypes) {
    const uses = byType.get(type) ?? 0;
    if (uses < MIN_USES_PER_TYPE) problems.push(`type ${type} is used ${uses} times, fewer than ${MIN_USES_PER_TYPE}`);
  }
  const understanding = questions.filter((q) => q.level === 'understanding').length;
  if (understanding < questions.length * MIN_UNDERSTANDING_SHARE) {
    problems.push(`${understanding} of ${questions.length} questions are level: understanding, fewer than a third`);
  }
  return problems;
}

/** The earliest and latest day (in days since 1970) a date point can mean: "2003" is 1 Jan–31 Dec 2003. */
const earliest = (p: DatePoint) => Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1) / 86_400_000;
const latest = (p: DatePoint) => (p.day !== undefined ? earliest(p) : Date.UTC(p.year, p.month ?? 12, 0) / 86_400_000); // day 0 = last of the month before

/**
 * The timeline file is written oldest first, but an event known only to a month or a year ("2003/2007",
 * "2023-10") is placed where it reads best, so the file is not sorted by compareDatePoints; the timeline page
 * sorts it (stable sort on the start). What must hold, then:
 * - every date parses, and no range ends before it starts;
 * - no event is listed after one that certainly happened later (comparing the whole span each date can mean);
 * - where the page's order differs from the file's, one of the two events has a start less precise than a day
 *   (so the page moves only vague dates, never two exact days the author put in the wrong order);
 * - events starting on the same day keep the file's order on the page, and the file lists them by their end.
 */
function timelineProblems(events: Course['events']): string[] {
  const problems: string[] = [];
  const dated: { id: string; when: EventDate }[] = [];
  for (const event of events) {
    const parsed = parseEventDate(event.date);
    if (!parsed.ok) problems.push(`event ${event.id}: ${parsed.error}`);
    else if (parsed.end && compareDatePoints(parsed.start, parsed.end) > 0)
      problems.push(`event ${event.id} ends before it starts`);
    else dated.push({ id: event.id, when: parsed });
  }
  const last = (e: (typeof dated)[number]) => e.when.end ?? e.when.start;
  dated.forEach((before, i) => {
    for (const after of dated.slice(i + 1)) {
      if (latest(last(after)) < earliest(before.when.start)) {
        problems.push(
          `event ${after.id} (${isoSpan(after.when)}) is listed after ${before.id} (${isoSpan(before.when)}), which came later`,
        );
      }
      const order = compareDatePoints(before.when.start, after.when.start);
      if (order > 0 && before.when.precision === 'day' && after.when.precision === 'day') {
        problems.push(`events ${before.id} and ${after.id} are exact days listed out of date order`);
      }
      if (order === 0 && compareDatePoints(last(before), last(after)) > 0) {
        problems.push(`events ${before.id} and ${after.id} start together; list the one that ends first first`);
      }
    }
  });
  return problems;
}

const isoSpan = (d: EventDate) =>
  [d.start, d.end]
    .filter((p) => p)
    .map((p) => [p!.year, p!.month, p!.day].filter((n) => n).join('-'))
    .join('/');

/** The page's order: a stable sort on the start, as getEventsInOrder does. */
function pageOrder(events: Course['events']): string[] {
  return events
    .flatMap((e) => {
      const parsed = parseEventDate(e.date);
      return parsed.ok ? [{ id: e.id, start: parsed.start }] : [];
    })
    .sort((a, b) => compareDatePoints(a.start, b.start))
    .map((e) => e.id);
}

function table(title: string, rows: [string, number | string][]): string {
  const width = Math.max(...rows.map(([name]) => name.length));
  return [title, ...rows.map(([name, n]) => `  ${name.padEnd(width)}  ${String(n).padStart(3)}`)].join('\n');
}

const course = readCourse(projectRoot);

describe('the course in content/', () => {
  test('passes the content check with no errors (every evidence link, placement and objective id resolves)', () => {
    const errors = checkContentFolder(projectRoot).filter(isError);
    expect(errors, formatProblems(errors)).toEqual([]);
  });

  test('keeps its promises: objectives assessed, enough questions of every type and level, lessons 1..n', () => {
    const questions = course.questions.map((q) => q.question);
    const lessons = [...course.lessons].sort((a, b) => a.data.order - b.data.order);
    const perLesson = lessons.map((l): [string, number] => [
      `${l.data.order}. ${l.id} (${l.quizzes.length} quizzes, ${l.data.objectives.length} objectives)`,
      course.questions.filter((q) => q.lessons.includes(l.id)).length,
    ]);
    const byType = countBy(questions, (q) => q.type);
    const byLevel = countBy(questions, (q) => q.level);
    console.log(
      [
        table('Questions per lesson', [...perLesson, ['total', questions.length]]),
        table(
          'Questions per type',
          questionTypes.map((t): [string, number] => [t, byType.get(t) ?? 0]),
        ),
        table('Questions per level', [...byLevel].sort()),
      ].join('\n'),
    );
    expect(course.lessons.length).toBeGreaterThan(0);
    expect(courseProblems(course)).toEqual([]);
  });

  test('the timeline file lists events in an order its dates allow, and the page reorders only vague dates', () => {
    expect(course.events.length).toBeGreaterThan(1);
    expect(timelineProblems(course.events)).toEqual([]);
    const file = course.events.map((e) => e.id);
    const page = pageOrder(course.events);
    expect(page).toHaveLength(file.length);
    const movedAhead = file.flatMap((id, i) => {
      const passed = file.slice(0, i).filter((earlier) => page.indexOf(earlier) > page.indexOf(id));
      return passed.length > 0 ? [`${id} moves ahead of ${passed.join(', ')}`] : [];
    });
    console.log(`Timeline: ${file.length} events; on the page ${movedAhead.join('; ') || 'none moves'}`);
  });
});

// The rules above must be able to fail: each break below is made on a copy of the real course.
describe('the course rules catch a broken course', () => {
  const copy = (): Course => structuredClone(course);

  test('a question type used only twice', () => {
    const broken = copy();
    const text = broken.questions.filter((q) => q.question.type === 'text');
    for (const q of text.slice(2)) (q.question as { type: string }).type = 'single';
    expect(courseProblems(broken)).toEqual(['type text is used 2 times, fewer than 3']);
  });

  test('an objective no question assesses, too many objectives, a gap in the orders', () => {
    const broken = copy();
    const first = broken.lessons.find((l) => l.data.order === 1)!;
    first.data.objectives.push({ id: 'extra-a', text: 'a' }, { id: 'extra-b', text: 'b' });
    broken.lessons.find((l) => l.data.order === broken.lessons.length)!.data.order += 1;
    expect(courseProblems(broken)).toEqual([
      `lesson ${first.id} has 5 objectives, not 2–4`,
      `lesson ${first.id}: no question placed in it assesses objective extra-a`,
      `lesson ${first.id}: no question placed in it assesses objective extra-b`,
      expect.stringMatching(/^lesson orders are .*, 7, not .*, 6$/),
    ]);
  });

  test('too few questions, too few understanding questions, a quiz placed twice', () => {
    const broken = copy();
    broken.questions = broken.questions.slice(0, 44);
    for (const q of broken.questions) q.question.level = 'recall';
    broken.questions[0]!.lessons.push('another-lesson');
    const problems = courseProblems(broken);
    expect(problems).toContain(
      `question ${broken.questions[0]!.question.id} (quiz ${broken.questions[0]!.quiz}) is placed in 2 lessons, not 1`,
    );
    expect(problems).toContain('44 questions, fewer than 45');
    expect(problems).toContain('0 of 44 questions are level: understanding, fewer than a third');
  });

  test('timeline: two exact days swapped, a backwards range, a same-day pair by end', () => {
    const events = [
      { id: 'a', date: '2003' },
      { id: 'b', date: '2024-04-22' },
      { id: 'c', date: '2024-04-21' },
      { id: 'd', date: '2024-04-20/2024-04-19' },
      { id: 'e', date: '2024-04-23/2024-04-24' },
      { id: 'f', date: '2024-04-23' },
    ];
    expect(timelineProblems(events)).toEqual([
      'event d: "2024-04-20/2024-04-19" ends before it starts',
      'event c (2024-4-21) is listed after b (2024-4-22), which came later',
      'events b and c are exact days listed out of date order',
      'events e and f start together; list the one that ends first first',
    ]);
    expect(
      timelineProblems([
        { id: 'year', date: '2003/2007' },
        { id: 'day', date: '2003-04-09' },
      ]),
    ).toEqual([]);
    expect(
      timelineProblems([
        { id: 'late', date: '2008' },
        { id: 'early', date: '2003-04-09' },
      ]),
    ).toEqual(['event early (2003-4-9) is listed after late (2008), which came later']);
  });
});
