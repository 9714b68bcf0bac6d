import type { AnswerRecord, Progress } from './format';
import { answerEntry } from './format';

// What the UI shows about a lesson, derived from stored answers and the lesson's current questions. Nothing
// here is stored: a question whose text or answer changed since it was answered ("changed") counts as not
// yet answered correctly, though its old answer is still kept and shown.

export interface QuestionRef {
  id: string;
  /** questionHash() of the question as it is now. */
  hash: string;
}

export type AnswerState = 'unanswered' | 'correct' | 'wrong' | 'changed';

export function answerState(answer: AnswerRecord | undefined, question: QuestionRef): AnswerState {
  if (!answer) return 'unanswered';
  if (answer.hash !== question.hash) return 'changed';
  return answer.correct ? 'correct' : 'wrong';
}

/** A question's stored answer (kept even when the question changed) and what it counts as now. */
export function questionProgress(
  progress: Progress,
  lessonId: string,
  question: QuestionRef,
): { answer: AnswerRecord | undefined; state: AnswerState } {
  const answer = answerEntry(progress, lessonId, question.id);
  return { answer, state: answerState(answer, question) };
}

export interface LessonSummary {
  /** Questions with a stored answer, changed ones included. */
  answered: number;
  /** Answered right, to the question as it is now. */
  correct: number;
  /** Answered before the question changed: to answer again. */
  changed: number;
  total: number;
  /** correct / total (0 for a lesson without questions). */
  score: number;
  /** Every question answered right as it is now. */
  mastered: boolean;
}

export function lessonSummary(progress: Progress, lessonId: string, questions: readonly QuestionRef[]): LessonSummary {
  let answered = 0;
  let correct = 0;
  let changed = 0;
  for (const question of questions) {
    const state = questionProgress(progress, lessonId, question).state;
    if (state !== 'unanswered') answered++;
    if (state === 'correct') correct++;
    if (state === 'changed') changed++;
  }
  const total = questions.length;
  return {
    answered,
    correct,
    changed,
    total,
    score: total > 0 ? correct / total : 0,
    mastered: total > 0 && correct === total,
  };
}
