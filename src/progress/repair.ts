import type { AnswerRecord, LessonProgress, Progress } from './format';
import { responseProblem } from './rules';

// Values that pass the format's checks (validate.ts) but would still hurt: a response too big to show (a
// 400,000-digit number blocks a page for seconds), one that cannot be a response at all (an order naming an
// item twice breaks the list that shows it), times in the future (a clock set wrong, or a hand-made file,
// would stamp every later answer with them), and counts so large that the next answer would overflow them.
// Stored progress is repaired, with a note for the student (the original text is backed up first by the
// storage); an imported file with a bad response is refused, since a student can fix or re-export it.

/** Times up to this far ahead of now are believed: clocks on two devices of one student differ a little. */
export const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;
/** Attempts and round attempts above this are lowered to it: a billion leaves room for every real answer. */
export const MAX_ATTEMPTS = 1_000_000_000;
export interface Repaired {
  data: Progress;
  /** What was changed, in plain words; empty when nothing was. */
  notes: string[];
  /** The first response that could not be kept, e.g. 'the answer "lesson-1/q-2" names the same item twice'. */
  firstBadResponse?: string;
}

const ANSWER_TIMES = ['firstAt', 'roundAt', 'lastAt', 'dueAt'] as const;
const LESSON_TIMES = ['openedAt', 'readAt', 'bestScoreAt'] as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Repairs what the format allows but the course cannot use (see the top of this file). Returns `progress`
 * itself when nothing needed it. Future times move to just after the latest believable time, one ms apart in
 * their own order, so every "before/after" between two times of the document holds as it did.
 */
export function repairProgress(progress: Progress, now: number): Repaired {
  const limit = Math.max(0, Math.floor(now)) + FUTURE_SLACK_MS;
  const notes: string[] = [];
  let firstBadResponse: string | undefined;

  // Every time in the document, to find the future ones and where they go.
  const times: number[] = [progress.updatedAt];
  if (progress.resetAt !== undefined) times.push(progress.resetAt);
  for (const answer of Object.values(progress.answers))
    for (const field of ANSWER_TIMES) if (answer[field] !== undefined) times.push(answer[field]);
  for (const lesson of Object.values(progress.lessons))
    for (const field of LESSON_TIMES) if (lesson[field] !== undefined) times.push(lesson[field]);
  const future = [...new Set(times.filter((t) => t > limit))].sort((a, b) => a - b);
  const moved = new Map<number, number>();
  if (future.length > 0) {
    const latestBelievable = times.reduce((latest, t) => (t <= limit && t > latest ? t : latest), 0);
    const start = Math.max(latestBelievable, Math.floor(now));
    future.forEach((t, i) => moved.set(t, Math.min(limit, start + 1 + i)));
    notes.push(
      `${plural(future.length, 'saved time was', 'saved times were')} in the future (a clock set wrong?) and ` +
        `${future.length === 1 ? 'was' : 'were'} moved to now, in the same order`,
    );
  }
  const at = (t: number) => moved.get(t) ?? t;
  /** The entry with its future times moved, or the entry itself when none of its times is in the future. */
  const movedTimes = <T extends AnswerRecord | LessonProgress>(entry: T, fields: readonly (keyof T)[]): T => {
    if (!fields.some((field) => moved.has(entry[field] as number))) return entry;
    const fixed = { ...entry };
    for (const field of fields) if (fixed[field] !== undefined) fixed[field] = at(fixed[field] as number) as T[keyof T];
    return fixed;
  };

  let badResponses = 0;
  let bigCounts = 0;
  const answers: Record<string, AnswerRecord> = {};
  for (const key of Object.keys(progress.answers)) {
    const answer = progress.answers[key];
    const problem = responseProblem(answer.response);
    const tooMany = answer.attempts > MAX_ATTEMPTS || answer.roundAttempts > MAX_ATTEMPTS;
    let fixed = movedTimes(answer, ANSWER_TIMES);
    if (!problem && !tooMany) {
      answers[key] = fixed;
      continue;
    }
    if (fixed === answer) fixed = { ...answer };
    if (problem) {
      badResponses++;
      firstBadResponse ??= `the answer ${JSON.stringify(key)} ${problem}`;
      // The record (attempts, schedule) stays; only the response that cannot be shown goes. The question then
      // starts fresh for the student.
      fixed.response = null;
    }
    if (tooMany) {
      bigCounts++;
      fixed.attempts = Math.min(fixed.attempts, MAX_ATTEMPTS);
      fixed.roundAttempts = Math.min(fixed.roundAttempts, fixed.attempts);
    }
    answers[key] = fixed;
  }
  if (badResponses > 0) {
    notes.push(
      `${plural(badResponses, 'saved answer', 'saved answers')} could not be shown (${firstBadResponse}) and ` +
        `${badResponses === 1 ? 'its question starts' : 'their questions start'} fresh`,
    );
  }
  if (bigCounts > 0)
    notes.push(`${plural(bigCounts, 'attempt count was', 'attempt counts were')} impossibly large and lowered`);

  const lessons: Record<string, LessonProgress> = {};
  for (const id of Object.keys(progress.lessons)) lessons[id] = movedTimes(progress.lessons[id], LESSON_TIMES);

  if (notes.length === 0) return { data: progress, notes };
  const data: Progress = {
    ...progress,
    updatedAt: at(progress.updatedAt),
    lessons: moved.size > 0 ? lessons : progress.lessons,
    answers,
  };
  if (progress.resetAt !== undefined) data.resetAt = at(progress.resetAt);
  return firstBadResponse === undefined ? { data, notes } : { data, notes, firstBadResponse };
}
