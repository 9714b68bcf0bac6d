import { afterEach, describe, expect, it } from 'vitest';
import { createProgressCore, type ProgressCore } from '../../src/progress/store';
import { OLDER_KEY, PROGRESS_KEY } from '../../src/progress/storage';
import { uncommon, type Uncommon } from '../../src/progress/uncommon';
import { answer, doc, FakeBrowserStorage, type FakeTab } from './progress-helpers';

// The page's store loads merging and format upgrades (uncommon.ts) only when something needs them, so a lesson
// page's islands do not fetch them when they wake. These tests hold it to that: the common path never asks for
// the module, and while it is on its way (or if it never comes) nothing stored is read wrongly or written over.

const q1 = { id: 'q1', hash: 'h1' };
const q2 = { id: 'q2', hash: 'h2' };
const right = { correct: true, score: 1 };
const pick = (option: string) => ({ type: 'single', option });

/** An import() of uncommon.ts that the test settles by hand, counting the times it is asked for. */
function lazyModule() {
  const pending: Array<{ resolve: (module: Uncommon) => void; reject: (error: Error) => void }> = [];
  let calls = 0;
  return {
    load: () => {
      calls++;
      return new Promise<Uncommon>((resolve, reject) => pending.push({ resolve, reject }));
    },
    calls: () => calls,
    arrive: () => pending.shift()?.resolve(uncommon),
    fail: () => pending.shift()?.reject(new TypeError('Failed to fetch dynamically imported module')),
  };
}

/** Lets the promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const cores: ProgressCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.stop();
});

function lessonPageStore(tab: FakeTab, load: () => Promise<Uncommon>): ProgressCore {
  let clock = 2_000_000_000_000;
  const core = createProgressCore({
    getStorage: () => tab,
    subscribeToChanges: tab.subscribe,
    now: () => clock++,
    uncommon: load,
  });
  cores.push(core);
  return core;
}

const v1Text = JSON.stringify({
  version: 1,
  updatedAt: 1000,
  lessons: {},
  answers: {
    'intro/q1': { hash: 'h1', response: pick('a'), correct: true, score: 1, attempts: 1, firstAt: 1000, lastAt: 1000 },
  },
});

describe('the common path', () => {
  it('one tab answering, with nothing stored or current-format progress, never asks for it', () => {
    for (const stored of [undefined, JSON.stringify(doc({ answers: { 'intro/q2': answer({ hash: 'h2' }) } }))]) {
      const browser = new FakeBrowserStorage();
      if (stored) browser.items.set(PROGRESS_KEY, stored);
      const lazy = lazyModule();
      const store = lessonPageStore(browser.tab(), lazy.load);
      store.markOpened('intro');
      store.recordAnswer('intro', q1, pick('a'), { correct: false, score: 0 }, undefined, [q1, q2]);
      store.recordAnswer('intro', q1, pick('b'), right, undefined, [q1, q2]);
      store.revealAnswer('intro', q2);
      store.markRead('intro');
      // A page back from the back/forward cache, with nothing changed meanwhile.
      store.refresh();
      expect(JSON.parse(browser.items.get(PROGRESS_KEY) ?? 'null')).toEqual(store.progress.get());
      expect(store.saveStatus.get().state).toBe('saved');
      expect(lazy.calls()).toBe(0);
    }
  });
});

describe('an older format stored', () => {
  it('is read only once the module is here, then upgraded (backed up first) with the answers given meanwhile', async () => {
    const browser = new FakeBrowserStorage();
    browser.items.set(PROGRESS_KEY, v1Text);
    const lazy = lazyModule();
    const store = lessonPageStore(browser.tab(), lazy.load);
    expect(store.progress.get().answers).toEqual({});
    store.recordAnswer('intro', q2, pick('b'), right);
    // Asked for once, and nothing written over the old text while it is on its way.
    expect(lazy.calls()).toBe(1);
    expect([...browser.items]).toEqual([[PROGRESS_KEY, v1Text]]);
    expect(Object.keys(store.progress.get().answers)).toEqual(['intro/q2']);

    lazy.arrive();
    await settle();
    const saved = JSON.parse(browser.items.get(PROGRESS_KEY) ?? 'null');
    expect(saved.version).toBe(2);
    expect(Object.keys(saved.answers).sort()).toEqual(['intro/q1', 'intro/q2']);
    expect(saved).toEqual(store.progress.get());
    expect(browser.backups().map((key) => browser.items.get(key))).toEqual([v1Text]);
    expect(store.saveStatus.get().state).toBe('saved');
  });

  it('if the module cannot load, nothing stored changes, the student is told, and the next answer tries again', async () => {
    const browser = new FakeBrowserStorage();
    browser.items.set(PROGRESS_KEY, v1Text);
    const before = [...browser.items];
    const lazy = lazyModule();
    const store = lessonPageStore(browser.tab(), lazy.load);
    store.recordAnswer('intro', q2, pick('b'), right);
    lazy.fail();
    await settle();
    expect([...browser.items]).toEqual(before);
    expect(store.saveStatus.get()).toEqual({
      state: 'not-loaded',
      message: expect.stringMatching(/did not load.*Nothing saved before was changed/),
    });
    // The answer is still on the page.
    expect(Object.keys(store.progress.get().answers)).toEqual(['intro/q2']);

    store.markRead('intro');
    expect(lazy.calls()).toBe(2);
    expect([...browser.items]).toEqual(before);
    lazy.arrive();
    await settle();
    const saved = JSON.parse(browser.items.get(PROGRESS_KEY) ?? 'null');
    expect(Object.keys(saved.answers).sort()).toEqual(['intro/q1', 'intro/q2']);
    expect(saved.lessons.intro.readAt).toBeGreaterThan(0);
    expect(store.saveStatus.get().state).toBe('saved');
  });
});

describe('another tab', () => {
  /** Tab A has saved q1 since tab B last read: B's next save must merge, which needs the module. */
  function twoTabs() {
    const browser = new FakeBrowserStorage();
    const tabB = browser.tab();
    const lazyA = lazyModule();
    const lazyB = lazyModule();
    const a = lessonPageStore(browser.tab(), lazyA.load);
    const b = lessonPageStore(tabB, lazyB.load);
    a.progress.get();
    b.progress.get();
    tabB.holdEvents = true;
    a.recordAnswer('intro', q1, pick('a'), right);
    const afterA = browser.items.get(PROGRESS_KEY);
    b.recordAnswer('intro', q2, pick('b'), right);
    return { browser, b, lazyA, lazyB, afterA };
  }

  it('its answers are not written over while the merge loads, and both are saved once it is here', async () => {
    const { browser, b, lazyA, lazyB, afterA } = twoTabs();
    expect(lazyA.calls()).toBe(0);
    expect(lazyB.calls()).toBe(1);
    expect(browser.items.get(PROGRESS_KEY)).toBe(afterA);
    lazyB.arrive();
    await settle();
    const saved = JSON.parse(browser.items.get(PROGRESS_KEY) ?? 'null');
    expect(Object.keys(saved.answers).sort()).toEqual(['intro/q1', 'intro/q2']);
    expect(b.progress.get()).toEqual(saved);
  });

  it('if the merge cannot load, its answers stay as they were and this tab says it has not saved', async () => {
    const { browser, b, lazyB, afterA } = twoTabs();
    lazyB.fail();
    await settle();
    expect(browser.items.get(PROGRESS_KEY)).toBe(afterA);
    expect(b.saveStatus.get().state).toBe('not-loaded');
  });
});

describe('the older answers key', () => {
  it('is merged in only once the module is here; until then neither key is written', async () => {
    const browser = new FakeBrowserStorage();
    const hot = JSON.stringify(doc({ answers: { 'intro/q1': answer() } }));
    const older = JSON.stringify(doc({ answers: { 'intro/q2': answer({ hash: 'h2', firstAt: 900, lastAt: 900 }) } }));
    browser.items.set(PROGRESS_KEY, hot);
    browser.items.set(OLDER_KEY, older);
    const lazy = lazyModule();
    const store = lessonPageStore(browser.tab(), lazy.load);
    store.markOpened('intro');
    expect(lazy.calls()).toBe(1);
    expect([...browser.items]).toEqual([
      [PROGRESS_KEY, hot],
      [OLDER_KEY, older],
    ]);
    lazy.arrive();
    await settle();
    expect(Object.keys(store.progress.get().answers).sort()).toEqual(['intro/q1', 'intro/q2']);
    expect(browser.items.get(OLDER_KEY)).toBe(older);
    expect(JSON.parse(browser.items.get(PROGRESS_KEY) ?? 'null').lessons.intro.openedAt).toBeGreaterThan(0);
  });
});
