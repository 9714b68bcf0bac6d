// What a person gets from every page of the built site, in a real Chromium: clean loads, nothing fetched from
// elsewhere, no accessibility violations in either color scheme, a strict CSP that nothing trips, no motion when
// the reader asks for less, nothing wider than a small phone's screen (WCAG 1.4.10 reflow at 320 px), scroll
// regions a keyboard can reach, checkpoints without an empty band at the top, and on the reading pages, notes
// that work by keyboard on a phone and sit in the margin on a wide screen.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { pageKind } from '../../scripts/lib/page-kinds.ts';
import {
  axeInBothSchemes,
  builtPages,
  foreignReferences,
  inParallel,
  loadProblems,
  openSite,
  unknownPath,
  type Site,
  type VisitLog,
  type VisitOptions,
} from './harness.ts';
import {
  checkpointTops,
  overflow,
  stillMoving,
  unreachableScrollers,
  type CheckpointTop,
  type Overflow,
} from './page-probes.ts';

const pages = builtPages();
const readingPages = pages.filter((page) => pageKind(page.path) === 'reading');

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/** The 404 page is visited where people meet it, at an unknown address, where its 404 status is expected. */
function visitTarget(path: string): { url: string; options: VisitOptions } {
  return path === '/404.html' ? { url: unknownPath, options: { expectNotFound: true } } : { url: path, options: {} };
}

describe('the built site', () => {
  test('has a home page, a 404 page and a reading page for each of the two reports', () => {
    const paths = pages.map((page) => page.path);
    expect(paths, 'dist/index.html (the course home) is missing').toContain('/');
    expect(paths, 'dist/404.html is missing').toContain('/404.html');
    expect(
      readingPages.length,
      `expected a reading page per report at /reports/<id>/, found: ${readingPages.map((page) => page.path).join(', ') || 'none'}`,
    ).toBeGreaterThanOrEqual(2);
  });

  test('answers an unknown address with the 404 page and status 404', async () => {
    const response = await fetch(new URL(unknownPath, site.origin));
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/<html/i);
  });
});

/** What one visit of a page found. */
interface PageFindings {
  log: VisitLog;
  foreign: string[];
  /** Elements still animating or transitioning once prefers-reduced-motion: reduce is set, one line each. */
  motion: string[];
  axe: Record<'light' | 'dark', string[]>;
  overflow: Record<320 | 390, Overflow>;
  scrollers: Record<390 | 1366, string[]>;
  /** Each checkpoint's top, at each width, before and after the islands woke. */
  checkpointTops: Array<CheckpointTop & { width: number; woken: boolean }>;
}

/** The widths checkpoints are measured at: the smallest phone, a common phone, a laptop. */
const checkpointWidths = [320, 390, 1366] as const;
/** The checkpoint's padding (16 px) and a little for the heading's line spacing: more is an empty band. */
const maxCheckpointGap = 24;

async function checkpointTopsAtEachWidth(page: Page, woken: boolean): Promise<PageFindings['checkpointTops']> {
  const tops: PageFindings['checkpointTops'] = [];
  for (const width of checkpointWidths) {
    await page.setViewportSize({ width, height: 800 });
    tops.push(...(await checkpointTops(page)).map((top) => ({ ...top, width, woken })));
  }
  return tops;
}

// Every page is loaded once, four tabs at a time (2 cores: several pages in flight keep both busy while others
// wait on their islands), and every check is made on that one load, in this order: axe in light then dark and
// the checkpoints' tops on the page as it loaded; then every island woken (scrolling through), origins, reduced
// motion, and the widths. The widths are set by resizing the loaded page: layout here is CSS alone (no script
// reads the viewport), so it follows the viewport as on a turned phone, and one load serves every width.
const findings = new Map<string, PageFindings>();
beforeAll(async () => {
  const tabs = await site.tabs(4);
  await inParallel(tabs, pages, async (tab, { path }) => {
    const page = tab.page;
    const { url, options } = visitTarget(path);
    const log = await tab.visit(url, options);
    const axe = await axeInBothSchemes(page);
    const asleepTops = await checkpointTopsAtEachWidth(page, false);
    await page.setViewportSize({ width: 1280, height: 900 });
    await tab.wakeIslands();
    const foreign = await foreignReferences(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const motion = await stillMoving(page);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.setViewportSize({ width: 390, height: 800 });
    const at390 = await overflow(page);
    const scrollers390 = await unreachableScrollers(page);
    await page.setViewportSize({ width: 320, height: 800 });
    const at320 = await overflow(page);
    await page.setViewportSize({ width: 1366, height: 800 });
    const scrollers1366 = await unreachableScrollers(page);
    const wokenTops = await checkpointTopsAtEachWidth(page, true);
    findings.set(path, {
      log,
      foreign,
      motion,
      axe,
      overflow: { 320: at320, 390: at390 },
      scrollers: { 390: scrollers390, 1366: scrollers1366 },
      checkpointTops: [...asleepTops, ...wokenTops],
    });
  });
}, 300_000);
describe.each(pages)('page $path', ({ path }) => {
  const found = () => {
    const result = findings.get(path);
    if (!result) throw new Error(`${path} was not visited`);
    return result;
  };

  test('loads and hydrates its islands with no console errors or warnings, page errors or failed requests', () => {
    const { log } = found();
    expect(loadProblems(log), `${path}: problems while loading ${log.url}`).toEqual([]);
  });

  test('requests nothing from another origin, and its HTML points nowhere else', () => {
    const { log, foreign } = found();
    expect(log.foreignRequests, `${path}: requests that left ${site.origin}`).toEqual([]);
    expect(foreign, `${path}: elements that load from another origin`).toEqual([]);
  });

  // That every page has its CSP <meta> is asserted on the built files (tests/build/budgets.test.ts); here, that
  // nothing the page does in a browser trips it.
  test('trips none of its Content-Security-Policy', () => {
    expect(found().log.cspViolations, `${path}: CSP violations`).toEqual([]);
  });

  test.for(['light', 'dark'] as const)('has no axe violations (WCAG 2.x A/AA) in %s mode', (colorScheme) => {
    const violations = found().axe[colorScheme];
    expect(violations, `${path} in ${colorScheme} mode: axe violations (rule, impact, target, fix)`).toEqual([]);
  });

  test('with prefers-reduced-motion: reduce, nothing animates, transitions or scrolls smoothly', () => {
    expect(found().motion, `${path} with reduced motion: still moving`).toEqual([]);
  });

  test.for([320, 390] as const)('at %i px, is no wider than the screen', (width) => {
    const { scrollWidth, width: shown, wide } = found().overflow[width];
    expect(
      { scrollWidth, wide },
      `${path} at ${width}px: the page is ${scrollWidth} px wide for a ${shown} px screen`,
    ).toEqual({ scrollWidth: shown, wide: [] });
  });

  test.for([390, 1366] as const)('at %i px, any region that scrolls on its own is focusable and named', (width) => {
    expect(found().scrollers[width], `${path} at ${width}px: scroll regions`).toEqual([]);
  });
});

describe.each(pages.filter((page) => pageKind(page.path) === 'lesson'))('lesson page $path', ({ path }) => {
  test(`each checkpoint's first content starts within ${maxCheckpointGap} px of its top border, at ${checkpointWidths.join(', ')} px, before and after its islands wake`, () => {
    const tops = findings.get(path)?.checkpointTops ?? [];
    expect(tops.length, `${path}: no checkpoint (section.quiz) was measured`).toBeGreaterThan(0);
    expect(
      tops.some((top) => top.asleep),
      `${path}: no checkpoint was measured with its islands asleep`,
    ).toBe(true);
    const bands = tops
      .filter((top) => top.gap > maxCheckpointGap)
      .map(
        (top) =>
          `#${top.checkpoint} at ${top.width} px, ${top.woken ? 'islands woken' : top.asleep ? 'islands asleep' : 'as loaded'}: ${top.gap} px of empty space`,
      );
    expect(bands, `${path}: empty space at the top of a checkpoint`).toEqual([]);
  });
});

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/** What the focused element is, for messages. */
function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return '(body)';
    const id = element.id ? `#${element.id}` : '';
    const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${element.localName}${id}> "${text}"`;
  });
}

describe.each(readingPages)('reading page $path', ({ path }) => {
  test('on a 390px screen, Tab reaches a note’s words; Enter opens the note, and its link back closes it', async () => {
    const page = site.strict.page;
    await site.strict.visit(path, { viewport: { width: 390, height: 844 } });
    const maxTabs = 200;
    const visited: string[] = [];
    let noteId: string | null = null;
    for (let tabs = 0; tabs < maxTabs && noteId === null; tabs += 1) {
      await page.keyboard.press('Tab');
      noteId = await page.evaluate(() => {
        const focused = document.activeElement;
        return focused?.matches('a.anchor[href^="#note-"]') ? focused.getAttribute('href')!.slice(1) : null;
      });
      if (noteId === null && visited.length < 15) visited.push(await describeFocus(page));
    }
    expect(
      noteId,
      `${path}: ${maxTabs} Tabs from the top never focused the highlighted words of a note (a.anchor[href="#note-…"]); focus went to: ${visited.join(', ')}`,
    ).not.toBeNull();

    const note = page.locator(`.note[id="${noteId}"]`);
    const body = note.locator('.note-body');
    expect(await body.isVisible(), `${path}: #${noteId} .note-body is visible before any key press`).toBe(false);

    await page.keyboard.press('Enter');
    expect(await body.isVisible(), `${path}: Enter on the words of #${noteId} did not open it`).toBe(true);
    expect((await body.innerText()).trim(), `${path}: #${noteId} .note-body is empty`).not.toBe('');
    expect(await describeFocus(page), `${path}: after Enter, focus is not on the opened note`).toMatch(`#${noteId}>`);

    // The note's last link goes back to its words, which closes it (the words become the :target).
    const back = note.locator('a.note-back');
    for (let tabs = 0; tabs < 30 && !(await isFocused(back)); tabs += 1) await page.keyboard.press('Tab');
    expect(await isFocused(back), `${path}: Tab never reached the "back to the text" link of #${noteId}`).toBe(true);
    await page.keyboard.press('Enter');
    expect(await body.isVisible(), `${path}: the link back did not close #${noteId}`).toBe(false);
    expect(await describeFocus(page), `${path}: after closing, focus is not back on the note's words`).toMatch(
      `#ref-${noteId!.replace(/^note-/, '')}>`,
    );
  });

  test('on a 1280px screen, the notes sit beside the paragraphs, to the right of their text', async () => {
    const page = site.strict.page;
    await site.strict.visit(path, { viewport: { width: 1280, height: 900 } });
    const problems = await page.evaluate(() => {
      const box = (rect: DOMRect) => ({
        left: rect.left,
        right: rect.right,
        top: rect.top + scrollY,
        bottom: rect.bottom + scrollY,
      });
      const paragraphs = [...document.querySelectorAll<HTMLElement>('[id]')]
        .filter((element) => /^p\d+$/.test(element.id))
        .map((element) => {
          // The paragraph's own words: its text nodes outside any note (a note may sit inside #p<n>).
          const text = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.textContent?.trim() || node.parentElement?.closest('.note')) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            const rect = range.getBoundingClientRect();
            if (rect.width === 0 && rect.height === 0) continue;
            text.left = Math.min(text.left, rect.left);
            text.right = Math.max(text.right, rect.right);
            text.top = Math.min(text.top, rect.top + scrollY);
            text.bottom = Math.max(text.bottom, rect.bottom + scrollY);
          }
          return { id: element.id, ...text };
        })
        .filter((text) => text.right > text.left);
      const notes = [...document.querySelectorAll<HTMLElement>('.note')]
        .map((element) => ({ id: element.id, ...box(element.getBoundingClientRect()) }))
        .filter((note) => note.right > note.left);
      if (paragraphs.length === 0) return ['no visible paragraph with id="p<n>"'];
      if (notes.length === 0) return ['no visible .note'];
      // Notes live in a margin column to the right of all the text; a paragraph with many notes may let its
      // last ones run on below it, so each note is not held level with a paragraph, only the layout as a whole.
      const textRight = Math.max(...paragraphs.map((p) => p.right));
      const found: string[] = [];
      for (const note of notes) {
        if (note.left < textRight - 1) {
          const covered = paragraphs.find((p) => note.top < p.bottom && note.bottom > p.top && note.left < p.right - 1);
          found.push(
            `#${note.id} (left x=${Math.round(note.left)}) is not in a margin to the right of the text (which reaches x=${Math.round(textRight)})` +
              (covered ? `; it overlaps the text of #${covered.id}` : ''),
          );
        }
      }
      if (!notes.some((note) => paragraphs.some((p) => note.top < p.bottom && note.bottom > p.top))) {
        found.push('no note is level with any paragraph: the notes are not beside the text');
      }
      return found;
    });
    expect(problems, `${path} at 1280px: margin notes`).toEqual([]);
  });

  test('numbers its paragraphs with anchors #p1, #p2, … in order, with no gaps', async () => {
    await site.strict.visit(path);
    const ids = await site.strict.page.evaluate(() =>
      [...document.querySelectorAll('[id]')].map((element) => element.id).filter((id) => /^p\d+$/.test(id)),
    );
    expect(ids.length, `${path}: no element with id="p1"`).toBeGreaterThan(0);
    expect(ids, `${path}: paragraph anchors out of order, repeated or with gaps`).toEqual(
      ids.map((_, index) => `p${index + 1}`),
    );
  });
});
