import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { progressSchema } from '../../src/schemas';
import { decodeProgress } from '../../src/progress/decode';
import { EXPORT_KIND, parseProgressImport } from '../../src/progress/files/progress-file';
import { answerV1toV2 } from '../../src/progress/migrations';
import { DAY_MS } from '../../src/progress/review';
import { lessonSummary, standingOf } from '../../src/progress/summary';
import { createProgressStorage, PROGRESS_KEY } from '../../src/progress/storage';
import { uncommon } from '../../src/progress/uncommon';
import { answerKeyArb, FakeBrowserStorage, lessonArb, responseArb, timeArb, viaJson } from './progress-helpers';

// Version 1 documents, as the version 1 code wrote them: no first-try or round fields, a wrong answer due at once.
// The names of real lessons and questions of the course, as a student's browser would hold them.
const v1Document = {
  version: 1,
  updatedAt: 1_714_000_500_000,
  lessons: {
    'what-happened': {
      openedAt: 1_714_000_000_000,
      readAt: 1_714_000_400_000,
      bestScore: 1,
      bestScoreAt: 1_714_000_300_000,
    },
  },
  answers: {
    // Right at the first attempt.
    'what-happened/rockets-count': {
      hash: 'a1',
      response: { type: 'numeric', value: '5' },
      correct: true,
      score: 1,
      attempts: 1,
      firstAt: 1_714_000_100_000,
      lastAt: 1_714_000_100_000,
    },
    // Wrong once, then "Try again" made it right: version 1 promoted it to box 2.
    'what-happened/who-claimed': {
      hash: 'b2',
      response: { type: 'single', option: 'c' },
      correct: true,
      score: 1,
      attempts: 2,
      firstAt: 1_714_000_150_000,
      lastAt: 1_714_000_160_000,
      box: 2,
      dueAt: 1_714_000_160_000 + 2 * DAY_MS,
    },
    // Wrong, once: due at once in version 1.
    'what-happened/where-drones': {
      hash: 'c3',
      response: { type: 'multiple', options: ['a'] },
      correct: false,
      score: 0.5,
      attempts: 1,
      firstAt: 1_714_000_200_000,
      lastAt: 1_714_000_200_000,
      box: 1,
      dueAt: 1_714_000_200_000,
    },
    // Right twice ("Try again" after a right answer): version 1 kept it out of review.
    'what-happened/order-events': {
      hash: 'd4',
      response: { type: 'ordering', order: ['x', 'y', 'z'] },
      correct: true,
      score: 1,
      attempts: 2,
      firstAt: 1_714_000_250_000,
      lastAt: 1_714_000_260_000,
    },
  },
};

const questions = [
  { id: 'rockets-count', hash: 'a1' },
  { id: 'who-claimed', hash: 'b2' },
  { id: 'where-drones', hash: 'c3' },
  { id: 'order-events', hash: 'd4' },
];

/** What the version 1 code accepted as an answer (its validate.ts). */
const v1AnswerArb = fc
  .record(
    {
      hash: fc.constantFrom('h1', 'h2'),
      response: responseArb,
      correct: fc.boolean(),
      score: fc.double({ min: 0, max: 1, noNaN: true }),
      attempts: fc.integer({ min: 1, max: 9 }),
      firstAt: timeArb,
      lastAt: timeArb,
      box: fc.integer({ min: 1, max: 5 }),
      dueAt: timeArb,
    },
    { requiredKeys: ['hash', 'response', 'correct', 'score', 'attempts', 'firstAt', 'lastAt'] },
  )
  .map((a) => viaJson({ ...a, firstAt: Math.min(a.firstAt, a.lastAt), lastAt: Math.max(a.firstAt, a.lastAt) }));

const v1DocumentArb = fc
  .record({
    updatedAt: timeArb,
    lessons: fc.dictionary(fc.constantFrom('intro', 'l-4'), lessonArb, { maxKeys: 2, noNullPrototype: true }),
    answers: fc.dictionary(answerKeyArb, v1AnswerArb, { maxKeys: 8, noNullPrototype: true }),
  })
  .map((d) => viaJson({ version: 1, ...d }));

const V1_FIELDS = ['hash', 'response', 'correct', 'score', 'attempts', 'firstAt', 'lastAt'] as const;

describe('v1 to v2 migration', () => {
  it('v1 to v2 migration keeps every answer of a real v1 document, and says first tries as issue 10 rules', () => {
    const decoded = decodeProgress(JSON.stringify(v1Document), uncommon.upgrade);
    expect(decoded.problems).toEqual([]);
    expect(decoded.dropped).toBe(0);
    expect(decoded.readOnly).toBe(false);
    // The version 1 text is copied aside before the version 2 one is written over it.
    expect(decoded.rawBackupNeeded).toBe(true);
    expect(decoded.data.version).toBe(2);
    expect(decoded.data.lessons).toEqual(v1Document.lessons);
    expect(Object.keys(decoded.data.answers)).toEqual(Object.keys(v1Document.answers));
    const a = decoded.data.answers;
    const v1 = v1Document.answers;
    expect(a['what-happened/rockets-count']).toEqual({
      ...v1['what-happened/rockets-count'],
      firstTryRight: true,
      roundAt: v1['what-happened/rockets-count'].firstAt,
      roundAttempts: 1,
      roundFirstRight: true,
      revealed: false,
    });
    expect(a['what-happened/who-claimed']).toEqual({
      ...v1['what-happened/who-claimed'],
      firstTryRight: false,
      roundAt: v1['what-happened/who-claimed'].firstAt,
      roundAttempts: 2,
      roundFirstRight: false,
      revealed: false,
    });
    // Still due now, and 1 ms after the round began, so its next attempt is a review.
    expect(a['what-happened/where-drones']).toMatchObject({
      correct: false,
      firstTryRight: false,
      box: 1,
      dueAt: v1['what-happened/where-drones'].firstAt + 1,
    });
    // Right with help (first try unknown), so into review the next day.
    expect(a['what-happened/order-events']).toMatchObject({
      firstTryRight: false,
      roundFirstRight: false,
      box: 1,
      dueAt: v1['what-happened/order-events'].lastAt + DAY_MS,
    });
    expect(progressSchema.safeParse(decoded.data).success).toBe(true);
    expect(lessonSummary(decoded.data, 'what-happened', questions)).toMatchObject({
      rightFirstTime: 1,
      rightInEnd: 3,
      masteredCount: 1,
      revisit: ['who-claimed', 'where-drones', 'order-events'],
    });
  });

  it('v1 to v2 migration keeps every answer, for any v1 document', () => {
    fc.assert(
      fc.property(v1DocumentArb, (v1) => {
        const decoded = decodeProgress(JSON.stringify(v1), uncommon.upgrade);
        expect(decoded.problems).toEqual([]);
        expect(Object.keys(decoded.data.answers).sort()).toEqual(Object.keys(v1.answers).sort());
        for (const [key, old] of Object.entries(v1.answers)) {
          const now = decoded.data.answers[key];
          for (const field of V1_FIELDS) expect(now[field]).toEqual(old[field]);
          // A box is kept; a due time only ever moves later.
          if (old.box !== undefined) expect(now.box).toBe(old.box);
          if (old.dueAt !== undefined) expect(now.dueAt).toBeGreaterThanOrEqual(old.dueAt);
          const rightFirst = old.correct && old.attempts === 1;
          expect(now.firstTryRight).toBe(rightFirst);
          const standing = standingOf(now, { id: 'q', hash: old.hash });
          expect(standing.mastered).toBe(rightFirst);
          expect(standing.rightFirstTime).toBe(rightFirst);
          // Every answer not right first time is in review.
          if (!rightFirst) expect(now.box).toBeDefined();
        }
        expect(progressSchema.safeParse(decoded.data).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('loads stored v1 progress as an upgrade, not damage: saved, with the v1 text backed up first', () => {
    const browser = new FakeBrowserStorage();
    const text = JSON.stringify(v1Document);
    browser.items.set(PROGRESS_KEY, text);
    const loaded = createProgressStorage(() => browser.tab(), { now: () => 7, uncommon: () => uncommon }).load();
    expect(loaded.status).toBe('ok');
    expect(loaded.problems).toEqual([]);
    expect(browser.backups().map((key) => browser.items.get(key))).toEqual([text]);
    expect(JSON.parse(browser.items.get(PROGRESS_KEY)!).version).toBe(2);
    expect(Object.keys(loaded.data.answers)).toEqual(Object.keys(v1Document.answers));
  });

  it('leaves an entry it cannot read as it was, for the reader to report', () => {
    expect(answerV1toV2('junk')).toBe('junk');
    const decoded = decodeProgress(
      JSON.stringify({ ...v1Document, answers: { ...v1Document.answers, 'intro/q1': { hash: 'x' } } }),
      uncommon.upgrade,
    );
    expect(decoded.dropped).toBe(1);
    expect(Object.keys(decoded.data.answers)).toHaveLength(4);
  });

  it('imports a version 1 export file, migrated', () => {
    const file = JSON.stringify({ kind: EXPORT_KIND, exportedAt: 1_714_000_600_000, version: 1, data: v1Document });
    const result = parseProgressImport(file);
    if (!result.ok) throw new Error(result.message);
    expect(result.data.version).toBe(2);
    expect(Object.keys(result.data.answers)).toEqual(Object.keys(v1Document.answers));
    expect(result.data.answers['what-happened/who-claimed'].firstTryRight).toBe(false);
    expect(result.data).toEqual(decodeProgress(JSON.stringify(v1Document), uncommon.upgrade).data);
  });

  it('imports any version 1 export file with every answer', () => {
    fc.assert(
      fc.property(v1DocumentArb, (v1) => {
        const result = parseProgressImport(JSON.stringify({ kind: EXPORT_KIND, exportedAt: 5, version: 1, data: v1 }));
        if (!result.ok) throw new Error(result.message);
        expect(Object.keys(result.data.answers).sort()).toEqual(Object.keys(v1.answers).sort());
      }),
      { numRuns: 200 },
    );
  });
});
