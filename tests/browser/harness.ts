// The browser tests' harness: serves dist/ on 127.0.0.1, starts one Chromium per test file, visits pages while
// recording everything that went wrong, and runs axe-core. Messages name the page and the problem.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import sirv from 'sirv';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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
export async function launchChromium(): Promise<Browser> {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    const args = [...quietFlags];
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    return chromium.launch({ executablePath: override, args, headless: true });
  }
  const { default: sparticuz } = await import('@sparticuz/chromium');
  const executablePath = await sparticuz.executablePath();
  const args = [...sparticuz.args.filter((flag) => !droppedSparticuzFlags.has(flag)), ...quietFlags];
  return chromium.launch({ executablePath, args, headless: true });
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
 * One reusable tab. Each visit() navigates it, waits until the network is idle (so late requests and
 * hydration errors are caught) and returns what went wrong during that visit.
 */
export class Tab {
  readonly page: Page;
  readonly origin: string;
  private log: VisitLog = Tab.emptyLog('');
  private documentUrl = '';
  private expectNotFound = false;

  constructor(page: Page, origin: string) {
    this.page = page;
    this.origin = origin;
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
      const url = new URL(request.url());
      if (/^(https?|wss?):$/.test(url.protocol) && url.origin !== this.origin)
        this.log.foreignRequests.push(request.url());
    });
    page.on('requestfailed', (request) => {
      if (new URL(request.url()).origin !== this.origin) return; // already listed as a foreign request
      this.log.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
    });
    page.on('response', (response) => {
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
    const response = await this.page.goto(this.documentUrl, { waitUntil: 'load' });
    this.log.status = response?.status() ?? null;
    await this.page.waitForLoadState('networkidle');
    if (options.wakeIslands) await this.wakeIslands();
    const events = await this.page.evaluate(() => (window as { __cspEvents?: string[] }).__cspEvents ?? []);
    this.log.cspViolations.push(...events);
    return this.log;
  }

  /** Astro removes an island's `ssr` attribute once it has hydrated; one that keeps it never woke. */
  private async wakeIslands(): Promise<void> {
    await this.page.evaluate(async () => {
      const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
        scrollTo(0, y);
        await frame();
      }
      scrollTo(0, 0);
    });
    const pending = () =>
      this.page.evaluate(() =>
        [...document.querySelectorAll('astro-island[ssr]')].map(
          (island) => `${island.getAttribute('component-url')} (client:${island.getAttribute('client')})`,
        ),
      );
    try {
      await this.page.waitForFunction(() => !document.querySelector('astro-island[ssr]'), null, { timeout: 10_000 });
    } catch {
      this.log.unhydratedIslands.push(...(await pending()));
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
  /** Pages as a visitor gets them, CSP enforced. */
  strict: Tab;
  /** CSP bypassed, only so axe-core can be injected. */
  axe: Tab;
  /** A new browser profile (its own localStorage), with `init` run before every page's scripts; closed with the site. */
  freshProfile(init?: () => void): Promise<Tab>;
  close(): Promise<void>;
}

/** Starts the server and one Chromium with two tabs; call once per test file (beforeAll) and close in afterAll. */
export async function openSite(): Promise<Site> {
  const server = await startStaticServer();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const strictContext = await browser.newContext({ viewport: defaultViewport });
    // Records CSP violations the console might not show (e.g. from report-only policies).
    await strictContext.addInitScript(() => {
      const events: string[] = ((window as { __cspEvents?: string[] }).__cspEvents = []);
      document.addEventListener('securitypolicyviolation', (event) => {
        events.push(
          `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
        );
      });
    });
    const axeContext: BrowserContext = await browser.newContext({ viewport: defaultViewport, bypassCSP: true });
    const strict = new Tab(await strictContext.newPage(), server.origin);
    const axe = new Tab(await axeContext.newPage(), server.origin);
    const openedBrowser = browser;
    const profiles: BrowserContext[] = [];
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

/** axe-core's WCAG 2.0/2.1/2.2 A and AA rules on the page as it is now (needs a bypassCSP context). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
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

/** One line per failing element: "rule (impact): help | target: what to fix". */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} | ${node.target}: ${node.summary}`,
    ),
  );
}
