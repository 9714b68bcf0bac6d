import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as browserStore from '../../src/progress/browser-store';
import { exportProgressText } from '../../src/progress/files/progress-file';
import { createProgressStore, type ProgressStore } from '../../src/progress/files/store-files';
import { PROGRESS_KEY, type StorageLike } from '../../src/progress/storage';
import { answer, doc, FakeBrowserStorage, progressArb, type FakeTab } from './progress-helpers';

const q1 = { id: 'q1', hash: 'h1' };
const q2 = { id: 'q2', hash: 'h2' };
const right = { correct: true, score: 1 };
const wrong = { correct: false, score: 0 };
const pick = (option: string) => ({ type: 'single', option });

const stores: ProgressStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.stop();
});

function openTab(browser: FakeBrowserStorage, tab: FakeTab = browser.tab()): ProgressStore {
  let clock = 1_000_000;
  const store = createProgressStore({ getStorage: () => tab, subscribeToChanges: tab.subscribe, now: () => clock++ });
  stores.push(store);
  return store;
}

const stored = (browser: FakeBrowserStorage) => JSON.parse(browser.items.get(PROGRESS_KEY) ?? 'null');

describe('starting', () => {
  it('touches no storage until first used', () => {
    let touched = 0;
    const browser = new FakeBrowserStorage();
    const tab = browser.tab();
    const counting: StorageLike = {
      getItem: (k) => (touched++, tab.getItem(k)),
      setItem: (k, v) => (touched++, tab.setItem(k, v)),
      removeItem: (k) => (touched++, tab.removeItem(k)),
    };
    const store = createProgressStore({ getStorage: () => counting });
    stores.push(store);
    expect(touched).toBe(0);
    const unsubscribe = store.progress.subscribe(() => undefined);
    expect(touched).toBeGreaterThan(0);
    unsubscribe();
  });

  it('loads what is stored and says it is saved', () => {
    const browser = new FakeBrowserStorage();
    browser.items.set(PROGRESS_KEY, JSON.stringify(doc({ answers: { 'intro/q1': answer() } })));
    const store = openTab(browser);
    expect(store.progress.get().answers['intro/q1']).toEqual(answer());
    expect(store.saveStatus.get()).toEqual({ state: 'saved', message: expect.stringMatching(/saved in this browser/) });
  });

  it('never starts when rendering on the server', () => {
    const browser = new FakeBrowserStorage();
    browser.items.set(PROGRESS_KEY, JSON.stringify(doc({ answers: { 'intro/q1': answer() } })));
    const tab = browser.tab();
    const store = createProgressStore({ getStorage: () => tab, server: true });
    expect(store.progress.get().answers).toEqual({});
    expect(store.saveStatus.get().message).toBe('');
  });
});

describe('actions', () => {
  it('record answers and lesson visits, and save them', () => {
    const browser = new FakeBrowserStorage();
    const store = openTab(browser);
    store.markOpened('intro', 10);
    store.recordAnswer('intro', q1, pick('a'), right, 20, [q1, q2]);
    store.markRead('intro', 30);
    expect(stored(browser)).toEqual(store.progress.get());
    expect(store.progress.get().lessons.intro).toEqual({ openedAt: 10, readAt: 30, bestScore: 0.5, bestScoreAt: 20 });
    expect(store.saveStatus.get().state).toBe('saved');
  });

  it('export gives a file that import (replace) turns back into the same progress', () => {
    const browser = new FakeBrowserStorage();
    const store = openTab(browser);
    store.recordAnswer('intro', q1, pick('a'), wrong, 20);
    store.recordAnswer('timeline', q2, pick('b'), right, 30);
    const before = store.progress.get();
    const text = store.exportProgress(40);

    const other = openTab(new FakeBrowserStorage());
    other.recordAnswer('sources', q1, pick('z'), right, 5);
    expect(other.importProgress(text, 'replace', 50)).toMatchObject({ ok: true, saveState: 'saved' });
    expect(other.progress.get().answers).toEqual(before.answers);
    expect(other.progress.get().lessons).toEqual(before.lessons);
  });

  it('import (merge) adds to what is there and reports the preview', () => {
    const browser = new FakeBrowserStorage();
    const store = openTab(browser);
    store.recordAnswer('intro', q1, pick('a'), right, 20);
    const text = exportProgressText(doc({ answers: { 'timeline/q1': answer() } }), 1);
    expect(store.checkImport(text)).toMatchObject({ ok: true, preview: { total: { added: 1, lostOnReplace: 1 } } });
    const result = store.importProgress(text, 'merge');
    expect(result).toMatchObject({ ok: true, preview: { total: { added: 1 } } });
    expect(Object.keys(stored(browser).answers).sort()).toEqual(['intro/q1', 'timeline/q1']);
  });

  it.each([
    ['malformed', '{"kind":'],
    ['huge', JSON.stringify({ kind: 'iraq-syria-2024-course-progress', pad: 'x'.repeat(600 * 1024) })],
    [
      'wrong types',
      JSON.stringify({
        kind: 'iraq-syria-2024-course-progress',
        exportedAt: 1,
        version: 1,
        data: { version: 1, updatedAt: 'x', lessons: {}, answers: {} },
      }),
    ],
    [
      '__proto__',
      '{"kind":"iraq-syria-2024-course-progress","exportedAt":1,"version":1,"data":{"version":1,"updatedAt":1,"lessons":{},"answers":{},"__proto__":{"polluted":true}}}',
    ],
    [
      'constructor',
      '{"kind":"iraq-syria-2024-course-progress","exportedAt":1,"version":1,"data":{"version":1,"updatedAt":1,"lessons":{},"answers":{}},"constructor":{"prototype":{"polluted":true}}}',
    ],
  ])('refuses a %s import with a message, changing nothing', (_name, text) => {
    const browser = new FakeBrowserStorage();
    const store = openTab(browser);
    store.recordAnswer('intro', q1, pick('a'), right, 20);
    const progressBefore = store.progress.get();
    const storedBefore = browser.items.get(PROGRESS_KEY);
    for (const mode of ['merge', 'replace'] as const) {
      const result = store.importProgress(text, mode);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/Nothing was changed/);
    }
    expect(store.progress.get()).toBe(progressBefore);
    expect(browser.items.get(PROGRESS_KEY)).toBe(storedBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('import and export, for any progress', () => {
  it('export then import (replace) gives back the same lessons and answers', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (progress, elsewhere) => {
        const browser = new FakeBrowserStorage();
        browser.items.set(PROGRESS_KEY, JSON.stringify(elsewhere));
        const store = openTab(browser);
        const result = store.importProgress(exportProgressText(progress, 1), 'replace', 5000);
        expect(result.ok).toBe(true);
        expect(store.progress.get().answers).toEqual(progress.answers);
        expect(store.progress.get().lessons).toEqual(progress.lessons);
        expect(stored(browser)).toEqual(store.progress.get());
      }),
      { numRuns: 50 },
    );
  });

  it('importing never throws and leaves progress alone when it refuses', () => {
    const store = openTab(new FakeBrowserStorage());
    store.recordAnswer('intro', q1, pick('a'), right, 20);
    const before = store.progress.get();
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('merge', 'replace') as fc.Arbitrary<'merge' | 'replace'>,
        (text, mode) => {
          const result = store.importProgress(text, mode);
          expect(result.ok).toBe(false);
          expect(store.progress.get()).toBe(before);
        },
      ),
    );
  });
});

describe('the browser store (browser-store.ts)', () => {
  it('does nothing outside a browser: no window, no storage, initial values', () => {
    expect(typeof window).toBe('undefined');
    expect(browserStore.progress.get()).toEqual({ version: 2, updatedAt: 0, lessons: {}, answers: {} });
    expect(browserStore.saveStatus.get()).toEqual({ state: 'saved', message: '' });
    expect(browserStore.lessonSummary(browserStore.progress.get(), 'intro', [q1]).total).toBe(1);
  });
});

describe('refresh', () => {
  it('merges in what another tab saved while this one was not listening', () => {
    const browser = new FakeBrowserStorage();
    const tab = browser.tab();
    tab.holdEvents = true;
    const a = openTab(browser, tab);
    a.progress.get();
    openTab(browser).recordAnswer('intro', q1, pick('a'), right, 20);
    expect(a.progress.get().answers).toEqual({});
    a.refresh();
    expect(Object.keys(a.progress.get().answers)).toEqual(['intro/q1']);
  });
});

describe('when storage fails', () => {
  it('keeps working in memory when storage is unavailable, and says so', () => {
    const browser = new FakeBrowserStorage();
    browser.blocked = true;
    const store = openTab(browser);
    store.recordAnswer('intro', q1, pick('a'), right, 20);
    expect(store.progress.get().answers['intro/q1'].correct).toBe(true);
    expect(store.saveStatus.get().state).toBe('unavailable');
    expect(store.saveStatus.get().message).toMatch(/Export/);
  });

  it('on a full storage keeps the previous save untouched, says unsaved, and saves once there is room', () => {
    const browser = new FakeBrowserStorage();
    const store = openTab(browser);
    store.recordAnswer('intro', q1, pick('a'), right, 20);
    const before = browser.items.get(PROGRESS_KEY);
    browser.quota = browser.used();
    store.recordAnswer('intro', q2, pick('b'), wrong, 30);
    expect(store.saveStatus.get().state).toBe('unsaved');
    expect(browser.items.get(PROGRESS_KEY)).toBe(before);
    expect(Object.keys(store.progress.get().answers)).toEqual(['intro/q1', 'intro/q2']);
    browser.quota = Infinity;
    store.markOpened('intro', 40);
    expect(store.saveStatus.get().state).toBe('saved');
    expect(Object.keys(stored(browser).answers)).toEqual(['intro/q1', 'intro/q2']);
  });

  it('after damaged data: backs it up, keeps the readable part, says so, and stays saved from then on', () => {
    const browser = new FakeBrowserStorage();
    const damaged = JSON.stringify({
      ...doc({ answers: { 'intro/q1': answer() } }),
      answers: { 'intro/q1': answer(), 'intro/q2': 5 },
    });
    browser.items.set(PROGRESS_KEY, damaged);
    const store = openTab(browser);
    expect(store.saveStatus.get()).toMatchObject({ state: 'recovered', backupKey: browser.backups()[0] });
    expect(browser.items.get(browser.backups()[0])).toBe(damaged);
    expect(Object.keys(store.progress.get().answers)).toEqual(['intro/q1']);
    store.recordAnswer('intro', q2, pick('a'), right, 20);
    expect(Object.keys(stored(browser).answers).sort()).toEqual(['intro/q1', 'intro/q2']);
    expect(store.saveStatus.get().state).toBe('recovered');
    expect(browser.backups()).toHaveLength(1);
  });

  it('with progress from a newer version: shows it, never writes, and says what is true (case 4)', () => {
    const browser = new FakeBrowserStorage();
    const newer = JSON.stringify({ ...doc({ answers: { 'intro/q1': answer() } }), version: 99 });
    browser.items.set(PROGRESS_KEY, newer);
    const store = openTab(browser);
    expect(store.saveStatus.get().state).toBe('read-only');
    store.recordAnswer('intro', q2, pick('a'), right, 20);
    // A reset is refused, and says so: it does not claim to have reset.
    expect(store.resetProgress()).toBe('read-only');
    expect(browser.items.get(PROGRESS_KEY)).toBe(newer);
    const { message } = store.saveStatus.get();
    expect(message).toMatch(/newer version/);
    expect(message).toMatch(/export/);
    expect(message).not.toMatch(/Reload/);
  });

  it('resets over a newer version’s progress when asked again, keeping a backup of it (case 4)', () => {
    const browser = new FakeBrowserStorage();
    const newer = JSON.stringify({ ...doc({ answers: { 'intro/q1': answer() } }), version: 99 });
    browser.items.set(PROGRESS_KEY, newer);
    const store = openTab(browser);
    expect(store.resetOverNewer(5000)).toBe('saved');
    expect(store.progress.get().answers).toEqual({});
    expect(browser.backups().map((key) => browser.items.get(key))).toEqual([newer]);
    expect(store.backups.get().map((b) => b.key)).toEqual(browser.backups());
    store.recordAnswer('intro', q2, pick('a'), right, 6000);
    expect(Object.keys(stored(browser).answers)).toEqual(['intro/q2']);
  });

  it('damaged data on a full storage is named as such, not as a newer version (case 5)', () => {
    const browser = new FakeBrowserStorage();
    browser.items.set(PROGRESS_KEY, '{"version":1,"answers":{"intro/q1":');
    browser.quota = browser.used() + 5;
    const store = openTab(browser);
    expect(store.saveStatus.get().state).toBe('not-backed-up');
    expect(store.saveStatus.get().message).toMatch(/damaged/);
    expect(store.saveStatus.get().message).toMatch(/storage is too full/);
    expect(store.saveStatus.get().message).not.toMatch(/newer/);
    store.recordAnswer('intro', q2, pick('a'), right, 20);
    expect(store.saveStatus.get().state).toBe('not-backed-up');
    expect(browser.items.get(PROGRESS_KEY)).toBe('{"version":1,"answers":{"intro/q1":');
  });

  it('lists a backup until it is marked seen, in this page and the next (case 3)', () => {
    const browser = new FakeBrowserStorage();
    browser.items.set(PROGRESS_KEY, '{broken');
    const store = openTab(browser);
    expect(store.backups.get()).toMatchObject([{ key: browser.backups()[0], seen: false }]);
    const next = openTab(browser);
    expect(next.saveStatus.get().state).toBe('saved');
    expect(next.backups.get()).toMatchObject([{ seen: false }]);
    next.markBackupsSeen();
    expect(next.backups.get()).toMatchObject([{ seen: true }]);
    expect(openTab(browser).backups.get()).toMatchObject([{ seen: true }]);
  });
});

describe('two tabs', () => {
  it('answering different questions both survive, in storage and in each tab', () => {
    const browser = new FakeBrowserStorage();
    const a = openTab(browser);
    const b = openTab(browser);
    a.progress.get();
    b.progress.get();
    a.recordAnswer('intro', q1, pick('a'), right, 100);
    b.recordAnswer('intro', q2, pick('b'), wrong, 110);
    a.recordAnswer('timeline', q1, pick('c'), right, 120);
    const keys = ['intro/q1', 'intro/q2', 'timeline/q1'];
    expect(Object.keys(stored(browser).answers).sort()).toEqual(keys);
    expect(a.progress.get()).toEqual(b.progress.get());
    expect(a.progress.get()).toEqual(stored(browser));
  });

  it('converge even when one tab has not yet heard the other’s writes', () => {
    const browser = new FakeBrowserStorage();
    const tabB = browser.tab();
    const a = openTab(browser);
    const b = openTab(browser, tabB);
    a.progress.get();
    b.progress.get();
    tabB.holdEvents = true;
    a.recordAnswer('intro', q1, pick('a'), right, 100);
    // B has not seen A's answer to q1: its own is a first attempt, and the later one wins without summing.
    b.recordAnswer('intro', q1, pick('z'), wrong, 110);
    b.recordAnswer('intro', q2, pick('b'), right, 120);
    tabB.release();
    expect(a.progress.get()).toEqual(b.progress.get());
    expect(stored(browser).answers['intro/q1']).toMatchObject({ correct: false, attempts: 1, lastAt: 110 });
    expect(Object.keys(stored(browser).answers).sort()).toEqual(['intro/q1', 'intro/q2']);
  });

  it('two saves in the same tick, each tab reading its own stale copy, lose no answer (issue 11, case 8)', () => {
    const browser = new FakeBrowserStorage();
    const [tabA, tabB] = [browser.tab(), browser.tab()];
    const a = openTab(browser, tabA);
    const b = openTab(browser, tabB);
    a.progress.get();
    b.progress.get();
    for (const tab of [tabA, tabB]) {
      tab.readOwnCopy();
      tab.holdEvents = true;
    }
    // Both write before either hears the other, as two Chromium tabs saving within ~5 ms do.
    a.recordAnswer('intro', q1, pick('a'), right, 100);
    b.recordAnswer('intro', q2, pick('b'), wrong, 100);
    expect(Object.keys(stored(browser).answers)).toEqual(['intro/q2']); // the last writer won, for now
    tabA.release();
    tabB.release();
    expect(Object.keys(stored(browser).answers).sort()).toEqual(['intro/q1', 'intro/q2']);
    expect(a.progress.get()).toEqual(b.progress.get());
    expect(a.progress.get().answers).toEqual(stored(browser).answers);
  });

  it('hearing a write that holds nothing new writes nothing back (no echo between tabs)', () => {
    const browser = new FakeBrowserStorage();
    const a = openTab(browser);
    const b = openTab(browser);
    a.progress.get();
    b.progress.get();
    let writes = 0;
    const write = browser.write.bind(browser);
    browser.write = (...args) => (writes++, write(...args));
    a.recordAnswer('intro', q1, pick('a'), right, 100);
    b.recordAnswer('intro', q2, pick('b'), wrong, 110);
    expect(writes).toBe(2);
  });

  it('a reset in one tab is not undone by the other tab’s older data', () => {
    const browser = new FakeBrowserStorage();
    const tabB = browser.tab();
    const a = openTab(browser);
    const b = openTab(browser, tabB);
    a.recordAnswer('intro', q1, pick('a'), right, 100);
    b.recordAnswer('intro', q2, pick('b'), right, 110);
    b.markOpened('intro', 115);
    tabB.holdEvents = true; // B misses the reset for now
    a.resetProgress(200);
    expect(a.progress.get().answers).toEqual({});
    b.recordAnswer('timeline', q1, pick('c'), right, 300); // B writes with its old copy in memory
    expect(Object.keys(stored(browser).answers)).toEqual(['timeline/q1']);
    expect(stored(browser).lessons).toEqual({});
    tabB.release();
    expect(b.progress.get()).toEqual(a.progress.get());
    expect(Object.keys(b.progress.get().answers)).toEqual(['timeline/q1']);
  });

  it('a tab adopts a reset made in another tab', () => {
    const browser = new FakeBrowserStorage();
    const a = openTab(browser);
    const b = openTab(browser);
    a.recordAnswer('intro', q1, pick('a'), right, 100);
    expect(Object.keys(b.progress.get().answers)).toEqual(['intro/q1']);
    a.resetProgress(200);
    expect(b.progress.get().answers).toEqual({});
    expect(b.progress.get().resetAt).toBe(a.progress.get().resetAt);
  });

  it('a replacing import in one tab is not undone by the other', () => {
    const browser = new FakeBrowserStorage();
    const a = openTab(browser);
    const b = openTab(browser);
    b.recordAnswer('intro', q1, pick('a'), right, 100);
    a.progress.get();
    const file = exportProgressText(doc({ answers: { 'sources/q9': answer({ firstAt: 5, lastAt: 5 }) } }), 6);
    expect(a.importProgress(file, 'replace', 500)).toMatchObject({ ok: true });
    b.markRead('intro', 600);
    expect(Object.keys(stored(browser).answers)).toEqual(['sources/q9']);
    expect(b.progress.get().answers).toEqual(a.progress.get().answers);
  });

  it('ignores other keys and merges only readable parts of a damaged write', () => {
    const browser = new FakeBrowserStorage();
    const tab = browser.tab();
    const a = openTab(browser, tab);
    a.recordAnswer('intro', q1, pick('a'), right, 100);
    const before = a.progress.get();
    tab.deliver('some-other-key', 'x');
    tab.deliver(PROGRESS_KEY, '{not json');
    tab.deliver(PROGRESS_KEY, null);
    expect(a.progress.get().answers).toEqual(before.answers);
  });
});
