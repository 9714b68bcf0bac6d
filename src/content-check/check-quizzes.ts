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
      problems.push(...checkTellAfter(quiz, at, item, question));
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
