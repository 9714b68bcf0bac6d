import { BOX_COUNT, MAX_TIME } from './format';

// Spaced review with Leitner boxes (kept over an FSRS scheduler: five fixed intervals a student can be told in
// one sentence, and nothing to tune). Answers come in rounds: a round starts at the first attempt at a
// question, and again at the first attempt once it is due. Only a round's first try moves the schedule:
// - right on the very first round: mastered, and the question never enters review;
// - right when due: one box up, due again after that box's interval;
// - wrong: box 1, due the next day, whatever the student then does in the round (a right answer after
//   feedback is right with help, and a shown answer is revealed: neither is proof of memory).
// Attempts later in a round (trying again, or practising early) change nothing here.

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Days until a question in box n (1-based) is due again. */
export const REVIEW_INTERVAL_DAYS: readonly number[] = [1, 2, 4, 8, 16];

export interface ReviewSchedule {
  box?: number;
  dueAt?: number;
}

const later = (now: number, days: number) => Math.min(MAX_TIME, now + days * DAY_MS);

/** Box 1, due a day from `now`: where a wrong first try or a revealed answer sends a question. */
export function reviewSoon(now: number): ReviewSchedule {
  return { box: 1, dueAt: later(now, REVIEW_INTERVAL_DAYS[0]) };
}

/** An attempt at `now` starts a new round when the question is due and its round began before that. */
export function startsRound(previous: { roundAt: number; dueAt?: number } | undefined, now: number): boolean {
  if (!previous) return true;
  return previous.dueAt !== undefined && now >= previous.dueAt && previous.roundAt < previous.dueAt;
}

/** Where a round's first try sends a question. `previous` is its schedule before the round, if any. */
export function nextReview(previous: ReviewSchedule | undefined, right: boolean, now: number): ReviewSchedule {
  if (!right) return reviewSoon(now);
  if (previous?.box === undefined) return {};
  const box = Math.min(previous.box + 1, BOX_COUNT);
  return { box, dueAt: later(now, REVIEW_INTERVAL_DAYS[box - 1]) };
}
