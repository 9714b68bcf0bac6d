// What site.test.ts measures inside each loaded page: motion under prefers-reduced-motion, anything wider than
// the screen, scroll regions a keyboard cannot reach, and empty space at the top of each checkpoint. Each probe
// reads the page as it is now and returns one line per problem (or the figures the test compares).
import type { Page } from 'playwright-core';

/**
 * With prefers-reduced-motion: reduce, what still moves: every element whose computed animation or transition
 * lasts longer than 10 ms, or that scrolls smoothly, plus a probe element given a one-second animation and
 * transition of its own, so the check fails if the site's reduced-motion rule is gone even where nothing on
 * the page happens to move today. The probe is styled through the CSSOM, which the CSP allows.
 */
export function stillMoving(page: Page): Promise<string[]> {
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

export interface Overflow {
  /** The page's own width (scrollWidth) and the screen's (clientWidth). */
  scrollWidth: number;
  width: number;
  /** Up to five elements that reach past the screen's edge, outside any region that scrolls on its own. */
  wide: string[];
}

/** Elements wider than the screen, and the page's own width, as the visitor sees them. */
export function overflow(page: Page): Promise<Overflow> {
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
export function unreachableScrollers(page: Page): Promise<string[]> {
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

export interface CheckpointTop {
  /** The checkpoint's heading id, or its position on the page. */
  checkpoint: string;
  /** Whether any of its islands was still server-rendered (asleep) when it was measured. */
  asleep: boolean;
  /** Pixels from the inside of its top border to the top of the first thing in it a reader sees. */
  gap: number;
}

/**
 * For each checkpoint (section.quiz) on the page: how far below the inside of its top border its first visible
 * content (text, a control or an image) begins. Issue 10 saw an empty band of about 40 px there.
 */
export function checkpointTops(page: Page): Promise<CheckpointTop[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('section.quiz')].map((section, index) => {
      const inside = section.getBoundingClientRect().top + parseFloat(getComputedStyle(section).borderTopWidth);
      let first = Infinity;
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let box: DOMRect | undefined;
        if (node instanceof Text) {
          if (!node.data.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          box = range.getBoundingClientRect();
        } else if (node instanceof Element && node.matches('input, select, textarea, button, img, svg')) {
          box = node.getBoundingClientRect();
        }
        if (!box || box.width === 0 || box.height === 0) continue;
        first = Math.min(first, box.top);
      }
      return {
        checkpoint: section.querySelector('h2')?.id || `checkpoint ${index + 1}`,
        asleep: !!section.querySelector('astro-island[ssr]'),
        gap: Math.round(first - inside),
      };
    }),
  );
}
