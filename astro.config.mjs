// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import contentCheck from './src/content-check/integration.ts';
import searchIndex from './src/search/integration.ts';

export default defineConfig({
  // Where the course is published. Only the LMS exports and worksheets need it (their evidence links must
  // be absolute); set COURSE_SITE_URL when building for publication.
  site: process.env.COURSE_SITE_URL || 'http://localhost:4321',
  trailingSlash: 'ignore',
  // contentCheck first: it lists every content problem before Astro reads the collections.
  // searchIndex runs after the build: Pagefind indexes the built pages (see src/search/).
  // discloseVersion: false drops the line each island would run to register Svelte's version on window.
  integrations: [contentCheck(), mdx(), svelte({ compilerOptions: { discloseVersion: false } }), searchIndex()],
  // Island JavaScript in few files, since each file costs its own gzip overhead and import lists (measured with
  // scripts/bench.ts; budget in tests/build/budgets.test.ts). Every island needs the Svelte runtime, Astro's
  // Svelte renderer and the progress store (browser-store.ts and what it imports): one chunk. What every lesson page's
  // islands share (the question frame, marks, score lines, lesson end): a second; /review/ loads it too. Each kind
  // of question stays in a chunk of its own, so a lesson page loads only the kinds it shows.
  // Client build only: the server build keeps its default chunks.
  vite: {
    build: {
      rolldownOptions: {
        // Astro marks compiled MDX with a "use astro:head-inject" directive that the bundler warns it may drop;
        // Astro handles it itself, and the warning buried real messages for instructors in every build.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
    environments: {
      client: {
        build: {
          // Source maps only for scripts/island-breakdown.ts, which reads them to say what the island JS is made of.
          sourcemap: process.env.COURSE_SOURCEMAPS === '1',
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [
                  {
                    name: 'svelte',
                    test: /node_modules[\\/](svelte|esm-env|clsx|nanostores|@astrojs[\\/]svelte)[\\/]|src[\\/]progress[\\/]browser-store\.ts|src[\\/]components[\\/]quiz[\\/]live-progress\.ts/,
                    priority: 2,
                  },
                  {
                    name: 'lesson',
                    test: /src[\\/]components[\\/]quiz[\\/](QuestionFrame|QuizScore|LessonEnd|Mark)\.svelte|src[\\/]components[\\/]quiz[\\/](verdict|choices)\.ts|src[\\/]quiz[\\/](attempts|response|attribution)\.ts|src[\\/]quiz[\\/]kinds[\\/](shared|options)\.ts/,
                    priority: 1,
                  },
                ],
              },
            },
          },
        },
      },
    },
  },
  // Shiki colours code with inline styles, which the strict CSP below forbids; code blocks stay plain.
  markdown: { syntaxHighlight: false },
  // Strict CSP: Astro hashes every inline script and style it emits and writes a <meta> policy.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
