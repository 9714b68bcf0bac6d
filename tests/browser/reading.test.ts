// Reading a report as a student does, in Chromium against the built site: the text reads as text (the notes,
// closed, cost little height), each note is one Tab stop, a link to a note from anywhere opens it with its
// heading on screen and a way back, and the margin notes never overlap. No script runs on these pages.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { pageKind } from '../../scripts/lib/page-kinds.ts';
import { builtPages, openSite, type Site } from './harness.ts';

const readingPages = builtPages().filter((page) => pageKind(page.path) === 'reading');
const wide = { width: 1366, height: 900 };
const phone = { width: 390, height: 844 };

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const bodyHeight = (page: Page) =>
  page.evaluate(() => document.querySelector('.report-body')?.getBoundingClientRect().height ?? 0);

/** The ids of the report's notes, in reading order. */
const noteIds = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('.report-body .note[id^="note-"]')].map((note) => note.id));

describe.each(readingPages)('reading page $path', ({ path }) => {
  // The budget from the issue: notes closed, the body is at most this many times the height of the plain text
  // (the same page with "hide the notes" checked, which shows only the report's words).
  test.for([
    { viewport: wide, budget: 1.3 },
    { viewport: phone, budget: 1.5 },
  ])(
    'at $viewport.width px, with notes closed the text is at most $budget× the height of the plain text',
    async ({ viewport, budget }) => {
      const page = site.strict.page;
      await site.strict.visit(path, { viewport });
      const closed = await bodyHeight(page);
      await page.getByLabel(/hide the notes/i).check();
      const visibleNotes = await page.locator('.report-body .note:visible').count();
      expect(visibleNotes, `${path}: notes still visible with "hide the notes" checked`).toBe(0);
      const plain = await bodyHeight(page);
      expect(plain, `${path}: no .report-body to measure`).toBeGreaterThan(0);
      const ratio = closed / plain;
      expect(
        ratio,
        `${path} at ${viewport.width}px: body ${Math.round(closed)} px with notes closed, ${Math.round(plain)} px as plain text (${ratio.toFixed(2)}×)`,
      ).toBeLessThanOrEqual(budget);
    },
  );

  test('each note is one Tab stop (its highlighted words), and nothing else of it is in the Tab order while closed', async () => {
    const page = site.strict.page;
    await site.strict.visit(path, { viewport: wide });
    const ids = await noteIds(page);
    expect(ids.length, `${path}: no .note[id^="note-"] in .report-body`).toBeGreaterThan(0);
    // Walk the whole page with Tab and note which note each stop belongs to.
    const stops = new Map<string, string[]>();
    let entered = false;
    for (let tabs = 0; tabs < 400; tabs += 1) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return null;
        const inBody = !!element.closest('.report-body');
        const href = element.getAttribute('href') ?? '';
        const owner = element.closest('.note')?.id ?? (/^#note-/.test(href) ? href.slice(1) : null);
        return { inBody, owner, what: `<${element.localName} class="${element.className}"> ${href}` };
      });
      if (!focus) continue;
      if (focus.inBody) entered = true;
      else if (entered) break;
      if (focus.owner) stops.set(focus.owner, [...(stops.get(focus.owner) ?? []), focus.what]);
    }
    const problems = ids
      .map((id) => ({ id, found: stops.get(id) ?? [] }))
      .filter(({ found }) => found.length !== 1)
      .map(({ id, found }) => `#${id}: ${found.length} Tab stops (${found.join(', ') || 'none'})`);
    expect(problems, `${path}: notes that are not exactly one Tab stop`).toEqual([]);
    const words = await page.locator('.report-body a.anchor[href^="#note-"]').count();
    expect(words, `${path}: every note should open from its highlighted words`).toBe(ids.length);
  });

  test.for([wide, phone])(
    'at $width px, a link to a note opens it, keeps its heading in view and offers a way back',
    async (viewport) => {
      const page = site.strict.page;
      await site.strict.visit(path, { viewport });
      const ids = await noteIds(page);
      // The first, a middle and the last note: the last sits lowest, where a scroll is most likely to fall short.
      const sample = [...new Set([ids[0], ids[Math.floor(ids.length / 2)], ids.at(-1)])].filter(
        (id) => id !== undefined,
      );
      const problems: string[] = [];
      for (const id of sample) {
        // Arrive from another page, as an evidence link does.
        await site.strict.visit(`${path}#${id}`, { viewport });
        const state = await page.evaluate((noteId) => {
          const note = document.getElementById(noteId);
          const head = note?.querySelector('.note-head');
          const body = note?.querySelector<HTMLElement>('.note-body');
          const back = note?.querySelector<HTMLAnchorElement>('a.note-back');
          const rect = head?.getBoundingClientRect();
          return {
            bodyShown: !!body && body.offsetParent !== null && body.getClientRects().length > 0,
            headTop: rect?.top ?? NaN,
            headBottom: rect?.bottom ?? NaN,
            backHref: back?.getAttribute('href') ?? null,
            backShown: !!back && back.getClientRects().length > 0,
            focused: document.activeElement === note,
            viewport: innerHeight,
          };
        }, id);
        if (!state.bodyShown) problems.push(`#${id}: not open after following a link to it`);
        if (!(state.headTop >= 0 && state.headBottom <= state.viewport))
          problems.push(
            `#${id}: heading at y=${Math.round(state.headTop)}..${Math.round(state.headBottom)}, outside the ${state.viewport} px screen`,
          );
        if (!state.focused) problems.push(`#${id}: focus is not on the opened note`);
        if (!state.backShown || state.backHref !== `#ref-${id.replace(/^note-/, '')}`)
          problems.push(`#${id}: no visible link back to its words (found href ${state.backHref})`);
      }
      expect(problems, `${path} at ${viewport.width}px`).toEqual([]);
    },
  );

  test('on a wide screen the margin notes never overlap, closed or with one open', async () => {
    const page = site.strict.page;
    await site.strict.visit(path, { viewport: wide });
    const ids = await noteIds(page);
    const overlaps = () =>
      page.evaluate(() => {
        const boxes = [...document.querySelectorAll<HTMLElement>('.report-body .note')]
          .map((note) => ({ id: note.id, rect: note.getBoundingClientRect() }))
          .filter(({ rect }) => rect.height > 0);
        const found: string[] = [];
        for (let i = 0; i < boxes.length; i += 1)
          for (let j = i + 1; j < boxes.length; j += 1) {
            const a = boxes[i]!.rect;
            const b = boxes[j]!.rect;
            if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
              found.push(`#${boxes[i]!.id} and #${boxes[j]!.id}`);
          }
        return found;
      });
    expect(await overlaps(), `${path}: closed notes that overlap`).toEqual([]);
    await site.strict.visit(`${path}#${ids[Math.floor(ids.length / 2)]}`, { viewport: wide });
    expect(await overlaps(), `${path}: notes that overlap while one is open`).toEqual([]);
  });
});

describe('worksheets', () => {
  const worksheets = builtPages().filter((page) => /^\/instructors\/worksheets\/[^/]+\/$/.test(page.path));

  test('can print with the text of the lesson’s reports, and without it by default', async () => {
    const page = site.strict.page;
    let checked = 0;
    for (const { path } of worksheets) {
      await site.strict.visit(path);
      const option = page.locator('#with-reports');
      if ((await option.count()) === 0) continue;
      await page.emulateMedia({ media: 'print' });
      const reports = page.locator('.paper-report');
      expect(await reports.first().isVisible(), `${path}: report text printed without asking`).toBe(false);
      await page.emulateMedia({ media: 'screen' });
      await option.check();
      await page.emulateMedia({ media: 'print' });
      expect(await reports.first().isVisible(), `${path}: report text not printed with the box ticked`).toBe(true);
      const first = (await reports.first().locator('li').first().innerText()).trim();
      expect(first.length, `${path}: the report's first paragraph is empty`).toBeGreaterThan(20);
      await page.emulateMedia({ media: 'screen' });
      checked += 1;
    }
    expect(checked, 'no worksheet offers to print with the reports').toBeGreaterThan(0);
  });
});
