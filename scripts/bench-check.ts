// `npm run bench` ends with this (or run `node scripts/bench-check.ts` on an existing build): what one "Check
// answer" costs on the main thread of a lesson page in Chromium, with 0 and with 10,000 stored answers for
// questions the course does not have (issue 11: checking must not grow with unrelated entries; target < 16 ms).
// Two times per check: "script" runs from the click until its microtasks are done (the click handler, the
// save to localStorage, Svelte's update of the page), "to next task" until a task queued right after the
// click runs (adds the browser's own work, e.g. garbage collection, and any frame drawn meanwhile).
// Both are wall-clock times, so a busy machine inflates them; the third, "main-thread CPU", is Chromium's own
// count of the page's main-thread CPU time (CDP Performance ThreadTime) during the check, less that of an
// empty round trip, and holds up better on a shared machine.
// SITE_DIST=DIR measures another build.
import { chromium } from 'playwright-core';
import { launchChromiumServer, startStaticServer, Tab } from '../tests/browser/harness.ts';

const LESSON = '/lessons/what-happened/';
// A numeric question answered wrong each time, so it never reaches "right" and every sample is a real check.
const QUESTION = '#q-what-happened-l1-rockets-at-rumalyn';
const SAMPLES = 25;

/** Stored progress with `count` answers to questions no lesson has (as after a course dropped a lesson). */
function seed(count: number): string {
  const answers: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    answers[`gone-lesson-${i % 50}/q-${i}`] = {
      hash: `h${i}`,
      response: { type: 'single', option: `option-${i % 4}` },
      correct: i % 3 === 0,
      score: i % 3 === 0 ? 1 : 0,
      attempts: 1 + (i % 5),
      firstAt: 1_700_000_000_000 + i,
      lastAt: 1_700_000_000_000 + i,
      firstTryRight: false,
      roundAt: 1_700_000_000_000 + i,
      roundAttempts: 1,
      roundFirstRight: false,
      revealed: false,
      box: 1,
      dueAt: 1_700_000_000_000 + i,
    };
  }
  return JSON.stringify({ version: 2, updatedAt: 1_700_000_100_000, lessons: {}, answers });
}

// The harness's Chromium, started here (openSite expects the browser tests' shared one).
const server = await startStaticServer();
const chromiumServer = await launchChromiumServer();
const browser = await chromium.connect(chromiumServer.wsEndpoint());
const site = {
  async freshProfile(): Promise<Tab> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    return new Tab(await context.newPage(), server.origin);
  },
};
try {
  console.log(`\nCheck answer, main-thread time per check in Chromium (${SAMPLES} checks each, ms):`);
  for (const unknown of [0, 10_000]) {
    const tab = await site.freshProfile();
    await tab.visit('/');
    const text = seed(unknown);
    await tab.page.evaluate((value) => localStorage.setItem('course-progress-v1', value), text);
    await tab.visit(LESSON, { wakeIslands: true });
    const cdp = await tab.page.context().newCDPSession(tab.page);
    await cdp.send('Performance.enable');
    const threadTime = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ThreadTime')!.value;
    await tab.page.evaluate((selector) => {
      const form = document.querySelector<HTMLFormElement>(selector)!;
      const afterTask = () =>
        new Promise<void>((done) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => done();
          channel.port2.postMessage(0);
        });
      const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      const submit = () => form.querySelector<HTMLButtonElement>('button[type=submit]')!;
      Object.assign(window, {
        benchPrepare: async (i: number) => {
          if (submit().textContent?.includes('Try again')) submit().click();
          await frame();
          const input = form.querySelector<HTMLInputElement>('input')!;
          input.value = String(1000 + i);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await frame();
          await frame();
        },
        benchCheck: async () => {
          const started = performance.now();
          const task = afterTask();
          submit().click();
          for (let i = 0; i < 10; i++) await Promise.resolve();
          const script = performance.now() - started;
          await task;
          return [script, performance.now() - started];
        },
        benchNothing: () => afterTask(),
      });
    }, QUESTION);
    type Bench = { benchPrepare(i: number): Promise<void>; benchCheck(): Promise<[number, number]> };
    const times: [number, number, number][] = [];
    for (let i = 0; i < SAMPLES; i++) {
      await tab.page.evaluate((n) => (window as unknown as Bench).benchPrepare(n), i);
      // The same round trip with nothing in it, so what CDP and evaluate cost the main thread is left out.
      const idle0 = await threadTime();
      await tab.page.evaluate(() => (window as unknown as { benchNothing(): Promise<void> }).benchNothing());
      const idle1 = await threadTime();
      const [script, total] = await tab.page.evaluate(() => (window as unknown as Bench).benchCheck());
      const idle2 = await threadTime();
      times.push([script, total, Math.max(0, (idle2 - idle1 - (idle1 - idle0)) * 1000)]);
    }
    // Answers may be under two keys (storage.ts keeps older ones apart); count them once.
    const kept = await tab.page.evaluate(() => {
      const keys = new Set<string>();
      for (const key of ['course-progress-v1', 'course-progress-v1-older'])
        for (const k of Object.keys(JSON.parse(localStorage.getItem(key) ?? '{}').answers ?? {})) keys.add(k);
      return keys.size;
    });
    const summary = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
      return `median ${at(0.5).toFixed(1)}, p90 ${at(0.9).toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)}`;
    };
    console.log(
      `  ${String(unknown).padStart(6)} unknown stored answers (${(text.length / 1024).toFixed(0)} KB stored), ` +
        `${kept} answers kept after checking:\n` +
        `         script: ${summary(times.map((t) => t[0]))}\n   to next task: ${summary(times.map((t) => t[1]))}\n` +
        `   main-thread CPU: ${summary(times.map((t) => t[2]))}`,
    );
  }
} finally {
  await browser.close();
  await chromiumServer.close();
  await server.close();
}
