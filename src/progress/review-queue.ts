import type { AnswerRecord, Progress } from './format';
import { BOX_COUNT, splitAnswerKey } from './format';

// The review page's queue, read from the schedules review.ts writes. Only the review page needs it, so it is
// kept out of the module every island loads.

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
