import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { dynamicImports, measurePage, staticImports, totals, type PageWeight } from '../../scripts/lib/page-weight.ts';
import { listBuiltPages } from '../../scripts/lib/site-pages.ts';

// A hand-made dist/ (tests/fixtures/page-weight-dist) with a page of CSS, fonts and images, a lesson page with
// a module script and an Astro island, and a page that loads from other origins and misses a file.
const dist = fileURLToPath(new URL('../fixtures/page-weight-dist/', import.meta.url));
const page = (path: string) => {
  const found = listBuiltPages(dist).find((p) => p.path === path);
  if (!found) throw new Error(`fixture page ${path} not found`);
  return measurePage(dist, found);
};
const urls = (weight: PageWeight, phase: 'load' | 'hydration') =>
  weight.resources.filter((r) => r.phase === phase).map((r) => (r.inline ? 'inline' : r.url));
const bytesOf = (file: string) => {
  const content = readFileSync(join(dist, file));
  return { raw: statSync(join(dist, file)).size, gzip: gzipSync(content, { level: 9 }).length };
};
const sumOf = (...files: string[]) =>
  files.map(bytesOf).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });

describe('listBuiltPages', () => {
  test('finds every index.html and 404.html as URL paths, sorted, skipping build assets', () => {
    expect(listBuiltPages(dist).map((p) => p.path)).toEqual(['/', '/404.html', '/lesson/', '/remote/']);
  });
});

describe('measurePage', () => {
  test('lists what a page of CSS, fonts and images loads, in document order, following @import, fonts and url()', () => {
    const home = page('/');
    expect(urls(home, 'load')).toEqual([
      '/img/icon.svg',
      '/_astro/site.css',
      '/_astro/more.css',
      '/fonts/body.woff2', // the first source of the @font-face only
      '/img/bg.png',
      '/fonts/inline.woff2', // from an inline <style>
      '/img/a.png',
      '/img/b.png', // first srcset candidate; data: URLs, JSON-LD, comments and rel=canonical fetch nothing
    ]);
    expect(urls(home, 'hydration')).toEqual([]);
    expect(home.resources.find((r) => r.url === '/fonts/body.woff2')?.kind).toBe('font');
    expect(home.resources.find((r) => r.url === '/_astro/more.css')?.via).toBe('import in /_astro/site.css');
  });

  test('measures raw bytes and gzip level 9 bytes of the HTML and of each file', () => {
    const home = page('/');
    expect(home.html).toEqual(bytesOf('index.html'));
    expect(home.resources.find((r) => r.url === '/_astro/site.css')).toMatchObject(bytesOf('_astro/site.css'));
  });

  test('follows static imports at load, and counts island modules (not yet loaded) as on hydration', () => {
    const lesson = page('/lesson/');
    expect(urls(lesson, 'load')).toEqual([
      '/_astro/site.css',
      '/_astro/more.css',
      '/fonts/body.woff2',
      '/img/bg.png',
      '/_astro/page.js',
      '/_astro/shared.js',
      '/_astro/deep/side-effect.js',
      'inline',
    ]);
    // shared.js was loaded by the page already; the dynamic import("./lazy.js") is not followed.
    expect(urls(lesson, 'hydration')).toEqual(['/_astro/Quiz.js', '/_astro/runtime.js', '/_astro/renderer.js']);
    expect(lesson.islands).toEqual([
      { componentUrl: '/_astro/Quiz.js', rendererUrl: '/_astro/renderer.js', client: 'visible' },
    ]);
  });

  test('marks resources from other origins as not local and local references to absent files as missing', () => {
    const remote = page('/remote/');
    expect(remote.resources.map((r) => [r.url, r.local, r.missing])).toEqual([
      ['https://fonts.example.com/css2?family=Inter', false, false],
      ['/_astro/gone.css', true, true],
      ['http://cdn.example.com/lib.js', false, false],
    ]);
  });
});

describe('totals', () => {
  test('a page without scripts: no JavaScript, one request per distinct file, total = HTML + fetched files', () => {
    const t = totals(page('/'));
    expect(t.js).toEqual({ raw: 0, gzip: 0 });
    expect(t.hydrationJs).toEqual({ raw: 0, gzip: 0 });
    expect(t.requests).toBe(9);
    expect(t.css).toEqual(sumOf('_astro/site.css', '_astro/more.css'));
    expect(t.fonts).toEqual(sumOf('fonts/body.woff2', 'fonts/inline.woff2'));
    expect(t.images).toEqual(sumOf('img/icon.svg', 'img/bg.png', 'img/a.png', 'img/b.png'));
    const files = sumOf('index.html', '_astro/site.css', '_astro/more.css', 'fonts/body.woff2', 'fonts/inline.woff2');
    expect(t.totalGzip).toBe(files.gzip + sumOf('img/icon.svg', 'img/bg.png', 'img/a.png', 'img/b.png').gzip);
  });

  test('a page with an island: JS at load includes inline scripts (no extra request); hydration JS apart', () => {
    const lesson = page('/lesson/');
    const t = totals(lesson);
    const inline = lesson.resources.find((r) => r.inline);
    expect(inline?.raw).toBeGreaterThan(0);
    const external = sumOf('_astro/page.js', '_astro/shared.js', '_astro/deep/side-effect.js');
    expect(t.js).toEqual({ raw: external.raw + inline!.raw, gzip: external.gzip + inline!.gzip });
    expect(t.requests).toBe(8);
    expect(t.hydrationJs).toEqual(sumOf('_astro/Quiz.js', '_astro/runtime.js', '_astro/renderer.js'));
    // The inline script's bytes are in the HTML already: counted once in the total.
    expect(t.totalGzip).toBe(
      t.html.gzip + sumOf('_astro/site.css', '_astro/more.css', 'fonts/body.woff2', 'img/bg.png').gzip + external.gzip,
    );
  });
});

describe('staticImports', () => {
  test('reads minified and formatted import/export-from statements, not dynamic imports or strings', () => {
    const code = [
      'import{a as b,c}from"./one.js";import"./two.js";',
      "import * as ns from './three.js'",
      'export{x}from"./four.js";export*from"./five.js";',
      'const y=import("./lazy.js");el.getAttribute("component-export")||"default";',
      'const s="import \'./not-a-statement.js\'";',
    ].join('\n');
    expect(staticImports(code)).toEqual(['./one.js', './two.js', './three.js', './four.js', './five.js']);
  });
});

describe('dynamicImports', () => {
  test('reads import() of a fixed string in any quotes, not static imports, templates with values or methods', () => {
    const code = [
      'import{a}from"./one.js";const l=()=>import(`./lazy.A1.js`);',
      'x.then(()=>import(\'./two.js\'));y=import( "./three.js" );',
      'z=import(`./${name}.js`);w=obj.import("./not.js");',
    ].join('\n');
    expect(dynamicImports(code)).toEqual(['./lazy.A1.js', './two.js', './three.js']);
  });
});
