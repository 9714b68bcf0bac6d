import type { AnswerRecord } from './format';
import { startsRound } from './review';
import type { QuestionRef } from './summary';

// What a question shows when its island wakes, from its stored answer. Retrieval first: a question due for
// review, and every question on the review page, starts blank, whatever was answered before; the last answer
// and its explanation appear only after a new attempt.

export type Resume =
  /** Nothing shown: no answer yet, or a new attempt is due (`due`). */
  | { kind: 'blank'; due: boolean }
  /** Answered before the question changed: the old answer is shown, no verdict. */
  | { kind: 'changed' }
  /** The stored answer, as it ended: still wrong (feedback and hint), right, or with the answer shown. */
  | { kind: 'shown'; phase: 'wrong' | 'right' | 'revealed' };

export function resumeView(
  answer: AnswerRecord | undefined,
  question: QuestionRef,
  now: number,
  review: boolean,
): Resume {
  if (!answer) return { kind: 'blank', due: false };
  if (review) return { kind: 'blank', due: true };
  if (answer.hash !== question.hash) return { kind: 'changed' };
  if (startsRound(answer, now)) return { kind: 'blank', due: true };
  return { kind: 'shown', phase: answer.revealed ? 'revealed' : answer.correct ? 'right' : 'wrong' };
}
