import { z } from 'astro/zod';
import {
  BOX_COUNT,
  isAnswerKey,
  isLessonId,
  MAX_HASH_LENGTH,
  MAX_RESPONSE_DEPTH,
  MAX_TIME,
  PROGRESS_VERSION,
  jsonDepth,
  responseProblem,
} from '../progress/rules';

// A student's progress as kept in their browser's localStorage (key "course-progress-v1") and in exported
// files (the key's "v1" is only its name: the document's own `version` says which format it is; 2 since the
// assessment model of issue 10, see migrations.ts). Times are epoch milliseconds. The browser checks stored data with src/progress/validate.ts (no zod);
// a property test holds the two to the same rules.

/** A moment in epoch milliseconds. */
export const progressTimeSchema = z.number().int().min(0).max(MAX_TIME);

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Any JSON value. Responses are stored as opaque JSON: src/quiz's isResponse checks one before it is shown. */
export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValueSchema),
    z.record(z.string(), jsonValueSchema),
  ]),
);

export const lessonProgressSchema = z.object({
  /** First time the lesson was opened. */
  openedAt: progressTimeSchema.optional(),
  /** First time the student read to the end. */
  readAt: progressTimeSchema.optional(),
  /** Best lesson score seen (share of questions right, 0..1), and when it was reached. */
  bestScore: z.number().min(0).max(1).optional(),
  bestScoreAt: progressTimeSchema.optional(),
});
export type LessonProgress = z.infer<typeof lessonProgressSchema>;

/** A stored response: any JSON a page can show (src/quiz's isResponse checks it fits its question). */
const storedResponseSchema = jsonValueSchema
  .refine((value) => jsonDepth(value) <= MAX_RESPONSE_DEPTH, 'nested too deeply')
  .refine((value) => responseProblem(value) === undefined, 'too big to show, or names an item twice');

export const answerRecordSchema = z
  .object({
    /** questionHash() of the question when it was last answered; a different current hash means "changed". */
    hash: z.string().min(1).max(MAX_HASH_LENGTH),
    /** The last response, as JSON. */
    response: storedResponseSchema,
    /**
     * The response of the first attempt at this version of the question (it restarts when the question changes,
     * as firstTryRight does), for hand-ins. Kept from the second attempt on: while there is one attempt it is
     * `response`. Absent after several attempts saved before it was kept: not known.
     */
    firstResponse: storedResponseSchema.optional(),
    /** Whether the last response is right, and its share of the marks. */
    correct: z.boolean(),
    score: z.number().min(0).max(1),
    /** Every attempt ever made at the question. */
    attempts: z.number().int().min(1),
    firstAt: progressTimeSchema,
    lastAt: progressTimeSchema,
    /** The very first attempt was right: the lesson's score ("right first time") counts these. */
    firstTryRight: z.boolean(),
    /**
     * The latest round: the attempts since the question was last due (or first met). A round's first try right,
     * without the answer shown, is what makes a question mastered.
     */
    roundAt: progressTimeSchema,
    roundAttempts: z.number().int().min(1),
    roundFirstRight: z.boolean(),
    /** The student chose "Show answer" (or ran out of choices) in this round. */
    revealed: z.boolean(),
    /** Leitner box 1..5, present once the question is in spaced review. */
    box: z.number().int().min(1).max(BOX_COUNT).optional(),
    dueAt: progressTimeSchema.optional(),
  })
  .refine((answer) => answer.firstAt <= answer.lastAt, { message: 'firstAt is after lastAt', path: ['firstAt'] })
  .refine((answer) => answer.firstAt <= answer.roundAt && answer.roundAt <= answer.lastAt, {
    message: 'roundAt is outside firstAt..lastAt',
    path: ['roundAt'],
  })
  .refine((answer) => answer.roundAttempts <= answer.attempts, {
    message: 'roundAttempts is more than attempts',
    path: ['roundAttempts'],
  })
  .refine((answer) => !(answer.roundFirstRight && answer.revealed), {
    message: 'a round answered right first time cannot have its answer revealed',
    path: ['revealed'],
  });
export type AnswerRecord = z.infer<typeof answerRecordSchema>;

export const progressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  updatedAt: progressTimeSchema,
  /** Last reset (or replacing import): entries another copy last touched before it are dropped when merging. */
  resetAt: progressTimeSchema.optional(),
  lessons: z.record(z.string().refine(isLessonId, 'not a lesson id'), lessonProgressSchema),
  /** Keyed "lessonId/questionId". */
  answers: z.record(z.string().refine(isAnswerKey, 'not a "lessonId/questionId" key'), answerRecordSchema),
});
export type Progress = z.infer<typeof progressSchema>;
