import type { AnswerRecord, LessonProgress, Progress } from '../schemas/progress';
import { answerKey, PROGRESS_VERSION } from './rules';

// The stored format's types and entry helpers (its limits and key rules are in rules.ts). Like all of
// src/progress this imports no zod, so the islands that read progress do not ship it; src/schemas/progress.ts
// describes the same format with zod.

export type { AnswerRecord, JsonValue, LessonProgress, Progress } from '../schemas/progress';
export * from './rules';

export function emptyProgress(updatedAt = 0): Progress {
  return { version: PROGRESS_VERSION, updatedAt, lessons: {}, answers: {} };
}

/** Reads a record only through its own keys, so an id such as "constructor" never finds Object.prototype. */
export function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function lessonEntry(progress: Progress, lessonId: string): LessonProgress | undefined {
  return ownEntry(progress.lessons, lessonId);
}

export function answerEntry(progress: Progress, lessonId: string, questionId: string): AnswerRecord | undefined {
  return ownEntry(progress.answers, answerKey(lessonId, questionId));
}
