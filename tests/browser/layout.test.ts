// Every page on a small phone, in Chromium against the built site: nothing wider than the screen (WCAG 1.4.10
// reflow at 320 px), and any part that scrolls on its own can be reached by keyboard and has a name.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { builtPages, openSite, unknownPath, type Site } from './harness.ts';

const pages = builtPages();
let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const urlOf = (path: string) => (path === '/404.html' ? unknownPath : path);

/** Elements wider than the screen, and the page's own width, as the visitor sees them. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= width + 1) continue;
      // Inside a region that scrolls (or clips) on its own, the page itself does not get wider.
      let parent = element.parentElement;
      let contained = false;
      while (parent && parent !== document.body) {
        const style = getComputedStyle(parent);
        if (style.overflowX !== 'visible' && parent.getBoundingClientRect().right <= width + 1) {
          contained = true;
          break;
        }
        parent = parent.parentElement;
      }
      if (contained) continue;
      if (wide.length < 5)
        wide.push(`<${element.localName} class="${element.className}"> reaches x=${Math.round(rect.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
}

/** Elements that scroll (there is more to see than fits) but cannot be focused, or have no name. */
function unreachableScrollers(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const style = getComputedStyle(element);
      const scrollsX = /(auto|scroll)/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
      const scrollsY = /(auto|scroll)/.test(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
      if (!scrollsX && !scrollsY) continue;
      const named = !!(element.getAttribute('aria-label') || element.getAttribute('aria-labelledby'));
      if (element.tabIndex >= 0 && named) continue;
      found.push(
        `<${element.localName} class="${element.className}">${element.tabIndex >= 0 ? '' : ' not focusable'}${named ? '' : ' has no name'}`,
      );
    }
    return found;
  });
}

describe.each(pages)('page $path', ({ path }) => {
  test.for([320, 390])('at %i px, is no wider than the screen', async (width) => {
    await site.strict.visit(urlOf(path), {
      viewport: { width, height: 800 },
      expectNotFound: path === '/404.html',
    });
    const { scrollWidth, width: shown, wide } = await overflow(site.strict.page);
    expect(
      { scrollWidth, wide },
      `${path} at ${width}px: the page is ${scrollWidth} px wide for a ${shown} px screen`,
    ).toEqual({ scrollWidth: shown, wide: [] });
  });

  test.for([390, 1366])('at %i px, any region that scrolls on its own is focusable and named', async (width) => {
    await site.strict.visit(urlOf(path), {
      viewport: { width, height: 800 },
      expectNotFound: path === '/404.html',
      wakeIslands: true,
    });
    expect(await unreachableScrollers(site.strict.page), `${path} at ${width}px: scroll regions`).toEqual([]);
  });
});
