// The SCORM packages in an LMS, played by scorm-again (the SCORM run-time LMS integrations use) in Chromium: a
// test page provides the API (API for 1.2, API_1484_11 for 2004) and frames an unzipped package, as an LMS
// does. A lesson is answered (one question wrong first), the cmi values are read back from scorm-again, the
// package is closed, and a relaunch in a new browser profile (nothing in localStorage) from the saved cmi
// data shows every answer again. The largest lesson is relaunched with the fullest suspend_data a student can
// produce, which must fit SCORM 1.2's 4,096 characters.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { encodeSuspendData, SUSPEND_LIMIT } from '../../src/scorm/suspend';
import type { PackageConfig, ScormVersion } from '../../src/scorm/types';
import { launchChromium, startStaticServer, type StaticServer } from './harness.ts';
import { fullestProgress, LAUNCH, packageConfig, scormDir, unzipPackage } from './scorm-fixtures';

const LESSON = 'what-happened';
const KEY = 'course-progress-v1';
const Q = { single: 'l1-what-hit-ain-al-asad', numeric: 'l1-rockets-at-rumalyn', truefalse: 'l1-newest-first' };
const VERSIONS: ScormVersion[] = ['1.2', '2004'];
const zipName = (id: string, v: ScormVersion) => `${id}-scorm${v === '1.2' ? '12' : '2004'}.zip`;
const dirName = (id: string, v: ScormVersion) => `${id}-${v === '1.2' ? '12' : '2004'}`;

const require = createRequire(import.meta.url);
// scorm-again's exports map hides package.json; its main file sits in dist/.
const scormAgainDist = dirname(require.resolve('scorm-again'));

/**
 * The LMS page: scorm-again's API on this window, created from the cmi data in the URL's hash (a relaunch), and
 * the package in a frame. Tests read scorm-again's cmi through window.lmsCmi().
 */
const LMS_PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm12.min.js"></script><script src="scorm2004.min.js"></script>
<script>
  const params = new URLSearchParams(location.search);
  const version = params.get('v');
  const saved = params.get('cmi') ? JSON.parse(params.get('cmi')) : null;
  const settings = { lmsCommitUrl: false, autocommit: false, logLevel: 5 };
  const api = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
  if (saved) api.loadFromJSON(saved, '');
  // ?fail=commit: an LMS whose commits fail (a lost connection to its server, say).
  if (params.get('fail') === 'commit') api.LMSCommit = api.Commit = () => 'false';
  if (params.get('fail') !== 'no-api') window[version === '1.2' ? 'API' : 'API_1484_11'] = api;
  window.lmsCmi = () => JSON.parse(JSON.stringify(api.cmi));
  window.lmsFinished = () => api.isTerminated();
</script></head>
<body><iframe id="sco" style="width:1200px;height:900px" src="${'${PACKAGE}'}"></iframe></body></html>`;

let root: string;
let server: StaticServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'scorm-test-'));
  for (const file of ['scorm12.min.js', 'scorm2004.min.js'])
    writeFileSync(join(root, file), readFileSync(join(scormAgainDist, file)));
  const unpack = (id: string, v: ScormVersion) => {
    for (const [path, bytes] of Object.entries(unzipPackage(zipName(id, v)))) {
      const file = join(root, dirName(id, v), path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, bytes);
    }
  };
  for (const v of VERSIONS) unpack(LESSON, v);
  unpack(largestLesson(), '1.2');
  server = await startStaticServer(root);
  browser = await launchChromium();
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

function largestLesson(): string {
  const lessons = readdirSync(scormDir)
    .filter((n) => n.endsWith('-scorm12.zip') && !n.startsWith('course-'))
    .map((n) => packageConfig(unzipPackage(n)));
  lessons.sort(
    (a, b) => encodeSuspendData(fullestProgress(b), b).length - encodeSuspendData(fullestProgress(a), a).length,
  );
  return lessons[0]!.lessons[0]!;
}

interface Launch {
  page: Page;
  content: FrameLocator;
  cmi(): Promise<Record<string, unknown>>;
  problems: string[];
}

/** The LMS page in a new browser profile, launching the package; `saved` is cmi data from an earlier session. */
async function launch(id: string, v: ScormVersion, saved?: unknown, fail?: 'commit' | 'no-api'): Promise<Launch> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(server.origin) && !r.url().startsWith('about:') && !r.url().startsWith('data:'))
      problems.push(`request outside the package: ${r.url()}`);
  });
  const html = LMS_PAGE.replace('${PACKAGE}', `${dirName(id, v)}/${LAUNCH}`);
  writeFileSync(join(root, `lms-${dirName(id, v)}.html`), html);
  const query = new URLSearchParams({ v, ...(saved ? { cmi: JSON.stringify(saved) } : {}), ...(fail ? { fail } : {}) });
  await page.goto(`${server.origin}/lms-${dirName(id, v)}.html?${query}`);
  const content = page.frameLocator('#sco').frameLocator('#scorm-content');
  return {
    page,
    content,
    cmi: () => page.evaluate(() => (window as unknown as { lmsCmi(): Record<string, unknown> }).lmsCmi()),
    problems,
  };
}

const question = (content: FrameLocator, id: string) => content.locator(`#q-${LESSON}-${id}`);

/** Reads a dotted cmi path ("core.score.raw") from scorm-again's cmi object. */
const at = (cmi: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], cmi);

describe.each(VERSIONS)('SCORM %s package in scorm-again', (v) => {
  let saved: Record<string, unknown>;
  let total: number;

  test('answering a lesson reports score, status and suspend_data after each answer; leaving finishes', async () => {
    const { page, content, cmi, problems } = await launch(LESSON, v);
    total = packageConfig(unzipPackage(zipName(LESSON, v))).questions.length;

    // Wrong first (it will not count as right first time), then right.
    const single = question(content, Q.single);
    await single.scrollIntoViewIfNeeded();
    await single.getByRole('radio', { name: 'Five rockets' }).check();
    await single.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => single.locator('.q-live').innerText()).toMatch(/Not quite|Wrong|Incorrect|not right/i);
    await single.getByRole('button', { name: 'Try again' }).click();
    await single.getByRole('radio', { name: 'At least one armed drone' }).check();
    await single.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => single.locator('.q-live').innerText()).toMatch(/Correct/);

    const numeric = question(content, Q.numeric);
    await numeric.scrollIntoViewIfNeeded();
    await numeric.getByRole('textbox').fill('5');
    await numeric.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => numeric.locator('.q-live').innerText()).toMatch(/Correct/);

    // Committed after that answer: 1 of the lesson's questions right at the first try.
    const raw = String(Number(((1 / total) * 100).toFixed(2)));
    const score = v === '1.2' ? 'core.score.raw' : 'score.raw';
    await expect.poll(async () => at(await cmi(), score)).toBe(raw);

    const tf = question(content, Q.truefalse);
    await tf.scrollIntoViewIfNeeded();
    await tf.getByRole('radio', { name: 'False' }).check();
    await tf.getByRole('button', { name: 'Check answer' }).click();
    const raw2 = String(Number(((2 / total) * 100).toFixed(2)));
    await expect.poll(async () => at(await cmi(), score)).toBe(raw2);

    const now = await cmi();
    if (v === '1.2') {
      expect(at(now, 'core.lesson_status')).toBe('incomplete');
      expect(at(now, 'core.score.min')).toBe('0');
      expect(at(now, 'core.score.max')).toBe('100');
      expect(at(now, 'student_data.mastery_score')).toBe('');
    } else {
      expect(at(now, 'completion_status')).toBe('incomplete');
      expect(at(now, 'success_status')).toBe('unknown');
      expect(at(now, 'score.scaled')).toBe(String(Number((2 / total).toFixed(4))));
      expect(Number(at(now, 'progress_measure'))).toBeCloseTo(3 / (total + 1), 3);
    }
    const suspend = String(at(now, 'suspend_data'));
    expect(suspend).toMatch(/^s3\./);
    expect(suspend.split(';').filter((e) => /^\d/.test(e))).toHaveLength(3);
    // No notice of a failure: the LMS took every value.
    expect(await page.frameLocator('#sco').locator('#scorm-notice').count()).toBe(0);

    // The LMS closes the package: pagehide sends session time and exit, commits and finishes.
    await page.locator('#sco').evaluate((frame: HTMLIFrameElement) => (frame.src = 'about:blank'));
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { lmsFinished(): boolean }).lmsFinished()))
      .toBe(true);
    saved = await cmi();
    if (v === '1.2') {
      expect(at(saved, 'core.exit')).toBe('suspend');
      expect(String(at(saved, 'core.session_time'))).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    } else {
      expect(at(saved, 'exit')).toBe('suspend');
      expect(String(at(saved, 'session_time'))).toMatch(/^PT/);
    }
    expect(problems).toEqual([]);
  });

  test('a relaunch from the saved cmi data, in a browser with nothing stored, shows every answer again', async () => {
    expect(saved, 'the first test saved cmi data').toBeDefined();
    // What an LMS hands back on the next launch: the suspend data, the status, and "resume".
    const carried =
      v === '1.2'
        ? {
            suspend_data: at(saved, 'suspend_data'),
            core: { lesson_status: at(saved, 'core.lesson_status'), entry: 'resume' },
          }
        : {
            suspend_data: at(saved, 'suspend_data'),
            completion_status: at(saved, 'completion_status'),
            entry: 'resume',
          };
    const { content, cmi, problems, page } = await launch(LESSON, v, carried);
    // Islands wake as they scroll into view (client:visible).
    for (const id of Object.values(Q)) await question(content, id).scrollIntoViewIfNeeded();
    await expect
      .poll(() => question(content, Q.single).getByRole('radio', { name: 'At least one armed drone' }).isChecked())
      .toBe(true);
    expect(await question(content, Q.numeric).getByRole('textbox').inputValue()).toBe('5');
    expect(await question(content, Q.truefalse).getByRole('radio', { name: 'False' }).isChecked()).toBe(true);
    // The first try is remembered: the single question still does not count as right first time.
    const raw = String(Number(((2 / total) * 100).toFixed(2)));
    await expect.poll(async () => at(await cmi(), v === '1.2' ? 'core.score.raw' : 'score.raw')).toBe(raw);
    const stored = await page
      .frameLocator('#sco')
      .frameLocator('#scorm-content')
      .locator('body')
      .evaluate((_, key) => localStorage.getItem(key), KEY);
    expect(Object.keys((JSON.parse(stored!) as { answers: object }).answers)).toHaveLength(3);
    expect(problems).toEqual([]);
  });
});

describe('the largest lesson’s fullest suspend_data', () => {
  test('fits SCORM 1.2 (every package does), and a relaunch with it restores every answer', async () => {
    for (const name of readdirSync(scormDir).filter((n) => n.endsWith('.zip'))) {
      const config: PackageConfig = packageConfig(unzipPackage(name));
      const length = encodeSuspendData(fullestProgress(config), config).length;
      expect(length, name).toBeLessThanOrEqual(SUSPEND_LIMIT[config.version]);
      expect(length, `${name} in 1.2`).toBeLessThanOrEqual(SUSPEND_LIMIT['1.2']);
    }
    const id = largestLesson();
    const config = packageConfig(unzipPackage(zipName(id, '1.2')));
    const progress = fullestProgress(config);
    const suspend = encodeSuspendData(progress, config);
    const { page, cmi, problems } = await launch(id, '1.2', { suspend_data: suspend, core: { entry: 'resume' } });
    const content = page.frameLocator('#sco').frameLocator('#scorm-content');
    await expect.poll(async () => at(await cmi(), 'suspend_data')).toBe(suspend);
    // Every question answered and the lesson read: complete, so 1.2 says passed or failed against the mastery score.
    const firstTimeShare =
      Object.values(progress.answers).filter((a) => a.firstTryRight).length / config.questions.length;
    expect(at(await cmi(), 'core.score.raw')).toBe(String(Number((firstTimeShare * 100).toFixed(2))));
    expect(at(await cmi(), 'core.lesson_status')).toBe(firstTimeShare >= config.masteryScore ? 'passed' : 'failed');
    const stored = await content.locator('body').evaluate((_, key) => localStorage.getItem(key), KEY);
    const answers = (JSON.parse(stored!) as { answers: Record<string, { response: unknown }> }).answers;
    expect(Object.keys(answers).sort()).toEqual(Object.keys(progress.answers).sort());
    for (const [key, record] of Object.entries(progress.answers))
      expect(answers[key]!.response, key).toEqual(record.response);
    // The islands show the restored answers: the quizzes' score lines add up to the right-first-time count.
    const scores = content.locator('.quiz-score');
    for (let i = 0; i < (await scores.count()); i++) await scores.nth(i).scrollIntoViewIfNeeded();
    const firstTime = Object.values(progress.answers).filter((a) => a.firstTryRight).length;
    await expect
      .poll(async () =>
        (await scores.allInnerTexts())
          .map((t) => Number(/Right first time: (\d+) of \d+/.exec(t)?.[1] ?? NaN))
          .reduce((a, b) => a + b, 0),
      )
      .toBe(firstTime);
    expect(await page.frameLocator('#sco').locator('#scorm-notice').count()).toBe(0);
    expect(problems).toEqual([]);
    console.log(`largest lesson ${id}: fullest suspend_data ${suspend.length} characters`);
  });
});

describe('when the LMS fails', () => {
  test('a failed commit is shown to the student, and the answer stays saved in the browser', async () => {
    const { page, content, problems } = await launch(LESSON, '1.2', undefined, 'commit');
    const numeric = question(content, Q.numeric);
    // Questions wake when scrolled near (client:visible); until then their controls are disabled.
    await numeric.scrollIntoViewIfNeeded();
    await numeric.getByRole('textbox').fill('5');
    await numeric.getByRole('button', { name: 'Check answer' }).click();
    const notice = page.frameLocator('#sco').locator('#scorm-notice');
    await expect.poll(() => notice.innerText()).toMatch(/did not save your latest answer.*kept in this browser/s);
    expect(await notice.getAttribute('role')).toBe('alert');
    const stored = await content.locator('body').evaluate((_, key) => localStorage.getItem(key), KEY);
    expect(stored).toContain(Q.numeric);
    expect(problems).toEqual([]);
  });

  test('without an LMS the package works as the site, saving locally, and says it is not connected', async () => {
    const { page, content, problems } = await launch(LESSON, '2004', undefined, 'no-api');
    await expect.poll(() => page.frameLocator('#sco').locator('#scorm-notice').innerText()).toMatch(/Not connected/);
    const tf = question(content, Q.truefalse);
    await tf.scrollIntoViewIfNeeded();
    await tf.getByRole('radio', { name: 'False' }).check();
    await tf.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => tf.locator('.q-live').innerText()).toMatch(/Correct/);
    expect(await content.locator('body').evaluate((_, key) => localStorage.getItem(key), KEY)).toContain(Q.truefalse);
    expect(problems).toEqual([]);
  });
});
