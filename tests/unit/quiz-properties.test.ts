import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { responseSchema, type Question, type Response } from '../../src/schemas/question';
import { answerOf, attributionChoices, grade, isAnswerable, isResponse } from '../../src/quiz';
import { allQuestions } from './quiz-fixtures';

/** Ids the question knows, mixed with arbitrary strings, so generated responses hit both. */
function idLike(question: Question): fc.Arbitrary<string> {
  const known = [
    ...('options' in question ? question.options.map((o) => o.id) : []),
    ...('items' in question ? question.items.map((i) => i.id) : []),
    ...('right' in question ? question.right.map((r) => r.id) : []),
  ];
  const unusual = fc.constantFrom('', 'constructor', '__proto__', 'toString');
  return known.length ? fc.oneof(fc.constantFrom(...known), fc.string(), unusual) : fc.oneof(fc.string(), unusual);
}

/** Any response of the question's type, well-formed or nonsense within that type. */
function responseFor(question: Question): fc.Arbitrary<Response> {
  const id = idLike(question);
  const numberish = fc.oneof(
    fc.string(),
    fc.double().map(String),
    fc.integer().map((n) => `about ${n.toLocaleString('en')}`),
  );
  switch (question.type) {
    case 'single':
      return id.map((option) => ({ type: 'single', option }));
    case 'multiple':
      return fc.array(id, { maxLength: 8 }).map((options) => ({ type: 'multiple', options }));
    case 'truefalse':
      return fc.boolean().map((value) => ({ type: 'truefalse', value }));
    case 'ordering':
      return fc
        .oneof(fc.shuffledSubarray(question.items.map((i) => i.id)), fc.array(id, { maxLength: 6 }))
        .map((order) => ({ type: 'ordering', order }));
    case 'matching': {
      const lefts = question.left.map((l) => l.id);
      return fc
        .dictionary(fc.oneof(fc.constantFrom(...lefts), fc.string()), id)
        .map((pairs) => ({ type: 'matching', pairs }));
    }
    case 'numeric':
      return numberish.map((value) => ({ type: 'numeric', value }));
    case 'text':
      return fc.oneof(fc.string(), fc.constantFrom(...question.accept)).map((value) => ({ type: 'text', value }));
    case 'evidence':
      return fc.integer({ min: -3, max: 40 }).map((paragraph) => ({ type: 'evidence', paragraph }));
    case 'attribution':
      return fc.constantFrom(...attributionChoices).map((choice) => ({ type: 'attribution', choice }));
  }
}

/** The full-marks response, built from the answer key. */
function answerKey(question: Question): Response {
  switch (question.type) {
    case 'single':
      return { type: 'single', option: question.options.find((o) => o.correct)!.id };
    case 'multiple':
      return { type: 'multiple', options: question.options.filter((o) => o.correct).map((o) => o.id) };
    case 'truefalse':
      return { type: 'truefalse', value: question.answer };
    case 'ordering':
      return { type: 'ordering', order: question.items.map((i) => i.id) };
    case 'matching':
      return { type: 'matching', pairs: { ...question.pairs } };
    case 'numeric':
      return { type: 'numeric', value: String(question.answer) };
    case 'text':
      return { type: 'text', value: question.accept[0]! };
    case 'evidence':
      return { type: 'evidence', paragraph: question.paragraphs[0]! };
    case 'attribution':
      return answerOf(question).length === 0
        ? { type: 'attribution', reports: [], none: true }
        : { type: 'attribution', reports: answerOf(question) };
  }
}

describe.each(allQuestions.map((question) => [question.type, question] as const))('%s grading', (_, question) => {
  it('gives full marks for the answer key, which is answerable', () => {
    const key = answerKey(question);
    expect(isAnswerable(question, key)).toBe(true);
    expect(grade(question, key)).toMatchObject({ correct: true, score: 1 });
  });

  it('never throws; score is within 0..1; correct exactly when score is 1', () => {
    fc.assert(
      fc.property(responseFor(question), (response) => {
        expect(responseSchema.safeParse(response).success).toBe(true);
        const result = grade(question, response);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        expect(result.correct).toBe(result.score === 1);
        expect(result.feedback.every((f) => typeof f === 'string' && f.length > 0)).toBe(true);
        if (result.parts) expect(result.parts.every((p) => typeof p === 'boolean')).toBe(true);
        expect(() => isAnswerable(question, response)).not.toThrow();
        // Unanswerable responses never count as right.
        if (!isAnswerable(question, response)) expect(result.correct).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('isResponse', () => {
  const anyResponseShape = fc.oneof(
    ...allQuestions.map(responseFor),
    fc.record(
      {
        type: fc.constantFrom(
          'single',
          'truefalse',
          'multiple',
          'ordering',
          'matching',
          'numeric',
          'text',
          'evidence',
          'attribution',
          'essay',
        ),
        option: fc.anything(),
        options: fc.anything(),
        value: fc.anything(),
        order: fc.anything(),
        pairs: fc.anything(),
        paragraph: fc.oneof(fc.integer(), fc.double(), fc.anything()),
        choice: fc.oneof(fc.constantFrom(...attributionChoices), fc.anything()),
      },
      { requiredKeys: ['type'] },
    ),
    fc.jsonValue(),
  );

  it('accepts exactly what responseSchema accepts (zod-free, for the browser)', () => {
    fc.assert(
      fc.property(anyResponseShape, (value) => {
        expect(isResponse(value)).toBe(responseSchema.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
  });

  it('survives a JSON round trip, as it will through localStorage', () => {
    fc.assert(
      fc.property(fc.oneof(...allQuestions.map(responseFor)), (response) => {
        expect(isResponse(JSON.parse(JSON.stringify(response)))).toBe(true);
      }),
    );
  });
});
