import type { AnswerRecord, Progress } from './format';
import { answerEntry } from './format';

// What the UI shows about a lesson, derived from stored answers and the lesson's current questions. Nothing
// here is stored: a question whose text or answer changed since it was answered ("changed") counts as not
// yet answered, though its old answer is still kept and shown.
//
// Three counts, never one standing in for another:
// - right first time: the very first attempt was right. The lesson's score.
// - right in the end: the last attempt was right and the answer was not shown ("Show answer").
// - mastered: the latest round (first visit, or a later review once due) was right on its first try, without
//   the answer shown. A revealed answer or one right only after feedback is never mastered.

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

/** What one answer counts as, to the question as it is now. */
export interface Standing {
  rightFirstTime: boolean;
  rightInEnd: boolean;
  mastered: boolean;
}

export function standingOf(answer: AnswerRecord | undefined, question: QuestionRef): Standing {
  if (!answer || answer.hash !== question.hash) return { rightFirstTime: false, rightInEnd: false, mastered: false };
  return {
    rightFirstTime: answer.firstTryRight,
    rightInEnd: answer.correct && !answer.revealed,
    mastered: answer.roundFirstRight && !answer.revealed,
  };
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
  /** First attempt right, to the question as it is now: the lesson's score. */
  rightFirstTime: number;
  /** Last attempt right without the answer shown (right first time included). */
  rightInEnd: number;
  /** Latest round right first try, without the answer shown. */
  masteredCount: number;
  /** Answered before the question changed: to answer again. */
  changed: number;
  total: number;
  /** rightFirstTime / total (0 for a lesson without questions). */
  score: number;
  /** Every question mastered. */
  mastered: boolean;
  /** Ids of the questions not mastered that have been answered: the ones to revisit. */
  revisit: string[];
}

export function lessonSummary(progress: Progress, lessonId: string, questions: readonly QuestionRef[]): LessonSummary {
  let answered = 0;
  let rightFirstTime = 0;
  let rightInEnd = 0;
  let masteredCount = 0;
  let changed = 0;
  const revisit: string[] = [];
  for (const question of questions) {
    const answer = answerEntry(progress, lessonId, question.id);
    const standing = standingOf(answer, question);
    if (answer) answered++;
    if (answer && answer.hash !== question.hash) changed++;
    if (standing.rightFirstTime) rightFirstTime++;
    if (standing.rightInEnd) rightInEnd++;
    if (standing.mastered) masteredCount++;
    else if (answer) revisit.push(question.id);
  }
  const total = questions.length;
  return {
    answered,
    rightFirstTime,
    rightInEnd,
    masteredCount,
    changed,
    total,
    score: total > 0 ? rightFirstTime / total : 0,
    mastered: total > 0 && masteredCount === total,
    revisit,
  };
}

/** The earliest time one of these questions is due for review, if any is scheduled. */
export function nextDue(progress: Progress, lessonId: string, questions: readonly QuestionRef[]): number | undefined {
  let soonest: number | undefined;
  for (const question of questions) {
    const dueAt = answerEntry(progress, lessonId, question.id)?.dueAt;
    if (dueAt !== undefined && (soonest === undefined || dueAt < soonest)) soonest = dueAt;
  }
  return soonest;
}
