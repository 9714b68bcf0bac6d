// Search on the built site, in a real Chromium with the CSP enforced: results for ?q=, announced and safe;
// the whole trip from the header of the home page to a result by keyboard alone; Escape; axe on the results.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { describeViolations, loadProblems, openSite, runAxe, Tab, type Site } from './harness.ts';

/** Fetching the index and searching takes a moment after load; a result set is ready when its first link is. */
const RESULTS_TIMEOUT = 15_000;
/** Everything the first search fetches from /pagefind/ (script, worker, WebAssembly, index and result chunks), gzipped. */
const FIRST_SEARCH_BUDGET = 200 * 1024;

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

async function waitForResults(page: Page): Promise<void> {
  await page.locator('.search-result a').first().waitFor({ state: 'visible', timeout: RESULTS_TIMEOUT });
  await page.waitForLoadState('networkidle');
}

const cspEvents = (page: Page) => page.evaluate(() => (window as { __cspEvents?: string[] }).__cspEvents ?? []);

describe('the search page', () => {
  test('finds Kalsu: announces how many pages match and lists links to them, with the words marked', async () => {
    const page = site.strict.page;
    // The test server sends files uncompressed; gzip is what a static host would send (Pagefind's index
    // chunks and WebAssembly are gzipped already, so for them gzip changes little).
    const fetched: Array<{ url: string; raw: number; gzip: number }> = [];
    const onResponse = async (response: Response) => {
      const url = new URL(response.url());
      if (url.origin !== site.origin || url.pathname === '/search/') return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      fetched.push({ url: url.pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    };
    page.on('response', onResponse);
    const log = await site.strict.visit('/search/?q=Kalsu');
    await waitForResults(page);
    page.off('response', onResponse);

    expect(loadProblems(log), 'problems while loading /search/?q=Kalsu').toEqual([]);
    expect(log.foreignRequests, 'requests to another origin').toEqual([]);
    expect([...log.cspViolations, ...(await cspEvents(page))], 'CSP violations').toEqual([]);

    const status = page.locator('[data-search-status]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    const message = (await status.innerText()).trim();
    expect(message).toMatch(/^\d+ pages? match(es)? “Kalsu”\.$/);
    const count = Number(message.split(' ')[0]);
    const links = await page
      .locator('.search-result-title a')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length, `the list shows as many pages as "${message}" says`).toBe(count);
    expect(
      links.some((href) => /^\/(reports|background)\/[^/]+\/$/.test(href)),
      `a report or background topic among ${links.join(', ')}`,
    ).toBe(true);

    const marked = await page.locator('.search-results mark').allInnerTexts();
    expect(marked.length, 'matched words are marked').toBeGreaterThan(0);
    expect(
      marked.every((text) => /kalsu/i.test(text)),
      `marked words: ${marked.join(', ')}`,
    ).toBe(true);
    // Excerpts are built from text nodes: the only elements inside one are <mark>s.
    const excerptElements = await page
      .locator('.search-excerpt *')
      .evaluateAll((nodes) => [...new Set(nodes.map((n) => n.localName))]);
    expect(excerptElements).toEqual(['mark']);

    const search = fetched.filter((file) => file.url.startsWith('/pagefind/'));
    const sum = (key: 'raw' | 'gzip') => search.reduce((total, file) => total + file[key], 0);
    const breakdown = fetched.map((file) => `${file.url} ${file.raw} B (${file.gzip} B gz)`).join('; ');
    console.info(
      `search page, one query: /pagefind/ ${sum('raw')} B raw, ${sum('gzip')} B gzipped; everything after the HTML: ${breakdown}`,
    );
    expect(
      search.some((file) => file.url === '/pagefind/pagefind.js'),
      breakdown,
    ).toBe(true);
    expect(sum('gzip'), breakdown).toBeLessThan(FIRST_SEARCH_BUDGET);
  });

  test('fetches nothing from the index until there is something to search for', async () => {
    const page = site.strict.page;
    const requested: string[] = [];
    const onRequest = (request: { url(): string }) => requested.push(new URL(request.url()).pathname);
    page.on('request', onRequest);
    const log = await site.strict.visit('/search/');
    page.off('request', onRequest);
    expect(loadProblems(log)).toEqual([]);
    expect(requested.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    expect(await page.locator('.search-result').count()).toBe(0);
  });

  test('searches as the student types, keeps ?q= in step, and Escape clears it all', async () => {
    const page = site.strict.page;
    await site.strict.visit('/search/');
    await page.locator('#search-q').focus();
    await page.keyboard.type('Hezbollah');
    await waitForResults(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Hezbollah');
    expect(await page.locator('[data-search-status]').innerText()).toMatch(/“Hezbollah”/);

    await page.keyboard.press('Escape');
    expect(await page.locator('#search-q').inputValue()).toBe('');
    expect(await page.locator('.search-result').count()).toBe(0);
    expect(await page.locator('[data-search-results]').isHidden()).toBe(true);
    expect(new URL(page.url()).searchParams.has('q')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    expect(await cspEvents(page), 'CSP violations').toEqual([]);
  });

  test('says so when nothing matches', async () => {
    const page = site.strict.page;
    await site.strict.visit('/search/?q=xylophonequartz');
    await page
      .locator('[data-search-status]')
      .filter({ hasText: 'No pages match' })
      .waitFor({ timeout: RESULTS_TIMEOUT });
    expect(await page.locator('.search-result').count()).toBe(0);
  });

  // Pagefind searches in a Web Worker, whose policy comes from its own response (none from a <meta>), and
  // falls back to the page itself without one. That path compiles WebAssembly under the page's CSP: it is why
  // /search/ (and only /search/) allows 'wasm-unsafe-eval'.
  test('works without Web Workers, on the main thread, within the CSP', async () => {
    const context = await site.browser.newContext();
    try {
      await context.addInitScript(() => {
        const events: string[] = ((window as { __cspEvents?: string[] }).__cspEvents = []);
        document.addEventListener('securitypolicyviolation', (event) =>
          events.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`),
        );
        Reflect.deleteProperty(window, 'Worker');
      });
      const tab = new Tab(await context.newPage(), site.origin);
      const log = await tab.visit('/search/?q=Kalsu');
      await waitForResults(tab.page);
      expect(await tab.page.evaluate(() => typeof Worker)).toBe('undefined');
      expect([...log.cspViolations, ...(await cspEvents(tab.page))], 'CSP violations').toEqual([]);
      expect(loadProblems(log)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test.for(['light', 'dark'] as const)('has no axe violations with results shown, in %s mode', async (colorScheme) => {
    await site.axe.visit('/search/?q=Kalsu', { colorScheme });
    await waitForResults(site.axe.page);
    const violations = describeViolations(await runAxe(site.axe.page));
    expect(violations, `/search/?q=Kalsu in ${colorScheme} mode`).toEqual([]);
  });
});

describe('searching by keyboard alone', () => {
  test('from the home page header: type, Enter, Tab to the first result, Enter opens it', async () => {
    const page = site.strict.page;
    await site.strict.visit('/');
    let inBox = false;
    for (let tabs = 0; tabs < 30 && !inBox; tabs += 1) {
      await page.keyboard.press('Tab');
      inBox = await page.evaluate(() => document.activeElement?.id === 'site-search-q');
    }
    expect(inBox, 'Tab never reached the search box in the header').toBe(true);
    await page.keyboard.type('Kalsu');
    await Promise.all([page.waitForURL(/\/search\/\?q=Kalsu$/), page.keyboard.press('Enter')]);
    await waitForResults(page);

    const first = page.locator('.search-result a').first();
    const firstHref = await first.getAttribute('href');
    let onFirst = false;
    for (let tabs = 0; tabs < 30 && !onFirst; tabs += 1) {
      await page.keyboard.press('Tab');
      onFirst = await first.evaluate((link) => link === document.activeElement);
    }
    expect(onFirst, `Tab never reached the first result (${firstHref})`).toBe(true);
    expect(await cspEvents(page), 'CSP violations on the search page').toEqual([]);

    await Promise.all([
      page.waitForURL((url) => `${url.pathname}${url.hash}` === firstHref),
      page.keyboard.press('Enter'),
    ]);
    expect(new URL(page.url()).pathname).toBe(new URL(firstHref!, site.origin).pathname);
  });
});
