import type { AnswerRecord, LessonProgress, Progress } from './format';
import { PROGRESS_VERSION } from './format';

// Combining two copies of a student's progress (two tabs, or a file being imported).
//
// Each copy belongs to a "generation" named by its resetAt (a reset or a replacing import starts a new one).
// Everything in the copy with the later generation is kept; from the other copy only what was touched at or
// after that reset is kept, so a reset in one tab is not undone by another tab's older data. Within a
// generation nothing is lost: per answer the later lastAt wins, attempts take the max (never summed twice),
// firstAt the min, and firstTryRight holds only if both copies hold it (a merge never makes an answer right first
// time); per lesson openedAt/readAt take the earliest, bestScore the highest.
// The merge is commutative and idempotent, and associative within a generation. Across a reset, the fields
// that keep an earliest time, a largest count or an "and" (firstAt, attempts, firstTryRight, openedAt, readAt,
// bestScore) can depend on the order in which copies meet; which answers survive, and which answer wins, does not.

type Keep = (time: number) => boolean;
const always: Keep = () => true;

/** Field values in a stable order, to break ties between two answers with the same lastAt the same way twice. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What decides a tie: the answer itself, leaving out the fields a merge rewrites (attempts, firstAt, firstTryRight). Were
 * they included, an earlier merge that raised attempts could flip a later tie, and the result would depend on
 * the order in which copies meet. */
function tieKey({ attempts: _attempts, firstAt: _firstAt, firstTryRight: _first, ...answer }: AnswerRecord): string {
  return canonical(answer);
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
  // Unchanged entries come back as the same object: the store tells "nothing new" apart by identity (see
  // sameProgress), and the stored text of an entry is cached per object (storage.ts).
  if (winner.attempts === attempts && winner.firstAt === firstAt && winner.firstTryRight === firstTryRight)
    return winner;
  return { ...winner, attempts, firstAt, firstTryRight };
}

const earliest = (x: number | undefined, y: number | undefined) =>
  x === undefined ? y : y === undefined ? x : Math.min(x, y);

export function mergeLessons(a: LessonProgress, b: LessonProgress): LessonProgress {
  if (a === b) return a;
  const lesson: LessonProgress = {};
  const openedAt = earliest(a.openedAt, b.openedAt);
  const readAt = earliest(a.readAt, b.readAt);
  if (openedAt !== undefined) lesson.openedAt = openedAt;
  if (readAt !== undefined) lesson.readAt = readAt;
  const best = betterScore(a, b);
  if (best.bestScore !== undefined) lesson.bestScore = best.bestScore;
  if (best.bestScoreAt !== undefined) lesson.bestScoreAt = best.bestScoreAt;
  return sameLesson(lesson, a) ? a : sameLesson(lesson, b) ? b : lesson;
}

const LESSON_FIELDS = ['openedAt', 'readAt', 'bestScore', 'bestScoreAt'] as const;
const sameLesson = (x: LessonProgress, y: LessonProgress) =>
  LESSON_FIELDS.every((field) => x[field] === y[field]) && Object.keys(x).length === Object.keys(y).length;

/** The higher bestScore; on equal scores the earlier time it was reached. */
function betterScore(a: LessonProgress, b: LessonProgress): LessonProgress {
  if (a.bestScore === undefined && b.bestScore === undefined)
    return { bestScoreAt: earliest(a.bestScoreAt, b.bestScoreAt) };
  if (a.bestScore === undefined) return { bestScore: b.bestScore, bestScoreAt: b.bestScoreAt };
  if (b.bestScore === undefined) return { bestScore: a.bestScore, bestScoreAt: a.bestScoreAt };
  if (a.bestScore !== b.bestScore) return a.bestScore > b.bestScore ? a : b;
  return { bestScore: a.bestScore, bestScoreAt: earliest(a.bestScoreAt, b.bestScoreAt) };
}

/** The part of a lesson entry touched at or after a reset; undefined when nothing is left. */
function lessonSince(lesson: LessonProgress, keep: Keep): LessonProgress | undefined {
  if (keep === always) return lesson;
  const kept: LessonProgress = {};
  if (lesson.openedAt !== undefined && keep(lesson.openedAt)) kept.openedAt = lesson.openedAt;
  if (lesson.readAt !== undefined && keep(lesson.readAt)) kept.readAt = lesson.readAt;
  if (lesson.bestScore !== undefined && lesson.bestScoreAt !== undefined && keep(lesson.bestScoreAt)) {
    kept.bestScore = lesson.bestScore;
    kept.bestScoreAt = lesson.bestScoreAt;
  }
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
