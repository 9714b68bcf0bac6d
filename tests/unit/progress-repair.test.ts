// Issue 11's pure cases: responses that cannot be shown (2, 10), future times (6), edge values (7), and the
// properties asked for: decode of any JSON never throws, and any imported file leaves Object.prototype and
// existing progress unchanged unless it is accepted.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeProgress } from '../../src/progress/decode';
import { uncommon } from '../../src/progress/uncommon';
import { EXPORT_KIND, exportProgressText, parseProgressImport } from '../../src/progress/files/progress-file';
import { createProgressStore, type ProgressStore } from '../../src/progress/files/store-files';
import type { AnswerRecord, JsonValue, Progress } from '../../src/progress/format';
import { applyAnswer } from '../../src/progress/record';
import { FUTURE_SLACK_MS, MAX_ATTEMPTS, repairProgress } from '../../src/progress/repair';
import { MAX_TIME, responseProblem } from '../../src/progress/rules';
import { PROGRESS_KEY } from '../../src/progress/storage';
import { progressSchema } from '../../src/schemas/progress';
import { answer, doc, FakeBrowserStorage, jsonArb, progressArb } from './progress-helpers';

const NOW = 1_750_000_000_000;
const DAY = 24 * 60 * 60 * 1000;
const YEAR_3000 = Date.UTC(3000, 0, 1);
const q1 = { id: 'q1', hash: 'h1' };
const right = { correct: true, score: 1 };

function timesOf(progress: Progress): number[] {
  const out = [progress.updatedAt, ...(progress.resetAt === undefined ? [] : [progress.resetAt])];
  for (const a of Object.values(progress.answers)) {
    out.push(a.firstAt, a.roundAt, a.lastAt);
    if (a.dueAt !== undefined) out.push(a.dueAt);
  }
  for (const l of Object.values(progress.lessons))
    for (const t of [l.openedAt, l.readAt, l.bestScoreAt]) if (t !== undefined) out.push(t);
  return out;
}

const stores: ProgressStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.stop();
});

function storeOn(browser: FakeBrowserStorage, now = NOW): ProgressStore {
  const tab = browser.tab();
  let clock = now;
  const store = createProgressStore({ getStorage: () => tab, subscribeToChanges: tab.subscribe, now: () => clock++ });
  stores.push(store);
  return store;
}

describe('responses that cannot be shown (cases 2 and 10)', () => {
  it('names an ordering or multiple answer with a repeated id, and over-long numbers and texts', () => {
    expect(responseProblem({ type: 'ordering', order: ['a', 'b', 'a'] })).toMatch(/same item twice/);
    expect(responseProblem({ type: 'multiple', options: ['x', 'x'] })).toMatch(/same item twice/);
    expect(responseProblem({ type: 'numeric', value: '9'.repeat(400_000) })).toMatch(/too long/);
    expect(responseProblem({ type: 'numeric', value: '9'.repeat(101) })).toMatch(/longer than 100/);
    expect(responseProblem({ type: 'text', value: 'x'.repeat(2001) })).toMatch(/longer than 2000/);
    expect(responseProblem({ type: 'ordering', order: ['a', 'b', 'c'] })).toBeUndefined();
    expect(responseProblem({ type: 'numeric', value: '12.5 km' })).toBeUndefined();
    expect(responseProblem(null)).toBeUndefined();
  });

  it('on read: the answer record is kept, its response set aside, and the student told', () => {
    const stored = doc({
      answers: {
        'l/order': answer({ response: { type: 'ordering', order: ['a', 'a', 'b'] }, attempts: 3 }),
        'l/number': answer({ response: { type: 'numeric', value: '1'.repeat(400_000) } }),
        'l/fine': answer(),
      },
    });
    const decoded = decodeProgress(JSON.stringify(stored), uncommon.upgrade, undefined, NOW);
    expect(decoded.data.answers['l/order']).toMatchObject({ response: null, attempts: 3 });
    expect(decoded.data.answers['l/number'].response).toBeNull();
    expect(decoded.data.answers['l/fine']).toEqual(stored.answers['l/fine']);
    expect(decoded.rawBackupNeeded).toBe(true);
    expect(decoded.problems.join(' ')).toMatch(/2 saved answers could not be shown/);
    expect(progressSchema.safeParse(decoded.data).success).toBe(true);
  });

  it('on import: a file with such an answer is refused, saying which answer and how to fix it', () => {
    const responses: JsonValue[] = [
      { type: 'ordering', order: ['a', 'a'] },
      { type: 'numeric', value: '7'.repeat(400_000) },
    ];
    for (const response of responses) {
      const file = exportProgressText(doc({ answers: { 'l/q': answer({ response }) } }), NOW);
      const parsed = parseProgressImport(file, NOW);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.message).toMatch(/"l\/q"/);
        expect(parsed.message).toMatch(/Export the progress again/);
        expect(parsed.message).toMatch(/Nothing was changed/);
      }
    }
  });
});

describe('future times (case 6)', () => {
  it('moves times more than a day ahead to now, keeping their order, on read and on import', () => {
    const future = doc({
      updatedAt: YEAR_3000 + 10,
      answers: {
        'l/a': answer({ firstAt: NOW - 5, roundAt: YEAR_3000, lastAt: YEAR_3000 + 10, dueAt: YEAR_3000 + 5 }),
        'l/b': answer({ firstAt: NOW + DAY / 2, roundAt: NOW + DAY / 2, lastAt: NOW + DAY / 2 }),
      },
      lessons: { l: { openedAt: YEAR_3000 - 1 } },
    });
    const decoded = decodeProgress(JSON.stringify(future), uncommon.upgrade, undefined, NOW).data;
    const imported = parseProgressImport(exportProgressText(future, NOW), NOW);
    expect(imported).toMatchObject({ ok: true, notes: [expect.stringMatching(/in the future/)] });
    for (const data of [decoded, imported.ok ? imported.data : undefined]) {
      const a = data!.answers['l/a'];
      expect(Math.max(...timesOf(data!))).toBeLessThanOrEqual(NOW + FUTURE_SLACK_MS);
      expect(data!.lessons.l.openedAt!).toBeLessThan(a.roundAt);
      expect(a.roundAt).toBeLessThan(a.dueAt!);
      expect(a.dueAt!).toBeLessThan(a.lastAt);
      // A time within a day is believed, and stays.
      expect(data!.answers['l/b'].lastAt).toBe(NOW + DAY / 2);
      expect(a.firstAt).toBe(NOW - 5);
    }
  });

  it('keeps the order of every pair of times, for any document pushed into the future', () => {
    fc.assert(
      fc.property(progressArb, fc.integer({ min: 0, max: 2 * 365 * DAY }), (p, shift) => {
        const later = (t: number) => (t >= 1500 ? Math.min(MAX_TIME, NOW + shift + t) : t);
        const pushed: Progress = JSON.parse(JSON.stringify(p), (key, value) =>
          [
            'updatedAt',
            'resetAt',
            'firstAt',
            'roundAt',
            'lastAt',
            'dueAt',
            'openedAt',
            'readAt',
            'bestScoreAt',
          ].includes(key)
            ? later(value as number)
            : value,
        );
        const before = timesOf(pushed);
        const after = timesOf(repairProgress(pushed, NOW).data);
        expect(Math.max(...after)).toBeLessThanOrEqual(NOW + FUTURE_SLACK_MS);
        for (let i = 0; i < before.length; i++)
          for (let j = 0; j < before.length; j++)
            if (before[i] <= before[j]) expect(after[i]).toBeLessThanOrEqual(after[j]);
        expect(progressSchema.safeParse(repairProgress(pushed, NOW).data).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a new answer after a year-3000 import is stamped with the real now', () => {
    const browser = new FakeBrowserStorage();
    const store = storeOn(browser);
    const file = exportProgressText(
      doc({
        updatedAt: YEAR_3000,
        answers: { 'other/q9': answer({ firstAt: YEAR_3000, roundAt: YEAR_3000, lastAt: YEAR_3000 }) },
      }),
      YEAR_3000,
    );
    expect(store.importProgress(file, 'merge')).toMatchObject({ ok: true });
    store.recordAnswer('intro', q1, { type: 'single', option: 'a' }, right);
    const lastAt = store.progress.get().answers['intro/q1'].lastAt;
    expect(lastAt).toBeGreaterThanOrEqual(NOW);
    expect(lastAt).toBeLessThan(NOW + 1000);
  });
});

describe('edge values (case 7)', () => {
  it('a file with the largest date and attempts at MAX_SAFE_INTEGER imports, and later answers are kept on reload', () => {
    const edge: AnswerRecord = answer({
      attempts: Number.MAX_SAFE_INTEGER,
      roundAttempts: Number.MAX_SAFE_INTEGER,
      firstAt: MAX_TIME,
      roundAt: MAX_TIME,
      lastAt: MAX_TIME,
      dueAt: MAX_TIME,
      box: 5,
    });
    const file = exportProgressText(doc({ updatedAt: MAX_TIME, answers: { 'intro/q1': edge } }), MAX_TIME);
    const browser = new FakeBrowserStorage();
    const store = storeOn(browser);
    const imported = store.importProgress(file, 'replace');
    expect(imported).toMatchObject({ ok: true });
    for (let i = 0; i < 3; i++) store.recordAnswer('intro', q1, { type: 'single', option: 'a' }, right);
    const inMemory = store.progress.get().answers['intro/q1'];
    expect(inMemory.attempts).toBe(MAX_ATTEMPTS);
    expect(inMemory.lastAt).toBeLessThanOrEqual(NOW + FUTURE_SLACK_MS + 10);
    // A fresh page reads back exactly what was saved: nothing dropped, no overflow.
    const reread = decodeProgress(browser.items.get(PROGRESS_KEY)!, uncommon.upgrade, undefined, NOW + 10);
    expect(reread.problems).toEqual([]);
    expect(reread.data.answers['intro/q1']).toEqual(inMemory);
  });

  it('lowers impossible attempt counts on read, keeping round attempts within them; counting stops at the cap', () => {
    const stored = doc({ answers: { 'l/q': answer({ attempts: Number.MAX_SAFE_INTEGER, roundAttempts: 7 }) } });
    const data = decodeProgress(JSON.stringify(stored), uncommon.upgrade, undefined, NOW).data;
    expect(data.answers['l/q']).toMatchObject({ attempts: MAX_ATTEMPTS, roundAttempts: 7 });
    expect(applyAnswer(data, 'l', { id: 'q', hash: 'h1' }, null, right, NOW).answers['l/q'].attempts).toBe(
      MAX_ATTEMPTS,
    );
  });
});

describe('properties', () => {
  it('decode never throws on any JSON, nor on near-progress documents, and returns valid progress', () => {
    const nearProgress = fc.record({
      version: fc.oneof(fc.constant(2), fc.constant(1), jsonArb),
      updatedAt: fc.oneof(fc.integer(), jsonArb),
      lessons: fc.oneof(fc.dictionary(fc.string({ maxLength: 6 }), jsonArb), jsonArb),
      answers: fc.oneof(fc.dictionary(fc.constantFrom('a/b', 'intro/q1', '__proto__', 'x'), jsonArb), jsonArb),
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearProgress), (value) => {
        const result = decodeProgress(JSON.stringify(value), uncommon.upgrade, undefined, NOW);
        expect(progressSchema.safeParse(result.data).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('any imported file leaves Object.prototype alone, and existing progress too unless it is accepted', () => {
    const browser = new FakeBrowserStorage();
    const store = storeOn(browser);
    store.recordAnswer('intro', q1, { type: 'single', option: 'a' }, right);
    const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
    const protoBefore = prototypeKeys();
    const fileArb = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record({ data: progressArb, extra: jsonArb, exportedAt: fc.oneof(fc.constant(NOW), jsonArb) })
        .map(({ data, extra, exportedAt }) =>
          JSON.stringify({ kind: EXPORT_KIND, version: 2, exportedAt, data: { ...data, extra } }),
        ),
      fc.constantFrom(
        `{"kind":"${EXPORT_KIND}","version":2,"exportedAt":1,"data":{"__proto__":{"polluted":true}}}`,
        `{"kind":"${EXPORT_KIND}","version":2,"exportedAt":1,"data":{"version":2,"updatedAt":1,"lessons":{},"answers":{"constructor/prototype":{}}}}`,
      ),
    );
    fc.assert(
      fc.property(fileArb, fc.constantFrom('merge', 'replace') as fc.Arbitrary<'merge' | 'replace'>, (text, mode) => {
        const before = store.progress.get();
        const storedBefore = browser.items.get(PROGRESS_KEY);
        const outcome = store.importProgress(text, mode);
        expect(prototypeKeys()).toEqual(protoBefore);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        if (!outcome.ok) {
          expect(store.progress.get()).toBe(before);
          expect(browser.items.get(PROGRESS_KEY)).toBe(storedBefore);
          expect(outcome.message).toMatch(/Nothing was changed/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
