import { describe, expect, it } from 'vitest';
import { questionSchema, quizSchema, responseSchema } from '../../src/schemas';
import { raw, variant } from './quiz-fixtures';

/** "path: message" for every issue, or [] when the value is valid. */
function problems(
  schema: {
    safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('questionSchema', () => {
  it.each(Object.keys(raw))('accepts a valid %s question', (type) => {
    expect(problems(questionSchema, raw[type as keyof typeof raw])).toEqual([]);
  });

  it('refuses a single-choice question with no correct option, saying so', () => {
    const options = raw.single.options.map(({ correct, ...o }) => o);
    expect(problems(questionSchema, variant('single', { options }))).toEqual([
      'options: a single-choice question needs one option marked correct: true; none is',
    ]);
  });

  it('refuses a single-choice question with two correct options, naming them', () => {
    const options = raw.single.options.map((o) => (o.id === 'b' ? { ...o, correct: true } : o));
    const found = problems(questionSchema, variant('single', { options }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^options: .*exactly one correct option, but a, b are marked/);
    expect(found[0]).toContain('type: multiple');
  });

  it('treats correct: false like no mark', () => {
    const options = raw.single.options.map((o) => (o.id === 'c' ? { ...o, correct: false } : o));
    expect(problems(questionSchema, variant('single', { options }))).toEqual([]);
  });

  it('refuses repeated option ids and texts, pointing at the repeat', () => {
    const options = [...raw.multiple.options, { id: 'iraq', text: 'Syria' }];
    expect(problems(questionSchema, variant('multiple', { options }))).toEqual([
      'options.4: option id "iraq" appears twice',
      'options.4: option text "Syria" appears twice',
    ]);
  });

  it('refuses a multiple-choice question with nothing correct', () => {
    const options = raw.multiple.options.map(({ correct, ...o }) => o);
    expect(problems(questionSchema, variant('multiple', { options }))).toEqual([
      'options: mark at least one option correct: true',
    ]);
  });

  it('refuses an ordering question with a duplicate item', () => {
    const items = [...raw.ordering.items, { ...raw.ordering.items[0]! }];
    expect(problems(questionSchema, variant('ordering', { items }))).toEqual([
      'items.3: item id "invasion" appears twice',
      'items.3: item text "US-led invasion of Iraq" appears twice',
    ]);
  });

  it('refuses an ordering question with one item', () => {
    expect(problems(questionSchema, variant('ordering', { items: [raw.ordering.items[0]] }))).toEqual([
      'items: give at least 2 items to put in order',
    ]);
  });

  it('refuses a matching question with unequal sides', () => {
    const right = [...raw.matching.right, { id: 'y2024', text: '2024' }];
    expect(problems(questionSchema, variant('matching', { right }))).toEqual([
      'right: left has 3 entries and right has 4: give both sides the same number',
    ]);
  });

  it('refuses a matching question that reuses a right entry and leaves one unpaired', () => {
    const pairs = { invasion: 'y2003', sofa: 'y2003', withdrawal: 'y2011' };
    expect(problems(questionSchema, variant('matching', { pairs }))).toEqual([
      'pairs.sofa: right "y2003" is already paired with "invasion": each right entry is used once',
    ]);
  });

  it('refuses pairs that name unknown ids or leave a left entry out', () => {
    const pairs = { invasion: 'y1999', nope: 'y2008' };
    expect(problems(questionSchema, variant('matching', { pairs }))).toEqual([
      'pairs.invasion: "y1999" is not a right id',
      'pairs.nope: "nope" is not a left id',
      'pairs: pair left "sofa" with a right id',
      'pairs: pair left "withdrawal" with a right id',
    ]);
  });

  it('refuses a negative numeric tolerance', () => {
    expect(problems(questionSchema, variant('numeric', { tolerance: -1 }))).toEqual([
      'tolerance: tolerance is how far off an answer may be: 0 or more',
    ]);
  });

  it('refuses an unknown type, listing the known ones', () => {
    expect(problems(questionSchema, variant('single', { type: 'essay' }))).toEqual([
      'type: type must be one of: single, truefalse, multiple, ordering, matching, numeric, text, evidence, attribution',
    ]);
  });

  it('refuses a misspelt key instead of dropping it', () => {
    expect(problems(questionSchema, variant('truefalse', { feedbak: { true: 'x' } }))).toEqual([
      ': Unrecognized key: "feedbak"',
    ]);
  });

  it('refuses evidence that is not one of the known shapes', () => {
    const [message] = problems(questionSchema, variant('single', { evidence: { source: 'report-a' } }));
    expect(message).toContain('evidence: evidence is one of { source: <report id>, paragraph: 3 }');
    expect(problems(questionSchema, variant('single', { evidence: { topic: 'iran-proxies' } }))).toEqual([]);
    expect(problems(questionSchema, variant('single', { evidence: { source: 'report-a', paragraph: 0 } }))).not.toEqual(
      [],
    );
  });

  it('refuses a text question whose accepted answer is only punctuation, or has none', () => {
    expect(problems(questionSchema, variant('text', { accept: ['—'] }))).toEqual([
      'accept.0: this answer is only punctuation once normalised',
    ]);
    expect(problems(questionSchema, variant('text', { accept: [] }))).toEqual([
      'accept: give at least one accepted answer',
    ]);
  });

  it('refuses evidence questions with repeated or impossible paragraphs', () => {
    expect(problems(questionSchema, variant('evidence', { paragraphs: [2, 2] }))).toEqual([
      'paragraphs.1: paragraph "2" appears twice',
    ]);
    expect(problems(questionSchema, variant('evidence', { paragraphs: [0] }))).not.toEqual([]);
    expect(problems(questionSchema, variant('evidence', { feedback: { two: 'x' } }))).not.toEqual([]);
  });

  it('refuses an attribution answer other than a, b, both or neither', () => {
    expect(problems(questionSchema, variant('attribution', { answer: 'c' }))).not.toEqual([]);
  });

  it('trims texts', () => {
    const parsed = questionSchema.parse(variant('truefalse', { prompt: '  Spaced out.  ' }));
    expect(parsed.prompt).toBe('Spaced out.');
  });
});

describe('quizSchema', () => {
  it('accepts a quiz of distinct questions', () => {
    expect(problems(quizSchema, { id: 'lesson-1-check', title: 'Check', questions: [raw.single, raw.text] })).toEqual(
      [],
    );
  });

  it('refuses two questions with one id, pointing at the second', () => {
    const copy = { ...raw.text, id: raw.single.id };
    expect(problems(quizSchema, { id: 'q', title: 'Check', questions: [raw.single, raw.truefalse, copy] })).toEqual([
      'questions.2: question id "which-group" appears twice',
    ]);
  });

  it('refuses an empty quiz', () => {
    expect(problems(quizSchema, { id: 'q', title: 'Check', questions: [] })).toEqual([
      'questions: give at least one question',
    ]);
  });
});

describe('responseSchema', () => {
  it.each([
    { type: 'single', option: 'a' },
    { type: 'truefalse', value: false },
    { type: 'multiple', options: [] },
    { type: 'ordering', order: ['x', 'y'] },
    { type: 'matching', pairs: { a: 'b' } },
    { type: 'numeric', value: 'about 900' },
    { type: 'text', value: '' },
    { type: 'evidence', paragraph: 3 },
    { type: 'attribution', choice: 'neither' },
  ])('accepts $type', (response) => {
    expect(responseSchema.safeParse(response).success).toBe(true);
  });

  it.each([
    { type: 'single', option: 1 },
    { type: 'truefalse', value: 'true' },
    { type: 'multiple', options: 'a' },
    { type: 'matching', pairs: { a: 1 } },
    { type: 'numeric', value: 900 },
    { type: 'evidence', paragraph: 2.5 },
    { type: 'attribution', choice: 'c' },
    { type: 'essay', value: 'x' },
    null,
  ])('refuses %j', (response) => {
    expect(responseSchema.safeParse(response).success).toBe(false);
  });
});
