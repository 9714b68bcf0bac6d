// A small course for the export tests: every question type, with every character GIFT reserves
// (~ = # { } : \) and XML's (& < > " ') in the text a teacher might write.
import { questionSchema, quizSchema, type Question, type QuestionOf, type Quiz } from '../../src/schemas/question';
import { resolveAttribution } from '../../src/quiz/attribution';
import type { ExportCourse } from '../../src/export/types';
import { raw } from './quiz-fixtures';

/** Also a literal backslash before "n" and before ":", which must not turn into a line break or an escape. */
export const NASTY = 'a~b=c#d{e}f:g\\h\\n\\: & <i> "j" \'k\'';

const nasty = <T extends Record<string, unknown>>(q: T, changes: Record<string, unknown>) =>
  questionSchema.parse({ ...structuredClone(q), ...changes });

export const nastyQuestions: Question[] = [
  nasty(raw.single, {
    id: 'nasty-single',
    prompt: `Which one? ${NASTY}`,
    explanation: `Because ${NASTY}`,
    options: [
      { id: 'a', text: `Right {1} = ${NASTY}`, correct: true, feedback: `Yes: ${NASTY}` },
      { id: 'b', text: 'Wrong ~ 2', feedback: 'No # not this' },
      { id: 'c', text: 'C:\\path' },
    ],
  }),
  nasty(raw.truefalse, { id: 'nasty-tf', prompt: `True? ${NASTY}`, feedback: { true: `T: ${NASTY}`, false: 'F: #1' } }),
  nasty(raw.truefalse, { id: 'nasty-tf-false', answer: false, feedback: { false: 'right only' } }),
  nasty(raw.truefalse, { id: 'plain-tf', feedback: undefined }),
  nasty(raw.multiple, {
    id: 'nasty-multiple',
    options: [
      { id: 'x', text: `X ${NASTY}`, correct: true },
      { id: 'y', text: 'Y = yes', correct: true, feedback: 'y#y' },
      { id: 'z', text: 'Z {z}', correct: true },
      { id: 'w', text: 'W ~ wrong', feedback: 'nope: no' },
      { id: 'v', text: 'V \\ wrong' },
    ],
  }),
  nasty(raw.ordering, { id: 'nasty-ordering' }),
  nasty(raw.matching, {
    id: 'nasty-matching',
    prompt: `Match {them}: ${NASTY}`,
    left: [
      { id: 'l1', text: `Left = 1 ${NASTY}` },
      { id: 'l2', text: 'Left ~ 2' },
      { id: 'l3', text: 'Left: 3' },
    ],
    right: [
      { id: 'r1', text: 'Right #1' },
      { id: 'r2', text: `Right {2} ${NASTY}` },
      { id: 'r3', text: 'Right \\3' },
    ],
    pairs: { l1: 'r2', l2: 'r3', l3: 'r1' },
  }),
  nasty(raw.numeric, {
    id: 'nasty-numeric',
    prompt: `How many: ${NASTY}?`,
    answer: 2.5,
    tolerance: 0.5,
    unit: 'km {approx}',
  }),
  nasty(raw.numeric, { id: 'exact-numeric', answer: -3, tolerance: 0, unit: undefined }),
  nasty(raw.text, { id: 'nasty-text', accept: [`KH = ${NASTY}`, 'K:H', '{Kataib}'] }),
  nasty(raw.evidence, {
    id: 'nasty-evidence',
    claim: `Claim: ${NASTY}`,
    paragraphs: [1, 3],
    feedback: { '2': `Not 2 ${NASTY}` },
  }),
  // As src/export/load.ts hands it over: a first-form question with its two reports named.
  resolveAttribution(
    nasty(raw.attribution, {
      id: 'nasty-attribution',
      statement: `Said ${NASTY}`,
      answer: 'b',
      feedback: { a: 'A#', neither: '~n' },
    }) as QuestionOf<'attribution'>,
    ['report-a', 'report-b'],
  ),
  nasty(raw.single, { id: 'topic-evidence', evidence: { topic: 'gaza-link' } }),
  nasty(raw.single, { id: 'note-evidence', evidence: { note: 'kalsu-note' } }),
];

export const sources: ExportCourse['sources'] = [
  {
    id: 'report-a',
    label: 'Report A',
    title: 'Report A',
    paragraphs: [
      'One two three four five six seven eight nine ten.',
      `Short {para} ${NASTY}`,
      'The third paragraph: with = and ~ in it, long enough to be cut short here.',
    ],
  },
  { id: 'report-b', label: 'Report B', title: 'Report B', paragraphs: ['The second report.'] },
];

export const quizzes: Quiz[] = [
  quizSchema.parse({ id: 'quiz-one', title: `Checkpoint: ${NASTY}`, questions: nastyQuestions.slice(0, 7) }),
  quizSchema.parse({ id: 'quiz-two', title: 'Checkpoint two', questions: nastyQuestions.slice(7) }),
];

export const course: ExportCourse = {
  title: 'Test / Course',
  siteUrl: 'https://course.test/',
  sources,
  lessons: [
    { id: 'lesson-one', title: 'First: lesson', order: 1, objectives: [], quizzes: [quizzes[0]!] },
    { id: 'lesson-two', title: 'Second', order: 2, objectives: [], quizzes: [quizzes[1]!] },
  ],
  names: {
    topic: { 'gaza-link': 'The Gaza link' },
    term: {},
    event: {},
    place: {},
    note: { 'kalsu-note': 'report-a' },
  },
};

export const exportable = nastyQuestions.filter((q) => q.type !== 'ordering');
