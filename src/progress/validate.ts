import type { AnswerRecord, JsonValue, LessonProgress } from './format';
import { BOX_COUNT, isTime, MAX_HASH_LENGTH, MAX_RESPONSE_DEPTH, responseProblem } from './rules';

// The browser's checks for stored entries: the same rules as src/schemas/progress.ts, without zod. Each returns
// a clean copy holding only the known fields (unknown fields are dropped, as zod does), or undefined.

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for strings, finite numbers, booleans, null, and arrays/plain objects of those, nested at most `maxDepth`. */
export function isJsonValue(value: unknown, maxDepth = MAX_RESPONSE_DEPTH): value is JsonValue {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node === 'string' || typeof node === 'boolean') continue;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) return false;
      continue;
    }
    if (typeof node !== 'object' || depth >= maxDepth) return false;
    const proto = Object.getPrototypeOf(node);
    if (!Array.isArray(node) && proto !== Object.prototype && proto !== null) return false;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return true;
}

const isShare = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= 1;
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isBox = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= BOX_COUNT;
const isAttempts = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
const isHash = (value: unknown): value is string =>
  typeof value === 'string' && value.length >= 1 && value.length <= MAX_HASH_LENGTH;

type Checks = Record<string, (value: unknown) => boolean>;

/**
 * Copies into `out` each field of `value` named in `checks` that passes its check; false when one fails. An
 * optional field that is not there is left out; a required one that is not there fails its check.
 */
function copyFields(out: object, value: Record<string, unknown>, checks: Checks, optional = false): boolean {
  for (const field of Object.keys(checks)) {
    const v = value[field];
    if (v === undefined && optional) continue;
    if (!checks[field](v)) return false;
    (out as Record<string, unknown>)[field] = v;
  }
  return true;
}

const LESSON_FIELDS: Checks = { openedAt: isTime, readAt: isTime, bestScore: isShare, bestScoreAt: isTime };

export function parseLessonProgress(value: unknown): LessonProgress | undefined {
  const lesson: LessonProgress = {};
  return isPlainObject(value) && copyFields(lesson, value, LESSON_FIELDS, true) ? lesson : undefined;
}

const ANSWER_FIELDS: Checks = {
  hash: isHash,
  response: isJsonValue,
  correct: isBoolean,
  score: isShare,
  attempts: isAttempts,
  firstAt: isTime,
  lastAt: isTime,
  firstTryRight: isBoolean,
  roundAt: isTime,
  roundAttempts: isAttempts,
  roundFirstRight: isBoolean,
  revealed: isBoolean,
};
/** A first response with a response's problems (responseProblem) makes the record unreadable: unlike the response,
 * which repair.ts clears so the question starts fresh, it is never anything but a hand-in's detail, so only a file
 * or storage edited by hand holds one. */
const isFirstResponse = (value: unknown) => isJsonValue(value) && responseProblem(value) === undefined;
const OPTIONAL_ANSWER_FIELDS: Checks = { firstResponse: isFirstResponse, box: isBox, dueAt: isTime };

export function parseAnswerRecord(value: unknown): AnswerRecord | undefined {
  if (!isPlainObject(value)) return undefined;
  const answer = {} as AnswerRecord;
  if (!copyFields(answer, value, ANSWER_FIELDS) || !copyFields(answer, value, OPTIONAL_ANSWER_FIELDS, true))
    return undefined;
  const { firstAt, lastAt, roundAt, attempts, roundAttempts, roundFirstRight, revealed } = answer;
  const inOrder = firstAt <= roundAt && roundAt <= lastAt && roundAttempts <= attempts;
  return inOrder && !(roundFirstRight && revealed) ? answer : undefined;
}
