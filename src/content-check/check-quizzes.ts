/**
 * Each quiz against the rest of the course: its id is its file name, question ids are unique across all
 * quizzes (students' answers are saved under them), and every piece of evidence leads to something that
 * exists: a topic, note, term, event or place, or a paragraph the report really has.
 */
import type { EvidenceRef, Question, QuestionOf, Quiz } from '../schemas';
import { attributionChoices, attributionFallback } from '../quiz/attribution';
import { seeGuide } from './guide';
import { unknownLink, type KnownIds, type Target } from './links';
import { lineOf, type Loaded, type LoadedContent } from './load';
import type { Problem } from './problem';

export function checkQuizzes(content: LoadedContent, known: KnownIds): Problem[] {
  const problems: Problem[] = [];
  const paragraphCounts = new Map(content.sources.map((s) => [s.id, s.data.paragraphs.length]));
  const firstUse = new Map<string, string>();

  for (const quiz of content.quizzes) {
    if (quiz.data.id !== quiz.id) {
      problems.push({
        file: quiz.file,
        line: lineOf(quiz, 'id'),
        item: `quiz "${quiz.data.id}"`,
        message: `the quiz's id "${quiz.data.id}" differs from its file name "${quiz.id}"`,
        fix: `make them the same (lessons place a quiz by its file name): set id: ${quiz.id}, or rename the file to ${quiz.data.id}.yaml`,
      });
    }
    quiz.data.questions.forEach((question, index) => {
      const at = `questions.${index}`;
      const item = `question "${question.id}"`;
      const here = `${quiz.file}:${lineOf(quiz, `${at}.id`)}`;
      const first = firstUse.get(question.id);
      if (first) {
        problems.push({
          file: quiz.file,
          line: lineOf(quiz, `${at}.id`),
          item,
          message: `the question id "${question.id}" is already used by the question at ${first}`,
          fix: "give this question an id of its own: students' answers are saved under it, in every quiz of the course",
        });
      } else firstUse.set(question.id, here);
      problems.push(...checkEvidence(quiz, at, item, question, known, paragraphCounts));
      problems.push(...checkTellAfter(quiz, at, item, question));
      if (question.type === 'attribution') {
        problems.push(...checkAttribution(quiz, at, item, question, known, reportsFor(content, quiz.id)));
      }
    });
  }
  return problems;
}

/** The reports a quiz's attribution questions fall back on: its lesson's readings, or the course's, as pages do. */
function reportsFor(content: LoadedContent, quizId: string): string[] {
  const lessonId = content.placements.find((p) => p.quiz === quizId)?.lesson;
  const readings = content.lessons.find((l) => l.id === lessonId)?.data.readings ?? [];
  const course = [...content.sources].sort((a, b) => a.data.order - b.data.order).map((s) => s.id);
  return attributionFallback(readings, course);
}

/** Its reports exist, there are two or more, and the answer and feedback name only them. */
function checkAttribution(
  quiz: Loaded<Quiz>,
  at: string,
  item: string,
  question: QuestionOf<'attribution'>,
  known: KnownIds,
  fallback: string[],
): Problem[] {
  const problems: Problem[] = [];
  const guide = seeGuide(quiz.file);
  (question.reports ?? []).forEach((id, i) => {
    const problem = unknownLink(known, quiz, item, `${at}.reports.${i}`, 'sources', id);
    if (problem) problems.push(problem);
  });
  const reports = question.reports ?? fallback;
  if (reports.length < 2) {
    problems.push({
      file: quiz.file,
      line: lineOf(quiz, `${at}.type`),
      item,
      message: `an attribution question needs 2 or more reports to choose from; it has ${reports.length === 0 ? 'none' : `only "${reports[0]}"`}`,
      fix: `list them under reports: (e.g. reports: [${reports[0] ?? 'report-one'}, …]), or add readings to the lesson that places this quiz ${guide}`,
    });
    return problems;
  }
  const outside = (ids: readonly string[]) => ids.filter((id) => !reports.includes(id));
  if (Array.isArray(question.answer)) {
    for (const id of outside(question.answer)) {
      problems.push({
        file: quiz.file,
        line: lineOf(quiz, `${at}.answer`),
        item,
        message: `its answer names "${id}", which is not one of the reports to choose from (${reports.join(', ')})`,
        fix: `list only the reports that say it, from ${reports.join(', ')}; write answer: [] when none does ${guide}`,
      });
    }
  } else if (question.reports && question.reports.length > 2) {
    problems.push({
      file: quiz.file,
      line: lineOf(quiz, `${at}.answer`),
      item,
      message: `answer: ${question.answer} names reports by position, which works for 2 reports only; this question has ${question.reports.length}`,
      fix: `list the reports that say it, e.g. answer: [${question.reports[0]}] ${guide}`,
    });
  }
  for (const key of Object.keys(question.feedback ?? {})) {
    if (key === 'none' || (attributionChoices as readonly string[]).includes(key)) continue;
    const stray = outside(key.split('+'));
    if (stray.length === 0) continue;
    problems.push({
      file: quiz.file,
      line: lineOf(quiz, `${at}.feedback.${key}`),
      item,
      message: `feedback "${key}" names ${stray.map((id) => `"${id}"`).join(', ')}, not among the reports to choose from (${reports.join(', ')})`,
      fix: `key feedback by the reports a student ticked, e.g. ${reports[0]}, ${reports[0]}+${reports[1]}, or none ${guide}`,
    });
  }
  return problems;
}

/**
 * What a wrong attempt shows (per-option feedback, the hint) must not give the answer away: the student tries
 * again, so the answer comes only after a right answer or "Show answer" (the explanation may state it).
 * An evidence question needs a hint, since its evidence link would lead straight to the answer.
 */
function checkTellAfter(quiz: Loaded<Quiz>, at: string, item: string, question: Question): Problem[] {
  const problems: Problem[] = [];
  const told = (where: string, what: string, answer: string) =>
    problems.push({
      file: quiz.file,
      line: lineOf(quiz, where),
      item,
      message: `${what} is shown after a wrong attempt, and it gives the answer away (“${answer}”)`,
      fix: 'say what is wrong with that choice, or where to look, without the answer: the explanation says it once the student is right or asks for it',
    });
  const mentions = (text: string | undefined, answer: string) =>
    text !== undefined && text.toLowerCase().includes(answer.toLowerCase());
  if (question.type === 'evidence' && question.hint === undefined) {
    problems.push({
      file: quiz.file,
      line: lineOf(quiz, `${at}.id`),
      item,
      message: 'an evidence question needs a hint: after a wrong pick its evidence link would show the answer',
      fix: 'add hint: with what to look for in the report (not the paragraph number)',
    });
  }
  if (question.type === 'single' || question.type === 'multiple') {
    const right = question.options.filter((o) => o.correct);
    question.options.forEach((option, i) => {
      if (option.correct) return;
      for (const answer of right)
        if (mentions(option.feedback, answer.text)) told(`${at}.options.${i}.feedback`, 'this feedback', answer.text);
    });
    for (const answer of right) if (mentions(question.hint, answer.text)) told(`${at}.hint`, 'the hint', answer.text);
  }
  if (question.type === 'evidence') {
    for (const n of question.paragraphs) {
      const answer = `paragraph ${n}`;
      const pattern = new RegExp(`\\bparagraph ${n}\\b`, 'i');
      for (const [key, text] of Object.entries(question.feedback ?? {}))
        if (!question.paragraphs.includes(Number(key)) && pattern.test(text))
          told(`${at}.feedback.${key}`, 'this feedback', answer);
      if (question.hint !== undefined && pattern.test(question.hint)) told(`${at}.hint`, 'the hint', answer);
    }
  }
  if (question.type === 'text')
    for (const answer of question.accept) if (mentions(question.hint, answer)) told(`${at}.hint`, 'the hint', answer);
  return problems;
}

const refTargets: ReadonlyArray<[key: string, target: Target]> = [
  ['topic', 'topics'],
  ['note', 'notes'],
  ['term', 'terms'],
  ['event', 'events'],
  ['place', 'places'],
];

function checkEvidence(
  quiz: Loaded<Quiz>,
  at: string,
  item: string,
  question: Question,
  known: KnownIds,
  paragraphCounts: ReadonlyMap<string, number>,
): Problem[] {
  const problems: Problem[] = [];
  const link = (path: string, target: Target, id: string) => {
    const problem = unknownLink(known, quiz, item, path, target, id);
    if (problem) problems.push(problem);
    return !problem;
  };
  const paragraph = (path: string, source: string, number: number, what: string) => {
    const count = paragraphCounts.get(source);
    if (count === undefined || number <= count) return; // an unknown or broken source is reported elsewhere
    problems.push({
      file: quiz.file,
      line: lineOf(quiz, path),
      item,
      message: `${what} paragraph ${number} of source "${source}", which has ${count} paragraph${count === 1 ? '' : 's'}`,
      fix: `use a paragraph from 1 to ${count}: the numbers are shown beside each paragraph of /reports/${source}/`,
    });
  };

  const ref: EvidenceRef = question.evidence;
  if ('source' in ref) {
    if (link(`${at}.evidence.source`, 'sources', ref.source)) {
      paragraph(`${at}.evidence.paragraph`, ref.source, ref.paragraph, 'its evidence points at');
    }
  } else {
    for (const [key, target] of refTargets) {
      const id = (ref as Record<string, string | undefined>)[key];
      if (id !== undefined) link(`${at}.evidence.${key}`, target, id);
    }
  }

  if (question.type === 'evidence' && link(`${at}.source`, 'sources', question.source)) {
    question.paragraphs.forEach((n, i) => paragraph(`${at}.paragraphs.${i}`, question.source, n, 'its answer is'));
    for (const key of Object.keys(question.feedback ?? {})) {
      paragraph(`${at}.feedback.${key}`, question.source, Number(key), 'its feedback is for');
    }
  }
  return problems;
}
