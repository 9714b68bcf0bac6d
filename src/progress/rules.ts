// The stored format's limits and key rules, in plain code with no imports. Both the zod schema
// (src/schemas/progress.ts, used at build time and by tests) and the browser's checks (validate.ts) take their
// rules from here, so the two cannot drift and neither imports the other.

/** The format version this code writes. Bump it with a step in migrations.ts. */
export const PROGRESS_VERSION = 2;
/** Leitner boxes run 1..BOX_COUNT. */
export const BOX_COUNT = 5;
/** Latest time accepted anywhere in the format (the largest valid Date), in epoch ms. */
export const MAX_TIME = 8_640_000_000_000_000;
export const MAX_ID_LENGTH = 100;
export const MAX_HASH_LENGTH = 200;
/** Nesting allowed inside a stored response; real responses are two levels deep. */
export const MAX_RESPONSE_DEPTH = 16;

/** Same rule as idSchema in src/schemas/common.ts: ids are kebab-case, which also rules out "__proto__". */
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A question part may be namespaced with dots ("quiz-id.question-id") should a lesson hold two quizzes. */
const QUESTION_PATTERN = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

/** Kebab-case allows these, but progress files never hold them as keys (files/progress-file.ts refuses them). */
const RESERVED = new Set(['constructor', 'prototype']);

export function isLessonId(value: string): boolean {
  return value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value) && !RESERVED.has(value);
}

export function isQuestionId(value: string): boolean {
  return value.length <= MAX_ID_LENGTH && QUESTION_PATTERN.test(value) && !RESERVED.has(value);
}

/** Key of an answer in `Progress.answers`: "lessonId/questionId". */
export function answerKey(lessonId: string, questionId: string): string {
  return `${lessonId}/${questionId}`;
}

/** The two ids in an answer key, or undefined when it is not one. */
export function splitAnswerKey(key: string): { lessonId: string; questionId: string } | undefined {
  const slash = key.indexOf('/');
  if (slash < 0) return undefined;
  const lessonId = key.slice(0, slash);
  const questionId = key.slice(slash + 1);
  return isLessonId(lessonId) && isQuestionId(questionId) ? { lessonId, questionId } : undefined;
}

export function isAnswerKey(key: string): boolean {
  return splitAnswerKey(key) !== undefined;
}

export function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_TIME;
}

/** A caller's clock reading as a valid stored time (whole ms, inside the range). */
export function toTime(now: number): number {
  if (!Number.isFinite(now)) return 0;
  return Math.min(MAX_TIME, Math.max(0, Math.floor(now)));
}

/** Levels of arrays/objects in a value (a scalar is 0); walks iteratively so a deep value cannot overflow the stack. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Longest numeric and text answers kept (the course's answers are a few words or digits). */
export const MAX_NUMBER_CHARS = 100;
export const MAX_TEXT_CHARS = 2_000;
/** Most items an ordering, multiple-choice or matching response can hold. */
export const MAX_RESPONSE_ITEMS = 100;
/** Any stored response, of any type, in JSON characters. */
export const MAX_RESPONSE_CHARS = 10_000;

const LIST_FIELD: Readonly<Record<string, string>> = { ordering: 'order', multiple: 'options' };
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Why a stored response could not be shown, in words for the student; undefined when it can. Responses are
 * opaque JSON (the quiz checks one fits its question before showing it), but one too big to show (a 400,000-digit
 * number blocks a page for seconds) or naming an item twice (which breaks the list showing it) is refused
 * whatever the question, per type of response. Never throws.
 */
export function responseProblem(response: unknown): string | undefined {
  if (JSON.stringify(response ?? null).length > MAX_RESPONSE_CHARS) return 'is far too long';
  if (!isRecord(response) || typeof response.type !== 'string') return undefined;
  const { type } = response;
  const text = type === 'numeric' ? MAX_NUMBER_CHARS : type === 'text' ? MAX_TEXT_CHARS : undefined;
  if (text !== undefined && typeof response.value === 'string' && response.value.length > text) {
    return `is longer than ${text} characters`;
  }
  const listField = Object.hasOwn(LIST_FIELD, type) ? LIST_FIELD[type] : undefined;
  const list = listField === undefined ? undefined : response[listField];
  if (Array.isArray(list)) {
    if (list.length > MAX_RESPONSE_ITEMS) return `has more than ${MAX_RESPONSE_ITEMS} items`;
    if (new Set(list).size !== list.length) return 'names the same item twice';
  }
  if (type === 'matching' && isRecord(response.pairs) && Object.keys(response.pairs).length > MAX_RESPONSE_ITEMS) {
    return `has more than ${MAX_RESPONSE_ITEMS} pairs`;
  }
  return undefined;
}
