// The assessment model as a student meets it (issue 10), in Chromium against the built site: test first, tell
// after; "Show answer" counts as revealed, never mastered; review starts blank; objectives tick; every control is
// reachable by keyboard before its island wakes; axe in each state, in the light and the dark colour scheme.
// That no page, quizzes woken, is wider than a 320 or 390 px screen is checked once, in site.test.ts. The tests
// run at the same time, each in a browser profile of its own.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { Page } from 'playwright-core';
import { axeInBothSchemes, builtPages, inParallel, loadProblems, openSite, type Site, type Tab } from './harness.ts';

const LESSON = '/lessons/what-happened/';
const LESSON_ID = 'what-happened';
const KEY = 'course-progress-v1';
const SINGLE = 'l1-what-hit-ain-al-asad';
const quiz = parse(readFileSync(new URL('../../content/quizzes/l1-the-two-attacks.yaml', import.meta.url), 'utf8')) as {
  questions: { id: string; explanation: string }[];
};
const explanation = quiz.questions.find((q) => q.id === SINGLE)!.explanation;

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const question = (page: Page, id: string) => page.locator(`#q-${LESSON_ID}-${id}`);

/** axe finds nothing on the page as it is now, in either colour scheme. */
async function axeClean(page: Page, state: string): Promise<void> {
  expect(await axeInBothSchemes(page), `axe violations, ${state}`).toEqual({ light: [], dark: [] });
}

/** Every question of the course, as the review page's data has them: hashes and lessons. */
async function courseData(tab: Tab) {
  await tab.visit('/');
  return tab.page.evaluate(async () => {
    const response = await fetch('/review/questions.json');
    return (await response.json()) as {
      lessons: Record<string, { questions: { id: string; hash: string }[] }>;
    };
  });
}

const record = (hash: string, at: number, extra: Record<string, unknown> = {}) => ({
  hash,
  response: { type: 'single', option: 'drone' },
  correct: true,
  score: 1,
  attempts: 1,
  firstAt: at,
  lastAt: at,
  firstTryRight: true,
  roundAt: at,
  roundAttempts: 1,
  roundFirstRight: true,
  revealed: false,
  ...extra,
});

describe.concurrent('test first, tell after', () => {
  test('wrong → what was wrong and a hint, without the answer → right → the explanation; axe in each state', async ({
    expect,
  }) => {
    const tab = await site.freshProfile();
    const page = tab.page;
    const log = await tab.visit(LESSON, { wakeIslands: true });
    expect(loadProblems(log)).toEqual([]);
    const form = question(page, SINGLE);
    await form.getByRole('radio', { name: 'Five rockets' }).check();
    await form.getByRole('button', { name: 'Check answer' }).click();
    const live = form.locator('.q-live');
    await expect.poll(() => live.innerText()).toMatch(/Not quite/);
    const wrong = await live.innerText();
    expect(wrong).toMatch(/Tempting/); // the feedback for that choice
    expect(wrong).toMatch(/Look again: Report A, paragraph 2/);
    expect(wrong).not.toContain(explanation);
    expect(wrong).not.toMatch(/The answer|At least one armed drone/);
    expect(
      await form.getByRole('radio', { name: 'At least one armed drone' }).locator('xpath=../..').innerText(),
    ).not.toMatch(/answer/i);
    await axeClean(page, 'wrong');

    await form.getByRole('button', { name: 'Try again' }).click();
    await form.getByRole('radio', { name: 'At least one armed drone' }).check();
    await form.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => live.innerText()).toMatch(/Correct/);
    expect(await live.innerText()).toContain(explanation);
    expect(await form.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    // Right in the end, not right first time.
    const score = page.locator('section.quiz .quiz-score').first();
    await expect.poll(() => score.innerText()).toMatch(/Right first time: 0 of 5 · right in the end: 1/);
    await axeClean(page, 'right after a wrong try');
  });

  test('Show answer: the answer and explanation, counted as revealed and not mastered; axe clean', async ({
    expect,
  }) => {
    const tab = await site.freshProfile();
    const page = tab.page;
    await tab.visit(LESSON, { wakeIslands: true });
    const form = question(page, SINGLE);
    await form.getByRole('radio', { name: 'Bombs dropped by warplanes' }).check();
    await form.getByRole('button', { name: 'Check answer' }).click();
    await form.getByRole('button', { name: 'Show answer' }).click();
    const live = form.locator('.q-live');
    await expect.poll(() => live.innerText()).toMatch(/The answer: At least one armed drone/);
    expect(await live.innerText()).toContain(explanation);
    const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY))!);
    expect(stored.answers[`${LESSON_ID}/${SINGLE}`]).toMatchObject({ revealed: true, firstTryRight: false, box: 1 });
    await expect.poll(() => page.locator('.lesson-end-summary').innerText()).toMatch(/Mastered: 0 of/);
    expect(
      await page
        .locator('.lesson-end')
        .getByRole('link', { name: /what was launched at Ain al-Asad/ })
        .count(),
    ).toBe(1);
    await axeClean(page, 'revealed');
  });
});

describe.concurrent('review', () => {
  test('shows a due question blank, even one answered right before; its box after the new attempt; axe clean', async ({
    expect,
  }) => {
    const tab = await site.freshProfile();
    const { lessons } = await courseData(tab);
    const hash = lessons[LESSON_ID]!.questions.find((q) => q.id === SINGLE)!.hash;
    const long = Date.now() - 10 * 24 * 60 * 60 * 1000;
    const progress = {
      version: 2,
      updatedAt: long,
      lessons: {},
      answers: { [`${LESSON_ID}/${SINGLE}`]: record(hash, long, { box: 2, dueAt: long + 1 }) },
    };
    await tab.page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, JSON.stringify(progress)]);
    const log = await tab.visit('/review/', { wakeIslands: true });
    expect(loadProblems(log)).toEqual([]);
    const form = tab.page.locator(`#q-${LESSON_ID}-${SINGLE}`);
    await expect.poll(() => form.getByRole('radio').count()).toBe(4);
    expect(await form.locator('input:checked').count()).toBe(0);
    expect(await form.locator('.q-result').count()).toBe(0);
    expect(await form.innerText()).not.toContain(explanation);
    await axeClean(tab.page, 'a due question on /review/');
    await form.getByRole('radio', { name: 'At least one armed drone' }).check();
    await form.getByRole('button', { name: 'Check answer' }).click();
    await expect
      .poll(() => form.locator('.q-live').innerText())
      .toMatch(/Now in review step 3 of 5; next due \d{1,2} [A-Z][a-z]+ \d{4}\./);
    expect(await form.locator('.q-live').innerText()).toContain(explanation);
    await axeClean(tab.page, 'a review question answered right');
  });
});

describe.concurrent('the lesson end', () => {
  test('ticks each objective whose questions are all mastered, and not one with a revealed answer; axe clean', async ({
    expect,
  }) => {
    const tab = await site.freshProfile();
    const { lessons } = await courseData(tab);
    const at = Date.now() - 1000;
    const answers = Object.fromEntries(
      lessons[LESSON_ID]!.questions.map((q) => [`${LESSON_ID}/${q.id}`, record(q.hash, at)]),
    );
    const save = (value: unknown) =>
      tab.page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [KEY, JSON.stringify(value)]);
    await save({ version: 2, updatedAt: at, lessons: {}, answers });
    await tab.visit(LESSON, { wakeIslands: true });
    const objectives = tab.page.locator('.lesson-end .objectives li');
    await expect.poll(() => tab.page.locator('.lesson-end-summary').innerText()).toMatch(/Lesson mastered/);
    expect(await tab.page.locator('.lesson-end .objectives li.objective-done').count()).toBe(await objectives.count());
    expect(await objectives.first().innerText()).toMatch(/Done: all \d+ questions mastered/);
    await axeClean(tab.page, 'the lesson end, mastered');

    const key = `${LESSON_ID}/${SINGLE}`;
    answers[key] = record(answers[key]!.hash, at, {
      correct: false,
      firstTryRight: false,
      roundFirstRight: false,
      revealed: true,
      box: 1,
      dueAt: at + 24 * 60 * 60 * 1000,
    });
    await save({ version: 2, updatedAt: at + 1, lessons: {}, answers });
    await tab.visit(LESSON, { wakeIslands: true });
    await expect.poll(() => tab.page.locator('.lesson-end-summary').innerText()).toMatch(/Mastered: \d+ of \d+/);
    expect(await tab.page.locator('.lesson-end .objectives li.objective-done').count()).toBe(
      (await objectives.count()) - 1,
    );
    expect(await tab.page.locator('.lesson-end').innerText()).toMatch(
      /Questions to revisit[\s\S]*Next review due: (now|\d{1,2} [A-Z][a-z]+ \d{4})\./,
    );
    await axeClean(tab.page, 'the lesson end, with a question to revisit');
  });
});

/** What the focusin listener of the keyboard-reach test notes in the page. */
interface Reached {
  __reached?: { html: string; inFar: boolean; asleep: boolean };
  __reachedElement?: HTMLElement;
}

describe.concurrent('every lesson, every page', () => {
  const lessonPaths = builtPages()
    .map((page) => page.path)
    .filter((path) => /^\/lessons\/[^/]+\/$/.test(path));

  test('from the last link (or control) before a far checkpoint, Tab reaches its first control before the island wakes', async ({
    expect,
  }) => {
    expect(lessonPaths.length).toBeGreaterThan(0);
    const tabs = await Promise.all([1, 2, 3].map(() => site.freshProfile()));
    await inParallel(tabs, lessonPaths, async (tab, path) => {
      await tab.visit(path);
      // The last checkpoint's first control, and what comes just before it in the Tab order: the last link in the
      // reading, or in a lesson that ends on two checkpoints, the previous one's last control. Tab from there must
      // reach the control (a disabled control would be skipped, as it used to be). That element is focused
      // without scrolling, so the far checkpoint stays out of view and its islands asleep; what Tab focuses, and
      // whether its island was still asleep at that moment, is noted by a focusin listener, which runs before the
      // browser scrolls the control into view (and so before its island can wake).
      const before = await tab.page.evaluate(() => {
        const quizzes = [...document.querySelectorAll('section.quiz')];
        const far = quizzes[quizzes.length - 1]!;
        const focusable = [...document.querySelectorAll<HTMLElement>('a[href], input, button, select, textarea')];
        const firstInFar = focusable.find((el) => far.contains(el))!;
        const link = focusable[focusable.indexOf(firstInFar) - 1]!;
        const next = firstInFar;
        link.focus({ preventScroll: true });
        const w = window as Reached;
        document.addEventListener(
          'focusin',
          (event) => {
            const target = event.target as HTMLElement;
            w.__reached = {
              html: target.outerHTML.slice(0, 120),
              inFar: far.contains(target),
              asleep: !!target.closest('astro-island[ssr]'),
            };
            w.__reachedElement = target;
          },
          { once: true },
        );
        return {
          from: link.outerHTML.slice(0, 80),
          next: next.outerHTML.slice(0, 120),
          asleep: !!firstInFar.closest('astro-island[ssr]'),
        };
      });
      expect(before.asleep, `${path}: the last checkpoint's first control woke before Tab was pressed`).toBe(true);
      await tab.page.keyboard.press('Tab');
      const reached = await tab.page.evaluate(() => (window as Reached).__reached);
      expect(reached?.html, `${path}: Tab from ${before.from} before the last checkpoint`).toBe(before.next);
      expect(reached, `${path}: where Tab went`).toMatchObject({ inFar: true, asleep: true });
      // Then the island wakes around the focused control (hydrating the same element), which keeps the focus.
      await expect
        .poll(() => tab.page.evaluate(() => !(window as Reached).__reachedElement!.closest('astro-island[ssr]')), {
          message: `${path}: the island Tab reached never woke`,
        })
        .toBe(true);
      expect(
        await tab.page.evaluate(() => document.activeElement === (window as Reached).__reachedElement),
        `${path}: the control Tab reached lost the focus when its island woke`,
      ).toBe(true);
    });
  });
});
