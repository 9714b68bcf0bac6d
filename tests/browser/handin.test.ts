// Hand-ins end to end, in Chromium against the built site: a student hands in from /progress/ by keyboard alone,
// then the instructor's results page opens that file with 29 classmates' and 6 others (an earlier copy of one
// student's, and 5 hostile files) and shows the expected figures, the bad files with their reasons, markup as
// text, a CSV with formulas defused, a sortable table and a lesson filter; axe finds nothing on either page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { manifestFromContent } from '../../scripts/lib/handin-course.ts';
import { handInText, parseHandIn, sealHandIn, type HandIn, type HandInBody } from '../../src/handin/format.ts';
import { repoRoot } from '../built-site.ts';
import { describeViolations, downloadedText, loadProblems, openSite, runAxe, type Site, type Tab } from './harness.ts';

const course = manifestFromContent(repoRoot);
const [lesson1] = course.lessons;
const [q1, q2] = lesson1!.questions;
const at = Date.UTC(2024, 4, 6, 9, 0);

// The student's own progress (format v2): q1 right first time; q2 wrong at the first try, then "Show answer".
const record = (hash: string, response: unknown, right: boolean, revealed: boolean) => ({
  hash,
  response,
  correct: right,
  score: right ? 1 : 0,
  attempts: 1,
  firstAt: at,
  lastAt: at,
  firstTryRight: right,
  roundAt: at,
  roundAttempts: 1,
  roundFirstRight: right,
  revealed,
});
const progress = JSON.stringify({
  version: 2,
  updatedAt: at,
  lessons: { [lesson1!.id]: { openedAt: at - 1000 } },
  answers: {
    [`${lesson1!.id}/${q1!.id}`]: record(q1!.hash, { type: 'single', option: 'drone' }, true, false),
    [`${lesson1!.id}/${q2!.id}`]: record(q2!.hash, { type: 'numeric', value: '3' }, false, true),
  },
});

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

const downloadText = async (page: Page, press: () => Promise<void>) => {
  const [download] = await Promise.all([page.waitForEvent('download'), press()]);
  return { name: download.suggestedFilename(), text: await downloadedText(download) };
};

/** A copy of a hand-in with some fields changed, sealed again: a valid file from another student. */
const variant = (from: HandIn, change: (body: HandInBody) => void): HandIn => {
  const body = structuredClone(from) as HandInBody & { checksum?: string };
  delete body.checksum;
  change(body);
  return sealHandIn(body);
};
const unanswered = (body: HandInBody) => {
  body.questions = body.questions.map((q) => ({
    ...q,
    attempts: 0,
    firstResponse: null,
    firstCorrect: null,
    revealed: false,
    mastered: false,
  }));
};

/** The 29 classmates: q1 right first time for 20 of them, "ballistic" for 9; nothing else answered. */
function classmates(mine: HandIn): HandIn[] {
  return Array.from({ length: 29 }, (_, i) =>
    variant(mine, (body) => {
      body.name = i === 0 ? '=SUM(A1:A9)' : `Classmate ${String(i).padStart(2, '0')}`;
      body.handedInAt = at + (i + 1) * 60_000;
      unanswered(body);
      const first = body.questions.find((q) => q.lesson === lesson1!.id && q.id === q1!.id)!;
      Object.assign(first, {
        attempts: i < 20 ? 1 : 2,
        firstResponse: { type: 'single', option: i < 20 ? 'drone' : 'ballistic' },
        firstCorrect: i < 20,
        mastered: i < 20,
      });
    }),
  );
}

const file = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
const MARKUP = '<img src=x onerror="window.__pwned=1">';

function instructorFiles(mine: HandIn) {
  const classmatesFiles = classmates(mine);
  const earlier = variant(classmatesFiles[5]!, (body) => (body.handedInAt = at - 86_400_000));
  const proto = handInText(mine).replace('"format"', '"__proto__": { "polluted": true }, "format"');
  return [
    file('mine.json', handInText(mine)),
    ...classmatesFiles.map((h, i) => file(`classmate-${i}.json`, handInText(h))),
    file('classmate-5-earlier.json', handInText(earlier)),
    file('malformed.json', handInText(mine).slice(0, 300)),
    file('huge.json', ' '.repeat(300 * 1024)),
    file('proto.json', proto),
    file('other-course.json', handInText(variant(mine, (body) => (body.course = 'another-course')))),
    file('markup.json', handInText(variant(mine, (body) => ((body.name = MARKUP), unanswered(body))))),
  ];
}

let mine: HandIn;

describe('a student hands in', () => {
  test('by keyboard on /progress/: names themselves, sees the whole file, downloads exactly that', async () => {
    const tab: Tab = await site.freshProfile(
      new Function(
        `if (!localStorage.getItem('course-progress-v1')) localStorage.setItem('course-progress-v1', ${JSON.stringify(progress)});`,
      ) as () => void,
    );
    const log = await tab.visit('/progress/');
    expect(loadProblems(log)).toEqual([]);
    expect(await tab.page.locator('.hand-in').innerText()).toMatch(/self-report.*edit the file.*damaged/s);
    const page = tab.page;
    const nameBox = page.getByLabel('Your name');
    await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    await tabTo(page, nameBox);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#handin-problem').innerText()).toMatch(/Type your name/);
    await page.keyboard.type('Ada Lovelace');
    await page.keyboard.press('Enter');
    const preview = page.locator('.hand-in-file');
    await expect.poll(() => preview.count()).toBe(1);
    const shown = await preview.innerText();
    const download = page.getByRole('button', { name: /^Download hand-in-ada-lovelace-/ });
    await tabTo(page, download);
    const saved = await downloadText(page, () => page.keyboard.press('Enter'));
    expect(saved.name).toMatch(/^hand-in-ada-lovelace-\d{4}-\d{2}-\d{2}\.json$/);
    expect(saved.text.trim()).toBe(shown.trim());
    const parsed = parseHandIn(saved.text, course.courseId);
    if (!parsed.ok) throw new Error(parsed.reason);
    mine = parsed.handIn;
    expect(mine.name).toBe('Ada Lovelace');
    expect(mine.contentVersion).toBe(course.contentVersion);
    expect(mine.questions.find((q) => q.id === q1!.id)).toMatchObject({ firstCorrect: true, attempts: 1 });
    expect(mine.questions.find((q) => q.id === q2!.id)).toMatchObject({
      firstCorrect: false,
      revealed: true,
      firstResponse: { type: 'numeric', value: '3' },
    });
    expect(await page.locator('.hand-in [aria-live]').innerText()).toMatch(/Saved hand-in-ada-lovelace/);
    expect(log.foreignRequests).toEqual([]);
  });
});

describe('the instructor opens the class’s files', () => {
  const open = async (tab: Tab, byKeyboard = false) => {
    const log = await tab.visit('/instructors/results/');
    await tab.page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    // Once loaded, the page needs no network: the files are read and counted offline.
    if (byKeyboard) await tab.page.context().setOffline(true);
    const input = tab.page.locator('#handin-files');
    if (byKeyboard) {
      await tabTo(tab.page, input);
      const [chooser] = await Promise.all([tab.page.waitForEvent('filechooser'), tab.page.keyboard.press('Space')]);
      await chooser.setFiles(instructorFiles(mine));
    } else await input.setInputFiles(instructorFiles(mine));
    await expect
      .poll(() => tab.page.locator('.results-status').innerText(), { timeout: 10_000 })
      .toMatch(/^Opened 36 files/);
    return log;
  };

  test('shows the figures, the bad files with reasons, the set-aside copy, and runs nothing from a file', async () => {
    const tab = await site.freshProfile();
    const log = await open(tab, true);
    const page = tab.page;
    expect(await page.locator('.results-status').innerText()).toBe(
      'Opened 36 files: 32 hand-ins loaded, 4 files could not be used (listed below). 31 students in the class table; 1 earlier hand-in set aside.',
    );
    const rejected = await page.locator('.rejected-files li').allInnerTexts();
    expect(rejected).toHaveLength(4);
    expect(rejected.find((t) => t.startsWith('malformed.json'))).toMatch(/damaged or cut short/);
    expect(rejected.find((t) => t.startsWith('huge.json'))).toMatch(/at most 256 KB/);
    expect(rejected.find((t) => t.startsWith('proto.json'))).toMatch(/“__proto__”/);
    expect(rejected.find((t) => t.startsWith('other-course.json'))).toMatch(/another course \(“another-course”\)/);
    expect(await page.locator('.results-notes').innerText()).toMatch(
      /Classmate 05 handed in more than once: kept the latest, classmate-5\.json .* set aside classmate-5-earlier\.json/,
    );

    expect(await page.locator('#class-table tbody tr').count()).toBe(31);
    const adaRow = page.locator('#class-table tbody tr', { hasText: 'Ada Lovelace' });
    expect(await adaRow.locator('td').nth(2).innerText()).toBe(`1 of ${lesson1!.questions.length}`);
    // Markup in a name is shown as its text; nothing in it ran or became an element.
    expect(await page.locator('#class-table tbody th', { hasText: 'onerror' }).innerText()).toBe(MARKUP);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');

    const cells = async (id: string) =>
      page.locator(`#question-table tr[data-question="${lesson1!.id}/${id}"] td`).allInnerTexts();
    // q1: Ada and 20 classmates right first time, 9 chose "ballistic": 21 of 30.
    expect(await cells(q1!.id)).toEqual(['30', '70%', '0%', 'Ballistic missiles fired from Iran (9)', '0']);
    // q2: only Ada answered it: wrong at first, then revealed.
    expect(await cells(q2!.id)).toEqual(['1', '0%', '100%', '3 rockets (1)', '0']);
    expect(await page.locator('.objectives-open').innerText()).toContain(lesson1!.objectives[0]!.text);

    // Sort by name, by keyboard: ascending, then descending.
    const nameSort = page.locator('#class-table thead button', { hasText: /^Name/ });
    const nameHeader = page.locator('#class-table thead th').first();
    await tabTo(page, nameSort);
    await page.keyboard.press('Enter');
    expect(await nameHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('#class-table tbody th').first().innerText()).toBe('Classmate 28');
    await page.keyboard.press('Enter');
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await page.locator('#class-table tbody th').first().innerText()).toBe(MARKUP);

    // CSV: header, formulas defused, markup as plain text.
    const csv = await downloadText(page, () => page.getByRole('button', { name: 'Export class table as CSV' }).click());
    expect(csv.name).toMatch(/^class-results-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toMatch(/^\ufeffName,Class,Handed in \(UTC\),1\. .*: right first time \(%\),/);
    expect(lines).toHaveLength(33);
    expect(lines.find((l) => l.includes('SUM'))).toMatch(/^'=SUM\(A1:A9\),,2024-05-06T09:01:00Z,8,no,/);
    const time = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ';
    expect(lines.find((l) => l.startsWith('Ada Lovelace'))).toMatch(new RegExp(`^Ada Lovelace,,${time},8,no,`));
    expect(lines.find((l) => l.includes('onerror'))).toMatch(
      new RegExp(`^"<img src=x onerror=""window.__pwned=1"">",,${time}(,0,no){${course.lessons.length}}$`),
    );

    // The print view: the table and figures without the controls.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#handin-files').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Export class table as CSV' }).isVisible()).toBe(false);
    expect(await page.locator('#class-table').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // Lesson filter: only that lesson's columns and questions.
    const last = course.lessons.at(-1)!;
    await page.getByLabel('Show', { exact: true }).selectOption(last.id);
    expect(await page.locator('#question-table tbody tr').count()).toBe(last.questions.length);
    expect(await page.locator('#class-table thead th').count()).toBe(5);

    await page.context().setOffline(false);
    expect(loadProblems(log)).toEqual([]);
    expect(log.cspViolations).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
  });

  test('axe finds nothing on the results page with the class loaded at 320 px, and it fits', async () => {
    const tab = site.axe;
    const log = await open(tab);
    expect(loadProblems(log)).toEqual([]);
    // Once, at 320 px, where the tables scroll in their regions (axe on this many cells takes seconds).
    await tab.page.setViewportSize({ width: 320, height: 800 });
    expect(describeViolations(await runAxe(tab.page))).toEqual([]);
    const overflow = await tab.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    const wide = await tab.page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > innerWidth + 1 && !el.closest('.progress-table-wrap'))
        .map((el) => `${el.localName}.${el.className}#${el.id}`)
        .slice(0, 8),
    );
    expect(overflow, `results page wider than 320 px: ${wide.join(', ')}`).toBeLessThanOrEqual(0);
  });

  test('axe finds nothing on /progress/ with a hand-in previewed; the hand-in fits 320 px', async () => {
    const tab = site.axe;
    await tab.visit('/progress/');
    await tab.page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    await tab.page.getByLabel('Your name').fill('Grace Hopper');
    await tab.page.getByRole('button', { name: 'Show what the file will contain' }).click();
    await tab.page.locator('.hand-in-file').waitFor();
    expect(describeViolations(await runAxe(tab.page))).toEqual([]);
    await tab.page.setViewportSize({ width: 320, height: 800 });
    const overflow = await tab.page.locator('.hand-in').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, 'hand-in section wider than 320 px').toBeLessThanOrEqual(0);
  });
});
