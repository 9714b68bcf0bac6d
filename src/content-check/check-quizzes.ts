/**
 * Each quiz against the rest of the course: its id is its file name, question ids are unique across all
 * quizzes (students' answers are saved under them), and every piece of evidence leads to something that
 * exists: a topic, note, term, event or place, or a paragraph the report really has.
 */
import type { EvidenceRef, Question, Quiz } from '../schemas';
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
    });
  }
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
