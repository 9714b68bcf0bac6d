// Valid questions of every type, parsed through the schema so the tests grade what content would produce.
import { resolveAttribution } from '../../src/quiz/attribution';
import { questionSchema, type Question, type QuestionOf, type QuestionType } from '../../src/schemas/question';

const common = {
  explanation: 'Because the report says so.',
  evidence: { source: 'report-a', paragraph: 2 },
  level: 'recall',
} as const;

export const raw = {
  single: {
    ...common,
    id: 'which-group',
    type: 'single',
    prompt: 'Which group does the report name?',
    options: [
      { id: 'a', text: "Kata'ib Hezbollah", correct: true, feedback: 'Yes: paragraph 2 names it.' },
      { id: 'b', text: 'Hamas', feedback: 'Hamas is in Gaza, not Iraq.' },
      { id: 'c', text: 'The Houthis' },
    ],
  },
  truefalse: {
    ...common,
    id: 'tf',
    type: 'truefalse',
    prompt: 'The last US troops left Iraq in 2011.',
    answer: true,
    feedback: { false: 'They left in December 2011.' },
  },
  multiple: {
    ...common,
    id: 'pick-countries',
    type: 'multiple',
    prompt: 'Where are the bases?',
    options: [
      { id: 'iraq', text: 'Iraq', correct: true },
      { id: 'syria', text: 'Syria', correct: true },
      { id: 'egypt', text: 'Egypt', feedback: 'No base in Egypt is mentioned.' },
      { id: 'oman', text: 'Oman' },
    ],
  },
  ordering: {
    ...common,
    id: 'order-events',
    type: 'ordering',
    prompt: 'Put these in order.',
    items: [
      { id: 'invasion', text: 'US-led invasion of Iraq' },
      { id: 'sofa', text: 'Status of Forces Agreement' },
      { id: 'withdrawal', text: 'Last US troops leave Iraq' },
    ],
  },
  matching: {
    ...common,
    id: 'match-years',
    type: 'matching',
    prompt: 'Match each event to its year.',
    left: [
      { id: 'invasion', text: 'Invasion' },
      { id: 'sofa', text: 'SOFA' },
      { id: 'withdrawal', text: 'Withdrawal' },
    ],
    right: [
      { id: 'y2003', text: '2003' },
      { id: 'y2008', text: '2008' },
      { id: 'y2011', text: '2011' },
    ],
    pairs: { invasion: 'y2003', sofa: 'y2008', withdrawal: 'y2011' },
  },
  numeric: {
    ...common,
    id: 'convoy',
    type: 'numeric',
    prompt: 'About how many troops were in the last convoy?',
    answer: 500,
    tolerance: 50,
    unit: 'troops',
  },
  text: {
    ...common,
    id: 'name-group',
    type: 'text',
    prompt: 'Name the group.',
    accept: ["Kata'ib Hezbollah", 'KH'],
  },
  evidence: {
    ...common,
    id: 'find-paragraph',
    type: 'evidence',
    prompt: 'Which paragraph supports the claim?',
    claim: 'A rocket attack targeted a base.',
    source: 'report-a',
    paragraphs: [2, 5],
    feedback: { '1': 'Paragraph 1 is the headline summary; look for the detail.' },
  },
  attribution: {
    ...common,
    id: 'who-said',
    type: 'attribution',
    prompt: 'Which report says this?',
    statement: 'Rockets were fired from near the Syrian border.',
    answer: 'both',
    feedback: { a: 'Report B says it too.' },
  },
} satisfies Record<QuestionType, Record<string, unknown>>;

/** Each type parsed, as the build hands it to the islands: an attribution question resolved against two reports. */
export const questions = Object.fromEntries(
  Object.entries(raw).map(([type, value]) => {
    const question = questionSchema.parse(value);
    return [type, question.type === 'attribution' ? resolveAttribution(question, ['report-a', 'report-b']) : question];
  }),
) as { [T in QuestionType]: QuestionOf<T> };

export const allQuestions: Question[] = Object.values(questions);

/** A deep copy of a raw question with changes, for schema tests. */
export function variant<T extends QuestionType>(type: T, changes: Record<string, unknown>): Record<string, unknown> {
  return { ...structuredClone(raw[type]), ...changes };
}
