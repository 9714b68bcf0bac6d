// The search index in the built site (<dist>/pagefind/, written by src/search/integration.ts): it covers the
// pages it should, titled, and no quiz answer reaches it (excerpts would show answers to anyone who searches).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { builtPages, distDir, repoRoot } from '../built-site.ts';
import { isSearchable } from '../../src/search/searchable.ts';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}

/** Pagefind 1.x fragments: gzip of a short signature followed by the page's JSON. */
function readFragments(): Fragment[] {
  const dir = join(distDir, 'pagefind', 'fragment');
  if (!existsSync(dir)) throw new Error(`${dir} is missing: did the build run the search index integration?`);
  return readdirSync(dir).map((name) => {
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
  });
}

/** Every explanation and per-option feedback string in the quiz files, whitespace collapsed. */
function quizAnswerTexts(): Array<{ file: string; text: string }> {
  const dir = join(repoRoot, 'content', 'quizzes');
  const found: Array<{ file: string; text: string }> = [];
  const walk = (value: unknown, file: string): void => {
    if (Array.isArray(value)) value.forEach((item) => walk(item, file));
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'explanation' || key === 'feedback') && typeof inner === 'string')
          found.push({ file, text: inner.replace(/\s+/g, ' ').trim() });
        else walk(inner, file);
      }
    }
  };
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml')))
    walk(parse(readFileSync(join(dir, name), 'utf8')), name);
  return found;
}

const fragments = readFragments();

describe('the search index', () => {
  test('holds exactly the pages src/search/searchable.ts names, each with a title', () => {
    const expected = builtPages()
      .map((page) => page.path)
      .filter(isSearchable)
      .sort();
    expect(
      expected.length,
      'no built page is searchable: check the URL patterns in src/search/searchable.ts',
    ).toBeGreaterThan(0);
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(expected);
    const untitled = fragments.filter((fragment) => !fragment.meta.title?.trim()).map((fragment) => fragment.url);
    expect(untitled, 'indexed pages without a title').toEqual([]);
  });

  test('holds no quiz explanation or option feedback', () => {
    const answers = quizAnswerTexts();
    expect(
      answers.length,
      'no explanation or feedback found in content/quizzes: has the quiz format changed?',
    ).toBeGreaterThan(0);
    const content = fragments.map((fragment) => ({ url: fragment.url, text: fragment.content.replace(/\s+/g, ' ') }));
    const leaks = answers.flatMap((answer) =>
      content
        .filter((page) => page.text.includes(answer.text))
        .map((page) => `${answer.file}: "${answer.text.slice(0, 60)}…" is in the index for ${page.url}`),
    );
    expect(
      leaks,
      'quiz answers in the search index (keep quiz markup inside an island or under data-pagefind-ignore)',
    ).toEqual([]);
  });
});
