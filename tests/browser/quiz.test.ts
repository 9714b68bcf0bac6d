// The quizzes as a student meets them, in Chromium against the built site: a whole quiz by keyboard alone,
// progress that survives reloads and other tabs, every way storage can fail, import/export on /progress/, and
// axe in each quiz state. Storage is patched with addInitScript, before any of the page's scripts run. The tests
// run at the same time, each in a browser profile of its own.
import { afterAll, beforeAll, describe, expect, test, type ExpectStatic } from 'vitest';
import type { Page } from 'playwright-core';
import { axeInBothSchemes, downloadedText, loadProblems, openSite, Tab, type Site } from './harness.ts';

const LESSON = '/lessons/what-happened/';
const LESSON_ID = 'what-happened';
const KEY = 'course-progress-v1';
const Q = {
  single: 'l1-what-hit-ain-al-asad',
  numeric: 'l1-rockets-at-rumalyn',
  truefalse: 'l1-newest-first',
  evidence: 'l1-evidence-no-casualties',
  ordering: 'l1-order-the-weekend',
} as const;
const ORDER = [
  'A deadly explosion hits a military base in Iraq',
  'Rockets are fired towards US forces at Rumalyn, Syria',
  'An armed drone is launched at Ain al-Asad air base, Iraq',
];

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const freshTab = (init?: () => void): Promise<Tab> => site.freshProfile(init);

const question = (page: Page, id: string) => page.locator(`#q-${LESSON_ID}-${id}`);
const firstScore = (page: Page) => page.locator('section.quiz .quiz-score').first();
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);

async function openLesson(tab: Tab): Promise<void> {
  const log = await tab.visit(LESSON, { wakeIslands: true });
  expect(loadProblems(log), `${LESSON}: problems while loading`).toEqual([]);
}

/** Presses Tab until `target` has focus (at most `limit` times); keyboard only. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

async function checkByKeyboard(page: Page, id: string): Promise<void> {
  await tabTo(page, question(page, id).getByRole('button', { name: 'Check answer' }));
  await page.keyboard.press('Enter');
}

async function answerSingleByMouse(page: Page, option: string): Promise<void> {
  const form = question(page, Q.single);
  const again = form.getByRole('button', { name: 'Try again' });
  if ((await again.count()) > 0) await again.click();
  await form.getByRole('radio', { name: option }).check();
  await form.getByRole('button', { name: 'Check answer' }).click();
}

describe.concurrent('a quiz on a lesson page', () => {
  test('can be done by keyboard alone, and a reload keeps every answer', async ({ expect }) => {
    const tab = await freshTab();
    const page = tab.page;
    await openLesson(tab);
    // Start just before the quiz, as a keyboard user arriving at it would.
    await page.locator('#quiz-l1-the-two-attacks').evaluate((heading: HTMLElement) => {
      heading.tabIndex = -1;
      heading.focus();
    });

    await tabTo(page, question(page, Q.single).getByRole('radio').first());
    await page.keyboard.press('Space'); // the first option, "At least one armed drone", is right
    await checkByKeyboard(page, Q.single);
    await expect.poll(() => question(page, Q.single).locator('.q-live').innerText()).toMatch(/Correct/);

    await tabTo(page, question(page, Q.numeric).getByRole('textbox'));
    await page.keyboard.type('2.5k');
    expect(await question(page, Q.numeric).locator('.q-hint').innerText()).toMatch(/digits/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await expect.poll(() => question(page, Q.numeric).locator('.q-live').innerText()).toMatch(/Correct/);

    await tabTo(page, question(page, Q.truefalse).getByRole('radio').first());
    await page.keyboard.press('ArrowDown'); // selects False
    expect(await question(page, Q.truefalse).getByRole('radio', { name: 'False' }).isChecked()).toBe(true);
    await checkByKeyboard(page, Q.truefalse);
    await expect.poll(() => question(page, Q.truefalse).locator('.q-live').innerText()).toMatch(/Correct/);

    await tabTo(page, question(page, Q.evidence).getByRole('radio').first());
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown'); // paragraph 4
    expect(
      await question(page, Q.evidence)
        .getByRole('radio', { name: /Paragraph 4:/ })
        .isChecked(),
    ).toBe(true);
    await checkByKeyboard(page, Q.evidence);
    await expect.poll(() => question(page, Q.evidence).locator('.q-live').innerText()).toMatch(/Correct/);

    const ordering = question(page, Q.ordering);
    const shown = () => ordering.locator('.q-order-text').allInnerTexts();
    for (let guard = 0; guard < 6 && (await shown()).join('|') !== ORDER.join('|'); guard++) {
      const current = await shown();
      const index = current.findIndex((text, i) => text !== ORDER[i]);
      const wanted = ORDER[index]!;
      const up = ordering.getByRole('button', { name: `Move up: ${wanted}` });
      await tabTo(page, up);
      for (let at = current.indexOf(wanted); at > index; at--) {
        await page.keyboard.press('Enter');
        // Focus follows the moved item.
        expect(await up.evaluate((el) => el === document.activeElement)).toBe(true);
      }
    }
    expect(await shown()).toEqual(ORDER);
    expect(await ordering.locator('[aria-live="polite"]').first().innerText()).toMatch(/moved to position 1 of 3/);
    await checkByKeyboard(page, Q.ordering);
    await expect.poll(() => ordering.locator('.q-live').innerText()).toMatch(/Correct/);

    await expect.poll(() => firstScore(page).innerText()).toMatch(/Right first time: 5 of 5 .*· mastered$/);

    await openLesson(tab);
    await expect.poll(() => firstScore(page).innerText()).toMatch(/Right first time: 5 of 5/);
    expect(await question(page, Q.single).getByRole('radio', { name: 'At least one armed drone' }).isChecked()).toBe(
      true,
    );
    expect(await question(page, Q.numeric).getByRole('textbox').inputValue()).toBe('5');
    expect(await question(page, Q.ordering).locator('.q-order-text').allInnerTexts()).toEqual(ORDER);
  });

  test('a question far down the page takes a choice before its island wakes, and keeps it when it does', async ({
    expect,
  }) => {
    const tab = await freshTab();
    const page = tab.page;
    const log = await tab.visit(LESSON);
    expect(loadProblems(log)).toEqual([]);
    const last = page.locator('astro-island:has(input[type=radio])').last();
    // Not yet near the viewport: still the server's HTML, and its controls work (never disabled).
    expect(await last.getAttribute('ssr')).not.toBeNull();
    expect(await last.locator('input:disabled, button:disabled, fieldset:disabled').count()).toBe(0);
    // Chosen without scrolling, as a keyboard user's arrow key would: the island is still asleep.
    const value = await last
      .locator('input[type=radio]')
      .first()
      .evaluate((input: HTMLInputElement) => {
        input.click();
        return input.value;
      });
    expect(await last.getAttribute('ssr')).not.toBeNull();
    await last.locator('form.question').scrollIntoViewIfNeeded();
    await expect.poll(() => last.getAttribute('ssr')).toBeNull();
    const radio = last.locator(`input[type=radio][value="${value}"]`);
    expect(await radio.isChecked()).toBe(true);
    // The island took the choice as its own: the answer can be checked.
    expect(await last.getByRole('button', { name: 'Check answer' }).getAttribute('aria-disabled')).toBeNull();
  });

  test('checking an answer shows the verdict before the next frame is drawn', async ({ expect }) => {
    const tab = await freshTab();
    await openLesson(tab);
    // Not a timing: requestAnimationFrame callbacks run just before the browser draws the next frame, so the
    // verdict must already be in the page by then (no fetch, no lazy import, no deferred render on the way).
    const shown = await question(tab.page, Q.single).evaluate(async (form: HTMLFormElement) => {
      form.querySelector<HTMLInputElement>('input[type=radio]')!.click();
      await new Promise((done) => requestAnimationFrame(done));
      return new Promise<string>((done) => {
        form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        requestAnimationFrame(() => done(form.querySelector('.q-live')!.textContent ?? ''));
      });
    });
    expect(shown).toMatch(/Correct/);
  });

  test('two tabs converge: answers from each survive a reload, and a reset in one shows in the other', async ({
    expect,
  }) => {
    const first = await freshTab();
    const second = new Tab(await first.page.context().newPage(), site.origin);
    await openLesson(first);
    await openLesson(second);
    await answerSingleByMouse(first.page, 'At least one armed drone');
    await expect.poll(() => firstScore(second.page).innerText()).toMatch(/Right first time: 1 of 5/);

    const tf = question(second.page, Q.truefalse);
    await tf.getByRole('radio', { name: 'False' }).check();
    await tf.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => firstScore(first.page).innerText()).toMatch(/Right first time: 2 of 5/);

    await openLesson(first);
    await openLesson(second);
    for (const tab of [first, second])
      await expect.poll(() => firstScore(tab.page).innerText()).toMatch(/Right first time: 2 of 5/);

    await second.visit('/progress/');
    await second.page.getByRole('button', { name: /Reset all progress/ }).click();
    await second.page.getByRole('button', { name: 'Yes, reset everything' }).click();
    await expect.poll(() => firstScore(first.page).innerText()).toMatch(/Right first time: 0 of 5/);
    expect(
      await question(first.page, Q.single).getByRole('radio', { name: 'At least one armed drone' }).isChecked(),
    ).toBe(false);
  });
});

describe.concurrent('when storage fails', () => {
  test('blocked storage: quizzes work and a visible notice says progress will not be saved', async ({ expect }) => {
    const tab = await freshTab(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await openLesson(tab);
    await expect
      .poll(() => tab.page.locator('.save-notice').first().innerText())
      .toMatch(/not letting the course save progress/);
    await answerSingleByMouse(tab.page, 'At least one armed drone');
    const live = question(tab.page, Q.single).locator('.q-live');
    await expect.poll(() => live.innerText()).toMatch(/Correct/);
    expect(await live.innerText()).toMatch(/Not saved/);
  });

  test('a full storage: the answer stays on screen marked unsaved, export is offered, the earlier save is untouched', async ({
    expect,
  }) => {
    const earlier = JSON.stringify({
      version: 1,
      updatedAt: 1_700_000_000_000,
      lessons: {},
      answers: {
        [`${LESSON_ID}/${Q.truefalse}`]: {
          hash: 'from-before',
          response: { type: 'truefalse', value: false },
          correct: true,
          score: 1,
          attempts: 1,
          firstAt: 1_700_000_000_000,
          lastAt: 1_700_000_000_000,
        },
      },
    });
    const tab = await freshTab();
    await tab.visit('/');
    await tab.page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, earlier]);
    await tab.page.context().addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await openLesson(tab);
    await answerSingleByMouse(tab.page, 'Five rockets');
    const live = question(tab.page, Q.single).locator('.q-live');
    await expect.poll(() => live.innerText()).toMatch(/Not quite/);
    expect(await live.innerText()).toMatch(/Not saved/);
    expect(await live.getByRole('link', { name: 'Export your progress' }).getAttribute('href')).toBe('/progress/');
    expect(await stored(tab.page)).toBe(earlier);
  });

  test('damaged data: the site starts, readable answers are kept, the raw text is backed up, a notice says so', async ({
    expect,
  }) => {
    const damaged = `{"version":1,"updatedAt":5,"lessons":{"what-happened":"oops"},"answers":{"${LESSON_ID}/${Q.single}":{"hash":"x","response":{"type":"single","option":"drone"},"correct":true,"score":1,"attempts":1,"firstAt":1,"lastAt":2},"bad key":7}}`;
    const tab = await freshTab();
    await tab.visit('/');
    await tab.page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, damaged]);
    await openLesson(tab);
    await expect.poll(() => tab.page.locator('.save-notice').first().innerText()).toMatch(/damaged/);
    // The answer was kept; it was saved for another version of the question (hash "x"), so the question starts
    // fresh and says so (issue 11 case 1), rather than show an answer that no longer fits.
    await expect
      .poll(() => question(tab.page, Q.single).locator('.q-notice').innerText())
      .toMatch(/changed since you answered/);
    const backups = await tab.page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('course-progress-backup-'))
        .map((k) => localStorage.getItem(k)),
    );
    expect(backups).toEqual([damaged]);

    const tab2 = await freshTab();
    await tab2.visit('/');
    await tab2.page.evaluate((key) => localStorage.setItem(key, '{not json'), KEY);
    await openLesson(tab2);
    await expect.poll(() => tab2.page.locator('.save-notice').first().innerText()).toMatch(/damaged/);
  });

  test('data from a newer version: shown, never written over, with a notice', async ({ expect }) => {
    const newer = JSON.stringify({
      version: 99,
      updatedAt: 10,
      lessons: {},
      answers: {
        [`${LESSON_ID}/${Q.single}`]: {
          hash: 'x',
          response: { type: 'single', option: 'drone' },
          correct: true,
          score: 1,
          attempts: 1,
          firstAt: 1,
          lastAt: 2,
          firstTryRight: true,
          roundAt: 1,
          roundAttempts: 1,
          roundFirstRight: true,
          revealed: false,
        },
      },
    });
    const tab = await freshTab();
    await tab.visit('/');
    await tab.page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, newer]);
    await openLesson(tab);
    await expect.poll(() => tab.page.locator('.save-notice').first().innerText()).toMatch(/newer version/);
    // The answer was kept; it was saved for another version of the question (hash "x"), so the question starts
    // fresh and says so (issue 11 case 1), rather than show an answer that no longer fits.
    await expect
      .poll(() => question(tab.page, Q.single).locator('.q-notice').innerText())
      .toMatch(/changed since you answered/);
    const tf = question(tab.page, Q.truefalse);
    await tf.getByRole('radio', { name: 'False' }).check();
    await tf.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => tf.locator('.q-live').innerText()).toMatch(/Not saved/);
    expect(await stored(tab.page)).toBe(newer);
  });
});

describe.concurrent('import and export on /progress/', () => {
  const refused = async (expect: ExpectStatic, tab: Tab, name: string, content: string | Buffer) => {
    const before = await stored(tab.page);
    await tab.page
      .locator('#import-file')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
    await expect.poll(() => tab.page.locator('.tool-error').innerText()).toMatch(/Nothing was changed/);
    expect(await tab.page.getByRole('button', { name: 'Merge' }).count()).toBe(0);
    expect(await stored(tab.page)).toBe(before);
  };

  test('refuses malformed, huge, wrong-typed and __proto__ files, changing nothing', async ({ expect }) => {
    const tab = await freshTab();
    await openLesson(tab);
    await answerSingleByMouse(tab.page, 'At least one armed drone');
    await tab.visit('/progress/');
    await refused(expect, tab, 'cut.json', '{"kind":"iraq-syria-2024-course-progress","version":1,');
    await refused(expect, tab, 'huge.json', 'x'.repeat(600 * 1024));
    await refused(
      expect,
      tab,
      'typed.json',
      JSON.stringify({
        kind: 'iraq-syria-2024-course-progress',
        version: 1,
        exportedAt: 1,
        data: { version: 1, updatedAt: 'yesterday', lessons: [], answers: 5 },
      }),
    );
    await refused(
      expect,
      tab,
      'proto.json',
      '{"kind":"iraq-syria-2024-course-progress","version":1,"exportedAt":1,"data":{"__proto__":{"polluted":true}}}',
    );
    expect(await tab.page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
  });

  test('export in one browser, import in a fresh one: identical progress', async ({ expect }) => {
    const source = await freshTab();
    await openLesson(source);
    await answerSingleByMouse(source.page, 'Five rockets');
    const tf = question(source.page, Q.truefalse);
    await tf.getByRole('radio', { name: 'False' }).check();
    await tf.getByRole('button', { name: 'Check answer' }).click();
    await source.visit('/progress/');
    const [download] = await Promise.all([
      source.page.waitForEvent('download'),
      source.page.getByRole('button', { name: 'Export progress' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^course-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await downloadedText(download);

    const target = await freshTab();
    await target.visit('/progress/');
    await target.page
      .locator('#import-file')
      .setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => target.page.locator('.import-preview').innerText()).toMatch(/What importing/);
    // The preview is announced: focus moves to its heading.
    await expect.poll(() => target.page.evaluate(() => document.activeElement?.id)).toBe('import-preview-title');
    await target.page.getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => target.page.locator('.tool-ok').innerText()).toMatch(/Merged/);
    // After Merge, focus goes to the result message, so it is read out.
    await expect.poll(() => target.page.evaluate(() => document.activeElement?.id)).toBe('tool-message');
    const original = JSON.parse((await stored(source.page))!);
    const imported = JSON.parse((await stored(target.page))!);
    expect(imported.answers).toEqual(original.answers);
    expect(imported.lessons).toEqual(original.lessons);
  });
});

describe.concurrent('accessibility', () => {
  test('axe finds nothing on a lesson page with its quizzes unanswered, wrong and right, in light and dark', async ({
    expect,
  }) => {
    const page = site.axe.page;
    await site.axe.visit(LESSON, { wakeIslands: true });
    expect(await axeInBothSchemes(page), 'unanswered').toEqual({ light: [], dark: [] });
    await answerSingleByMouse(page, 'Five rockets');
    const tf = question(page, Q.truefalse);
    await tf.getByRole('radio', { name: 'True' }).check();
    await tf.getByRole('button', { name: 'Check answer' }).click();
    expect(await axeInBothSchemes(page), 'wrong').toEqual({ light: [], dark: [] });
    await answerSingleByMouse(page, 'At least one armed drone');
    expect(await axeInBothSchemes(page), 'right').toEqual({ light: [], dark: [] });
  });
});
