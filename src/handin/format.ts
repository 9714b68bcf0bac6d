import type { JsonValue } from '../schemas/progress';
import { canonical } from '../progress/canonical';
import { cyrb53 } from '../quiz/hash';
import { describeSize, findForbiddenKey, textBytes } from '../progress/file-checks';
import { isLessonId, isQuestionId, isTime, MAX_HASH_LENGTH, responseProblem } from '../progress/rules';
import { isJsonValue, isPlainObject } from '../progress/validate';
import { cleanName, CONTROL, isLabel, MAX_NAME_LENGTH } from './label';

// Hand-in files: what a student's "Hand in my results" downloads and what the instructor's results page opens.
// A hand-in is a self-report: answers are checked in the student's browser, and the checksum only notices a file
// damaged on its way (a cut-off download, a mail program re-wrapping it), not a student who edits it and works
// the checksum out again. The checks below are as strict as a progress import's: size first, then JSON, then no
// reserved key anywhere, then every field. Lessons and questions are arrays, never objects keyed by id, so no
// stored id ever becomes a property name.

/** Names no course: the `course` field says which one a file is for. */
export const HANDIN_KIND = 'course-hand-in';
/** The format version this code writes; a file with a larger one was made by a newer site. */
export const HANDIN_FORMAT = 1;
/** A whole course's hand-in is about 20 KB; anything past this is not one. */
export const HANDIN_MAX_BYTES = 256 * 1024;
const MAX_LESSONS = 500;
const MAX_QUESTIONS = 5000;

export interface HandInLesson {
  id: string;
  /** Share of the lesson's questions right at the first try (0..1), as the student's page counted it. */
  rightFirstTime: number;
  mastered: boolean;
  openedAt?: number;
  readAt?: number;
  lastAnsweredAt?: number;
}

export interface HandInQuestion {
  lesson: string;
  id: string;
  /** questionHash() of the question when it was answered (of the current one when it was not). */
  hash: string;
  attempts: number;
  /**
   * The response of the first attempt at this version of the question; null when it was not answered, or when it
   * is not known (answers of several attempts saved before the site kept first responses).
   */
  firstResponse: JsonValue;
  /** Right at the first try; null when not answered or not known. */
  firstCorrect: boolean | null;
  /** The student asked to see the answer. */
  revealed: boolean;
  /** Counts as mastered on the student's page at hand-in time. */
  mastered: boolean;
}

export interface HandIn {
  kind: typeof HANDIN_KIND;
  format: number;
  course: string;
  contentVersion: string;
  name: string;
  class?: string;
  handedInAt: number;
  lessons: HandInLesson[];
  questions: HandInQuestion[];
  /** cyrb53 of everything else, in canonical form: notices damage, not editing. */
  checksum: string;
}

export type HandInBody = Omit<HandIn, 'checksum'>;

export function checksumOf(body: HandInBody): string {
  const copy: Record<string, unknown> = { ...body };
  delete copy.checksum;
  return `cyrb53-${cyrb53(canonical(copy)).toString(36)}`;
}

export function sealHandIn(body: HandInBody): HandIn {
  return { ...body, checksum: checksumOf(body) };
}

/** The file's text: what the student sees before downloading is exactly this. */
export function handInText(handIn: HandIn): string {
  return `${JSON.stringify(handIn, null, 2)}\n`;
}

export function nameProblem(name: string): string | undefined {
  const clean = cleanName(name);
  if (clean === '') return 'Type your name, as your instructor knows you.';
  if (clean.length > MAX_NAME_LENGTH) return `Your name can be at most ${MAX_NAME_LENGTH} characters.`;
  if (CONTROL.test(clean)) return 'Your name has a character that cannot be typed; retype it.';
  return undefined;
}

export type HandInParse = { ok: true; handIn: HandIn } | { ok: false; reason: string };

const fail = (reason: string): HandInParse => ({ ok: false, reason });
const isShare = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isHash = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= MAX_HASH_LENGTH;

function readLesson(value: unknown): HandInLesson | undefined {
  if (!isPlainObject(value)) return undefined;
  const { id, rightFirstTime, mastered } = value;
  if (typeof id !== 'string' || !isLessonId(id) || !isShare(rightFirstTime) || typeof mastered !== 'boolean')
    return undefined;
  const lesson: HandInLesson = { id, rightFirstTime, mastered };
  for (const field of ['openedAt', 'readAt', 'lastAnsweredAt'] as const) {
    const time = value[field];
    if (time === undefined) continue;
    if (!isTime(time)) return undefined;
    lesson[field] = time;
  }
  return lesson;
}

function readQuestion(value: unknown): HandInQuestion | undefined {
  if (!isPlainObject(value)) return undefined;
  const { lesson, id, hash, attempts, firstResponse, firstCorrect, revealed, mastered } = value;
  if (typeof lesson !== 'string' || !isLessonId(lesson) || typeof id !== 'string' || !isQuestionId(id))
    return undefined;
  if (!isHash(hash) || !isCount(attempts) || typeof revealed !== 'boolean' || typeof mastered !== 'boolean')
    return undefined;
  if (firstCorrect !== null && typeof firstCorrect !== 'boolean') return undefined;
  // The limits of a stored response: a response too big to show or naming an item twice is not one.
  if (!isJsonValue(firstResponse) || responseProblem(firstResponse) !== undefined) return undefined;
  // Nothing can be known about the first try of a question never tried.
  if (attempts === 0 && (firstResponse !== null || firstCorrect !== null || mastered)) return undefined;
  return { lesson, id, hash, attempts, firstResponse, firstCorrect, revealed, mastered };
}

const WRONG_FILE =
  'This is not a hand-in file from this course. Ask the student to hand in again with “Hand in my results” on the course’s Your progress page.';

/** Checks a hand-in file completely and returns it, or why it cannot be used, in words an instructor can act on. */
export function parseHandIn(text: unknown, courseId: string): HandInParse {
  if (typeof text !== 'string') return fail('No file text was given.');
  const bytes = textBytes(text, HANDIN_MAX_BYTES);
  if (bytes > HANDIN_MAX_BYTES)
    return fail(
      `This file is ${describeSize(bytes)}, but a hand-in file is at most ${HANDIN_MAX_BYTES / 1024} KB, so it is not one.`,
    );
  if (text.trim() === '') return fail('This file is empty.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('This file could not be read: it is not a hand-in file, or it was damaged or cut short on its way.');
  }
  const forbidden = findForbiddenKey(parsed);
  if (forbidden !== undefined)
    return fail(`This file contains a field named “${forbidden}”, which hand-in files never have, so it was not used.`);
  if (!isPlainObject(parsed)) return fail(WRONG_FILE);
  if (parsed.kind !== HANDIN_KIND) {
    if (typeof parsed.kind === 'string' && parsed.kind.endsWith('-progress'))
      return fail(
        'This is a progress file (“Export progress”), not a hand-in. Ask the student for the file “Hand in my results” makes.',
      );
    return fail(WRONG_FILE);
  }
  const { format, course, contentVersion, name, handedInAt, lessons, questions, checksum } = parsed;
  if (typeof format === 'number' && Number.isSafeInteger(format) && format > HANDIN_FORMAT)
    return fail(
      'This file was made by a newer version of the course site. Reload this page to get it, then open the file again.',
    );
  const damaged = (where: string) =>
    fail(
      `This hand-in has been changed or damaged: ${where} is not in the expected form. Ask the student to hand in again.`,
    );
  if (format !== HANDIN_FORMAT) return damaged('its format number');
  if (typeof course !== 'string' || course.length > 200) return damaged('the course it is for');
  if (course !== courseId)
    return fail(
      `This hand-in is for another course (“${course}”), not this one (“${courseId}”). Open it on that course’s results page.`,
    );
  if (!isHash(contentVersion)) return damaged('its content version');
  if (typeof name !== 'string' || nameProblem(name) !== undefined || cleanName(name) !== name)
    return damaged('the student’s name');
  if (parsed.class !== undefined && !isLabel(parsed.class)) return damaged('the class');
  if (!isTime(handedInAt)) return damaged('the time it was handed in');
  if (!Array.isArray(lessons) || lessons.length > MAX_LESSONS) return damaged('its list of lessons');
  if (!Array.isArray(questions) || questions.length > MAX_QUESTIONS) return damaged('its list of questions');
  if (typeof checksum !== 'string') return damaged('its checksum');

  const readLessons: HandInLesson[] = [];
  const lessonIds = new Set<string>();
  for (const [index, value] of lessons.entries()) {
    const lesson = readLesson(value);
    if (!lesson || lessonIds.has(lesson.id)) return damaged(`lesson entry ${index + 1}`);
    lessonIds.add(lesson.id);
    readLessons.push(lesson);
  }
  const readQuestions: HandInQuestion[] = [];
  const questionKeys = new Set<string>();
  for (const [index, value] of questions.entries()) {
    const question = readQuestion(value);
    const key = question && `${question.lesson}/${question.id}`;
    if (!question || !key || questionKeys.has(key)) return damaged(`question entry ${index + 1}`);
    questionKeys.add(key);
    readQuestions.push(question);
  }
  const body: HandInBody = {
    kind: HANDIN_KIND,
    format,
    course,
    contentVersion,
    name,
    handedInAt,
    lessons: readLessons,
    questions: readQuestions,
  };
  if (parsed.class !== undefined) body.class = parsed.class;
  // Checked on the clean copy: a file whose known fields are intact passes even if a program added others.
  if (checksumOf(body) !== checksum)
    return fail(
      'This hand-in’s checksum does not match its content: it was changed or damaged after it was made. Ask the student to hand in again.',
    );
  return { ok: true, handIn: { ...body, checksum } };
}
