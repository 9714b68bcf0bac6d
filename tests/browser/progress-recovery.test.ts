// Issue 11: progress that survives what real browsers and instructors do to it, in Chromium against the built
// site. Storage is seeded from a page without progress (the glossary) before the tested page's scripts run,
// or patched by an init script; two pages of one context stand for two tabs. The tests run at the same time, each
// in a browser profile of its own.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { downloadedText, loadProblems, openSite, Tab, type Site } from './harness.ts';

const LESSON = '/lessons/what-happened/';
const LESSON_ID = 'what-happened';
const KEY = 'course-progress-v1';
const OLDER = 'course-progress-v1-older';
const Q = { single: 'l1-what-hit-ain-al-asad', numeric: 'l1-rockets-at-rumalyn', ordering: 'l1-order-the-weekend' };
const T = 1_700_000_000_000;

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/** A version 2 answer record. */
function record(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    hash: 'old-hash',
    response: { type: 'single', option: 'drone' },
    correct: false,
    score: 0,
    attempts: 1,
    firstAt: T,
    lastAt: T,
    firstTryRight: false,
    roundAt: T,
    roundAttempts: 1,
    roundFirstRight: false,
    revealed: false,
    box: 1,
    dueAt: T,
    ...overrides,
  };
}
const progressText = (answers: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ version: 2, updatedAt: T, lessons: {}, answers, ...extra });

async function seeded(items: Record<string, string>, init?: () => void): Promise<Tab> {
  const tab = await site.freshProfile(init);
  await tab.visit('/glossary/');
  await tab.page.evaluate((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, items);
  return tab;
}

const question = (page: Page, id: string) => page.locator(`#q-${LESSON_ID}-${id}`);
const item = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);
/** Every stored answer key, from both keys progress is kept under. */
const storedKeys = (page: Page) =>
  page.evaluate(
    ([a, b]) => {
      const keys = new Set<string>();
      for (const key of [a, b])
        for (const k of Object.keys(JSON.parse(localStorage.getItem(key!) ?? '{}').answers ?? {})) keys.add(k);
      return [...keys].sort();
    },
    [KEY, OLDER],
  );

async function open(tab: Tab, path = LESSON): Promise<void> {
  const log = await tab.visit(path, { wakeIslands: true });
  expect(loadProblems(log), `${path}: problems while loading`).toEqual([]);
}

async function answerSingle(page: Page, option: string): Promise<void> {
  const form = question(page, Q.single);
  await form.getByRole('radio', { name: option }).check();
  await form.getByRole('button', { name: 'Check answer' }).click();
}

describe.concurrent('damaged storage repaired (case 3)', () => {
  test('the notice shows on every page with progress until hidden; /progress/ lists, downloads, restores and deletes the copy', async ({
    expect,
  }) => {
    const damaged = `{"version":2,"updatedAt":5,"lessons":{"what-happened":"oops"},"answers":{"${LESSON_ID}/${Q.single}":${JSON.stringify(record({ response: { type: 'single', option: 'drone' } }))},"bad key":7}}`;
    const tab = await seeded({ [KEY]: damaged });
    // The first page visited is the home page: it repairs the data, and says so.
    await open(tab, '/');
    await expect.poll(() => tab.page.locator('.backup-notice').innerText()).toMatch(/kept in this browser/);
    // Still said on the next pages, and on the next visit.
    await open(tab, '/review/');
    await expect.poll(() => tab.page.locator('.backup-notice').count()).toBe(1);
    await open(tab, LESSON);
    await expect.poll(() => tab.page.locator('.backup-notice').count()).toBe(1);

    await open(tab, '/progress/');
    const row = tab.page.locator('tr[data-backup]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('th').innerText()).toMatch(/\d{4}/);
    expect(await row.innerText()).toMatch(/\d+ bytes|\d+ KB/);
    const [download] = await Promise.all([
      tab.page.waitForEvent('download'),
      row.getByRole('button', { name: /^Download/ }).click(),
    ]);
    expect(await downloadedText(download)).toBe(damaged);

    // Restore merges: with the answer gone (reset), restoring brings the readable answer back.
    await tab.page.getByRole('button', { name: /Reset all progress/ }).click();
    await tab.page.getByRole('button', { name: 'Yes, reset everything' }).click();
    await row.getByRole('button', { name: /^Restore \(merge\)/ }).click();
    await expect
      .poll(() => tab.page.locator('.progress-backups .tool-ok').innerText())
      .toMatch(/Restored.*1 answers added/);
    expect(await storedKeys(tab.page)).toEqual([`${LESSON_ID}/${Q.single}`]);

    await row.getByRole('button', { name: /^Delete/ }).click();
    await row.getByRole('button', { name: /^Yes, delete/ }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(
      await tab.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('course-progress-backup-'))),
    ).toEqual([]);
  });

  test('hiding the notice keeps it hidden on the next pages', async ({ expect }) => {
    const tab = await seeded({ [KEY]: '{not json' });
    await open(tab, '/');
    await tab.page.getByRole('button', { name: 'Hide this notice' }).click();
    await expect.poll(() => tab.page.locator('.backup-notice').count()).toBe(0);
    await open(tab, LESSON);
    expect(await tab.page.locator('.backup-notice').count()).toBe(0);
  });
});

describe.concurrent('a newer version’s progress and Reset (case 4)', () => {
  test('reset says nothing was reset and changes nothing; Reset anyway keeps a copy, then resets', async ({
    expect,
  }) => {
    const newer = JSON.stringify({
      version: 99,
      updatedAt: T,
      lessons: {},
      answers: { [`${LESSON_ID}/${Q.single}`]: record() },
    });
    const tab = await seeded({ [KEY]: newer });
    await open(tab, '/progress/');
    await expect.poll(() => tab.page.locator('.progress-notices').innerText()).toMatch(/newer version/);
    expect(await tab.page.locator('.progress-notices').innerText()).not.toMatch(/Reload/);
    await tab.page.getByRole('button', { name: /Reset all progress/ }).click();
    await tab.page.getByRole('button', { name: 'Yes, reset everything' }).click();
    const dialog = tab.page.locator('#reset-dialog');
    await expect.poll(() => dialog.innerText()).toMatch(/Nothing was reset yet/);
    expect(await dialog.getByRole('button', { name: 'Export progress' }).count()).toBe(1);
    expect(await item(tab.page, KEY)).toBe(newer);
    await dialog.getByRole('button', { name: 'Reset anyway' }).click();
    await expect.poll(() => tab.page.locator('.tool-ok').innerText()).toMatch(/was reset.*kept as a saved copy/);
    expect(JSON.parse((await item(tab.page, KEY))!).answers).toEqual({});
    expect(await tab.page.locator('tr[data-backup]').count()).toBe(1);
  });
});

describe.concurrent('damaged data on a full storage (case 5)', () => {
  test('is named as such, not as a newer version, and the damaged text is left as it was', async ({ expect }) => {
    const damaged = '{"version":2,"answers":{"x":';
    const tab = await seeded({ [KEY]: damaged });
    await tab.page.context().addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await open(tab);
    const notice = tab.page.locator('.save-notice').first();
    await expect.poll(() => notice.innerText()).toMatch(/storage is too full/);
    expect(await notice.innerText()).not.toMatch(/newer version/);
    expect(await item(tab.page, KEY)).toBe(damaged);
  });
});

describe.concurrent('two tabs saving at once (case 8)', () => {
  test('answers checked in two tabs in the same moment are both kept', async ({ expect }) => {
    const first = await site.freshProfile();
    const second = new Tab(await first.page.context().newPage(), site.origin);
    await open(first);
    await open(second);
    await question(first.page, Q.single).getByRole('radio', { name: 'At least one armed drone' }).check();
    await question(second.page, Q.numeric).getByRole('textbox').fill('5');
    // Both clicks dispatched together, so each tab saves before it hears the other's save.
    const click = (page: Page, id: string) =>
      question(page, id).evaluate((form) => form.querySelector<HTMLButtonElement>('button[type=submit]')!.click());
    await Promise.all([click(first.page, Q.single), click(second.page, Q.numeric)]);
    const both = [`${LESSON_ID}/${Q.numeric}`, `${LESSON_ID}/${Q.single}`];
    await expect.poll(() => storedKeys(first.page)).toEqual(both);
    await expect.poll(() => storedKeys(second.page)).toEqual(both);
  });
});

describe.concurrent('an instructor edited a question (cases 1 and 2)', () => {
  test('an old ordering answer naming a renamed item starts fresh, on the lesson and on /review/', async ({
    expect,
  }) => {
    const old = record({ response: { type: 'ordering', order: ['explosion', 'rockets-old', 'drone'] } });
    const tab = await seeded({ [KEY]: progressText({ [`${LESSON_ID}/${Q.ordering}`]: old }) });
    for (const path of [LESSON, '/review/']) {
      await open(tab, path);
      const form = question(tab.page, Q.ordering);
      await expect
        .poll(() => form.locator('.q-order-text').allInnerTexts())
        .toContain('Rockets are fired towards US forces at Rumalyn, Syria');
      expect(await form.locator('.q-order-text').allInnerTexts()).not.toContain('rockets-old');
      expect(await form.getByRole('button', { name: 'Check answer' }).getAttribute('aria-disabled')).toBeNull();
      if (path === LESSON) expect(await form.locator('.q-notice').innerText()).toMatch(/changed since you answered/);
    }
  });

  test('a stored order with a repeated id breaks nothing (no each_key_duplicate), and the answer can be given', async ({
    expect,
  }) => {
    const repeated = record({ response: { type: 'ordering', order: ['drone', 'drone', 'rockets'] } });
    const tab = await seeded({ [KEY]: progressText({ [`${LESSON_ID}/${Q.ordering}`]: repeated }) });
    await open(tab);
    const form = question(tab.page, Q.ordering);
    expect(await form.locator('.q-order-text').count()).toBe(3);
    expect(await form.getByRole('button', { name: 'Check answer' }).getAttribute('aria-disabled')).toBeNull();
  });
});

describe.concurrent('edge values and sizes (cases 6, 7, 9, 10)', () => {
  test('a 400,000-digit stored answer does not hold up the page, and the question starts fresh', async ({ expect }) => {
    const huge = record({ hash: 'x', response: { type: 'numeric', value: '9'.repeat(400_000) } });
    const tab = await seeded({ [KEY]: progressText({ [`${LESSON_ID}/${Q.numeric}`]: huge }) });
    await open(tab); // fails on any island not hydrated within 10 s
    expect((await question(tab.page, Q.numeric).getByRole('textbox').inputValue()).length).toBeLessThan(10);
  });

  test('a year-3000 import is moved to now, and the next answer is stamped now', async ({ expect }) => {
    const future = Date.UTC(3000, 0, 1);
    const file = JSON.stringify({
      kind: 'iraq-syria-2024-course-progress',
      version: 2,
      exportedAt: future,
      data: {
        version: 2,
        updatedAt: future,
        lessons: {},
        answers: { 'other-lesson/q1': record({ firstAt: future, roundAt: future, lastAt: future, dueAt: future }) },
      },
    });
    const tab = await site.freshProfile();
    await open(tab, '/progress/');
    await tab.page
      .locator('#import-file')
      .setInputFiles({ name: 'f.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await tab.page.getByRole('button', { name: 'Merge' }).click();
    await open(tab);
    await answerSingle(tab.page, 'At least one armed drone');
    await expect.poll(() => item(tab.page, KEY)).toMatch(/l1-what-hit-ain-al-asad/);
    const saved = JSON.parse((await item(tab.page, KEY))!);
    const now = Date.now();
    for (const entry of Object.values(saved.answers) as { lastAt: number }[])
      expect(entry.lastAt).toBeLessThan(now + 24 * 60 * 60 * 1000);
    expect(saved.answers[`${LESSON_ID}/${Q.single}`].lastAt).toBeLessThan(now + 60_000);
  });

  test('the largest date and attempts at MAX_SAFE_INTEGER: later answers survive a reload', async ({ expect }) => {
    const MAX = 8_640_000_000_000_000;
    const edge = record({
      hash: 'x',
      attempts: Number.MAX_SAFE_INTEGER,
      roundAttempts: Number.MAX_SAFE_INTEGER,
      firstAt: MAX,
      roundAt: MAX,
      lastAt: MAX,
      dueAt: MAX,
    });
    const tab = await seeded({ [KEY]: progressText({ [`${LESSON_ID}/${Q.single}`]: edge }, { updatedAt: MAX }) });
    await open(tab);
    await answerSingle(tab.page, 'Five rockets');
    await expect.poll(() => question(tab.page, Q.single).locator('.q-live').innerText()).toMatch(/\S/);
    await open(tab);
    expect(await question(tab.page, Q.single).getByRole('radio', { name: 'Five rockets' }).isChecked()).toBe(true);
  });

  test('10,000 stored answers for unknown questions: checking works and every one is kept', async ({ expect }) => {
    const answers: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) answers[`gone-lesson-${i % 50}/q-${i}`] = record({ hash: `h${i}` });
    const tab = await seeded({ [KEY]: progressText(answers) });
    await open(tab);
    await answerSingle(tab.page, 'At least one armed drone');
    await expect.poll(async () => (await storedKeys(tab.page)).length).toBe(10_001);
  });
});
