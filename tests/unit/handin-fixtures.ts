import type { Question } from '../../src/quiz';
import { buildManifest, studentCourse } from '../../src/handin/course';
import { HANDIN_FORMAT, HANDIN_KIND, sealHandIn, type HandIn, type HandInQuestion } from '../../src/handin/format';
import { handInFromProgress } from '../../src/handin/from-progress';
import { emptyProgress, type JsonValue, type Progress } from '../../src/progress/format';
import { applyAnswer, applyReveal } from '../../src/progress/record';
import { DAY_MS } from '../../src/progress/review';
import { answer, doc } from './progress-helpers';

// A small course and a class of 30 synthetic students for the hand-in tests. Each student's answers follow
// simple ranges of their number (0-29), so the expected figures in handin-results.test.ts can be worked out
// by hand from the comments below. One question's answers (q3) are the student's own attempts, recorded in
// progress and handed in as the site does it, so the figures count first responses as a student's file holds them.

const base = { explanation: 'Because.', evidence: { topic: 'gaza-link' }, level: 'recall' } as const;

const alphaQuestions: Question[] = [
  {
    ...base,
    id: 'q1',
    type: 'single',
    prompt: 'Which base?',
    objective: 'o1',
    options: [
      { id: 'a', text: 'Ain al-Asad', correct: true },
      { id: 'b', text: 'Kalsu' },
      { id: 'c', text: 'Tower 22' },
    ],
  },
  { ...base, id: 'q2', type: 'truefalse', prompt: 'True or false?', objective: 'o1', answer: true },
  { ...base, id: 'q3', type: 'text', prompt: 'Which city?', objective: 'o2', accept: ['Baghdad'] },
];
const betaQuestions: Question[] = [
  {
    ...base,
    id: 'b1',
    type: 'multiple',
    prompt: 'Tick both.',
    objective: 'o3',
    options: [
      { id: 'x', text: 'X', correct: true },
      { id: 'y', text: 'Y', correct: true },
      { id: 'z', text: 'Z' },
    ],
  },
  {
    ...base,
    id: 'b2',
    type: 'numeric',
    prompt: 'How many?',
    objective: 'o3',
    answer: 2500,
    tolerance: 0,
    unit: 'troops',
  },
];

export const course = buildManifest(
  [
    {
      id: 'alpha',
      title: '1. Alpha',
      objectives: [
        { id: 'o1', text: 'I can name the base.' },
        { id: 'o2', text: 'I can name the city.' },
      ],
      questions: alphaQuestions,
    },
    { id: 'beta', title: '2. Beta', objectives: [{ id: 'o3', text: 'I can count.' }], questions: betaQuestions },
  ],
  { courseId: 'test-course' },
);

const hashOf = (lesson: string, id: string) =>
  course.lessons.find((l) => l.id === lesson)!.questions.find((q) => q.id === id)!.hash;

const between = (i: number, from: number, to: number) => i >= from && i <= to;

function answered(
  lesson: string,
  id: string,
  firstResponse: JsonValue,
  firstCorrect: boolean,
  extra: Partial<HandInQuestion> = {},
): HandInQuestion {
  return {
    lesson,
    id,
    hash: hashOf(lesson, id),
    attempts: firstCorrect ? 1 : 2,
    firstResponse,
    firstCorrect,
    revealed: false,
    mastered: firstCorrect,
    ...extra,
  };
}

const unanswered = (lesson: string, id: string): HandInQuestion => ({
  lesson,
  id,
  hash: hashOf(lesson, id),
  attempts: 0,
  firstResponse: null,
  firstCorrect: null,
  revealed: false,
  mastered: false,
});

export const HANDED_IN_AT = Date.UTC(2024, 4, 6, 9, 0);

/**
 * q3 ("Which city?", right answer Baghdad) as student i answered it, through progress:
 * - 0-9 did not answer it; 10-19 typed "Baghdad" at once;
 * - 20-22 typed "Bagdad", then "Baghdad" after the feedback, and "Baghdad" again when it came back for review;
 * - 23-27 typed "Basra", then "Bagdad", then chose "Show answer";
 * - 28-29 answered it three times (wrong, then right) before the site kept first responses.
 */
function q3Answered(i: number): HandInQuestion | undefined {
  const q3 = { id: 'q3', hash: hashOf('alpha', 'q3') };
  const text = (value: string) => ({ type: 'text', value });
  const right = { correct: true, score: 1 };
  const wrong = { correct: false, score: 0 };
  const start = HANDED_IN_AT - 7 * DAY_MS;
  let progress: Progress = emptyProgress();
  if (i < 10) return undefined;
  if (i <= 19) progress = applyAnswer(progress, 'alpha', q3, text('Baghdad'), right, start);
  else if (i <= 22) {
    progress = applyAnswer(progress, 'alpha', q3, text('Bagdad'), wrong, start);
    progress = applyAnswer(progress, 'alpha', q3, text('Baghdad'), right, start + 60_000);
    progress = applyAnswer(progress, 'alpha', q3, text('Baghdad'), right, start + 2 * DAY_MS);
  } else if (i <= 27) {
    progress = applyAnswer(progress, 'alpha', q3, text('Basra'), wrong, start);
    progress = applyAnswer(progress, 'alpha', q3, text('Bagdad'), wrong, start + 60_000);
    progress = applyReveal(progress, 'alpha', q3, start + 120_000);
  } else {
    const old = answer({
      hash: q3.hash,
      response: text('Baghdad'),
      attempts: 3,
      roundAttempts: 3,
      firstTryRight: false,
      roundFirstRight: false,
      firstAt: start,
      lastAt: start + 120_000,
    });
    progress = doc({ answers: { 'alpha/q3': old } });
  }
  const handIn = handInFromProgress(progress, studentCourse(course), { name: 'Anyone' }, HANDED_IN_AT);
  return handIn.questions.find((q) => q.id === 'q3');
}

/**
 * Student i of 30:
 * - q1: right first time 0-19; first chose b 20-26, c 27-29; revealed 25-29; mastered 0-24.
 * - q2: right first time 0-14; false 15-29; never revealed; mastered 0-26.
 * - q3 (see q3Answered): unanswered 0-9; right first time 10-19; first "Bagdad" 20-22, "Basra" 23-27, not known
 *   28-29; revealed 23-27; mastered 10-22.
 * - b1: answered to an older version of the question by 28-29; right first time 0-9; [x] 10-21, [x, z] 22-27;
 *   mastered 0-19.
 * - b2: right first time by all.
 */
export function student(i: number, overrides: Partial<HandIn> = {}): HandIn {
  const q1 = answered('alpha', 'q1', { type: 'single', option: i < 20 ? 'a' : i <= 26 ? 'b' : 'c' }, i < 20, {
    revealed: between(i, 25, 29),
    mastered: i <= 24,
  });
  const q2 = answered('alpha', 'q2', { type: 'truefalse', value: i < 15 }, i < 15, { mastered: i <= 26 });
  const q3 = q3Answered(i) ?? unanswered('alpha', 'q3');
  const b1 =
    i >= 28
      ? answered('beta', 'b1', { type: 'multiple', options: ['x', 'y'] }, true, { hash: 'older-version' })
      : answered(
          'beta',
          'b1',
          { type: 'multiple', options: i < 10 ? ['x', 'y'] : i <= 21 ? ['x'] : ['x', 'z'] },
          i < 10,
          { mastered: i <= 19 },
        );
  const b2 = answered('beta', 'b2', { type: 'numeric', value: '2500' }, true);
  return sealHandIn({
    kind: HANDIN_KIND,
    format: HANDIN_FORMAT,
    course: course.courseId,
    contentVersion: course.contentVersion,
    name: `Student ${String(i).padStart(2, '0')}`,
    class: '7B',
    handedInAt: HANDED_IN_AT + i * 60_000,
    lessons: [
      { id: 'alpha', rightFirstTime: 0, mastered: false },
      { id: 'beta', rightFirstTime: 0, mastered: false },
    ],
    questions: [q1, q2, q3, b1, b2],
    ...overrides,
  });
}

export const classOf30 = Array.from({ length: 30 }, (_, i) => ({ fileName: `s${i}.json`, handIn: student(i) }));
