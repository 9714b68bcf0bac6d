// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import contentCheck from './src/content-check/integration.ts';
import searchIndex from './src/search/integration.ts';
import { courseFolder } from './src/lib/course-folder.ts';
import { siteAddress } from './src/lib/site-address.ts';
import scormPackages from './src/scorm/integration.ts';

export default defineConfig({
  // Where the course is published: site: in content/course.yaml, or COURSE_SITE_URL. Only the LMS exports and
  // worksheets need it (their evidence links must be absolute); the build warns when it is unset.
  site: siteAddress(courseFolder()).url,
  trailingSlash: 'ignore',
  // contentCheck first: it lists every content problem before Astro reads the collections.
  // searchIndex runs after the build: Pagefind indexes the built pages (see src/search/).
  // scormPackages runs after the build too: it packs built pages into SCORM zips (see src/scorm/).
  // discloseVersion: false drops the line each island would run to register Svelte's version on window.
  integrations: [
    contentCheck(),
    mdx(),
    svelte({ compilerOptions: { discloseVersion: false } }),
    searchIndex(),
    scormPackages(),
  ],
  // Island JavaScript in few files, since each file costs its own gzip overhead and import lists (measured with
  // scripts/bench.ts; budget in tests/build/budgets.test.ts). Every island needs the Svelte runtime, Astro's
  // Svelte renderer and the progress store (browser-store.ts and what it imports): one chunk. What every lesson page's
  // islands share (the question frame, marks, score lines, lesson end): a second; /review/ loads it too. Each kind
  // of question stays in a chunk of its own, so a lesson page loads only the kinds it shows.
  // Client build only: the server build keeps its default chunks.
  vite: {
    // Islands wake through src/components/svelte-renderer.ts, not @astrojs/svelte's client renderer: see there.
    resolve: {
      alias: [
        {
          find: /^@astrojs\/svelte\/client\.js$/,
          replacement: fileURLToPath(new URL('./src/components/svelte-renderer.ts', import.meta.url)),
        },
      ],
    },
    plugins: [
      {
        // Vite wraps each dynamic import() (uncommon.ts, the review page's kinds) in a helper that first preloads the
        // imported chunk's own imports and CSS: about 0.9 KB in the chunk every island loads. Those imports are
        // loaded already when these run, and Astro puts island CSS in the page (a module imported with import()
        // that imports CSS gets no CSS in Vite's list here), so the helper only has to call the import.
        name: 'course:plain-dynamic-import',
        enforce: 'pre',
        load(id) {
          if (id === '\0vite/preload-helper.js') return 'export const __vitePreload = (load) => load();';
        },
      },
    ],
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
                    // The dynamic import() helper (see the plugin above), by itself: in the group below it would make
                    // the search page's own script import the whole Svelte chunk.
                    name: 'import-helper',
                    test: /vite[\\/]preload-helper/,
                    priority: 3,
                  },
                  {
                    name: 'svelte',
                    test: /node_modules[\\/](svelte|esm-env|clsx|nanostores|@astrojs[\\/]svelte)[\\/]|src[\\/]progress[\\/]browser-store\.ts|src[\\/]components[\\/]quiz[\\/]live-progress\.ts|src[\\/]components[\\/]svelte-renderer\.ts/,
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
