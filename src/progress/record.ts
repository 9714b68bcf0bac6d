import type { AnswerRecord, JsonValue, LessonProgress, Progress } from './format';
import { answerKey, emptyProgress, isLessonId, isQuestionId, lessonEntry, ownEntry, toTime } from './format';
import { firstResponseOf, withFirstResponse } from './first-response';
import { MAX_ATTEMPTS } from './repair';
import { nextReview, reviewSoon, startsRound } from './review';
import { lessonSummary, type QuestionRef } from './summary';

// The changes a student makes, as pure functions from one progress document to the next. Times never go
// backwards within a document (a clock set back still yields a later lastAt), so merging always prefers the
// newest answer.

/** What the grader said about a response: the `correct` and `score` of src/quiz's Grade. */
export interface GradeOutcome {
  correct: boolean;
  score: number;
}

function checkLessonId(lessonId: string): void {
  if (!isLessonId(lessonId)) throw new RangeError(`not a lesson id: ${JSON.stringify(lessonId)}`);
}

/** A time for a new change: now, but never before the document's last change or reset. */
function nextTime(progress: Progress, now: number): number {
  // Not the document's updatedAt: one time from a clock set ahead would then stamp every later answer (issue 11).
  // An answer still lands after its own previous one (see applyAnswer), so the newest answer wins a merge.
  return Math.max(toTime(now), progress.resetAt ?? 0);
}

function withLesson(progress: Progress, lessonId: string, lesson: LessonProgress, time: number): Progress {
  return {
    ...progress,
    updatedAt: Math.max(progress.updatedAt, time),
    lessons: { ...progress.lessons, [lessonId]: lesson },
  };
}

/** The lesson's best score ("right first time" share), raised if `next` beats it. */
function withBestScore(
  next: Progress,
  lessonId: string,
  time: number,
  lessonQuestions: readonly QuestionRef[] | undefined,
): Progress {
  if (!lessonQuestions || lessonQuestions.length === 0) return next;
  const { score: lessonScore } = lessonSummary(next, lessonId, lessonQuestions);
  const lesson = lessonEntry(next, lessonId) ?? {};
  if (lesson.bestScore !== undefined && lessonScore <= lesson.bestScore) return next;
  return withLesson(next, lessonId, { ...lesson, bestScore: lessonScore, bestScoreAt: time }, time);
}

function checkIds(lessonId: string, questionId: string): void {
  checkLessonId(lessonId);
  if (!isQuestionId(questionId)) throw new RangeError(`not a question id: ${JSON.stringify(questionId)}`);
}

/**
 * Records one attempt. The first attempt at a question (or at a changed question), and the first once it is due
 * for review, start a round; see review.ts for what a round's first try does to the schedule. Later attempts in
 * a round keep the round's first result: trying again after feedback is "right with help", never right first
 * time. Give the lesson's current questions to keep its best score up to date.
 */
export function applyAnswer(
  progress: Progress,
  lessonId: string,
  question: QuestionRef,
  response: JsonValue,
  result: GradeOutcome,
  now: number,
  lessonQuestions?: readonly QuestionRef[],
): Progress {
  checkIds(lessonId, question.id);
  const key = answerKey(lessonId, question.id);
  const previous = ownEntry(progress.answers, key);
  const time = Math.max(nextTime(progress, now), previous ? previous.lastAt + 1 : 0);
  // A copy through JSON, so memory holds exactly what storage will give back.
  const stored = JSON.parse(JSON.stringify(response ?? null)) as JsonValue;
  const score = Number.isFinite(result.score) ? Math.min(1, Math.max(0, result.score)) : result.correct ? 1 : 0;
  const same = previous !== undefined && previous.hash === question.hash;
  const newRound = !same || startsRound(previous, time);
  // Counts stop at MAX_ATTEMPTS rather than grow past what storage reads back as believable (issue 11).
  const attempts = Math.min(MAX_ATTEMPTS, (previous?.attempts ?? 0) + 1);
  let answer: AnswerRecord = {
    hash: question.hash,
    response: stored,
    correct: result.correct,
    score,
    attempts,
    firstAt: previous?.firstAt ?? time,
    lastAt: time,
    // A changed question is a new question: its first try is this one.
    firstTryRight: same ? previous.firstTryRight : result.correct,
    roundAt: newRound ? time : previous.roundAt,
    roundAttempts: newRound ? 1 : Math.min(attempts, previous.roundAttempts + 1),
    roundFirstRight: newRound ? result.correct : previous.roundFirstRight,
    revealed: newRound ? false : previous.revealed,
  };
  const schedule = newRound ? nextReview(same ? previous : undefined, result.correct, time) : previous;
  if (schedule.box !== undefined) answer.box = schedule.box;
  if (schedule.dueAt !== undefined) answer.dueAt = schedule.dueAt;
  // Like firstTryRight, the first response restarts with a changed question. Stored from the second attempt on.
  answer = withFirstResponse(answer, same ? firstResponseOf(previous) : stored);
  const next: Progress = {
    ...progress,
    updatedAt: Math.max(progress.updatedAt, time),
    answers: { ...progress.answers, [key]: answer },
  };
  return withBestScore(next, lessonId, time, lessonQuestions);
}

/**
 * Records "Show answer": the round counts as revealed, so the question is not mastered and comes back for review
 * the next day. Only after an attempt at the question as it is now, and never once the round was answered right
 * first time (there is nothing to reveal then): otherwise the progress is returned unchanged.
 */
export function applyReveal(progress: Progress, lessonId: string, question: QuestionRef, now: number): Progress {
  checkIds(lessonId, question.id);
  const key = answerKey(lessonId, question.id);
  const previous = ownEntry(progress.answers, key);
  if (!previous || previous.hash !== question.hash || previous.roundFirstRight || previous.revealed) return progress;
  const time = Math.max(nextTime(progress, now), previous.lastAt + 1);
  // Due again: this round has had no attempt yet, and an answer is never shown before one.
  if (startsRound(previous, time)) return progress;
  const answer: AnswerRecord = { ...previous, lastAt: time, revealed: true, ...reviewSoon(time) };
  return {
    ...progress,
    updatedAt: Math.max(progress.updatedAt, time),
    answers: { ...progress.answers, [key]: answer },
  };
}

function markFirst(progress: Progress, lessonId: string, field: 'openedAt' | 'readAt', now: number): Progress {
  checkLessonId(lessonId);
  const lesson = lessonEntry(progress, lessonId) ?? {};
  if (lesson[field] !== undefined) return progress;
  const time = nextTime(progress, now);
  return withLesson(progress, lessonId, { ...lesson, [field]: time }, time);
}

/** Notes the first time a lesson was opened (later openings change nothing). */
export function applyOpened(progress: Progress, lessonId: string, now: number): Progress {
  return markFirst(progress, lessonId, 'openedAt', now);
}

/** Notes the first time a lesson was read to the end. */
export function applyRead(progress: Progress, lessonId: string, now: number): Progress {
  return markFirst(progress, lessonId, 'readAt', now);
}

/** Empty progress that starts a new generation, so no tab's older copy brings the old progress back. */
export function applyReset(progress: Progress, now: number): Progress {
  const resetAt = Math.max(toTime(now), progress.updatedAt + 1, (progress.resetAt ?? -1) + 1);
  return { ...emptyProgress(resetAt), resetAt };
}
