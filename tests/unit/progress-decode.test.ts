import fc from 'fast-check';
import { responseProblem } from '../../src/progress/rules';
import { describe, expect, it } from 'vitest';
import { answerRecordSchema, lessonProgressSchema, progressSchema } from '../../src/schemas';
import { decodeProgress } from '../../src/progress/decode';
import { uncommon } from '../../src/progress/uncommon';
import { emptyProgress, PROGRESS_VERSION } from '../../src/progress/format';
import { migrate, type MigrationStep } from '../../src/progress/migrate';
import { migrations } from '../../src/progress/migrations';
import { isJsonValue, parseAnswerRecord, parseLessonProgress } from '../../src/progress/validate';
import { answer, answerArb, doc, jsonArb, lessonArb, progressArb, viaJson } from './progress-helpers';

describe('decodeProgress', () => {
  it('reads nothing stored as empty progress, with no backup', () => {
    expect(decodeProgress(null)).toEqual({
      data: emptyProgress(),
      problems: [],
      dropped: 0,
      rawBackupNeeded: false,
      readOnly: false,
    });
  });

  it('reads a valid document unchanged', () => {
    const stored = doc({
      resetAt: 500,
      lessons: { intro: { openedAt: 900, readAt: 950, bestScore: 0.5, bestScoreAt: 990 } },
      answers: { 'intro/q1': answer({ box: 2, dueAt: 5000 }), 'gone-lesson/old-q': answer({ hash: 'old' }) },
    });
    const result = decodeProgress(JSON.stringify(stored), uncommon.upgrade);
    expect(result.data).toEqual(stored);
    expect(result.problems).toEqual([]);
    expect(result.rawBackupNeeded).toBe(false);
    expect(result.readOnly).toBe(false);
  });

  it.each(['{', '', 'null', '42', '"text"', '[1,2]', 'undefined', '{"version":1,'])(
    'turns unreadable text %j into empty progress that asks for a backup',
    (raw) => {
      const result = decodeProgress(raw, uncommon.upgrade);
      expect(result.data).toEqual(emptyProgress());
      expect(result.rawBackupNeeded).toBe(true);
      expect(result.readOnly).toBe(false);
      expect(result.problems.length).toBeGreaterThan(0);
    },
  );

  it('keeps every valid entry of a partly damaged document and counts what it left out', () => {
    const raw = JSON.stringify({
      version: 2,
      updatedAt: 2000,
      lessons: { intro: { openedAt: 10 }, 'Bad Id': { openedAt: 1 }, timeline: { openedAt: 'yesterday' } },
      answers: {
        'intro/q1': answer(),
        'intro/q2': { ...answer(), score: 2 },
        'intro/q3': { ...answer(), firstAt: 2000, lastAt: 1000 },
        'no-slash': answer(),
        'timeline/q1': answer({ correct: false, box: 1, dueAt: 1000 }),
      },
    });
    const result = decodeProgress(raw, uncommon.upgrade);
    expect(result.data).toEqual(
      doc({
        updatedAt: 2000,
        lessons: { intro: { openedAt: 10 } },
        answers: { 'intro/q1': answer(), 'timeline/q1': answer({ correct: false, box: 1, dueAt: 1000 }) },
      }),
    );
    expect(result.dropped).toBe(5);
    expect(result.rawBackupNeeded).toBe(true);
    expect(result.problems.join(' ')).toMatch(/2 saved lesson entries.*3 saved answer entries/);
  });

  it('reads a document from a newer version as read-only, keeping what it understands', () => {
    const raw = JSON.stringify({
      version: 7,
      updatedAt: 3000,
      lessons: { intro: { openedAt: 5, newField: true } },
      answers: { 'intro/q1': answer(), 'intro/q2': { shape: 'unknown' } },
      somethingNew: {},
    });
    const result = decodeProgress(raw, uncommon.upgrade);
    expect(result.readOnly).toBe(true);
    expect(result.rawBackupNeeded).toBe(false);
    expect(result.data.lessons).toEqual({ intro: { openedAt: 5 } });
    expect(Object.keys(result.data.answers)).toEqual(['intro/q1']);
    expect(result.problems[0]).toMatch(/newer version/);
  });

  it('salvages a document without a version number and asks for a backup', () => {
    const result = decodeProgress(
      JSON.stringify({ updatedAt: 1, lessons: {}, answers: { 'intro/q1': answer() } }),
      uncommon.upgrade,
    );
    expect(result.data.answers).toEqual({ 'intro/q1': answer() });
    expect(result.rawBackupNeeded).toBe(true);
    expect(result.readOnly).toBe(false);
  });

  it('rebuilds a missing updatedAt from the answers', () => {
    const result = decodeProgress(
      JSON.stringify({ version: 2, lessons: {}, answers: { 'intro/q1': answer({ lastAt: 4321 }) } }),
      uncommon.upgrade,
    );
    expect(result.data.updatedAt).toBe(4321);
    expect(result.rawBackupNeeded).toBe(true);
  });

  it('never lets a stored "__proto__" key reach an object prototype', () => {
    const raw = '{"version":1,"updatedAt":1,"lessons":{"__proto__":{"openedAt":1}},"answers":{"__proto__/q1":{}}}';
    const result = decodeProgress(raw, uncommon.upgrade);
    expect(Object.getPrototypeOf(result.data.lessons)).toBe(Object.prototype);
    expect(Object.keys(result.data.lessons)).toEqual([]);
    expect(result.dropped).toBe(2);
    expect(({} as Record<string, unknown>).openedAt).toBeUndefined();
  });

  it('never throws, on any text', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const result = decodeProgress(raw, uncommon.upgrade);
        expect(progressSchema.safeParse(result.data).success).toBe(true);
      }),
    );
  });

  it('never throws on any JSON, and whatever it returns is valid progress', () => {
    fc.assert(
      fc.property(jsonArb, (value) => {
        const result = decodeProgress(JSON.stringify(value), uncommon.upgrade);
        expect(progressSchema.safeParse(result.data).success).toBe(true);
      }),
    );
  });

  it('reads back any valid document exactly', () => {
    fc.assert(
      fc.property(progressArb, (progress) => {
        const result = decodeProgress(JSON.stringify(progress), uncommon.upgrade);
        expect(result.data).toEqual(progress);
        expect(result.problems).toEqual([]);
      }),
    );
  });

  it('keeps every valid entry when junk entries are mixed in', () => {
    const junk = fc.oneof(
      jsonArb,
      fc.constant({}),
      answerArb.map((a) => ({ ...a, attempts: 0 })),
    );
    fc.assert(
      fc.property(
        progressArb,
        fc.dictionary(fc.stringMatching(/^zz-[a-z]{1,3}\/[A-Z]{1,3}$/), junk, { maxKeys: 4 }),
        (progress, extra) => {
          const raw = JSON.stringify({ ...progress, answers: { ...progress.answers, ...extra } });
          const result = decodeProgress(raw, uncommon.upgrade);
          expect(result.data).toEqual(progress);
          expect(result.dropped).toBe(Object.keys(extra).length);
          expect(result.rawBackupNeeded).toBe(Object.keys(extra).length > 0);
        },
      ),
    );
  });
});

describe('migrations', () => {
  it('has one step, from version 1 to 2', () => {
    expect(Object.keys(migrations)).toEqual(['1']);
    expect(PROGRESS_VERSION).toBe(2);
  });

  // Made-up versions 3 and 4 (answers renamed to responses and back) exist only here, to show how steps chain.
  const toV3: MigrationStep = (d) => {
    const { answers, ...rest } = d;
    return { ...rest, version: 3, responses: answers };
  };
  const toV4: MigrationStep = (d) => {
    const { responses, ...rest } = d;
    return { ...rest, version: 4, answers: responses };
  };

  it('applies steps in order from the stored version to the target', () => {
    const v2 = doc({ answers: { 'intro/q1': answer() } });
    const result = migrate(v2, 2, { 2: toV3, 3: toV4 }, 4);
    expect(result).toEqual({ ok: true, doc: { ...v2, version: 4 }, applied: [2, 3] });
    expect(v2.version).toBe(2);
  });

  it('reports a missing or failing step instead of throwing', () => {
    expect(migrate({}, 2, {}, 3)).toEqual({ ok: false, problem: expect.stringMatching(/from version 2/) });
    const broken: MigrationStep = () => {
      throw new Error('boom');
    };
    expect(migrate({}, 2, { 2: broken }, 3)).toEqual({ ok: false, problem: expect.stringMatching(/boom/) });
    expect(migrate({}, 4, {}, 3).ok).toBe(false);
  });

  it('makes decode salvage what it can when a step is missing', () => {
    const result = decodeProgress(
      JSON.stringify(doc({ answers: { 'intro/q1': answer() } })),
      (value, from, to) => migrate(value, from, {}, to),
      3,
    );
    expect(result.data.answers).toEqual({ 'intro/q1': answer() });
    expect(result.rawBackupNeeded).toBe(true);
    expect(result.problems[0]).toMatch(/no way to update/);
  });
});

describe('validate.ts agrees with the zod schema', () => {
  // Values near the valid ones: each field is sometimes replaced by something of the wrong type or range.
  const wrong = fc.constantFrom<unknown>(
    // A response (or first response) that could not be shown: it names an item twice.
    { type: 'multiple', options: ['a', 'a'] },
    undefined,
    null,
    -1,
    1.5,
    2,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    'x',
    true,
    [],
    {},
    9e15,
  );
  const mutate = (value: Record<string, unknown>) =>
    fc
      .array(fc.tuple(fc.constantFrom(...Object.keys(value), 'box', 'dueAt', 'firstResponse', 'extra'), wrong), {
        maxLength: 2,
      })
      .map((changes) => {
        const copy: Record<string, unknown> = { ...value };
        for (const [key, replacement] of changes) copy[key] = replacement;
        return copy;
      });

  it('for answer records', () => {
    fc.assert(
      fc.property(answerArb.chain(mutate), (value) => {
        const zod = answerRecordSchema.safeParse(value);
        // The schema is what decode reads without a problem: validate.ts's checks, then repair.ts's response rule.
        const mine = parseAnswerRecord(value);
        const clean = mine !== undefined && responseProblem(mine.response) === undefined;
        expect(clean).toBe(zod.success);
        if (zod.success) expect(mine).toEqual(zod.data);
      }),
      { numRuns: 500 },
    );
  });

  it('for lesson entries', () => {
    fc.assert(
      fc.property(lessonArb.chain(mutate), (value) => {
        const zod = lessonProgressSchema.safeParse(value);
        const mine = parseLessonProgress(value);
        expect(mine !== undefined).toBe(zod.success);
        if (zod.success) expect(mine).toEqual(zod.data);
      }),
      { numRuns: 500 },
    );
  });

  it('for responses nested too deeply, or not JSON', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 16; i++) deep = [deep];
    expect(isJsonValue(deep)).toBe(true);
    expect(answerRecordSchema.safeParse(answer({ response: deep as never })).success).toBe(true);
    deep = [deep];
    expect(isJsonValue(deep)).toBe(false);
    expect(answerRecordSchema.safeParse(answer({ response: deep as never })).success).toBe(false);
    expect(isJsonValue(Number.NaN)).toBe(false);
    expect(isJsonValue(new Date(0))).toBe(false);
    expect(isJsonValue({ a: undefined })).toBe(false);
  });

  it('for whole documents: the schema accepts exactly what decode reads without a problem', () => {
    const damage = fc.tuple(
      fc.constantFrom('version', 'updatedAt', 'resetAt', 'lessons', 'answers', 'a lesson', 'an answer', 'a key'),
      wrong,
    );
    fc.assert(
      fc.property(progressArb, fc.option(damage, { nil: undefined }), (progress, change) => {
        const value: Record<string, unknown> = structuredClone(progress);
        if (change) {
          const [where, replacement] = change;
          const answers = value.answers as Record<string, unknown>;
          const lessons = value.lessons as Record<string, unknown>;
          if (where === 'a lesson') lessons.intro = replacement;
          else if (where === 'an answer') answers['intro/q1'] = replacement;
          else if (where === 'a key') answers['Not A Key'] = answers[Object.keys(answers)[0]] ?? replacement;
          else value[where] = replacement;
        }
        const json = viaJson(value);
        const decoded = decodeProgress(JSON.stringify(json), uncommon.upgrade);
        expect(decoded.problems.length === 0).toBe(progressSchema.safeParse(json).success);
      }),
      { numRuns: 500 },
    );
  });
});
