import type { Question, Response } from '../schemas/question';
import { kindOf } from './grade';
import { CHOOSE } from './kinds/shared';

/**
 * What the student still has to do before the answer can be checked, in words for them; null when it can be.
 * A half-made answer is not marked wrong: the check button says what is missing instead.
 */
export function whyUnanswerable(question: Question, response: Response | null | undefined): string | null {
  if (!response || response.type !== question.type) return CHOOSE;
  return kindOf(question).why(question, response);
}

/** True when the response is complete enough to check (every pair chosen, a readable number, …). */
export function isAnswerable(question: Question, response: Response | null | undefined): boolean {
  return whyUnanswerable(question, response) === null;
}
