import { BOX_COUNT, MAX_TIME } from './format';

// Spaced review with Leitner boxes. A wrong answer puts the question in box 1, due at once; a right answer to a
// question that is due moves it up a box, due again after that box's interval. A right answer before the
// question is due changes nothing (it was not a test of memory after a gap), and a question answered right
// the first time never enters review.

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Days until a question in box n (1-based) is due again. */
export const REVIEW_INTERVAL_DAYS: readonly number[] = [1, 2, 4, 8, 16];

export interface ReviewSchedule {
  box?: number;
  dueAt?: number;
}

/** Where a question goes after an answer. `previous` is its stored answer, if any. */
export function nextReview(previous: ReviewSchedule | undefined, correct: boolean, now: number): ReviewSchedule {
  if (!correct) return { box: 1, dueAt: now };
  if (previous?.box === undefined) return {};
  if (previous.dueAt !== undefined && now < previous.dueAt) return { box: previous.box, dueAt: previous.dueAt };
  const box = Math.min(previous.box + 1, BOX_COUNT);
  return { box, dueAt: Math.min(MAX_TIME, now + REVIEW_INTERVAL_DAYS[box - 1] * DAY_MS) };
}
