// The part of the progress store a lesson page loads only when needed (src/progress/uncommon.ts: merging, format
// upgrades), in Chromium against the built site: one tab answering with fresh storage never fetches it; an older
// stored format fetches it, then is upgraded with its safety copy; and if it cannot be fetched, nothing stored
// changes and the page says so. The budgets (tests/build/budgets.test.ts) do not count this chunk, so this holds
// them honest.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadProblems, openSite, type Site, type Tab } from './harness.ts';

const LESSON = '/lessons/what-happened/';
const KEY = 'course-progress-v1';
const UNCOMMON = /\/_astro\/uncommon\.[\w-]+\.js$/;
const V1 = JSON.stringify({
  version: 1,
  updatedAt: 1_714_000_500_000,
  lessons: { 'what-happened': { openedAt: 1_714_000_000_000 } },
  answers: {
    'what-happened/l1-newest-first': {
      hash: 'old',
      response: { type: 'truefalse', value: true },
      correct: true,
      score: 1,
      attempts: 1,
      firstAt: 1_714_000_100_000,
      lastAt: 1_714_000_100_000,
    },
  },
});

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/** A fresh browser profile whose requests for the uncommon chunk are counted (and refused, with `offline`). */
async function profile(stored?: string, offline = false): Promise<{ tab: Tab; fetched: () => number }> {
  const tab = await site.freshProfile(
    stored === undefined
      ? undefined
      : // Runs before every page's scripts: only the first visit finds storage empty.
        (new Function(`if (localStorage.getItem(${JSON.stringify(KEY)}) === null)
          localStorage.setItem(${JSON.stringify(KEY)}, ${JSON.stringify(stored)});`) as () => void),
  );
  let fetched = 0;
  await tab.page.route(UNCOMMON, (route) => {
    fetched++;
    return offline ? route.abort('internetdisconnected') : route.continue();
  });
  return { tab, fetched: () => fetched };
}

const storedText = (tab: Tab) => tab.page.evaluate((key) => localStorage.getItem(key), KEY);

describe('merging and format upgrades, loaded only when needed', () => {
  test('one tab answering with fresh storage never fetches them', async () => {
    const { tab, fetched } = await profile();
    const log = await tab.visit(LESSON, { wakeIslands: true });
    expect(loadProblems(log)).toEqual([]);
    const form = tab.page.locator('#q-what-happened-l1-newest-first');
    await form.getByRole('radio', { name: 'False' }).check();
    await form.getByRole('button', { name: 'Check answer' }).click();
    await expect
      .poll(async () => JSON.parse((await storedText(tab)) ?? '{}').answers)
      .toHaveProperty(['what-happened/l1-newest-first']);
    await tab.visit(LESSON, { wakeIslands: true });
    expect(fetched()).toBe(0);
  });

  test('an older stored format fetches them once, then is upgraded, its old text kept as a safety copy', async () => {
    const { tab, fetched } = await profile(V1);
    const log = await tab.visit(LESSON, { wakeIslands: true });
    expect(loadProblems(log)).toEqual([]);
    await expect.poll(async () => JSON.parse((await storedText(tab)) ?? '{}').version).toBe(2);
    expect(fetched()).toBe(1);
    const saved = JSON.parse((await storedText(tab)) ?? '{}');
    expect(Object.keys(saved.answers)).toContain('what-happened/l1-newest-first');
    const copies = await tab.page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('course-progress-backup-'))
        .map((key) => localStorage.getItem(key)),
    );
    expect(copies).toEqual([V1]);
  });

  test('if they cannot be fetched, nothing stored changes and the page says so', async () => {
    const { tab, fetched } = await profile(V1, true);
    await tab.visit(LESSON, { wakeIslands: true });
    await expect
      .poll(() => tab.page.locator('.save-notice').first().textContent())
      .toMatch(/did not load.*Nothing saved before was changed/);
    const form = tab.page.locator('#q-what-happened-l1-newest-first');
    await form.getByRole('radio', { name: 'False' }).check();
    await form.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => form.locator('.q-unsaved').count()).toBe(1);
    expect(fetched()).toBeGreaterThanOrEqual(1);
    expect(await storedText(tab)).toBe(V1);
    expect(await tab.page.evaluate(() => localStorage.length)).toBe(1);
  });
});
