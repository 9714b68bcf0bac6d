// The whole course as a student takes it, in Chromium against the built site: every lesson in order, every
// question answered right by keyboard alone, each lesson read to its end, then /progress/ shows it all. The right
// answers come from content/quizzes/*.yaml (parsed with the yaml package and the quiz schema), matched to the
// page by the question id in each form's id, q-<lesson>-<question>. Also: hydrating the islands shifts no layout.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { parse } from 'yaml';
import { quizIdsIn } from '../../src/lib/quiz-tags.ts';
import { answerOf } from '../../src/quiz/attribution.ts';
import { questionHash } from '../../src/quiz/hash.ts';
import { lessonSchema, quizSchema, type Lesson, type Question } from '../../src/schemas/index.ts';
import { repoRoot } from '../built-site.ts';
import { loadProblems, openSite, Tab, type Site } from './harness.ts';

const STORAGE_KEY = 'course-progress-v1';

// ---- the course, read from content/
const contentDir = join(repoRoot, 'content');
const quizzes = new Map(
  readdirSync(join(contentDir, 'quizzes'))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => quizSchema.parse(parse(readFileSync(join(contentDir, 'quizzes', name), 'utf8'))))
    .map((quiz) => [quiz.id, quiz]),
);
const questionsById = new Map([...quizzes.values()].flatMap((quiz) => quiz.questions.map((q) => [q.id, q] as const)));
const lessons = readdirSync(join(contentDir, 'lessons'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => {
    const [, frontmatter = '', body = ''] =
      /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(readFileSync(join(contentDir, 'lessons', name), 'utf8')) ?? [];
    const data: Lesson = lessonSchema.parse(parse(frontmatter));
    const questions = quizIdsIn(body).flatMap((quizId) => quizzes.get(quizId)?.questions ?? []);
    return { id: name.replace(/\.mdx$/, ''), data, questions };
  })
  .sort((a, b) => a.data.order - b.data.order);

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const freshTab = (init?: () => void): Promise<Tab> => site.freshProfile(init);

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab until `target` has focus; keyboard only. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Brings a question into view as a reader scrolling down would, and waits until its island has hydrated. */
async function reach(form: Locator): Promise<void> {
  await form.scrollIntoViewIfNeeded();
  await form.evaluate(
    (el) =>
      new Promise<void>((done, fail) => {
        const island = el.closest('astro-island');
        if (!island) return fail(new Error(`${el.id} is not inside an island`));
        const started = Date.now();
        const wait = () =>
          !island.hasAttribute('ssr')
            ? done()
            : Date.now() - started > 10_000
              ? fail(new Error(`${el.id} never hydrated`))
              : setTimeout(wait, 20);
        wait();
      }),
  );
}

/** One radio group: Space on the first radio, then ArrowDown to the right one (each arrow press checks). */
async function chooseRadio(page: Page, form: Locator, value: string): Promise<void> {
  const radios = form.getByRole('radio');
  const values = await radios.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
  const target = values.indexOf(value);
  expect(
    target,
    `${await form.getAttribute('id')}: no radio with value ${value} among ${values.join(', ')}`,
  ).toBeGreaterThanOrEqual(0);
  await radios.first().focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
  expect(await radios.nth(target).isChecked()).toBe(true);
}

/** Checkboxes in Tab order: Space on each right one. */
async function chooseBoxes(page: Page, form: Locator, right: Set<string>): Promise<void> {
  const boxes = form.getByRole('checkbox');
  const count = await boxes.count();
  await boxes.first().focus();
  for (let i = 0; i < count; i++) {
    const box = boxes.nth(i);
    await tabTo(page, box, 5);
    if (right.has(await box.inputValue())) await page.keyboard.press('Space');
  }
  for (let i = 0; i < count; i++)
    expect(await boxes.nth(i).isChecked()).toBe(right.has(await boxes.nth(i).inputValue()));
}

/** Move up, by Enter, on the first item out of place until the list matches; focus follows the moved item. */
async function order(page: Page, form: Locator, wanted: string[]): Promise<void> {
  const shown = () => form.locator('.q-order-text').allInnerTexts();
  for (let guard = 0; guard < wanted.length && (await shown()).join('|') !== wanted.join('|'); guard++) {
    const current = await shown();
    const index = current.findIndex((text, i) => text !== wanted[i]);
    const up = form.getByRole('button', { name: `Move up: ${wanted[index]}`, exact: true });
    await up.focus();
    for (let at = current.indexOf(wanted[index]!); at > index; at--) await page.keyboard.press('Enter');
    expect(await isFocused(up)).toBe(true);
  }
  expect(await shown()).toEqual(wanted);
}

/** Answers `question` right, by keyboard, leaving focus on (or just before) its last control. */
async function answer(page: Page, form: Locator, question: Question): Promise<void> {
  switch (question.type) {
    case 'single':
      return chooseRadio(page, form, question.options.find((o) => o.correct)!.id);
    case 'truefalse':
      return chooseRadio(page, form, String(question.answer));
    case 'attribution': {
      // The boxes are the question's reports in order, then "None of them": a first-form a/b is the first/second.
      const values = await form
        .getByRole('checkbox')
        .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
      const says = answerOf({ ...question, reports: values.slice(0, -1) });
      return chooseBoxes(page, form, new Set(says.length === 0 ? ['none'] : says));
    }
    case 'evidence':
      return chooseRadio(page, form, String(question.paragraphs[0]));
    case 'multiple':
      return chooseBoxes(page, form, new Set(question.options.filter((o) => o.correct).map((o) => o.id)));
    case 'ordering':
      return order(
        page,
        form,
        question.items.map((item) => item.text),
      );
    case 'matching': {
      // One radio group per left entry (issue 10: full-width choices that fit a phone).
      for (const left of question.left)
        await chooseRadio(page, form.getByRole('group', { name: left.text, exact: true }), question.pairs[left.id]!);
      return;
    }
    case 'numeric':
    case 'text': {
      const input = form.getByRole('textbox');
      await input.focus();
      await page.keyboard.type(question.type === 'numeric' ? String(question.answer) : question.accept[0]!);
      return;
    }
  }
}

describe('the whole course, by keyboard', () => {
  test('every question of every lesson answered right; /progress/ shows every lesson mastered and read', async () => {
    expect(lessons.length).toBeGreaterThan(0);
    const tab = await freshTab();
    const page = tab.page;
    const seen: string[] = [];

    for (const lesson of lessons) {
      const path = `/lessons/${lesson.id}/`;
      const log = await tab.visit(path);
      const prefix = `q-${lesson.id}-`;
      const ids = (await page.locator('form.question').evaluateAll((forms) => forms.map((f) => f.id))).map((id) => {
        expect(id.startsWith(prefix), `${path}: form id ${id} should start with ${prefix}`).toBe(true);
        return id.slice(prefix.length);
      });
      // The page holds exactly the lesson's questions, in the order its quizzes place them.
      expect(ids, path).toEqual(lesson.questions.map((q) => q.id));

      for (const id of ids) {
        const question = questionsById.get(id)!;
        const form = page.locator(`#${prefix}${id}`);
        await reach(form);
        await answer(page, form, question);
        await tabTo(page, form.getByRole('button', { name: 'Check answer' }));
        await page.keyboard.press('Enter');
        await expect
          .poll(() => form.locator('.q-live').innerText(), { message: `${path} ${id} (${question.type})` })
          .toMatch(/^\s*✓?\s*Correct/);
        seen.push(`${lesson.id}/${id}`);
      }

      // Read to the end: the lesson-end island marks the lesson read and sums it up.
      const end = page.locator('.lesson-end');
      await reach(end);
      await expect
        .poll(() => end.innerText())
        .toContain(
          `Right first time: ${ids.length} of ${ids.length}\nRight in the end: ${ids.length} of ${ids.length}\nLesson mastered.`,
        );
      expect(loadProblems(log), `${path}: problems while answering`).toEqual([]);
    }

    const expected = lessons.flatMap((lesson) => lesson.questions.map((q) => `${lesson.id}/${q.id}`));
    expect(seen).toEqual(expected);
    expect(seen.length).toBe([...quizzes.values()].reduce((n, quiz) => n + quiz.questions.length, 0));

    const log = await tab.visit('/progress/', { wakeIslands: true });
    expect(loadProblems(log)).toEqual([]);
    const lessonRows = page.locator('table.progress-table').first().locator('tbody tr');
    await expect.poll(() => lessonRows.first().locator('td').nth(1).innerText()).toBe('100%');
    const rows = await lessonRows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((cell) => (cell as HTMLElement).innerText.trim())),
    );
    expect(
      rows.map(([title, rightNow, best, mastered, opened, read]) => ({
        title,
        rightNow,
        best,
        mastered,
        opened: opened !== '—',
        read: read !== '—',
      })),
    ).toEqual(
      lessons.map((lesson) => ({
        title: `${lesson.data.order}. ${lesson.data.title}`,
        rightNow: `${lesson.questions.length} of ${lesson.questions.length} (${lesson.questions.length} in the end)`,
        best: '100%',
        mastered: '✓ yes',
        opened: true,
        read: true,
      })),
    );
    const questionRows = await page.locator('tr[data-question]').evaluateAll((trs) =>
      trs.map((tr) => ({
        key: tr.getAttribute('data-question'),
        state: (tr.querySelector('.state') as HTMLElement).innerText.trim(),
        attempts: (tr.children[3] as HTMLElement).innerText.trim(),
      })),
    );
    expect(questionRows).toEqual(expected.map((key) => ({ key, state: 'right', attempts: '1' })));
  }, 180_000);
});

// ---- no layout shift when the islands hydrate

interface Shift {
  value: number;
  hadRecentInput: boolean;
  sources: string[];
}
interface IslandSize {
  /** What the island holds: the form's id, or its first element's class. */
  name: string;
  /** Height of the island's content as the server rendered it, before hydration. */
  before: number;
  after: number;
}

/**
 * Runs before the page's scripts: records layout-shift entries (buffered, from the first paint) and, once the
 * document is parsed, the height of every island's content while it is still server-rendered (`ssr`).
 * Islands are `display: contents`, so the height is measured across their element children.
 */
function recordLayout(): void {
  const w = window as unknown as { __shifts: Shift[]; __ssrHeights: Map<Element, number> };
  w.__shifts = [];
  w.__ssrHeights = new Map();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as {
      value: number;
      hadRecentInput: boolean;
      sources: { node?: Node | null }[];
    }[]) {
      w.__shifts.push({
        value: entry.value,
        hadRecentInput: entry.hadRecentInput,
        sources: entry.sources.map(({ node }) => {
          const el = node instanceof Element ? node : node?.parentElement;
          return el
            ? `${el.localName}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`
            : 'text';
        }),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  document.addEventListener('DOMContentLoaded', () => {
    for (const island of document.querySelectorAll('astro-island[ssr]')) {
      const children = [...island.children];
      if (children.length === 0) continue;
      w.__ssrHeights.set(
        island,
        children.at(-1)!.getBoundingClientRect().bottom - children[0]!.getBoundingClientRect().top,
      );
    }
  });
}

/** Scrolls down a sixth of the viewport at a time, each time waiting until no island in view is still server-rendered. */
async function scrollThroughHydrating(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const inView = (island: Element) =>
      [...island.children].some((child) => {
        const box = child.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      });
    for (let y = 0; ; y += innerHeight / 6) {
      scrollTo(0, y);
      for (let waited = 0; [...document.querySelectorAll('astro-island[ssr]')].some(inView); waited++) {
        if (waited > 300) throw new Error(`an island in view at scrollY ${scrollY} did not hydrate within ~5 s`);
        await frame();
      }
      await frame();
      if (scrollY + innerHeight >= document.documentElement.scrollHeight - 1) break;
    }
  });
  expect(
    await page.locator('astro-island[ssr]').count(),
    'islands still server-rendered after scrolling to the end',
  ).toBe(0);
}

async function measuredSizes(page: Page): Promise<IslandSize[]> {
  return page.evaluate(() => {
    const heights = (window as unknown as { __ssrHeights: Map<Element, number> }).__ssrHeights;
    return [...heights].map(([island, before]) => {
      const children = [...island.children];
      const first = children[0]!;
      return {
        name: first.id || `${first.localName}.${first.className}`,
        before,
        after: children.at(-1)!.getBoundingClientRect().bottom - first.getBoundingClientRect().top,
      };
    });
  });
}

/** Stored progress: the lesson opened before, and `answered` already answered right (an answer to restore). */
function seededProgress(lessonId: string, answered: Question, response: unknown): string {
  const at = 1_700_000_000_000;
  return JSON.stringify({
    version: 1,
    updatedAt: at,
    lessons: { [lessonId]: { openedAt: at } },
    answers: {
      [`${lessonId}/${answered.id}`]: {
        hash: questionHash(answered),
        response,
        correct: true,
        score: 1,
        attempts: 1,
        firstAt: at,
        lastAt: at,
      },
    },
  });
}

describe('hydrating the islands of a lesson page', () => {
  const lesson = lessons[0]!;
  const path = `/lessons/${lesson.id}/`;

  test('shifts no layout, with stored progress present', async () => {
    // One answer is stored, for the lesson's last question. Restoring it shows its result, which makes that
    // question taller on purpose; it is left out of the size check (and, scrolling down, it grows while what it
    // pushes is still below the fold). Every other island is unanswered and must hydrate at its server size.
    const restored = lesson.questions.at(-1)!;
    if (restored.type !== 'single') throw new Error(`expected ${restored.id} to be a single-choice question`);
    const stored = seededProgress(lesson.id, restored, {
      type: 'single',
      option: restored.options.find((o) => o.correct)!.id,
    });
    const tab = await freshTab();
    await tab.page.context().addInitScript(
      ([key, value]) => {
        if (!localStorage.getItem(key)) localStorage.setItem(key, value);
      },
      [STORAGE_KEY, stored] as [string, string],
    );
    await tab.page.context().addInitScript(recordLayout);
    const log = await tab.visit(path);
    await scrollThroughHydrating(tab.page);
    await tab.page.waitForTimeout(200); // let the last shift entries arrive
    expect(loadProblems(log)).toEqual([]);

    const restoredName = `q-${lesson.id}-${restored.id}`;
    await expect
      .poll(() => tab.page.locator(`#${restoredName} .q-result`).count(), { message: 'the stored answer is restored' })
      .toBe(1);
    const sizes = await measuredSizes(tab.page);
    const shifts: Shift[] = await tab.page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
    const counted = shifts.filter((s) => !s.hadRecentInput);
    const cls = counted.reduce((sum, s) => sum + s.value, 0);
    const resized = sizes.filter((s) => s.name !== restoredName && Math.abs(s.after - s.before) > 0.5);
    const grown = sizes.find((s) => s.name === restoredName);
    console.log(
      `${path}: ${sizes.length} islands measured before and after hydrating; CLS ${cls.toFixed(4)} from ${counted.length} shifts` +
        `${counted.map((s) => `\n  ${s.value.toFixed(4)} moving ${s.sources.join(', ')}`).join('')}` +
        `${resized.map((s) => `\n  ${s.name}: ${s.before.toFixed(1)}px → ${s.after.toFixed(1)}px`).join('')}` +
        `\n  restored ${restoredName}: ${grown ? `${grown.before.toFixed(1)}px → ${grown.after.toFixed(1)}px (shows its result)` : 'not measured'}`,
    );
    expect(sizes.length, 'islands measured').toBe(lesson.questions.length + quizCount(lesson) + 1);
    expect.soft(resized, 'islands whose height changed when they hydrated').toEqual([]);
    expect.soft(cls, 'cumulative layout shift').toBe(0);
  });
});

/** Quizzes placed in the lesson: one score island each. */
function quizCount(lesson: (typeof lessons)[number]): number {
  return new Set(lesson.questions.map((q) => [...quizzes.values()].find((quiz) => quiz.questions.includes(q))!.id))
    .size;
}
