import { z } from 'astro/zod';
import { idSchema } from './common';
import { normalizeAnswer } from '../quiz/normalize';
import { attributionChoices } from '../quiz/attribution';

// Questions are checked here at build time; the browser grades with src/quiz, which imports only the
// types below (never zod). Objects are strict so that a misspelt key ("corect", "feedbak") is an error
// rather than silently dropped.

const text = z.string().trim().min(1);

/** Where the answer is shown: a report paragraph (1-based), or a topic, note, term, event or place by id. */
export const evidenceRefSchema = z.union(
  [
    z.strictObject({ source: idSchema, paragraph: z.number().int().min(1) }),
    z.strictObject({ topic: idSchema }),
    z.strictObject({ note: idSchema }),
    z.strictObject({ term: idSchema }),
    z.strictObject({ event: idSchema }),
    z.strictObject({ place: idSchema }),
  ],
  {
    error:
      'evidence is one of { source: report-a, paragraph: 3 }, { topic: id }, { note: id }, { term: id }, ' +
      '{ event: id } or { place: id }',
  },
);
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;

const common = {
  id: idSchema,
  prompt: text,
  /**
   * Why the answer is right, in plain words. Shown only once the answer is right or shown ("Show answer"), never
   * after a wrong attempt, so it may state the answer.
   */
  explanation: text,
  /**
   * Shown after a wrong attempt, with what was wrong and a link to the evidence: where to look or what to think
   * about, never the answer. Evidence questions need one (their evidence link would give the answer away).
   */
  hint: text.optional(),
  evidence: evidenceRefSchema,
  /** Id of the lesson objective this question checks. */
  objective: idSchema.optional(),
  level: z.enum(['recall', 'understanding']),
};

const optionSchema = z.strictObject({
  id: idSchema,
  text,
  /** Mark the right option(s) with `correct: true`; `false` or leaving it out both mean wrong. */
  correct: z.boolean().optional(),
  /** Shown to a student who picked this option. */
  feedback: text.optional(),
});
const itemSchema = z.strictObject({ id: idSchema, text });

/** Issues for repeated values of `key` in a list, each pointing at the repeat. */
function checkUnique<T>(
  ctx: z.core.$RefinementCtx,
  list: T[],
  key: (t: T) => string,
  path: (string | number)[],
  what: string,
) {
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    const value = key(entry);
    if (seen.has(value))
      ctx.addIssue({ code: 'custom', path: [...path, index], message: `${what} "${value}" appears twice` });
    seen.add(value);
  });
}

function checkOptions(options: z.infer<typeof optionSchema>[], ctx: z.core.$RefinementCtx) {
  checkUnique(ctx, options, (o) => o.id, ['options'], 'option id');
  checkUnique(ctx, options, (o) => o.text, ['options'], 'option text');
}

const options = z.array(optionSchema).min(2, 'give at least 2 options');

export const singleQuestionSchema = z
  .strictObject({ ...common, type: z.literal('single'), options })
  .superRefine((q, ctx) => {
    checkOptions(q.options, ctx);
    const correct = q.options.filter((o) => o.correct).map((o) => o.id);
    if (correct.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message:
          correct.length === 0
            ? 'a single-choice question needs one option marked correct: true; none is'
            : `a single-choice question has exactly one correct option, but ${correct.join(', ')} are marked ` +
              'correct: keep one, or make it type: multiple',
      });
    }
  });

export const multipleQuestionSchema = z
  .strictObject({ ...common, type: z.literal('multiple'), options })
  .superRefine((q, ctx) => {
    checkOptions(q.options, ctx);
    if (!q.options.some((o) => o.correct)) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'mark at least one option correct: true' });
    }
  });

export const trueFalseQuestionSchema = z.strictObject({
  ...common,
  type: z.literal('truefalse'),
  answer: z.boolean(),
  /** Keyed by the student's choice: `true` is shown to whoever answered true. */
  feedback: z.strictObject({ true: text.optional(), false: text.optional() }).optional(),
});

export const orderingQuestionSchema = z
  .strictObject({
    ...common,
    type: z.literal('ordering'),
    /** In the correct order; students see them shuffled. */
    items: z.array(itemSchema).min(2, 'give at least 2 items to put in order'),
  })
  .superRefine((q, ctx) => {
    checkUnique(ctx, q.items, (i) => i.id, ['items'], 'item id');
    checkUnique(ctx, q.items, (i) => i.text, ['items'], 'item text');
  });

export const matchingQuestionSchema = z
  .strictObject({
    ...common,
    type: z.literal('matching'),
    left: z.array(itemSchema).min(2, 'give at least 2 things to match'),
    right: z.array(itemSchema).min(2, 'give at least 2 things to match'),
    /** left id → right id. */
    pairs: z.record(idSchema, idSchema),
  })
  .superRefine((q, ctx) => {
    checkUnique(ctx, q.left, (i) => i.id, ['left'], 'left id');
    checkUnique(ctx, q.right, (i) => i.id, ['right'], 'right id');
    checkUnique(ctx, q.left, (i) => i.text, ['left'], 'left text');
    checkUnique(ctx, q.right, (i) => i.text, ['right'], 'right text');
    if (q.left.length !== q.right.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['right'],
        message: `left has ${q.left.length} entries and right has ${q.right.length}: give both sides the same number`,
      });
    }
    const leftIds = new Set(q.left.map((i) => i.id));
    const rightIds = new Set(q.right.map((i) => i.id));
    const usedRight = new Map<string, string>();
    for (const [left, right] of Object.entries(q.pairs)) {
      if (!leftIds.has(left))
        ctx.addIssue({ code: 'custom', path: ['pairs', left], message: `"${left}" is not a left id` });
      if (!rightIds.has(right))
        ctx.addIssue({ code: 'custom', path: ['pairs', left], message: `"${right}" is not a right id` });
      const other = usedRight.get(right);
      if (other) {
        ctx.addIssue({
          code: 'custom',
          path: ['pairs', left],
          message: `right "${right}" is already paired with "${other}": each right entry is used once`,
        });
      }
      usedRight.set(right, left);
    }
    for (const left of leftIds) {
      if (!Object.hasOwn(q.pairs, left))
        ctx.addIssue({ code: 'custom', path: ['pairs'], message: `pair left "${left}" with a right id` });
    }
  });

export const numericQuestionSchema = z.strictObject({
  ...common,
  type: z.literal('numeric'),
  answer: z.number(),
  /** Answers within ± tolerance count as right; 0 means exactly. */
  tolerance: z.number().min(0, 'tolerance is how far off an answer may be: 0 or more'),
  /** Shown after the input, e.g. "troops"; a student may also type it. */
  unit: text.optional(),
});

export const textQuestionSchema = z.strictObject({
  ...common,
  type: z.literal('text'),
  /** Accepted answers; case, accents, apostrophes, hyphens and a leading "the" are ignored. */
  accept: z
    .array(text.refine((s) => normalizeAnswer(s) !== '', 'this answer is only punctuation once normalised'))
    .min(1, 'give at least one accepted answer'),
});

export const evidenceQuestionSchema = z
  .strictObject({
    ...common,
    type: z.literal('evidence'),
    /** The statement the student finds support for. */
    claim: text,
    source: idSchema,
    /** Paragraph numbers (1-based) that support the claim; picking any one of them is right. */
    paragraphs: z.array(z.number().int().min(1)).min(1, 'give at least one supporting paragraph'),
    /** Keyed by paragraph number: shown to a student who picked that paragraph. */
    feedback: z.record(z.string().regex(/^[1-9]\d*$/, 'key feedback by paragraph number'), text).optional(),
  })
  .superRefine((q, ctx) => checkUnique(ctx, q.paragraphs, String, ['paragraphs'], 'paragraph'));

export { attributionChoices };
export type AttributionChoice = (typeof attributionChoices)[number];

export const attributionQuestionSchema = z.strictObject({
  ...common,
  type: z.literal('attribution'),
  /** Something one, both or neither report says. */
  statement: text,
  /** a = Report A, b = Report B. */
  answer: z.enum(attributionChoices),
  feedback: z
    .strictObject({ a: text.optional(), b: text.optional(), both: text.optional(), neither: text.optional() })
    .optional(),
});

const questionSchemas = [
  singleQuestionSchema,
  trueFalseQuestionSchema,
  multipleQuestionSchema,
  orderingQuestionSchema,
  matchingQuestionSchema,
  numericQuestionSchema,
  textQuestionSchema,
  evidenceQuestionSchema,
  attributionQuestionSchema,
] as const;
export const questionTypes = questionSchemas.map((s) => s.shape.type.value);

export const questionSchema = z.discriminatedUnion('type', [...questionSchemas], {
  error: (issue) => (issue.code === 'invalid_union' ? `type must be one of: ${questionTypes.join(', ')}` : undefined),
});
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

/** content/quizzes/<id>.yaml: one checkpoint, placed in a lesson with <Quiz id="…" />. */
export const quizSchema = z
  .strictObject({ id: idSchema, title: text, questions: z.array(questionSchema).min(1, 'give at least one question') })
  .superRefine((quiz, ctx) => checkUnique(ctx, quiz.questions, (q) => q.id, ['questions'], 'question id'));
export type Quiz = z.infer<typeof quizSchema>;

/**
 * A student's answer, as stored. Kept loose (any strings) because stored data may outlive the question it
 * answered; grading treats unknown ids as wrong. src/quiz/response.ts has a zod-free check with the same rules.
 */
export const responseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single'), option: z.string() }),
  z.object({ type: z.literal('truefalse'), value: z.boolean() }),
  z.object({ type: z.literal('multiple'), options: z.array(z.string()) }),
  z.object({ type: z.literal('ordering'), order: z.array(z.string()) }),
  z.object({ type: z.literal('matching'), pairs: z.record(z.string(), z.string()) }),
  /** The raw input, kept so the student sees what they typed. */
  z.object({ type: z.literal('numeric'), value: z.string() }),
  z.object({ type: z.literal('text'), value: z.string() }),
  z.object({ type: z.literal('evidence'), paragraph: z.number().int() }),
  z.object({ type: z.literal('attribution'), choice: z.enum(attributionChoices) }),
]);
export type Response = z.infer<typeof responseSchema>;
export type ResponseOf<T extends QuestionType> = Extract<Response, { type: T }>;
