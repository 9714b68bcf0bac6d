// The same code building another course: examples/harbour (three reports of one fire, another title), built here
// with COURSE_DIR into dist-harbour/. Its home page, report index, readings and an attribution question over three
// reports work, in every grading state, and a student hands its first response in with a class from the course
// file; its exports carry its site address; and nothing of the real course's wording is anywhere in it.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { HandIn } from '../../src/handin/format.ts';
import { repoRoot } from '../built-site.ts';
import { loadProblems, openSite, type Site } from './harness.ts';

const out = join(repoRoot, 'dist-harbour');
const LESSON = 'three-accounts';
const QUESTION = 'ff-who-says-2am';

let site: Site;
beforeAll(async () => {
  rmSync(out, { recursive: true, force: true });
  const astro = join(repoRoot, 'node_modules/astro/bin/astro.mjs');
  const build = spawnSync(process.execPath, [astro, 'build', '--outDir', out], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, COURSE_DIR: 'examples/harbour', COURSE_SITE_URL: '' },
  });
  if (build.status !== 0) throw new Error(`the sample course did not build:\n${build.stdout}${build.stderr}`);
  site = await openSite(out);
});
afterAll(async () => {
  await site?.close();
  rmSync(out, { recursive: true, force: true });
});

const texts = (page: Page, selector: string) => page.locator(selector).allInnerTexts();

describe('a course of three reports, from the same code', () => {
  test('the home page says what its course file says, and counts from the content', async () => {
    const log = await site.strict.visit('/');
    expect(loadProblems(log)).toEqual([]);
    const page = site.strict.page;
    expect(await page.title()).toBe('Harbour Watch: Three reports on the Port Ellery warehouse fire');
    expect(await page.locator('h1').innerText()).toBe('Harbour Watch: Three reports on the Port Ellery warehouse fire');
    expect(await page.locator('.lede').innerText()).toMatch(/^One night in March, a warehouse on the Port Ellery quay/);
    expect(await texts(page, '.steps li')).toEqual([
      'Read the three reports, one after the other.',
      'Compare what they say. Some details are in one report only.',
    ]);
    expect(await page.locator('#lessons + .section-intro').innerText()).toMatch(/^Two short lessons, in order/);
    expect(await page.locator('section[aria-labelledby="readings"] .card').count()).toBe(3);
    expect(await page.locator('.site-footer').innerText()).toContain(
      'Harbour Watch is a practice course on three reports of a warehouse fire.',
    );
  });

  test('the report index lists the three reports, and each is shown whole', async () => {
    await site.strict.visit('/reports/');
    const page = site.strict.page;
    expect(await page.locator('.card .kicker').allTextContents()).toEqual(['The Herald', 'Coast Wire', 'City Radio']);
    for (const [id, count] of [
      ['herald', 3],
      ['coast-wire', 3],
      ['city-radio', 2],
    ] as const) {
      const log = await site.strict.visit(`/reports/${id}/`);
      expect(loadProblems(log), id).toEqual([]);
      for (let n = 1; n <= count; n++) expect(await page.locator(`#p${n}`).count(), `${id} #p${n}`).toBe(1);
    }
  });

  test('the lesson reads all three reports', async () => {
    await site.strict.visit(`/lessons/${LESSON}/`);
    const body = await site.strict.page.locator('main').innerText();
    for (const label of ['The Herald', 'Coast Wire', 'City Radio']) expect(body).toContain(label);
  });

  test('an attribution question over three reports, in each grading state', async () => {
    const tab = await site.freshProfile();
    const log = await tab.visit(`/lessons/${LESSON}/`, { wakeIslands: true });
    expect(loadProblems(log)).toEqual([]);
    const form = tab.page.locator(`#q-${LESSON}-${QUESTION}`);
    const box = (name: string) => form.getByRole('checkbox', { name });
    const live = form.locator('.q-live');
    const check = () => form.getByRole('button', { name: 'Check answer' }).click();
    expect(await form.getByRole('checkbox').count()).toBe(4);

    // Nothing ticked: not an answer yet; Check says what to do rather than grading.
    const button = form.getByRole('button', { name: 'Check answer' });
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    const hint = await button.getAttribute('aria-describedby');
    expect(await tab.page.locator(`[id="${hint}"]`).innerText()).toBe('Choose an answer first.');

    // One of the two: wrong, with the feedback written for exactly that choice.
    await box('The Herald says it').check();
    await check();
    await expect.poll(() => live.innerText()).toMatch(/Not quite/);
    expect(await live.innerText()).toContain('The Herald says so (paragraph 2), but it is not the only one.');

    // "None of them" clears the others, and is wrong here too.
    await box('None of them says it').check();
    expect(await box('The Herald says it').isChecked()).toBe(false);
    await check();
    await expect.poll(() => live.innerText()).toMatch(/Not quite/);
    expect(await live.innerText()).toContain('Two of the reports give the time.');

    // Both that say it: right.
    await box('The Herald says it').check();
    expect(await box('None of them says it').isChecked()).toBe(false);
    await box('City Radio says it').check();
    await check();
    await expect.poll(() => live.innerText()).toMatch(/Correct/);

    // Kept across a reload, as every answer is: the same boxes ticked.
    await tab.visit(`/lessons/${LESSON}/`, { wakeIslands: true });
    await expect.poll(() => box('City Radio says it').isChecked()).toBe(true);
    expect(await box('The Herald says it').isChecked()).toBe(true);
    expect(await box('Coast Wire says it').isChecked()).toBe(false);

    // Issue 15, end to end: the lesson's end leads to "Hand in my results"; the course file's classes are offered;
    // the file holds the first response (The Herald alone), not the last; the results page names it.
    await tab.page.getByRole('link', { name: 'Hand in my results' }).click();
    await tab.page.waitForURL(/\/progress\/#hand-in$/);
    await tab.page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    const classes = await tab.page.getByLabel('Your class').locator('option').allInnerTexts();
    expect(classes).toEqual(['Choose…', 'Group A', 'Group B']);
    await tab.page.getByLabel('Your name').fill('Ada Lovelace');
    await tab.page.getByLabel('Your class').selectOption('Group B');
    await tab.page.getByRole('button', { name: 'Show what the file will contain' }).click();
    const file = JSON.parse(await tab.page.locator('.hand-in-file').innerText()) as HandIn;
    expect(file).toMatchObject({ name: 'Ada Lovelace', class: 'Group B' });
    expect(file.questions.find((q) => q.id === QUESTION)).toMatchObject({
      attempts: 3,
      firstCorrect: false,
      firstResponse: { type: 'attribution', reports: ['herald'] },
    });

    const results = await tab.visit('/instructors/results/');
    expect(loadProblems(results)).toEqual([]);
    await tab.page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    await tab.page.locator('#handin-files').setInputFiles({
      name: 'ada.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect.poll(() => tab.page.locator('#class-table tbody tr').count()).toBe(1);
    expect(await tab.page.locator('#class-table tbody tr td').first().innerText()).toBe('Group B');
    const row = tab.page.locator(`#question-table tr[data-question="${LESSON}/${QUESTION}"] td`);
    expect(await row.allInnerTexts()).toEqual(['1', '0%', '0%', 'The Herald (1)', '0']);
  });

  test('exports carry its own site address and its attribution question as multiple answers', () => {
    const gift = readFileSync(join(out, 'exports/course.gift'), 'utf8');
    expect(gift.split('\n')[0]).toBe(
      '// Harbour Watch: questions exported from the course site (https://harbour.example.org/).',
    );
    expect(gift).not.toContain('NOT FOR PUBLICATION');
    const question = gift.slice(gift.indexOf(`::${QUESTION}::`));
    expect(question).toContain('~%50%The Herald says it');
    expect(question).toContain('~%50%City Radio says it');
    expect(question).toContain('~%-50%Coast Wire says it');
    expect(question).toContain('~%-50%None of them says it');
  });

  test('no page or file of it holds the real course’s wording', () => {
    const words = /two (short )?(news )?reports|Iraq|Syria|six (short )?lessons|Behind the Headlines|April 2024/i;
    const files = readdirSync(out, { recursive: true })
      .map(String)
      .filter((f) => /\.(html|js|gift|json|txt|xml)$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((f) => {
      const match = words.exec(readFileSync(join(out, f), 'utf8'));
      return match ? [`${f}: ${match[0]}`] : [];
    });
    expect(found).toEqual([]);
  });
});
