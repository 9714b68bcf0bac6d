import type { AnswerRecord, JsonValue, LessonProgress } from './format';
import { BOX_COUNT, isTime, MAX_HASH_LENGTH, MAX_RESPONSE_DEPTH } from './rules';

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

function optional<T>(value: unknown, check: (v: unknown) => v is T): { ok: boolean; value?: T } {
  if (value === undefined) return { ok: true };
  return check(value) ? { ok: true, value } : { ok: false };
}

export function parseLessonProgress(value: unknown): LessonProgress | undefined {
  if (!isPlainObject(value)) return undefined;
  const openedAt = optional(value.openedAt, isTime);
  const readAt = optional(value.readAt, isTime);
  const bestScore = optional(value.bestScore, isShare);
  const bestScoreAt = optional(value.bestScoreAt, isTime);
  if (!openedAt.ok || !readAt.ok || !bestScore.ok || !bestScoreAt.ok) return undefined;
  const lesson: LessonProgress = {};
  if (openedAt.value !== undefined) lesson.openedAt = openedAt.value;
  if (readAt.value !== undefined) lesson.readAt = readAt.value;
  if (bestScore.value !== undefined) lesson.bestScore = bestScore.value;
  if (bestScoreAt.value !== undefined) lesson.bestScoreAt = bestScoreAt.value;
  return lesson;
}

const isBox = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= BOX_COUNT;
const isAttempts = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;

export function parseAnswerRecord(value: unknown): AnswerRecord | undefined {
  if (!isPlainObject(value)) return undefined;
  const { hash, response, correct, score, attempts, firstAt, lastAt } = value;
  if (typeof hash !== 'string' || hash.length < 1 || hash.length > MAX_HASH_LENGTH) return undefined;
  if (!isJsonValue(response)) return undefined;
  if (typeof correct !== 'boolean' || !isShare(score) || !isAttempts(attempts)) return undefined;
  if (!isTime(firstAt) || !isTime(lastAt) || firstAt > lastAt) return undefined;
  const { firstTryRight, roundAt, roundAttempts, roundFirstRight, revealed } = value;
  if (typeof firstTryRight !== 'boolean' || typeof roundFirstRight !== 'boolean' || typeof revealed !== 'boolean')
    return undefined;
  if (!isTime(roundAt) || roundAt < firstAt || roundAt > lastAt) return undefined;
  if (!isAttempts(roundAttempts) || roundAttempts > attempts) return undefined;
  if (roundFirstRight && revealed) return undefined;
  const box = optional(value.box, isBox);
  const dueAt = optional(value.dueAt, isTime);
  if (!box.ok || !dueAt.ok) return undefined;
  const answer: AnswerRecord = {
    hash,
    response,
    correct,
    score,
    attempts,
    firstAt,
    lastAt,
    firstTryRight,
    roundAt,
    roundAttempts,
    roundFirstRight,
    revealed,
  };
  if (box.value !== undefined) answer.box = box.value;
  if (dueAt.value !== undefined) answer.dueAt = dueAt.value;
  return answer;
}
