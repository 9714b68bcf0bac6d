import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HANDIN_FORMAT,
  HANDIN_KIND,
  HANDIN_MAX_BYTES,
  handInText,
  nameProblem,
  parseHandIn,
  sealHandIn,
  type HandIn,
  type HandInBody,
} from '../../src/handin/format';
import { handInFileName, handInFromProgress } from '../../src/handin/from-progress';
import { exportProgressText } from '../../src/progress/files/progress-file';
import { courseSchema } from '../../src/schemas';
import { answer, doc, jsonArb, viaJson } from './progress-helpers';
import { course, student } from './handin-fixtures';

const COURSE_ID = course.courseId;

const reason = (text: unknown, courseId = COURSE_ID): string => {
  const result = parseHandIn(text, courseId);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.reason;
};
const ok = (text: string) => {
  const result = parseHandIn(text, COURSE_ID);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.handIn;
};
/** A file with one field changed and its checksum worked out again: only the field checks can refuse it. */
const resealed = (change: (body: Record<string, unknown>) => void, from: HandIn = student(4)): string => {
  const body = structuredClone(from) as unknown as Record<string, unknown>;
  change(body);
  return handInText(sealHandIn(body as unknown as HandInBody));
};

const nameArb = fc
  .string({ minLength: 1, maxLength: 30, unit: 'grapheme' })
  .map((s) => s.replace(/\s+/g, ' ').trim())
  .filter((s) => nameProblem(s) === undefined);
const questionArb = fc.oneof(
  fc.record({
    lesson: fc.constantFrom('alpha', 'beta', 'l-4'),
    id: fc.constantFrom('q1', 'q2', 'quiz-a.q4'),
    hash: fc.constantFrom('h1', 'zz9'),
    attempts: fc.integer({ min: 1, max: 9 }),
    firstResponse: jsonArb,
    firstCorrect: fc.option(fc.boolean(), { nil: null }),
    revealed: fc.boolean(),
    mastered: fc.boolean(),
  }),
  fc.record({
    lesson: fc.constantFrom('gamma'),
    id: fc.constantFrom('q1', 'q2', 'q3'),
    hash: fc.constant('h1'),
    attempts: fc.constant(0),
    firstResponse: fc.constant(null),
    firstCorrect: fc.constant(null),
    revealed: fc.boolean(),
    mastered: fc.constant(false),
  }),
);
const timeArb = fc.integer({ min: 0, max: 4_000_000_000_000 });
const bodyArb: fc.Arbitrary<HandInBody> = fc
  .record(
    {
      name: nameArb,
      class: fc.constantFrom('7B', 'Group 2'),
      handedInAt: timeArb,
      lessons: fc.uniqueArray(
        fc.record(
          {
            id: fc.constantFrom('alpha', 'beta', 'l-4'),
            rightFirstTime: fc.double({ min: 0, max: 1, noNaN: true }),
            mastered: fc.boolean(),
            openedAt: timeArb,
            readAt: timeArb,
            lastAnsweredAt: timeArb,
          },
          { requiredKeys: ['id', 'rightFirstTime', 'mastered'] },
        ),
        { selector: (l) => l.id },
      ),
      questions: fc.uniqueArray(questionArb, { selector: (q) => `${q.lesson}/${q.id}`, maxLength: 8 }),
    },
    { requiredKeys: ['name', 'handedInAt', 'lessons', 'questions'] },
  )
  .map((parts) =>
    viaJson({ kind: HANDIN_KIND, format: HANDIN_FORMAT, course: COURSE_ID, contentVersion: 'v1', ...parts }),
  );

describe('hand-in files round trip', () => {
  it('reads back exactly what was written, whatever it holds', () => {
    fc.assert(
      fc.property(bodyArb, (body) => {
        const sealed = sealHandIn(body);
        expect(ok(handInText(sealed))).toEqual(sealed);
      }),
    );
  });

  it('reads back a file whose keys another program reordered or re-indented', () => {
    const sealed = student(7);
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(sealed).reverse()));
    expect(ok(reordered)).toEqual(sealed);
  });

  it('makes a file from a student’s progress that lists every question and reads back', () => {
    const alpha = course.lessons[0]!;
    const progress = doc({
      lessons: { alpha: { openedAt: 100, readAt: 200 } },
      answers: {
        'alpha/q1': answer({ hash: alpha.questions[0]!.hash, response: { type: 'single', option: 'a' }, attempts: 1 }),
        'alpha/q2': answer({
          hash: 'old',
          attempts: 3,
          roundAttempts: 3,
          firstTryRight: false,
          roundFirstRight: false,
        }),
        // "Basra", then "Bagdad", then "Show answer": the first response is the one kept as such.
        'alpha/q3': answer({
          hash: alpha.questions[2]!.hash,
          response: { type: 'text', value: 'Bagdad' },
          firstResponse: { type: 'text', value: 'Basra' },
          correct: false,
          score: 0,
          attempts: 2,
          roundAttempts: 2,
          firstTryRight: false,
          roundFirstRight: false,
          revealed: true,
        }),
        // Wrong, then "Show answer": one attempt, so its response is the first.
        'beta/b2': answer({
          hash: course.lessons[1]!.questions[1]!.hash,
          response: { type: 'numeric', value: '2400' },
          correct: false,
          score: 0,
          firstTryRight: false,
          roundFirstRight: false,
          revealed: true,
        }),
      },
    });
    const handIn = handInFromProgress(progress, course, { name: '  Ada   Lovelace ', className: '7B' }, 5000);
    expect(ok(handInText(handIn))).toEqual(handIn);
    expect(handIn).toMatchObject({ name: 'Ada Lovelace', class: '7B', handedInAt: 5000, course: COURSE_ID });
    expect(handIn.contentVersion).toBe(course.contentVersion);
    expect(handIn.questions).toHaveLength(5);
    expect(handIn.questions[0]).toMatchObject({ id: 'q1', attempts: 1, firstCorrect: true, mastered: true });
    // Answered to an older version: its own hash goes in the file. Three attempts saved before progress kept the
    // first response: it is not known.
    expect(handIn.questions[1]).toMatchObject({ id: 'q2', hash: 'old', attempts: 3, firstCorrect: false });
    expect(handIn.questions[1]!.firstResponse).toBeNull();
    expect(handIn.questions[2]).toEqual({
      lesson: 'alpha',
      id: 'q3',
      hash: alpha.questions[2]!.hash,
      attempts: 2,
      firstResponse: { type: 'text', value: 'Basra' },
      firstCorrect: false,
      revealed: true,
      mastered: false,
    });
    expect(handIn.questions[3]).toMatchObject({ lesson: 'beta', id: 'b1', attempts: 0, firstResponse: null });
    expect(handIn.questions[4]).toMatchObject({
      id: 'b2',
      attempts: 1,
      firstResponse: { type: 'numeric', value: '2400' },
    });
    expect(handIn.lessons[0]).toEqual({
      id: 'alpha',
      rightFirstTime: 1 / 3,
      mastered: false,
      openedAt: 100,
      readAt: 200,
      lastAnsweredAt: 1000,
    });
    expect(handIn.lessons[1]).toEqual({ id: 'beta', rightFirstTime: 0, mastered: false, lastAnsweredAt: 1000 });
    expect(handInFileName(handIn)).toBe('hand-in-ada-lovelace-1970-01-01.json');
  });
});

describe('parseHandIn refuses, saying why', () => {
  const good = handInText(student(4));

  it('a file over the size limit, before reading it', () => {
    expect(reason(' '.repeat(HANDIN_MAX_BYTES + 1))).toMatch(/at most 256 KB/);
    expect(reason('é'.repeat(HANDIN_MAX_BYTES / 2 + 1))).toMatch(/at most 256 KB/);
  });

  it('empty, cut short or not JSON', () => {
    expect(reason('')).toMatch(/empty/);
    expect(reason(good.slice(0, 200))).toMatch(/damaged or cut short/);
    expect(reason(42)).toMatch(/No file text/);
  });

  it('reserved keys anywhere, even inside a response', () => {
    expect(reason(good.replace('"format"', '"__proto__": {"polluted": 1}, "format"'))).toMatch(/“__proto__”/);
    expect(
      reason(resealed((b) => ((b.questions as { firstResponse: unknown }[])[0]!.firstResponse = { constructor: 1 }))),
    ).toMatch(/“constructor”/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('another kind of file: a progress export, or anything else', () => {
    expect(reason(exportProgressText(doc(), 1))).toMatch(/progress file .*not a hand-in/);
    expect(reason('[1, 2]')).toMatch(/not a hand-in file/);
    expect(reason(JSON.stringify({ kind: 'something' }))).toMatch(/not a hand-in file/);
  });

  it('another course, naming both', () => {
    expect(reason(resealed((b) => (b.course = 'other-course')))).toMatch(/another course \(“other-course”\)/);
    expect(reason(good, 'this-course')).toMatch(/not this one \(“this-course”\)/);
  });

  it('a newer format, asking for a reload', () => {
    expect(reason(resealed((b) => (b.format = HANDIN_FORMAT + 1)))).toMatch(/newer version.*Reload/);
  });

  it('a field out of shape, naming it', () => {
    expect(reason(resealed((b) => (b.name = '')))).toMatch(/the student’s name/);
    expect(reason(resealed((b) => (b.name = 'x'.repeat(101))))).toMatch(/the student’s name/);
    expect(reason(resealed((b) => (b.name = 'Ada\u0000')))).toMatch(/the student’s name/);
    expect(reason(resealed((b) => (b.class = 7)))).toMatch(/the class/);
    expect(reason(resealed((b) => (b.handedInAt = -1)))).toMatch(/handed in/);
    expect(reason(resealed((b) => (b.lessons = {})))).toMatch(/list of lessons/);
    const q = (change: (q: Record<string, unknown>) => void) =>
      resealed((b) => change((b.questions as Record<string, unknown>[])[1]!));
    expect(reason(q((x) => (x.attempts = 1.5)))).toMatch(/question entry 2/);
    expect(reason(q((x) => (x.id = 'Not An Id')))).toMatch(/question entry 2/);
    expect(reason(q((x) => (x.firstCorrect = 'yes')))).toMatch(/question entry 2/);
    // A first response with the limits of a stored response: not one naming an item twice, nor far too long.
    expect(reason(q((x) => (x.firstResponse = { type: 'multiple', options: ['x', 'x'] })))).toMatch(/question entry 2/);
    expect(reason(q((x) => (x.firstResponse = { type: 'text', value: 'x'.repeat(20_000) })))).toMatch(
      /question entry 2/,
    );
    expect(reason(q((x) => Object.assign(x, { attempts: 0, firstCorrect: null, mastered: false })))).toMatch(
      /question entry 2/,
    );
    expect(reason(resealed((b) => (b.questions as unknown[]).push((b.questions as unknown[])[0])))).toMatch(
      /question entry 6/,
    );
  });

  it('any edit the checksum was not worked out again for', () => {
    expect(reason(good.replace('"Student 04"', '"Student 05"'))).toMatch(/checksum does not match/);
    expect(reason(good.replace('"attempts": 0', '"attempts": 1'))).toMatch(/checksum does not match/);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          jsonArb.map((v) => JSON.stringify(v)),
        ),
        (text) => {
          expect(parseHandIn(text, COURSE_ID).ok).toBe(false);
        },
      ),
    );
  });

  it('keeps markup in a name as the text it is', () => {
    const markup = '<img src=x onerror="alert(1)">';
    expect(ok(resealed((b) => (b.name = markup))).name).toBe(markup);
  });
});

describe('the classes a course file lists', () => {
  const course = { title: 'T', description: 'D', intro: ['Hello.'], footer: 'F' };
  const problems = (classes: unknown) => {
    const result = courseSchema.safeParse({ ...course, classes });
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  };

  it('are short names with single spaces, each once, and a hand-in naming one of them is read', () => {
    expect(problems(['7B', 'Group 2'])).toEqual([]);
    expect(problems(['7B', '7B'])).toEqual(['each class can be listed once only']);
    for (const bad of [[' 7B'], ['Group  2'], ['x'.repeat(101)], ['7\u0001B']])
      expect(problems(bad)).toEqual([expect.stringMatching(/^write each class as a short name/)]);
    expect(problems([])).toEqual(['list at least one class, or remove the field']);
    fc.assert(
      fc.property(nameArb, (name) => {
        expect(problems([name])).toEqual([]);
        expect(ok(resealed((b) => (b.class = name))).class).toBe(name);
      }),
    );
  });
});
