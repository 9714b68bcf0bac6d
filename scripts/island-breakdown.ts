// `npm run bench:islands`: what the JavaScript a lesson page fetches when its islands wake is made of — the
// Svelte runtime, Astro's renderer, the progress store, the question engine, the components — so work on the
// island budget starts from numbers. Builds the site with source maps into a temporary folder (dist/ is left
// alone) and reads each file's map. Plain TypeScript for Node 24 (`node scripts/island-breakdown.ts`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupTexts, textBySource, UNMAPPED } from './lib/code-origins.ts';
import { pageKind } from './lib/page-kinds.ts';
import { measureBytes, measurePage } from './lib/page-weight.ts';
import { listBuiltPages } from './lib/site-pages.ts';

const GROUPS: ReadonlyArray<readonly [string, RegExp]> = [
  ['Svelte runtime', /node_modules\/(?:svelte|esm-env|clsx)\//],
  [
    'Island renderer (src/components/svelte-renderer.ts)',
    /node_modules\/@astrojs\/svelte\/|\/src\/components\/svelte-renderer\.ts$/,
  ],
  ['nanostores', /node_modules\/nanostores\//],
  ['Progress store (src/progress)', /\/src\/progress\//],
  ['Question engine (src/quiz)', /\/src\/quiz\//],
  ['Quiz components (src/components/quiz)', /\/src\/components\/quiz\//],
];
const groupOf = (source: string): string =>
  source === UNMAPPED
    ? 'Unmapped: compiled templates, bundler glue'
    : (GROUPS.find(([, pattern]) => pattern.test(source))?.[0] ?? source.replace(/^.*?\/(src|node_modules)\//, '$1/'));

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'island-breakdown-'));
try {
  const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
  const build = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, COURSE_SOURCEMAPS: '1' },
  });
  if (build.status !== 0) {
    console.error(`astro build failed (exit ${build.status ?? build.signal})`);
    process.exit(build.status ?? 1);
  }

  const lesson = listBuiltPages(outDir).find((page) => pageKind(page.path) === 'lesson');
  if (!lesson) throw new Error('No lesson page in the build');
  const files = measurePage(outDir, lesson).resources.filter(
    (r) => r.kind === 'js' && r.phase === 'hydration' && r.local,
  );

  const texts: Array<[string, string]> = [];
  let served = { raw: 0, gzip: 0 };
  for (const file of files) {
    const path = join(outDir, file.url);
    // The served file has no sourceMappingURL comment; measure it as served.
    const code = readFileSync(path, 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '');
    const bytes = measureBytes(code);
    served = { raw: served.raw + bytes.raw, gzip: served.gzip + bytes.gzip };
    // The islands' entry files only re-export from the chunks, and the bundler writes no map for them.
    if (existsSync(`${path}.map`)) texts.push(...textBySource(code, readFileSync(`${path}.map`, 'utf8')));
    else texts.push(['Island entry files (re-exports)', code]);
  }

  const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6);
  const rows = [...groupTexts(texts, groupOf)].map(([group, text]) => ({ group, ...measureBytes(text) }));
  rows.sort((a, b) => b.gzip - a.gzip);
  const width = Math.max(...rows.map((row) => row.group.length), 30);
  console.log(`\nJavaScript ${lesson.path} fetches when its islands wake, by origin (KB, gzip level 9):\n`);
  console.log(`${'From'.padEnd(width)}     raw  gzip alone`);
  for (const row of rows) console.log(`${row.group.padEnd(width)}  ${kb(row.raw)}  ${kb(row.gzip)}`);
  console.log(`${`As served (${files.length} files)`.padEnd(width)}  ${kb(served.raw)}  ${kb(served.gzip)}`);
  console.log(
    '\n"gzip alone" is each part compressed by itself; in the served files they compress a little better together.',
  );
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
