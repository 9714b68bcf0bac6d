// `npm run bench` ends with this (or run `node scripts/bench-check.ts` on an existing build): what one "Check
// answer" costs on the main thread of a lesson page in Chromium, with 0 and with 10,000 stored answers for
// questions the course does not have (issue 11: checking must not grow with unrelated entries; target < 16 ms).
// Each sample is the time from the click to the end of the task that follows it, so it holds the click
// handler, the save to localStorage and Svelte's update of the page. SITE_DIST=DIR measures another build.
import { openSite } from '../tests/browser/harness.ts';

const LESSON = '/lessons/what-happened/';
const QUESTION = '#q-what-happened-l1-what-hit-ain-al-asad';
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
      box: 1,
      dueAt: 1_700_000_000_000 + i,
    };
  }
  return JSON.stringify({ version: 1, updatedAt: 1_700_000_100_000, lessons: {}, answers });
}

const site = await openSite();
try {
  console.log(`\nCheck answer, main-thread time per check in Chromium (${SAMPLES} checks each, ms):`);
  for (const unknown of [0, 10_000]) {
    const tab = await site.freshProfile();
    await tab.visit('/');
    const text = seed(unknown);
    await tab.page.evaluate((value) => localStorage.setItem('course-progress-v1', value), text);
    await tab.visit(LESSON, { wakeIslands: true });
    const times = await tab.page.evaluate(
      async ({ selector, samples }) => {
        const form = document.querySelector<HTMLFormElement>(selector)!;
        const radios = [...form.querySelectorAll<HTMLInputElement>('input[type=radio]')];
        const submit = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
        const afterTask = () =>
          new Promise<void>((done) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => done();
            channel.port2.postMessage(0);
          });
        const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        const out: number[] = [];
        for (let i = 0; i < samples; i++) {
          if (submit.textContent?.includes('Try again')) {
            submit.click();
            await frame();
          }
          radios[i % radios.length]!.click();
          await frame();
          const started = performance.now();
          submit.click();
          await afterTask();
          out.push(performance.now() - started);
          await frame();
        }
        return out;
      },
      { selector: QUESTION, samples: SAMPLES },
    );
    const kept = await tab.page.evaluate(
      () => Object.keys(JSON.parse(localStorage.getItem('course-progress-v1') ?? '{}').answers ?? {}).length,
    );
    const sorted = [...times].sort((a, b) => a - b);
    const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!.toFixed(1);
    console.log(
      `  ${String(unknown).padStart(6)} unknown stored answers (${(text.length / 1024).toFixed(0)} KB stored): ` +
        `median ${at(0.5)}, p90 ${at(0.9)}, max ${sorted.at(-1)!.toFixed(1)}; ${kept} answers kept after checking`,
    );
  }
} finally {
  await site.close();
}
