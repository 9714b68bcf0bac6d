import type { AnswerRecord, JsonValue, LessonProgress, Progress } from './format';
import { answerKey, emptyProgress, isLessonId, isQuestionId, lessonEntry, ownEntry, toTime } from './format';
import { nextReview } from './review';
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
  return Math.max(toTime(now), progress.updatedAt, progress.resetAt ?? 0);
}

function withLesson(progress: Progress, lessonId: string, lesson: LessonProgress, time: number): Progress {
  return {
    ...progress,
    updatedAt: Math.max(progress.updatedAt, time),
    lessons: { ...progress.lessons, [lessonId]: lesson },
  };
}

/** Records an answer. Give the lesson's current questions to keep its best score up to date. */
export function applyAnswer(
  progress: Progress,
  lessonId: string,
  question: QuestionRef,
  response: JsonValue,
  result: GradeOutcome,
  now: number,
  lessonQuestions?: readonly QuestionRef[],
): Progress {
  checkLessonId(lessonId);
  if (!isQuestionId(question.id)) throw new RangeError(`not a question id: ${JSON.stringify(question.id)}`);
  const key = answerKey(lessonId, question.id);
  const previous = ownEntry(progress.answers, key);
  const time = Math.max(nextTime(progress, now), previous ? previous.lastAt + 1 : 0);
  // A copy through JSON, so memory holds exactly what storage will give back.
  const stored = JSON.parse(JSON.stringify(response ?? null)) as JsonValue;
  const score = Number.isFinite(result.score) ? Math.min(1, Math.max(0, result.score)) : result.correct ? 1 : 0;
  const answer: AnswerRecord = {
    hash: question.hash,
    response: stored,
    correct: result.correct,
    score,
    attempts: (previous?.attempts ?? 0) + 1,
    firstAt: previous?.firstAt ?? time,
    lastAt: time,
    ...nextReview(previous, result.correct, time),
  };
  let next: Progress = { ...progress, updatedAt: time, answers: { ...progress.answers, [key]: answer } };
  if (lessonQuestions && lessonQuestions.length > 0) {
    const { score: lessonScore } = lessonSummary(next, lessonId, lessonQuestions);
    const lesson = lessonEntry(next, lessonId) ?? {};
    if (lesson.bestScore === undefined || lessonScore > lesson.bestScore) {
      next = withLesson(next, lessonId, { ...lesson, bestScore: lessonScore, bestScoreAt: time }, time);
    }
  }
  return next;
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
