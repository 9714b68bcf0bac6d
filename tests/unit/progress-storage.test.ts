import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/progress/format';
import fc from 'fast-check';
import {
  createProgressStorage,
  HOT_MAX,
  isQuotaError,
  OLDER_KEY,
  PROGRESS_KEY,
  serializeProgress,
} from '../../src/progress/storage';
import type { Progress } from '../../src/progress/format';
import { uncommon } from '../../src/progress/uncommon';
import { answer, doc, FakeBrowserStorage, progressArb } from './progress-helpers';

const saved = doc({ answers: { 'intro/q1': answer() } });

function setup(stored?: string) {
  const browser = new FakeBrowserStorage();
  if (stored !== undefined) browser.items.set(PROGRESS_KEY, stored);
  const tab = browser.tab();
  let clock = 7000;
  const storage = createProgressStorage(() => tab, { now: () => clock++, uncommon: () => uncommon });
  return { browser, tab, storage };
}

describe('load', () => {
  it('loads nothing stored as empty progress', () => {
    const { storage, browser } = setup();
    expect(storage.load()).toEqual({ data: emptyProgress(), status: 'ok', problems: [] });
    expect([...browser.items.keys()]).toEqual([]);
  });

  it('loads valid progress without writing anything', () => {
    const raw = JSON.stringify(saved);
    const { storage, browser } = setup(raw);
    expect(storage.load()).toMatchObject({ data: saved, status: 'ok' });
    expect(browser.items.get(PROGRESS_KEY)).toBe(raw);
    expect(browser.backups()).toEqual([]);
  });

  it('backs up invalid JSON before anything else is written', () => {
    const { storage, browser } = setup('{"version":1,"answ');
    const loaded = storage.load();
    expect(loaded.status).toBe('recovered');
    expect(loaded.backupKey).toBe('course-progress-backup-7000');
    expect(browser.items.get('course-progress-backup-7000')).toBe('{"version":1,"answ');
    expect(loaded.data).toEqual(emptyProgress());
  });

  it('keeps the valid parts of a damaged document, backs up the original and writes back what was readable', () => {
    const damaged = JSON.stringify({ ...saved, answers: { ...saved.answers, 'intro/q2': { score: 'lots' } } });
    const { storage, browser } = setup(damaged);
    const loaded = storage.load();
    expect(loaded.status).toBe('recovered');
    expect(loaded.data).toEqual(saved);
    expect(browser.items.get(loaded.backupKey!)).toBe(damaged);
    expect(JSON.parse(browser.items.get(PROGRESS_KEY)!)).toEqual(saved);
    // A second load finds clean data: no second backup.
    expect(storage.load().status).toBe('ok');
    expect(browser.backups()).toHaveLength(1);
  });

  it('never writes over an existing backup', () => {
    const { storage, browser } = setup('garbage');
    browser.items.set('course-progress-backup-7000', 'an older backup');
    const loaded = storage.load();
    expect(loaded.backupKey).toBe('course-progress-backup-7000-1');
    expect(browser.items.get('course-progress-backup-7000')).toBe('an older backup');
    expect(browser.items.get('course-progress-backup-7000-1')).toBe('garbage');
  });

  it('does not write over damaged data it cannot back up, and says the copy is missing, not a newer version (case 5)', () => {
    const { storage, browser } = setup('garbage');
    browser.quota = browser.used() + 10;
    expect(storage.load().status).toBe('not-backed-up');
    expect(storage.save(saved)).toEqual({ ok: false, error: 'not-backed-up' });
    expect(browser.items.get(PROGRESS_KEY)).toBe('garbage');
  });

  it('opens progress from a newer version read-only, and never writes over it', () => {
    const newer = JSON.stringify({ ...saved, version: 3, extra: 'from the future' });
    const { storage, browser } = setup(newer);
    const loaded = storage.load();
    expect(loaded.status).toBe('read-only');
    expect(loaded.data.answers).toEqual(saved.answers);
    expect(storage.save(emptyProgress())).toEqual({ ok: false, error: 'read-only' });
    expect(browser.items.get(PROGRESS_KEY)).toBe(newer);
    expect(browser.backups()).toEqual([]);
  });

  it('reports storage unavailable when reading throws (e.g. SecurityError)', () => {
    const { storage, browser } = setup(JSON.stringify(saved));
    browser.blocked = true;
    expect(storage.load()).toEqual({ data: emptyProgress(), status: 'unavailable', problems: [] });
    expect(storage.save(saved)).toEqual({ ok: false, error: 'unavailable' });
  });

  it('reports storage unavailable when localStorage itself cannot be reached', () => {
    const throwing = createProgressStorage(
      () => {
        throw new DOMException('denied', 'SecurityError');
      },
      { uncommon: () => uncommon },
    );
    expect(throwing.load().status).toBe('unavailable');
    expect(throwing.save(saved)).toEqual({ ok: false, error: 'unavailable' });
    expect(createProgressStorage(() => null, { uncommon: () => uncommon }).load().status).toBe('unavailable');
  });

  it('shows what it can read when storage cannot be written', () => {
    const { storage, browser } = setup(JSON.stringify(saved));
    browser.readOnlyMode = true;
    expect(storage.load()).toMatchObject({ data: saved, status: 'unavailable' });
    expect(storage.save(saved)).toEqual({ ok: false, error: 'unavailable' });
  });

  it('counts full storage as available: saving then reports the quota', () => {
    const { storage, browser } = setup(JSON.stringify(saved));
    browser.quota = browser.used();
    expect(storage.load().status).toBe('ok');
  });
});

describe('save', () => {
  it('writes progress as JSON under the progress key', () => {
    const { storage, browser } = setup();
    expect(storage.save(saved)).toEqual({ ok: true });
    expect(JSON.parse(browser.items.get(PROGRESS_KEY)!)).toEqual(saved);
  });

  it('leaves what was stored before untouched when the quota is exceeded', () => {
    const before = JSON.stringify(saved);
    const { storage, browser } = setup(before);
    browser.quota = browser.used() + 20;
    const bigger = doc({ answers: { ...saved.answers, 'intro/q2': answer({ response: 'x'.repeat(500) }) } });
    expect(storage.save(bigger)).toEqual({ ok: false, error: 'quota' });
    expect(browser.items.get(PROGRESS_KEY)).toBe(before);
  });

  it('backs up damaged data before writing over it, even without a load first', () => {
    const { storage, browser } = setup('{broken');
    expect(storage.save(saved)).toEqual({ ok: true });
    expect(browser.backups().map((key) => browser.items.get(key))).toEqual(['{broken']);
    expect(storage.save(saved)).toEqual({ ok: true });
    expect(browser.backups()).toHaveLength(1);
  });
});

describe('isQuotaError', () => {
  it('recognises the names and codes browsers use', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError({ code: 22 })).toBe(true);
    expect(isQuotaError(new DOMException('no', 'SecurityError'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });
});

describe('serializeProgress', () => {
  it('writes the same JSON as JSON.stringify, also for an entry met before (its cached text)', () => {
    fc.assert(
      fc.property(progressArb, (progress) => {
        expect(JSON.parse(serializeProgress(progress))).toEqual(JSON.parse(JSON.stringify(progress)));
        const again = { ...progress, updatedAt: progress.updatedAt + 1 };
        expect(JSON.parse(serializeProgress(again))).toEqual(JSON.parse(JSON.stringify(again)));
      }),
    );
  });
});

describe('many stored answers (case 9)', () => {
  const many = (count: number, at = 1000): Progress['answers'] =>
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`gone-${i % 7}/q-${i}`, answer({ firstAt: at + i, lastAt: at + i })]),
    );

  it('moves older answers to their own key once, then a save writes only the recent ones, keeping all', () => {
    const all = doc({ updatedAt: 99_999, answers: many(HOT_MAX * 3) });
    const { storage, browser } = setup(JSON.stringify(all));
    const writes: string[] = [];
    const write = browser.write.bind(browser);
    browser.write = (from, key, value) => (writes.push(key), write(from, key, value));
    const loaded = storage.load();
    expect(Object.keys(loaded.data.answers)).toHaveLength(HOT_MAX * 3);
    expect(writes).toContain(OLDER_KEY);
    writes.length = 0;
    const next = { ...loaded.data, answers: { ...loaded.data.answers, 'intro/q1': answer({ lastAt: 100_000 }) } };
    expect(storage.save(next)).toEqual({ ok: true });
    expect(writes).toEqual([PROGRESS_KEY]);
    expect(JSON.parse(browser.items.get(PROGRESS_KEY)!).answers['intro/q1']).toBeDefined();
    expect(Object.keys(JSON.parse(browser.items.get(PROGRESS_KEY)!).answers).length).toBeLessThan(HOT_MAX);
    // A fresh page reads the two keys back as one.
    const again = setup();
    for (const [key, value] of browser.items) again.browser.items.set(key, value);
    expect(again.storage.load().data).toEqual(next);
  });

  it('with no room to move older answers aside, keeps saving everything under one key', () => {
    const all = doc({ updatedAt: 99_999, answers: many(HOT_MAX + 50) });
    const { storage, browser } = setup(JSON.stringify(all));
    browser.quota = browser.used() * 1.2; // room for the progress, not for a copy of most of it beside it
    const loaded = storage.load();
    expect(browser.items.has(OLDER_KEY)).toBe(false);
    const next = { ...loaded.data, answers: { ...loaded.data.answers, 'intro/q1': answer({ lastAt: 100_000 }) } };
    expect(storage.save(next)).toEqual({ ok: true });
    expect(Object.keys(JSON.parse(browser.items.get(PROGRESS_KEY)!).answers)).toHaveLength(HOT_MAX + 51);
  });

  it('a reset drops the older answers too, and their key', () => {
    const { storage, browser } = setup(JSON.stringify(doc({ answers: many(HOT_MAX + 5) })));
    storage.load();
    expect(browser.items.has(OLDER_KEY)).toBe(true);
    expect(storage.save(doc({ updatedAt: 5000, resetAt: 5000 }))).toEqual({ ok: true });
    expect(browser.items.has(OLDER_KEY)).toBe(false);
    expect(storage.read().data.answers).toEqual({});
  });
});

describe('backups (case 3)', () => {
  it('lists every backup with its date and size, newest first, and can read, delete and mark them seen', () => {
    const { storage, browser } = setup('garbage');
    browser.items.set('course-progress-backup-5000', 'older copy é');
    storage.load();
    const listed = storage.backups();
    expect(listed).toEqual([
      { key: 'course-progress-backup-7000', savedAt: 7000, bytes: 7, seen: false },
      { key: 'course-progress-backup-5000', savedAt: 5000, bytes: 13, seen: false },
    ]);
    expect(storage.backupText('course-progress-backup-7000')).toBe('garbage');
    expect(storage.backupText(PROGRESS_KEY)).toBeNull();
    storage.markSeen(['course-progress-backup-7000']);
    expect(storage.backups().map((b) => b.seen)).toEqual([true, false]);
    expect(storage.deleteBackup('course-progress-backup-5000')).toBe(true);
    expect(storage.deleteBackup(PROGRESS_KEY)).toBe(false);
    expect(browser.items.has(PROGRESS_KEY)).toBe(true);
    expect(storage.backups().map((b) => b.key)).toEqual(['course-progress-backup-7000']);
  });

  it('writes over a newer version’s progress only after backing it up (case 4)', () => {
    const newer = JSON.stringify({ ...saved, version: 99 });
    const { storage, browser } = setup(newer);
    expect(storage.load().status).toBe('read-only');
    expect(storage.save(emptyProgress(1))).toEqual({ ok: false, error: 'read-only' });
    expect(storage.overwriteNewer(doc({ updatedAt: 9000, resetAt: 9000 }))).toEqual({ ok: true });
    expect(browser.backups().map((key) => browser.items.get(key))).toEqual([newer]);
    expect(storage.read()).toMatchObject({ status: 'ok', data: { resetAt: 9000, answers: {} } });
  });
});
