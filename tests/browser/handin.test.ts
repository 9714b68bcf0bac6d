// Hand-ins end to end, in Chromium against the built site: a student hands in from /progress/ by keyboard alone,
// then the instructor's results page opens that file with 29 classmates' and 8 others (an earlier copy of one
// student's, two made with other versions of the content, and 5 hostile files), once by keyboard and once dropped,
// and shows the expected figures, the versions and the bad files with their reasons, markup as text, a CSV with
// formulas defused, a sortable table and a lesson filter; axe finds nothing on either page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { manifestFromContent } from '../../scripts/lib/handin-course.ts';
import { handInText, parseHandIn, sealHandIn, type HandIn, type HandInBody } from '../../src/handin/format.ts';
import { repoRoot } from '../built-site.ts';
import { describeViolations, downloadedText, loadProblems, openSite, runAxe, type Site, type Tab } from './harness.ts';

const course = manifestFromContent(repoRoot);
const [lesson1] = course.lessons;
const [q1, q2] = lesson1!.questions;
const textQuestion = lesson1!.questions.find((q) => q.labels.type === 'text')!;
const at = Date.UTC(2024, 4, 6, 9, 0);

// The student's own progress (format v2): q1 right first time; q2 "3" at the first try, then "4", then "Show
// answer", so its first response is stored apart from the last (src/progress/record.ts).
const record = (hash: string, response: unknown, right: boolean, revealed: boolean, firstResponse?: unknown) => ({
  hash,
  response,
  correct: right,
  score: right ? 1 : 0,
  attempts: firstResponse === undefined ? 1 : 2,
  firstAt: at,
  lastAt: at,
  firstTryRight: right,
  roundAt: at,
  roundAttempts: firstResponse === undefined ? 1 : 2,
  roundFirstRight: right,
  revealed,
  ...(firstResponse !== undefined && { firstResponse }),
});
const progress = JSON.stringify({
  version: 2,
  updatedAt: at,
  lessons: { [lesson1!.id]: { openedAt: at - 1000 } },
  answers: {
    [`${lesson1!.id}/${q1!.id}`]: record(q1!.hash, { type: 'single', option: 'drone' }, true, false),
    [`${lesson1!.id}/${q2!.id}`]: record(q2!.hash, { type: 'numeric', value: '4' }, false, true, {
      type: 'numeric',
      value: '3',
    }),
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

/**
 * The 29 classmates: q1 right first time for 20 of them, "ballistic" first for 8, and for the last one a wrong first
 * try whose response is not known (three attempts, saved before the site kept first responses); nothing else.
 */
function classmates(mine: HandIn): HandIn[] {
  return Array.from({ length: 29 }, (_, i) =>
    variant(mine, (body) => {
      body.name = i === 0 ? '=SUM(A1:A9)' : `Classmate ${String(i).padStart(2, '0')}`;
      body.handedInAt = at + (i + 1) * 60_000;
      unanswered(body);
      const first = body.questions.find((q) => q.lesson === lesson1!.id && q.id === q1!.id)!;
      Object.assign(first, {
        attempts: i < 20 ? 1 : i < 28 ? 2 : 3,
        firstResponse: i < 28 ? { type: 'single', option: i < 20 ? 'drone' : 'ballistic' } : null,
        firstCorrect: i < 20,
        mastered: i < 20,
      });
    }),
  );
}

const file = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
const MARKUP = '<img src=x onerror="window.__pwned=1">';

/** A file made with other content: q2 answered (wrong, first "5") in a version of it this page does not have. */
const otherVersion = (mine: HandIn, name: string, handedInAt: number) =>
  variant(mine, (body) => {
    Object.assign(body, { name, handedInAt, contentVersion: 'other-content' });
    unanswered(body);
    Object.assign(
      body.questions.find((q) => q.lesson === lesson1!.id && q.id === q2!.id)!,
      {
        hash: 'an-older-hash',
        attempts: 2,
        firstResponse: { type: 'numeric', value: '5' },
        firstCorrect: false,
      },
    );
  });

/** A student named with markup, whose one answer (to the lesson's text question) is markup too. */
const markupFile = (mine: HandIn) =>
  variant(mine, (body) => {
    body.name = MARKUP;
    unanswered(body);
    Object.assign(
      body.questions.find((q) => q.lesson === lesson1!.id && q.id === textQuestion.id)!,
      {
        attempts: 1,
        firstResponse: { type: 'text', value: MARKUP },
        firstCorrect: false,
      },
    );
  });

function instructorFiles(mine: HandIn) {
  const classmatesFiles = classmates(mine);
  const earlier = variant(classmatesFiles[5]!, (body) => (body.handedInAt = at - 86_400_000));
  // Before this page was built (an older version of the content), and after it (a newer one).
  const older = otherVersion(mine, 'Classmate 30', at);
  const newer = otherVersion(mine, 'Classmate 31', Date.UTC(2200, 0, 1));
  const proto = handInText(mine).replace('"format"', '"__proto__": { "polluted": true }, "format"');
  return [
    file('mine.json', handInText(mine)),
    ...classmatesFiles.map((h, i) => file(`classmate-${i}.json`, handInText(h))),
    file('classmate-5-earlier.json', handInText(earlier)),
    file('older-content.json', handInText(older)),
    file('newer-content.json', handInText(newer)),
    file('malformed.json', handInText(mine).slice(0, 300)),
    file('huge.json', ' '.repeat(300 * 1024)),
    file('proto.json', proto),
    file('other-course.json', handInText(variant(mine, (body) => (body.course = 'another-course')))),
    file('markup.json', handInText(markupFile(mine))),
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
  /** Opens the class's files by keyboard (the file chooser, offline once the page is loaded) or by dropping them. */
  const open = async (tab: Tab, how: 'keyboard' | 'drop') => {
    const log = await tab.visit('/instructors/results/');
    await tab.page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    const files = instructorFiles(mine);
    if (how === 'keyboard') {
      // Once loaded, the page needs no network: the files are read and counted offline.
      await tab.page.context().setOffline(true);
      await tabTo(tab.page, tab.page.locator('#handin-files'));
      const [chooser] = await Promise.all([tab.page.waitForEvent('filechooser'), tab.page.keyboard.press('Space')]);
      await chooser.setFiles(files);
    } else {
      const dropped = files.map(({ name, buffer }) => ({ name, text: buffer.toString('utf8') }));
      await tab.page.locator('.drop-zone').evaluate((zone, list) => {
        const transfer = new DataTransfer();
        for (const { name, text } of list) transfer.items.add(new File([text], name, { type: 'application/json' }));
        zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }, dropped);
    }
    await expect
      .poll(() => tab.page.locator('.results-status').innerText(), { timeout: 10_000 })
      .toMatch(/^Opened 38 files/);
    return log;
  };

  test('shows the figures, the bad files with reasons, the set-aside copy, and runs nothing from a file', async () => {
    const tab = await site.freshProfile();
    const log = await open(tab, 'keyboard');
    const page = tab.page;
    expect(await page.locator('.results-status').innerText()).toBe(
      'Opened 38 files: 34 hand-ins loaded, 4 files could not be used (listed below). 33 students in the class table; 1 earlier hand-in set aside.',
    );
    const rejected = await page.locator('.rejected-files li').allInnerTexts();
    expect(rejected).toHaveLength(4);
    expect(rejected.find((t) => t.startsWith('malformed.json'))).toMatch(/damaged or cut short/);
    expect(rejected.find((t) => t.startsWith('huge.json'))).toMatch(/at most 256 KB/);
    expect(rejected.find((t) => t.startsWith('proto.json'))).toMatch(/“__proto__”/);
    expect(rejected.find((t) => t.startsWith('other-course.json'))).toMatch(/another course \(“another-course”\)/);
    const notes = await page.locator('.results-notes').innerText();
    expect(notes).toMatch(
      /Classmate 05 handed in more than once: kept the latest, classmate-5\.json .* set aside classmate-5-earlier\.json/,
    );
    // Made with other content: loaded, flagged older or newer, the changed question shown as changed.
    expect(notes).toContain(
      'older-content.json (Classmate 30) was made with an older version of the course content: 1 question changed since and 0 no longer in the course; those answers are shown as changed and not counted.',
    );
    expect(notes).toContain(
      'newer-content.json (Classmate 31) was made with a newer version of the course content than this page (reload it to get the newest): 1 question changed since',
    );
    const olderRow = page.locator('#class-table tbody tr', { hasText: 'Classmate 30' });
    expect(await olderRow.locator('td').nth(2).innerText()).toBe(`0 of ${lesson1!.questions.length} (1 changed)`);

    expect(await page.locator('#class-table tbody tr').count()).toBe(33);
    const adaRow = page.locator('#class-table tbody tr', { hasText: 'Ada Lovelace' });
    expect(await adaRow.locator('td').nth(2).innerText()).toBe(`1 of ${lesson1!.questions.length}`);
    // Markup in a name is shown as its text; nothing in it ran or became an element.
    expect(await page.locator('#class-table tbody th', { hasText: 'onerror' }).innerText()).toBe(MARKUP);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');

    const cells = async (id: string) =>
      page.locator(`#question-table tr[data-question="${lesson1!.id}/${id}"] td`).allInnerTexts();
    // q1: Ada and 20 classmates right first time, 8 chose "ballistic" first, 1 first response not known: 21 of 30.
    expect(await cells(q1!.id)).toEqual([
      '30',
      '70%',
      '0%',
      'Ballistic missiles fired from Iran (8) (first response not known for 1 student)',
      '0',
    ]);
    // A response in markup is shown as its text too.
    expect(await cells(textQuestion.id)).toEqual(['1', '0%', '0%', `“${MARKUP}” (1)`, '0']);
    // q2: only Ada answered it as it is now: "3" at first (then "4"), then revealed; two answered another version.
    expect(await cells(q2!.id)).toEqual(['1', '0%', '100%', '3 rockets (1)', '2']);
    expect(await page.locator('.objectives-open').innerText()).toContain(lesson1!.objectives[0]!.text);

    // Sort by name, by keyboard: ascending, then descending.
    const nameSort = page.locator('#class-table thead button', { hasText: /^Name/ });
    const nameHeader = page.locator('#class-table thead th').first();
    await tabTo(page, nameSort);
    await page.keyboard.press('Enter');
    expect(await nameHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('#class-table tbody th').first().innerText()).toBe('Classmate 31');
    await page.keyboard.press('Enter');
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await page.locator('#class-table tbody th').first().innerText()).toBe(MARKUP);

    // CSV: header, formulas defused, markup as plain text.
    const csvButton = page.getByRole('button', { name: 'Export class table as CSV' });
    await tabTo(page, csvButton);
    const csv = await downloadText(page, () => page.keyboard.press('Enter'));
    expect(csv.name).toMatch(/^class-results-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toMatch(/^\ufeffName,Class,Handed in \(UTC\),1\. .*: right first time \(%\),/);
    expect(lines).toHaveLength(35);
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
    // By keyboard too: the last lesson is the last choice of the list.
    await tabTo(page, page.getByLabel('Show', { exact: true }));
    await page.keyboard.press('End');
    await expect.poll(() => page.getByLabel('Show', { exact: true }).inputValue()).toBe(last.id);
    expect(await page.locator('#question-table tbody tr').count()).toBe(last.questions.length);
    expect(await page.locator('#class-table thead th').count()).toBe(5);

    await page.context().setOffline(false);
    expect(loadProblems(log)).toEqual([]);
    expect(log.cspViolations).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
  });

  test('files dropped on the page load the same; axe finds nothing with the class loaded at 320 px, and it fits', async () => {
    const tab = site.axe;
    const log = await open(tab, 'drop');
    expect(await tab.page.locator('.results-status').innerText()).toMatch(/34 hand-ins loaded, 4 files could not/);
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
