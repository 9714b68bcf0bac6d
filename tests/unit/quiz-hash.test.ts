import { describe, expect, it } from 'vitest';
import { questionSchema, type Question } from '../../src/schemas/question';
import { questionHash } from '../../src/quiz';
import { allQuestions, questions as q, raw } from './quiz-fixtures';

/** The same object with its keys (at every depth) in reverse order. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    ) as T;
  }
  return value;
}

const edit = <T extends Question>(question: T, changes: Partial<T>): T => ({
  ...structuredClone(question),
  ...changes,
});

describe('questionHash', () => {
  it('is a short base-36 string, the same on every call', () => {
    for (const question of allQuestions) {
      expect(questionHash(question)).toMatch(/^[0-9a-z]{1,11}$/);
      expect(questionHash(question)).toBe(questionHash(structuredClone(question)));
    }
  });

  it('differs between different questions', () => {
    const hashes = new Set(allQuestions.map(questionHash));
    expect(hashes.size).toBe(allQuestions.length);
  });

  it('does not depend on key order', () => {
    for (const question of allQuestions) expect(questionHash(reverseKeys(question))).toBe(questionHash(question));
  });

  it('changes when the answer changes', () => {
    expect(questionHash(edit(q.truefalse, { answer: false }))).not.toBe(questionHash(q.truefalse));
    expect(questionHash(edit(q.numeric, { answer: 600 }))).not.toBe(questionHash(q.numeric));
    expect(questionHash(edit(q.numeric, { tolerance: 0 }))).not.toBe(questionHash(q.numeric));
    expect(questionHash(edit(q.attribution, { answer: 'a' }))).not.toBe(questionHash(q.attribution));
    expect(questionHash(edit(q.evidence, { paragraphs: [2] }))).not.toBe(questionHash(q.evidence));
    expect(questionHash(edit(q.text, { accept: ['KH'] }))).not.toBe(questionHash(q.text));
    const moved = q.single.options.map((o) => ({ ...o, correct: o.id === 'b' ? true : undefined }));
    expect(questionHash(edit(q.single, { options: moved }))).not.toBe(questionHash(q.single));
    const [first, second, third] = q.ordering.items;
    expect(questionHash(edit(q.ordering, { items: [second!, first!, third!] }))).not.toBe(questionHash(q.ordering));
    const pairs = { invasion: 'y2008', sofa: 'y2003', withdrawal: 'y2011' };
    expect(questionHash(edit(q.matching, { pairs }))).not.toBe(questionHash(q.matching));
  });

  it('changes when what is asked changes', () => {
    expect(questionHash(edit(q.single, { prompt: 'Which group does the report NOT name?' }))).not.toBe(
      questionHash(q.single),
    );
    const reworded = q.single.options.map((o) => (o.id === 'c' ? { ...o, text: 'Hezbollah' } : o));
    expect(questionHash(edit(q.single, { options: reworded }))).not.toBe(questionHash(q.single));
    expect(questionHash(edit(q.numeric, { unit: 'km' }))).not.toBe(questionHash(q.numeric));
  });

  it('ignores explanation, feedback, evidence, objective, level, id and re-wrapped whitespace', () => {
    const base = questionHash(q.single);
    const options = q.single.options.map((o) => ({
      ...o,
      feedback: 'Different words.',
      text: ` ${o.text.replace(' ', '\n  ')} `,
    }));
    const edited = edit(q.single, {
      id: 'renamed',
      explanation: 'A better explanation.',
      evidence: { topic: 'iran-proxies' },
      objective: 'name-groups',
      level: 'understanding',
      options,
    });
    expect(questionHash(edited)).toBe(base);
    expect(questionHash(edit(q.truefalse, { feedback: { true: 'New.' } }))).toBe(questionHash(q.truefalse));
    expect(questionHash(edit(q.evidence, { feedback: undefined }))).toBe(questionHash(q.evidence));
  });

  it('treats correct: false like an unmarked option', () => {
    const explicit = questionSchema.parse({
      ...raw.single,
      options: raw.single.options.map((o) => ({ correct: false, ...o })),
    });
    expect(questionHash(explicit)).toBe(questionHash(q.single));
  });
});
