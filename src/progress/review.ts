import type { AnswerRecord, Progress } from './format';
import { BOX_COUNT, MAX_TIME, splitAnswerKey } from './format';

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

export interface ReviewItem {
  key: string;
  lessonId: string;
  questionId: string;
  box: number;
  dueAt: number;
  /** Due now (dueAt ≤ now). */
  due: boolean;
  /** How long it has been due, in ms (0 when not yet due). */
  overdueMs: number;
  /** Whether the last answer was right. */
  correct: boolean;
}

/** Box and due time of an answer; a wrong answer saved without a box counts as box 1, due since it was given. */
function scheduleOf(answer: AnswerRecord): { box: number; dueAt: number } | undefined {
  if (answer.box !== undefined) return { box: answer.box, dueAt: answer.dueAt ?? answer.lastAt };
  return answer.correct ? undefined : { box: 1, dueAt: answer.lastAt };
}

/**
 * Questions in review, most overdue first, then those coming up soonest. Mastered questions (box 5) appear
 * only once due again. Stored answers to questions no longer in the course are included: filter by the
 * course's questions before showing them.
 */
export function dueQuestions(progress: Progress, now: number): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const [key, answer] of Object.entries(progress.answers)) {
    const ids = splitAnswerKey(key);
    const schedule = scheduleOf(answer);
    if (!ids || !schedule) continue;
    const due = schedule.dueAt <= now;
    if (!due && schedule.box === BOX_COUNT) continue;
    items.push({ key, ...ids, ...schedule, due, overdueMs: due ? now - schedule.dueAt : 0, correct: answer.correct });
  }
  return items.sort((x, y) => x.dueAt - y.dueAt || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}
