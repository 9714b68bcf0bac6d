// Every page with JavaScript turned off (a browser profile with javaScriptEnabled: false), in Chromium against the
// built site: each checkpoint says plainly that its questions need JavaScript and that the reading does not; the
// reports' text and notes read; no control is left disabled without a visible message, before it, saying why;
// and the pages that show such a message are axe-clean in both colour schemes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { pageKind } from '../../scripts/lib/page-kinds.ts';
import {
  axeInBothSchemes,
  builtPages,
  inParallel,
  loadProblems,
  openSite,
  unknownPath,
  type Site,
  type Tab,
  type VisitLog,
} from './harness.ts';

const pages = builtPages();
const lessons = pages.filter((page) => pageKind(page.path) === 'lesson');
const readings = pages.filter((page) => pageKind(page.path) === 'reading');
/** The pages whose whole work needs JavaScript (reading progress, review, search, hand-ins), and so say so. */
const needScripts = ['/progress/', '/review/', '/search/', '/instructors/results/'];
/** Where axe runs with scripts off: the pages that show a noscript message. A checkpoint is the same component in
 * every lesson, so one lesson stands for all. */
const axePaths = new Set([lessons[0]?.path, ...needScripts]);

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

interface Checkpoint {
  heading: string;
  /** The text of each visible noscript message inside it. */
  messages: string[];
}

interface Findings {
  log: VisitLog;
  /** The text of each visible noscript message on the page. */
  messages: string[];
  /** Disabled controls (disabled, or aria-disabled="true") with no visible noscript message before them in any
   * element that holds them, one line each. */
  unexplained: string[];
  checkpoints: Checkpoint[];
  /** The lesson's own reading: visible paragraphs of text outside its checkpoints. */
  readingParagraphs: number;
  axe?: Record<'light' | 'dark', string[]>;
}

/** What the page shows with scripts off: its checkpoints, its unexplained disabled controls, its reading. */
function readPage(page: Page): Promise<Omit<Findings, 'log' | 'axe'>> {
  return page.evaluate(() => {
    // With scripting off the parser builds a <noscript>'s content as elements, which are then shown.
    const messages = [...document.querySelectorAll<HTMLElement>('noscript > *')].filter(
      (element) => element.checkVisibility() && /JavaScript/.test(element.innerText),
    );
    const explained = (control: Element) => {
      for (let holder = control.parentElement; holder; holder = holder.parentElement)
        if (
          messages.some(
            (message) =>
              holder!.contains(message) && message.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_FOLLOWING,
          )
        )
          return true;
      return false;
    };
    const describe = (control: Element) =>
      `<${control.localName}${control.id ? `#${control.id}` : ''}> "${((control as HTMLElement).innerText || control.getAttribute('aria-label') || control.getAttribute('name') || '').trim().slice(0, 40)}"`;
    const disabled = [
      ...document.querySelectorAll(':is(button, input, select, textarea):disabled, [aria-disabled="true"]'),
    ].filter((control) => control.checkVisibility());
    return {
      messages: messages.map((message) => message.innerText.trim()),
      unexplained: disabled.filter((control) => !explained(control)).map(describe),
      checkpoints: [...document.querySelectorAll<HTMLElement>('section.quiz')].map((section) => ({
        heading: section.querySelector('h2')?.innerText.trim() ?? '(no heading)',
        messages: messages.filter((message) => section.contains(message)).map((message) => message.innerText.trim()),
      })),
      readingParagraphs: [...document.querySelectorAll<HTMLElement>('main p')].filter(
        (p) => !p.closest('section.quiz') && p.checkVisibility() && p.innerText.trim().length > 40,
      ).length,
    };
  });
}

/**
 * axe on the page as the JavaScript-off tab shows it. axe needs timers, which never fire where scripting is off,
 * so the page as loaded there (its <noscript> content built as elements, no script run) is copied, scripts
 * removed and each <noscript> made a <span> holding its content, and served at the same address to a tab with
 * scripting on, where axe runs on it in both colour schemes.
 */
async function axeAsShownWithoutScripts(from: Tab, to: Tab): Promise<Record<'light' | 'dark', string[]>> {
  const html = await from.page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    for (const script of copy.querySelectorAll('script')) script.remove();
    for (const noscript of copy.querySelectorAll('noscript')) {
      const span = document.createElement('span');
      span.append(...noscript.childNodes);
      noscript.replaceWith(span);
    }
    return `<!DOCTYPE html>${copy.outerHTML}`;
  });
  const url = from.page.url();
  await to.page.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }), {
    times: 1,
  });
  await to.page.goto(url);
  return axeInBothSchemes(to.page);
}

const findings = new Map<string, Findings>();
beforeAll(async () => {
  const tabs = await Promise.all(
    [1, 2, 3].map(async () => ({ off: await site.noScript(), on: (await site.tabs(1))[0]! })),
  );
  await inParallel(tabs, pages, async ({ off, on }, { path }) => {
    const notFound = path === '/404.html';
    const log = await off.visit(notFound ? unknownPath : path, { expectNotFound: notFound });
    const axe = axePaths.has(path) ? await axeAsShownWithoutScripts(off, on) : undefined;
    findings.set(path, { log, ...(await readPage(off.page)), axe });
  });
}, 300_000);

function found(path: string): Findings {
  const result = findings.get(path);
  if (!result) throw new Error(`${path} was not visited`);
  return result;
}

describe.each(pages)('page $path, JavaScript off', ({ path }) => {
  test('loads with no errors or failed requests, and leaves no control disabled without saying why', () => {
    const { log, unexplained } = found(path);
    expect(loadProblems(log), `${path}: problems while loading`).toEqual([]);
    expect(
      unexplained,
      `${path}: disabled controls with no visible message before them that JavaScript is needed`,
    ).toEqual([]);
  });

  if (axePaths.has(path))
    test('with its noscript message shown, has no axe violations in either colour scheme', () => {
      expect(found(path).axe, `${path} with JavaScript off: axe violations`).toEqual({ light: [], dark: [] });
    });
});

describe.each(needScripts)('%s, JavaScript off', (path) => {
  test('says plainly that it needs JavaScript', () => {
    expect(found(path).messages, `${path}: visible noscript messages`).toEqual([
      expect.stringMatching(/needs JavaScript/),
    ]);
  });
});

describe.each(lessons)('lesson $path, JavaScript off', ({ path }) => {
  test('each checkpoint says its questions need JavaScript and the reading does not; the reading is there', () => {
    const { checkpoints, readingParagraphs } = found(path);
    expect(checkpoints.length, `${path}: no checkpoint (section.quiz)`).toBeGreaterThan(0);
    for (const { heading, messages } of checkpoints) {
      expect(messages, `${path}, "${heading}": visible noscript messages`).toHaveLength(1);
      expect(messages[0], `${path}, "${heading}"`).toMatch(/need JavaScript/);
      expect(messages[0], `${path}, "${heading}"`).toMatch(/reading does not need it/);
    }
    expect(readingParagraphs, `${path}: paragraphs of the lesson's reading shown`).toBeGreaterThan(3);
  });
});

describe.each(readings)('report $path, JavaScript off', ({ path }) => {
  test('its text reads, and a note opens from its highlighted words', async () => {
    const tab = await site.noScript();
    await tab.visit(path);
    const page = tab.page;
    const text = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[id]')]
        .filter((element) => /^p\d+$/.test(element.id))
        .map((paragraph) => paragraph.checkVisibility() && paragraph.innerText.trim().length > 0),
    );
    expect(text.length, `${path}: no paragraph #p1, #p2, …`).toBeGreaterThan(0);
    expect(text.every(Boolean), `${path}: paragraphs hidden or empty`).toBe(true);
    const words = page.locator('a.anchor[href^="#note-"]').first();
    const id = (await words.getAttribute('href'))!.slice(1);
    const body = page.locator(`.note[id="${id}"] .note-body`);
    expect(await body.isVisible(), `${path}: #${id} is open before its words are followed`).toBe(false);
    await words.click();
    expect(await body.isVisible(), `${path}: following the words of #${id} did not open it`).toBe(true);
    expect((await body.innerText()).trim(), `${path}: #${id} is empty`).not.toBe('');
  });
});
