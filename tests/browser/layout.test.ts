// Every page on a small phone, in Chromium against the built site: nothing wider than the screen (WCAG 1.4.10
// reflow at 320 px), and any part that scrolls on its own can be reached by keyboard and has a name.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { builtPages, inParallel, openSite, unknownPath, type Site } from './harness.ts';

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

interface Layout {
  overflow: Record<320 | 390, Awaited<ReturnType<typeof overflow>>>;
  scrollers: Record<390 | 1366, string[]>;
}

// Each page is loaded once, at 390 px with every island awake, and then resized on the spot (media queries and
// layout follow the viewport as on a turned phone): three tabs at a time, as in site.test.ts.
const layouts = new Map<string, Layout>();
beforeAll(async () => {
  const tabs = await site.tabs(3);
  await inParallel(tabs, pages, async (tab, { path }) => {
    await tab.visit(urlOf(path), {
      viewport: { width: 390, height: 800 },
      expectNotFound: path === '/404.html',
      wakeIslands: true,
    });
    const at390 = await overflow(tab.page);
    const scrollers390 = await unreachableScrollers(tab.page);
    await tab.page.setViewportSize({ width: 320, height: 800 });
    const at320 = await overflow(tab.page);
    await tab.page.setViewportSize({ width: 1366, height: 800 });
    const scrollers1366 = await unreachableScrollers(tab.page);
    layouts.set(path, { overflow: { 320: at320, 390: at390 }, scrollers: { 390: scrollers390, 1366: scrollers1366 } });
  });
}, 300_000);

function layoutOf(path: string): Layout {
  const layout = layouts.get(path);
  if (!layout) throw new Error(`${path} was not visited`);
  return layout;
}

describe.each(pages)('page $path', ({ path }) => {
  test.for([320, 390] as const)('at %i px, is no wider than the screen', (width) => {
    const { scrollWidth, width: shown, wide } = layoutOf(path).overflow[width];
    expect(
      { scrollWidth, wide },
      `${path} at ${width}px: the page is ${scrollWidth} px wide for a ${shown} px screen`,
    ).toEqual({ scrollWidth: shown, wide: [] });
  });

  test.for([390, 1366] as const)('at %i px, any region that scrolls on its own is focusable and named', (width) => {
    expect(layoutOf(path).scrollers[width], `${path} at ${width}px: scroll regions`).toEqual([]);
  });
});
