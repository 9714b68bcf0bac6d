// `npm run bench`: builds the site (timed), then prints what each page costs a visitor, from the files in dist/.
// Plain TypeScript for Node 24 (`node scripts/bench.ts`). `--no-build` measures the existing build instead;
// SITE_DIST=DIR builds into (or measures) DIR rather than dist/, as the tests do. It ends with scripts/bench-check.ts
// (the cost of checking an answer; `--no-check` leaves it out) and scripts/bench-handins.ts (the instructor's
// results page opening 100 hand-in files).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageKind } from './lib/page-kinds.ts';
import { laterImports, measureBytes, measurePage, totals, type Bytes, type PageTotals } from './lib/page-weight.ts';
import { listBuiltPages } from './lib/site-pages.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = resolve(root, process.env.SITE_DIST ?? 'dist');

if (!process.argv.includes('--no-build')) {
  const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
  const started = performance.now();
  const build = spawnSync(process.execPath, [astro, 'build', '--outDir', distDir], { cwd: root, stdio: 'inherit' });
  const seconds = (performance.now() - started) / 1000;
  if (build.status !== 0) {
    console.error(`\nastro build failed (exit ${build.status ?? build.signal}) after ${seconds.toFixed(1)} s`);
    process.exit(build.status ?? 1);
  }
  console.log(`\nBuild: astro build took ${seconds.toFixed(1)} s`);
}
if (!existsSync(distDir)) {
  console.error(`No dist/ to measure at ${distDir}`);
  process.exit(1);
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
/** What the page's island code may import() later, only when something needs it: not in "JS on hydration". */
const laterFiles = new Map<string, Set<string>>();
const rows = listBuiltPages(distDir).map((page) => {
  const weight = measurePage(distDir, page);
  for (const url of laterImports(distDir, weight)) {
    if (!laterFiles.has(url)) laterFiles.set(url, new Set());
    laterFiles.get(url)!.add(pageKind(page.path));
  }
  return { path: page.path, kind: pageKind(page.path), islands: weight.islands.length, t: totals(weight) };
});

const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const zero: Bytes = { raw: 0, gzip: 0 };
const sum = rows.reduce(
  (acc, { t }) => ({
    requests: acc.requests + t.requests,
    html: add(acc.html, t.html),
    css: add(acc.css, t.css),
    js: add(acc.js, t.js),
    totalGzip: acc.totalGzip + t.totalGzip,
    hydrationJs: add(acc.hydrationJs, t.hydrationJs),
  }),
  { requests: 0, html: zero, css: zero, js: zero, totalGzip: 0, hydrationJs: zero },
);

type Cells = string[];
const cellsOf = (requests: number, t: Pick<PageTotals, 'html' | 'css' | 'js' | 'totalGzip' | 'hydrationJs'>): Cells => [
  String(requests),
  kb(t.html.raw),
  kb(t.html.gzip),
  kb(t.css.raw),
  kb(t.css.gzip),
  kb(t.js.raw),
  kb(t.js.gzip),
  kb(t.totalGzip),
  kb(t.hydrationJs.raw),
  kb(t.hydrationJs.gzip),
];

const header2 = ['Page', 'Kind', 'Req', 'raw', 'gzip', 'raw', 'gzip', 'raw', 'gzip', 'gzip', 'raw', 'gzip'];
const body: Cells[] = rows.map((row) => [
  row.path,
  row.kind + (row.islands ? ` +${row.islands} island${row.islands > 1 ? 's' : ''}` : ''),
  ...cellsOf(row.t.requests, row.t),
]);
const footer: Cells = ['Sum over pages', `${rows.length} pages`, ...cellsOf(sum.requests, sum)];

const table = [header2, ...body, footer];
const widths = header2.map((_, column) => Math.max(...table.map((cells) => (cells[column] ?? '').length)));
const format = (cells: Cells): string =>
  cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
const rule = widths.map((width) => '-'.repeat(width)).join('  ');

// Group headings sit over their raw/gzip column pair.
const pairs: Array<[string, number, number]> = [
  ['HTML', 3, 4],
  ['CSS', 5, 6],
  ['JS at load', 7, 8],
  ['Total', 9, 9],
  ['JS on hydration', 10, 11],
];
const spanWidth = (from: number, to: number) => widths.slice(from, to + 1).reduce((a, b) => a + b, 0) + 2 * (to - from);
let groups = `${' '.repeat(spanWidth(0, 2))}  `;
for (const [label, from, to] of pairs) groups += `${label.padStart(spanWidth(from, to))}  `;

console.log(
  '\nPage weight at load (sizes in KB, 1 KB = 1024 bytes; gzip level 9). Req = HTML + files fetched at load.',
);
console.log(
  'JS at load includes inline scripts; Total = everything fetched at load, gzipped. JS on hydration = fetched when islands wake.\n',
);
console.log(groups.trimEnd());
console.log(format(header2));
console.log(rule);
for (const cells of body) console.log(format(cells));
console.log(rule);
console.log(format(footer));

// The heaviest lesson page's figure is the one tests/build/budgets.test.ts holds (LESSON_HYDRATION_GUARD).
const lessons = rows.filter((row) => row.kind === 'lesson');
if (lessons.length > 0) {
  const heaviest = lessons.reduce((a, b) => (b.t.hydrationJs.gzip > a.t.hydrationJs.gzip ? b : a));
  console.log(
    `\nLesson pages when their islands wake: ${lessons.map((row) => `${row.path} ${row.t.hydrationJs.gzip} B`).join(', ')}; heaviest ${heaviest.path}, ${heaviest.t.hydrationJs.gzip} B (${kb(heaviest.t.hydrationJs.gzip)} KB) gzipped.`,
  );
}
for (const [url, kinds] of laterFiles) {
  const file = join(distDir, url);
  const bytes = existsSync(file) ? measureBytes(readFileSync(file)) : { raw: 0, gzip: 0 };
  console.log(
    `Only when needed, not in JS on hydration: ${url}, ${kb(bytes.raw)} KB raw, ${kb(bytes.gzip)} KB gzip (from ${[...kinds].sort().join(', ')} pages).`,
  );
}

// What one "Check answer" costs with many stored answers (issue 11), in Chromium against the build just measured.
if (!process.argv.includes('--no-check')) {
  const check = spawnSync(process.execPath, [fileURLToPath(new URL('bench-check.ts', import.meta.url))], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SITE_DIST: distDir },
  });
  if (check.status !== 0) process.exit(check.status ?? 1);
}

// The instructor's results page opening 100 hand-in files (issue 15's budget: under 2 s of main-thread work).
const handIns = spawnSync(process.execPath, [fileURLToPath(new URL('./bench-handins.ts', import.meta.url))], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SITE_DIST: distDir },
});
if (handIns.status !== 0) process.exitCode = handIns.status ?? 1;
