// The browser tests' harness: serves dist/ on 127.0.0.1, connects to the one Chromium that global-setup.ts starts
// for the whole run (or starts its own when run without it), visits pages while recording everything that went
// wrong, and runs axe-core. Messages name the page and the problem.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import sirv from 'sirv';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserServer,
  type Download,
  type LaunchOptions,
  type Page,
  type Request,
} from 'playwright-core';
import { inject } from 'vitest';
import { builtPages, distDir, repoRoot } from '../built-site.ts';

export { builtPages, distDir };

/** The URL a visitor reaches the 404 page at: any unknown path. */
export const unknownPath = '/no-such-page-for-tests/';

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves dir like a static host: files and folder index.html; anything else gets 404.html with status 404. */
export async function startStaticServer(dir: string = distDir): Promise<StaticServer> {
  const serve = sirv(dir, { dev: true, etag: false, dotfiles: false });
  const notFoundFile = resolve(dir, '404.html');
  const server: Server = createServer((req, res) => {
    serve(req, res, () => {
      res.statusCode = 404;
      if (existsSync(notFoundFile)) {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(readFileSync(notFoundFile));
      } else {
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('Not found (and the site has no 404.html)');
      }
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

// Flags that keep Chromium from phoning home (this machine has no network; the calls would only add noise).
const quietFlags = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
// @sparticuz/chromium's flags are made for serverless hosts. These would weaken what the tests check (the
// same-origin policy, mixed content) or make the browser less robust, so they are left out.
const droppedSparticuzFlags = new Set([
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--single-process',
  "--headless='shell'",
]);

/** Chromium from CHROMIUM_PATH if set (e.g. /usr/bin/chromium), else the one inside @sparticuz/chromium. */
async function chromiumOptions(): Promise<LaunchOptions> {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    const args = [...quietFlags];
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    return { executablePath: override, args, headless: true };
  }
  const { default: sparticuz } = await import('@sparticuz/chromium');
  const executablePath = await sparticuz.executablePath();
  const args = [...sparticuz.args.filter((flag) => !droppedSparticuzFlags.has(flag)), ...quietFlags];
  return { executablePath, args, headless: true };
}

/** A Chromium that test files connect to over its WebSocket, so the run starts one browser, not one per file. */
export async function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(await chromiumOptions());
}

/** The run's shared Chromium when global-setup.ts started one, else a browser of this file's own. */
export async function launchChromium(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch(await chromiumOptions());
}

export interface VisitLog {
  url: string;
  status: number | null;
  consoleErrors: string[];
  consoleWarnings: string[];
  pageErrors: string[];
  /** Requests that failed outright, and responses with status 400 or more. */
  failedRequests: string[];
  /** Every request to an origin other than the local server. */
  foreignRequests: string[];
  /** Console messages about the Content Security Policy, and securitypolicyviolation events. */
  cspViolations: string[];
  /** Astro islands still waiting to hydrate after the page was scrolled through (with wakeIslands). */
  unhydratedIslands: string[];
}

export interface VisitOptions {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  viewport?: { width: number; height: number };
  /** The page is the deliberate 404: its own 404 status is expected. */
  expectNotFound?: boolean;
  /** Scroll through the page so client:visible islands wake, and wait for every island to hydrate. */
  wakeIslands?: boolean;
}

const defaultViewport = { width: 1280, height: 900 };

/**
 * One reusable tab. Each visit() navigates it, waits for the load event and for the islands that hydrate on
 * their own (client:load/idle/only; with wakeIslands, every island), and returns what went wrong during that
 * visit. It does not wait for an idle network: that costs half a second a page, and every request a page makes
 * comes from its HTML or an island, which these waits already cover. A tab whose context has JavaScript turned
 * off (`scripts: false`) waits for no island: none can wake.
 */
export class Tab {
  readonly page: Page;
  readonly origin: string;
  private readonly scripts: boolean;
  private log: VisitLog = Tab.emptyLog('');
  private documentUrl = '';
  private expectNotFound = false;
  /**
   * The requests made since the current visit began. One the previous page left in flight is aborted when the
   * test navigates on (net::ERR_ABORTED); that is the test's doing, not a problem of either page.
   */
  private visitRequests = new WeakSet<Request>();

  constructor(page: Page, origin: string, { scripts = true }: { scripts?: boolean } = {}) {
    this.page = page;
    this.origin = origin;
    this.scripts = scripts;
    page.on('console', (message) => {
      const text = `${message.text()}${locationOf(message.location())}`;
      // Chromium logs the deliberate 404 page's own status as an error; only that one message is expected.
      if (this.expectNotFound && message.location().url === this.documentUrl && /status of 404/.test(message.text()))
        return;
      if (/content[- ]security[- ]policy/i.test(text)) this.log.cspViolations.push(text);
      if (message.type() === 'error') this.log.consoleErrors.push(text);
      else if (message.type() === 'warning') this.log.consoleWarnings.push(text);
    });
    page.on('pageerror', (error) => {
      const headline = `${error.name}: ${error.message}`;
      this.log.pageErrors.push(
        error.stack?.includes(error.message) ? error.stack : `${headline}${error.stack ? `\n${error.stack}` : ''}`,
      );
    });
    page.on('request', (request) => {
      this.visitRequests.add(request);
      const url = new URL(request.url());
      if (/^(https?|wss?):$/.test(url.protocol) && url.origin !== this.origin)
        this.log.foreignRequests.push(request.url());
    });
    page.on('requestfailed', (request) => {
      if (!this.visitRequests.has(request)) return;
      if (new URL(request.url()).origin !== this.origin) return; // already listed as a foreign request
      this.log.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
    });
    page.on('response', (response) => {
      if (!this.visitRequests.has(response.request())) return;
      if (response.status() < 400) return;
      if (this.expectNotFound && response.status() === 404 && response.url() === this.documentUrl) return;
      this.log.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
    });
  }

  private static emptyLog(url: string): VisitLog {
    return {
      url,
      status: null,
      consoleErrors: [],
      consoleWarnings: [],
      pageErrors: [],
      failedRequests: [],
      foreignRequests: [],
      cspViolations: [],
      unhydratedIslands: [],
    };
  }

  async visit(path: string, options: VisitOptions = {}): Promise<VisitLog> {
    await this.page.setViewportSize(options.viewport ?? defaultViewport);
    await this.page.emulateMedia({
      colorScheme: options.colorScheme ?? 'light',
      reducedMotion: options.reducedMotion ?? 'no-preference',
    });
    this.documentUrl = new URL(path, this.origin).href;
    this.expectNotFound = options.expectNotFound ?? false;
    this.log = Tab.emptyLog(this.documentUrl);
    this.visitRequests = new WeakSet();
    const response = await this.page.goto(this.documentUrl, { waitUntil: 'load' });
    this.log.status = response?.status() ?? null;
    if (!this.scripts) return this.log;
    if (options.wakeIslands) await this.wakeIslands();
    else await this.waitForIslands('self-starting');
    const events = await this.page.evaluate(() => (window as { __cspEvents?: string[] }).__cspEvents ?? []);
    this.log.cspViolations.push(...events);
    return this.log;
  }

  /**
   * Scrolls through the loaded page, a screenful at a time, so every client:visible island comes into view and
   * wakes, then waits until all have hydrated (what visit() does with wakeIslands, for a page already visited).
   * Consecutive screens leave no gap, so every island is in view at one step; two frames per step let the
   * IntersectionObserver see it. Astro removes an island's `ssr` attribute once it has hydrated; one that keeps
   * it never woke, and is logged.
   */
  async wakeIslands(): Promise<void> {
    await this.page.evaluate(async () => {
      const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
        scrollTo(0, y);
        await frame();
      }
      scrollTo(0, 0);
    });
    await this.waitForIslands('all');
  }

  /**
   * Waits until islands have hydrated: all of them, or only those that start on their own (not client:visible).
   * Those that did not within 10 s are logged.
   */
  private async waitForIslands(which: 'all' | 'self-starting'): Promise<void> {
    const selector = which === 'all' ? 'astro-island[ssr]' : 'astro-island[ssr]:not([client="visible"])';
    try {
      await this.page.waitForFunction((pick) => !document.querySelector(pick), selector, { timeout: 10_000 });
    } catch {
      const pending = await this.page.evaluate(
        (pick) =>
          [...document.querySelectorAll(pick)].map(
            (island) => `${island.getAttribute('component-url')} (client:${island.getAttribute('client')})`,
          ),
        selector,
      );
      this.log.unhydratedIslands.push(...pending);
    }
  }
}

function locationOf(location: { url: string; lineNumber: number }): string {
  return location.url ? ` (at ${location.url}:${location.lineNumber})` : '';
}

/** The problems of a visit that make a page fail "loads cleanly", one line each, empty when none. */
export function loadProblems(log: VisitLog): string[] {
  return [
    ...log.consoleErrors.map((text) => `console error: ${text}`),
    ...log.consoleWarnings.map((text) => `console warning: ${text}`),
    ...log.pageErrors.map((text) => `page error: ${text}`),
    ...log.failedRequests.map((text) => `failed request: ${text}`),
    ...log.unhydratedIslands.map((text) => `island did not hydrate within 10 s: ${text}`),
  ];
}

export interface Site {
  origin: string;
  browser: Browser;
  /** Pages as a visitor gets them, CSP enforced (as in every tab here). */
  strict: Tab;
  /** A second tab like `strict`, in a context of its own, for tests that run axe on a page they change. */
  axe: Tab;
  /** A new browser profile (its own localStorage), with `init` run before every page's scripts; closed with the site. */
  freshProfile(init?: () => void): Promise<Tab>;
  /** A new browser profile with JavaScript turned off, as for a visitor who has it off. */
  noScript(): Promise<Tab>;
  /** `size` tabs, each in its own context like `strict`, for visiting pages in parallel. */
  tabs(size: number): Promise<Tab[]>;
  close(): Promise<void>;
}

function recordCspViolations(): void {
  const events: string[] = ((window as { __cspEvents?: string[] }).__cspEvents = []);
  document.addEventListener('securitypolicyviolation', (event) => {
    events.push(
      `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
    );
  });
}

/** Runs `work` on every item, at most `tabs.length` at a time, each run on a tab (or a set of tabs) of its own. */
export async function inParallel<T, R, W = Tab>(
  tabs: readonly W[],
  items: readonly T[],
  work: (tab: W, item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    tabs.map(async (tab) => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(tab, items[index]!);
      }
    }),
  );
  return results;
}

/**
 * Starts the server and connects to Chromium with two tabs; call once per test file (beforeAll) and close in afterAll.
 * `dir` is the built site to serve: dist/ unless a test builds another course.
 */
export async function openSite(dir: string = distDir): Promise<Site> {
  const server = await startStaticServer(dir);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const openedBrowser = browser;
    const profiles: BrowserContext[] = [];
    const newTab = async (): Promise<Tab> => {
      const context = await openedBrowser.newContext({ viewport: defaultViewport });
      profiles.push(context);
      // Records CSP violations the console might not show (e.g. from report-only policies).
      await context.addInitScript(recordCspViolations);
      return new Tab(await context.newPage(), server.origin);
    };
    const strict = await newTab();
    const axe = await newTab();
    return {
      origin: server.origin,
      browser: openedBrowser,
      strict,
      axe,
      async freshProfile(init) {
        const context = await openedBrowser.newContext({ viewport: defaultViewport, acceptDownloads: true });
        profiles.push(context);
        if (init) await context.addInitScript(init);
        return new Tab(await context.newPage(), server.origin);
      },
      async noScript() {
        const context = await openedBrowser.newContext({ viewport: defaultViewport, javaScriptEnabled: false });
        profiles.push(context);
        return new Tab(await context.newPage(), server.origin, { scripts: false });
      },
      tabs: (size) => Promise.all(Array.from({ length: size }, () => newTab())),
      async close() {
        for (const context of profiles) await context.close().catch(() => undefined);
        await openedBrowser.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}

/**
 * The text of a finished download. The shared browser runs as a server, where download.path() is not
 * available, so the file is read through its stream.
 */
export async function downloadedText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** Links with these rels fetch nothing, so they may name the public site or another origin. */
const nonFetchingRels = new Set(['canonical', 'alternate', 'author', 'license', 'me', 'help', 'bookmark', 'sitemap']);

/** The <link>, <script>, <img>, <source> and <iframe> of the loaded page whose URL is on another origin. */
export async function foreignReferences(page: Page): Promise<string[]> {
  return page.evaluate(
    (skipRels) => {
      const found: string[] = [];
      const check = (element: Element, url: string) => {
        if (!url || /^(data|blob|about):/.test(url)) return;
        const absolute = new URL(url, document.baseURI);
        if (absolute.origin !== location.origin) found.push(`<${element.localName}> → ${absolute.href}`);
      };
      for (const link of document.querySelectorAll('link[href]')) {
        const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        if (rels.length > 0 && rels.every((rel) => skipRels.includes(rel))) continue;
        check(link, link.getAttribute('href') ?? '');
      }
      for (const element of document.querySelectorAll('script[src], img[src], iframe[src], source[src]')) {
        check(element, element.getAttribute('src') ?? '');
      }
      for (const element of document.querySelectorAll('img[srcset], source[srcset]')) {
        for (const candidate of (element.getAttribute('srcset') ?? '').split(','))
          check(element, candidate.trim().split(/\s+/)[0] ?? '');
      }
      return found;
    },
    [...nonFetchingRels],
  );
}

const axeSource = readFileSync(resolve(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string; summary: string }>;
}

/**
 * axe-core's WCAG 2.0/2.1/2.2 A and AA rules on the page as it is now. axe is evaluated through the DevTools
 * protocol, which the page's CSP does not govern, so it runs in any tab, on the page as a visitor gets it.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    type AxeResult = {
      violations: Array<{
        id: string;
        impact?: string | null;
        help: string;
        nodes: Array<{ target: unknown[]; failureSummary?: string }>;
      }>;
    };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' '),
        summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    }));
  }, wcagTags);
}

/**
 * axe's findings (as describeViolations lines) on the page as it is now, in the light and then the dark colour
 * scheme; the page is left in the light one, where visit() puts every page.
 */
export async function axeInBothSchemes(page: Page): Promise<Record<'light' | 'dark', string[]>> {
  await page.emulateMedia({ colorScheme: 'light' });
  const light = describeViolations(await runAxe(page));
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = describeViolations(await runAxe(page));
  await page.emulateMedia({ colorScheme: 'light' });
  return { light, dark };
}

/** One line per failing element: "rule (impact): help | target: what to fix". */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} | ${node.target}: ${node.summary}`,
    ),
  );
}
