import type { AnswerRecord, JsonValue, LessonProgress, Progress } from './format';
import { PROGRESS_VERSION } from './format';
import { canonical } from './canonical';
import { firstResponseOf, withFirstResponse } from './first-response';

// Combining two copies of a student's progress (two tabs, or a file being imported).
//
// Each copy belongs to a "generation" named by its resetAt (a reset or a replacing import starts a new one).
// Everything in the copy with the later generation is kept; from the other copy only what was touched at or
// after that reset is kept, so a reset in one tab is not undone by another tab's older data. Within a
// generation nothing is lost: per answer the later lastAt wins, attempts take the max (never summed twice),
// firstAt the min, and firstTryRight holds only if both copies hold it (a merge never makes an answer right first
// time), and the first response comes from a copy whose first try agrees with that firstTryRight (see
// firstOfBoth); per lesson openedAt/readAt take the earliest, bestScore the highest.
// The merge is commutative and idempotent, and associative within a generation. Across a reset, the fields
// that keep an earliest time, a largest count or an "and" (firstAt, attempts, firstTryRight, firstResponse,
// openedAt, readAt, bestScore) can depend on the order in which copies meet; which answers survive, and which answer wins, does not.

type Keep = (time: number) => boolean;
const always: Keep = () => true;

/** What decides a tie: the answer itself, leaving out the fields a merge combines from both copies. Were they included,
 * an earlier merge that raised attempts could flip a later tie, and the result would depend on the order in which
 * copies meet. */
function tieKey({
  attempts: _attempts,
  firstAt: _firstAt,
  firstTryRight: _first,
  firstResponse: _response,
  ...answer
}: AnswerRecord): string {
  return canonical(answer);
}

/**
 * The merged first response. It comes from a copy whose firstTryRight is the merged one ("and"): a copy that saw a
 * wrong first try supplies the wrong response, so a right response is never handed in as a wrong first try. Between
 * two such copies a known response wins, then the one first in a fixed order (the winner's when they are the same),
 * so that the result does not depend on the order copies meet. Not the earlier firstAt: the merged firstAt may come
 * from the other copy, and a later merge would then choose differently.
 */
function firstOfBoth(winner: AnswerRecord, other: AnswerRecord): JsonValue {
  const x = firstResponseOf(winner);
  const y = firstResponseOf(other);
  if (winner.firstTryRight !== other.firstTryRight) return winner.firstTryRight ? y : x;
  return x === null || (y !== null && canonical(y) < canonical(x)) ? y : x;
}

export function mergeAnswers(a: AnswerRecord, b: AnswerRecord): AnswerRecord {
  if (a === b) return a;
  let winner = a;
  if (b.lastAt > a.lastAt) winner = b;
  else if (b.lastAt === a.lastAt && tieKey(b) > tieKey(a)) winner = b;
  const attempts = Math.max(a.attempts, b.attempts);
  const firstAt = Math.min(a.firstAt, b.firstAt);
  // Right first time only if both copies say so: a copy that saw a wrong first try outranks one that did not.
  const firstTryRight = a.firstTryRight && b.firstTryRight;
  const merged = withFirstResponse(
    { ...winner, attempts, firstAt, firstTryRight },
    firstOfBoth(winner, winner === a ? b : a),
  );
  // Unchanged entries come back as the same object: the store tells "nothing new" apart by identity (see
  // sameProgress), and the stored text of an entry is cached per object (storage.ts).
  const same =
    winner.attempts === attempts &&
    winner.firstAt === firstAt &&
    winner.firstTryRight === firstTryRight &&
    winner.firstResponse === merged.firstResponse;
  return same ? winner : merged;
}

const earliest = (x: number | undefined, y: number | undefined) =>
  x === undefined ? y : y === undefined ? x : Math.min(x, y);

/** The entry without its undefined fields. */
const setFields = (lesson: LessonProgress): LessonProgress =>
  Object.fromEntries(Object.entries(lesson).filter(([, value]) => value !== undefined));
const sameLesson = (x: LessonProgress, y: LessonProgress) => canonical(x) === canonical(y);

export function mergeLessons(a: LessonProgress, b: LessonProgress): LessonProgress {
  if (a === b) return a;
  // The higher bestScore; on equal scores (or none) the earlier time it was reached.
  const best =
    a.bestScore === b.bestScore
      ? { bestScore: a.bestScore, bestScoreAt: earliest(a.bestScoreAt, b.bestScoreAt) }
      : (a.bestScore ?? -1) > (b.bestScore ?? -1)
        ? a
        : b;
  const lesson = setFields({
    openedAt: earliest(a.openedAt, b.openedAt),
    readAt: earliest(a.readAt, b.readAt),
    bestScore: best.bestScore,
    bestScoreAt: best.bestScoreAt,
  });
  return sameLesson(lesson, a) ? a : sameLesson(lesson, b) ? b : lesson;
}

/** The part of a lesson entry touched at or after a reset; undefined when nothing is left. */
function lessonSince(lesson: LessonProgress, keep: Keep): LessonProgress | undefined {
  if (keep === always) return lesson;
  const since = (time: number | undefined) => (time !== undefined && keep(time) ? time : undefined);
  const scored = lesson.bestScore !== undefined && since(lesson.bestScoreAt) !== undefined;
  const kept = setFields({
    openedAt: since(lesson.openedAt),
    readAt: since(lesson.readAt),
    bestScore: scored ? lesson.bestScore : undefined,
    bestScoreAt: scored ? lesson.bestScoreAt : undefined,
  });
  return Object.keys(kept).length > 0 ? kept : undefined;
}

function mergeRecords<T>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
  since: (entry: T, keep: Keep) => T | undefined,
  keepA: Keep,
  keepB: Keep,
  combine: (x: T, y: T) => T,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = Object.hasOwn(a, key) ? since(a[key], keepA) : undefined;
    const y = Object.hasOwn(b, key) ? since(b[key], keepB) : undefined;
    const merged = x && y ? combine(x, y) : (x ?? y);
    if (merged !== undefined) out[key] = merged;
  }
  return out;
}

const answerSince = (answer: AnswerRecord, keep: Keep) => (keep(answer.lastAt) ? answer : undefined);

/** Merges two copies of progress; see the rules at the top of this file. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  if (a === b) return a;
  const ra = a.resetAt ?? -1;
  const rb = b.resetAt ?? -1;
  const keepA: Keep = ra >= rb ? always : (t) => t >= rb;
  const keepB: Keep = rb >= ra ? always : (t) => t >= ra;
  const merged: Progress = {
    version: PROGRESS_VERSION,
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
    lessons: mergeRecords(a.lessons, b.lessons, lessonSince, keepA, keepB, mergeLessons),
    answers: mergeRecords(a.answers, b.answers, answerSince, keepA, keepB, mergeAnswers),
  };
  const resetAt = Math.max(ra, rb);
  if (resetAt >= 0) merged.resetAt = resetAt;
  return merged;
}

/**
 * True when `merged` (from mergeProgress(theirs, …)) holds nothing that `theirs` lacks. Cheap: merging keeps an
 * unchanged entry as the same object, so this compares identities, never contents.
 */
export function sameProgress(theirs: Progress, merged: Progress): boolean {
  if (theirs === merged) return true;
  if (theirs.updatedAt !== merged.updatedAt || theirs.resetAt !== merged.resetAt) return false;
  const same = <T>(x: Readonly<Record<string, T>>, y: Readonly<Record<string, T>>) => {
    const keys = Object.keys(y);
    if (keys.length !== Object.keys(x).length) return false;
    return keys.every((key) => Object.hasOwn(x, key) && x[key] === y[key]);
  };
  return same(theirs.lessons, merged.lessons) && same(theirs.answers, merged.answers);
}
