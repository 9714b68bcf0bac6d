// What a person gets from every page of the built site, in a real Chromium: clean loads, nothing fetched from
// elsewhere, no accessibility violations in either color scheme, a strict CSP that nothing trips, no motion when
// the reader asks for less, and on the
// reading pages, notes that work by keyboard on a phone and sit in the margin on a wide screen.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { pageKind } from '../../scripts/lib/page-kinds.ts';
import {
  builtPages,
  describeViolations,
  foreignReferences,
  inParallel,
  loadProblems,
  openSite,
  runAxe,
  unknownPath,
  type Site,
  type VisitLog,
  type VisitOptions,
} from './harness.ts';

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

/** What one page gave in the strict tab (CSP enforced). */
interface PageFindings {
  log: VisitLog;
  foreign: string[];
  /** Elements still animating or transitioning once prefers-reduced-motion: reduce is set, one line each. */
  motion: string[];
}

/**
 * With prefers-reduced-motion: reduce, what still moves: every element whose computed animation or transition
 * lasts longer than 10 ms, or that scrolls smoothly, plus a probe element given a one-second animation and
 * transition of its own, so the check fails if the site's reduced-motion rule is gone even where nothing on
 * the page happens to move today. The probe is styled through the CSSOM, which the CSP allows.
 */
function stillMoving(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const probe = document.createElement('div');
    probe.id = 'reduced-motion-probe';
    probe.style.transition = 'opacity 1s';
    probe.style.animation = 'probe-spin 1s infinite';
    document.body.append(probe);
    const seconds = (list: string) => Math.max(...list.split(',').map((part) => parseFloat(part) || 0));
    const found: string[] = [];
    for (const element of [document.documentElement, ...document.body.querySelectorAll('*')]) {
      const style = getComputedStyle(element);
      const name = element.id
        ? `#${element.id}`
        : `<${element.localName}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}>`;
      if (style.animationName !== 'none' && seconds(style.animationDuration) > 0.01)
        found.push(`${name} animates (${style.animationName} ${style.animationDuration})`);
      if (seconds(style.transitionDuration) > 0.01)
        found.push(`${name} transitions (${style.transitionProperty} ${style.transitionDuration})`);
      if (style.scrollBehavior === 'smooth') found.push(`${name} scrolls smoothly`);
    }
    probe.remove();
    return found;
  });
}

// Every page is visited once in each of a few tabs at a time (2 cores: three pages in flight keep both busy
// while one waits on its islands): in the strict tab for loading, origins, CSP and reduced motion, and in the
// axe tab in light then dark (the colour scheme is switched on the loaded page, so it is read once).
const findings = new Map<string, PageFindings>();
const axeResults = new Map<string, Record<'light' | 'dark', string[]>>();
beforeAll(async () => {
  const strictTabs = await site.tabs(3);
  const axeTabs = await site.tabs(3, { bypassCSP: true });
  await Promise.all([
    inParallel(strictTabs, pages, async (tab, { path }) => {
      const { url, options } = visitTarget(path);
      const log = await tab.visit(url, { ...options, wakeIslands: true });
      const foreign = await foreignReferences(tab.page);
      await tab.page.emulateMedia({ reducedMotion: 'reduce' });
      const motion = await stillMoving(tab.page);
      findings.set(path, { log, foreign, motion });
    }),
    inParallel(axeTabs, pages, async (tab, { path }) => {
      const { url, options } = visitTarget(path);
      await tab.visit(url, { ...options, colorScheme: 'light' });
      const light = describeViolations(await runAxe(tab.page));
      await tab.page.emulateMedia({ colorScheme: 'dark' });
      const dark = describeViolations(await runAxe(tab.page));
      axeResults.set(path, { light, dark });
    }),
  ]);
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
    const violations = axeResults.get(path)?.[colorScheme];
    expect(violations, `${path}: axe did not run in ${colorScheme} mode`).toBeDefined();
    expect(violations, `${path} in ${colorScheme} mode: axe violations (rule, impact, target, fix)`).toEqual([]);
  });

  test('with prefers-reduced-motion: reduce, nothing animates, transitions or scrolls smoothly', () => {
    expect(found().motion, `${path} with reduced motion: still moving`).toEqual([]);
  });
});

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
  test('on a 390px screen, Tab reaches a note; Enter opens it and Enter closes it', async () => {
    const page = site.strict.page;
    await site.strict.visit(path, { viewport: { width: 390, height: 844 } });
    const maxTabs = 200;
    const visited: string[] = [];
    let noteId: string | null = null;
    for (let tabs = 0; tabs < maxTabs && noteId === null; tabs += 1) {
      await page.keyboard.press('Tab');
      noteId = await page.evaluate(() => {
        const focused = document.activeElement;
        return focused?.matches('details.note > summary') ? (focused.parentElement as HTMLElement).id : null;
      });
      if (noteId === null && visited.length < 15) visited.push(await describeFocus(page));
    }
    expect(
      noteId,
      `${path}: ${maxTabs} Tabs from the top never focused a details.note > summary; focus went to: ${visited.join(', ')}`,
    ).not.toBeNull();
    expect(noteId, `${path}: the focused note has no id (contract: id="note-<id>")`).toMatch(/^note-/);

    const note = page.locator(`details.note[id="${noteId}"]`);
    const body = note.locator('.note-body');
    expect(
      await note.evaluate((d: HTMLDetailsElement) => d.open),
      `${path}: #${noteId} is open before any key press`,
    ).toBe(false);
    expect(await body.isVisible(), `${path}: #${noteId} .note-body is visible while the note is closed`).toBe(false);

    await page.keyboard.press('Enter');
    expect(
      await note.evaluate((d: HTMLDetailsElement) => d.open),
      `${path}: Enter on #${noteId} summary did not open it`,
    ).toBe(true);
    expect(await body.isVisible(), `${path}: #${noteId} is open but its .note-body is not visible`).toBe(true);
    expect((await body.innerText()).trim(), `${path}: #${noteId} .note-body is empty`).not.toBe('');

    await page.keyboard.press('Enter');
    expect(
      await note.evaluate((d: HTMLDetailsElement) => d.open),
      `${path}: a second Enter did not close #${noteId}`,
    ).toBe(false);
    expect(await body.isVisible(), `${path}: #${noteId} .note-body still visible after closing`).toBe(false);
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
            if (!node.textContent?.trim() || node.parentElement?.closest('details.note')) continue;
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
      const notes = [...document.querySelectorAll<HTMLElement>('details.note')]
        .map((element) => ({ id: element.id, ...box(element.getBoundingClientRect()) }))
        .filter((note) => note.right > note.left);
      if (paragraphs.length === 0) return ['no visible paragraph with id="p<n>"'];
      if (notes.length === 0) return ['no visible details.note'];
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
