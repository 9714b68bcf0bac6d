import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/progress/format';
import fc from 'fast-check';
import { createProgressStorage, isQuotaError, PROGRESS_KEY, serializeProgress } from '../../src/progress/storage';
import { answer, doc, FakeBrowserStorage, progressArb } from './progress-helpers';

const saved = doc({ answers: { 'intro/q1': answer() } });

function setup(stored?: string) {
  const browser = new FakeBrowserStorage();
  if (stored !== undefined) browser.items.set(PROGRESS_KEY, stored);
  const tab = browser.tab();
  let clock = 7000;
  const storage = createProgressStorage(() => tab, { now: () => clock++ });
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

  it('treats damaged data it cannot back up as read-only, and does not write over it', () => {
    const { storage, browser } = setup('garbage');
    browser.quota = browser.used() + 10;
    expect(storage.load().status).toBe('read-only');
    expect(storage.save(saved)).toEqual({ ok: false, error: 'quota' });
    expect(browser.items.get(PROGRESS_KEY)).toBe('garbage');
  });

  it('opens progress from a newer version read-only, and never writes over it', () => {
    const newer = JSON.stringify({ ...saved, version: 2, extra: 'from the future' });
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
    const throwing = createProgressStorage(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(throwing.load().status).toBe('unavailable');
    expect(throwing.save(saved)).toEqual({ ok: false, error: 'unavailable' });
    expect(createProgressStorage(() => null).load().status).toBe('unavailable');
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
