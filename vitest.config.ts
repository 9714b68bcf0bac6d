import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// Four kinds of test, one command (`npm test`):
// - unit: pure modules, in Node;
// - components: Svelte islands rendered in jsdom;
// - build: budgets asserted on the built site in dist/ (built by `npm test` first);
// - browser: what a person does, in a real Chromium against the built site in dist/ (built by `npm test` first).
// The first three run first, on every core; then the browser files, one at a time.
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores, which on a 2-core machine is one: every file in turn.
    maxWorkers: '100%',
    projects: [
      {
        // Pure modules: files share a worker and its module cache (isolate: false) instead of each starting a
        // worker and importing zod, yaml and the schemas again. The tests restore what they change (vi.stubEnv).
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', isolate: false },
      },
      {
        plugins: [svelte(), svelteTesting()],
        test: { name: 'components', include: ['tests/components/**/*.test.ts'], environment: 'jsdom' },
      },
      {
        // Budgets on the built site in dist/: bytes, CSP and origins, read from the files (no browser, no timings).
        // They only read files, so they share workers too.
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], environment: 'node', isolate: false },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // One Chromium for the run (global-setup.ts); files take turns, as a 2-core machine has no room for more.
          globalSetup: ['tests/browser/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          // expect.poll waits for something the page does; 1 s (the default) is too short on a busy 2-core machine,
          // and waiting longer for a condition does not weaken what it checks.
          expect: { poll: { timeout: 10_000 } },
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
