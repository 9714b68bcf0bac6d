import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptRuns } from '../../src/search/excerpt';
import { normaliseQuery, queryFromSearch, resultHref, resultsMessage } from '../../src/search/results';
import { isSearchable } from '../../src/search/searchable';

describe('excerptRuns: Pagefind excerpts as text runs, never markup', () => {
  it('splits on <mark> and </mark> and keeps the words in order', () => {
    expect(excerptRuns('attack on Camp <mark>Kalsu</mark> in Babil, south of <mark>Baghdad</mark>.')).toEqual([
      { text: 'attack on Camp ', mark: false },
      { text: 'Kalsu', mark: true },
      { text: ' in Babil, south of ', mark: false },
      { text: 'Baghdad', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('decodes the entities Pagefind escapes, so escaped markup reads as the characters it was', () => {
    expect(
      excerptRuns('&lt;img src=x onerror=alert(1)&gt; &amp; <mark>Kata&#39;ib</mark> &quot;Hezbollah&quot;'),
    ).toEqual([
      { text: '<img src=x onerror=alert(1)> & ', mark: false },
      { text: "Kata'ib", mark: true },
      { text: ' "Hezbollah"', mark: false },
    ]);
  });

  it('keeps raw, unescaped tags other than <mark> as text, including ones hidden inside a mark', () => {
    const hostile = '<img src=x onerror="alert(1)"><mark><script>alert(2)</script></mark><a href="javascript:x">y</a>';
    expect(excerptRuns(hostile)).toEqual([
      { text: '<img src=x onerror="alert(1)">', mark: false },
      { text: '<script>alert(2)</script>', mark: true },
      { text: '<a href="javascript:x">y</a>', mark: false },
    ]);
    expect(excerptRuns('<mark onclick="x">a</mark>')).toEqual([{ text: '<mark onclick="x">a', mark: false }]);
  });

  it('joins neighbouring runs with the same state and drops empty ones', () => {
    expect(excerptRuns('<mark>Ain</mark><mark> al-Asad</mark>')).toEqual([{ text: 'Ain al-Asad', mark: true }]);
    expect(excerptRuns('')).toEqual([]);
    expect(excerptRuns('<mark></mark>')).toEqual([]);
  });

  it('survives unbalanced tags: a stray </mark> ends nothing, an unclosed <mark> runs to the end', () => {
    expect(excerptRuns('a</mark>b')).toEqual([{ text: 'ab', mark: false }]);
    expect(excerptRuns('a<mark>b<MARK>c')).toEqual([
      { text: 'a', mark: false },
      { text: 'bc', mark: true },
    ]);
  });

  it('leaves an entity it does not know, or an impossible code point, as written', () => {
    expect(decodeEntities('&copy; &#0; &#xD800; &#x110000; &#8217;')).toBe('&copy; &#0; &#xD800; &#x110000; \u2019');
  });
});

describe('result links and messages', () => {
  it('follows only plain paths on this site', () => {
    expect(resultHref('/glossary/#term-kalsu')).toBe('/glossary/#term-kalsu');
    expect(resultHref('/reports/report-b/#p3')).toBe('/reports/report-b/#p3');
    for (const bad of [
      'https://evil.example/',
      '//evil.example/x',
      'javascript:alert(1)',
      '/\\evil.example',
      'glossary/',
      '',
      null,
      42,
    ]) {
      expect(resultHref(bad), String(bad)).toBeNull();
    }
  });

  it('says how many pages match, and what to try when none do', () => {
    expect(resultsMessage(1, 'Kalsu')).toBe('1 page matches “Kalsu”.');
    expect(resultsMessage(4, 'Kalsu')).toBe('4 pages match “Kalsu”.');
    expect(resultsMessage(0, 'zzz')).toMatch(/^No pages match “zzz”\./);
  });

  it('reads ?q= from the address, trimmed and with spaces collapsed', () => {
    expect(queryFromSearch('?q=Camp+%20Kalsu%20')).toBe('Camp Kalsu');
    expect(queryFromSearch('?other=1')).toBe('');
    expect(normaliseQuery('  Ain \n al-Asad ')).toBe('Ain al-Asad');
  });
});

describe('which pages are indexed', () => {
  it('indexes lessons, reports, background topics, the glossary and the timeline', () => {
    for (const path of [
      '/lessons/what-happened/',
      '/reports/report-a/',
      '/background/gaza-link/',
      '/glossary/',
      '/timeline',
      '/glossary/index.html',
    ]) {
      expect(isSearchable(path), path).toBe(true);
    }
  });
  it("leaves out the home page, index pages, the map, progress, search, anything deeper, and instructors' answer keys", () => {
    const left = [
      '/',
      '/reports/',
      '/background/',
      '/lessons/',
      '/map/',
      '/search/',
      '/404.html',
      '/progress/',
      '/review/',
    ];
    for (const path of [...left, '/lessons/what-happened/review/', '/instructors/answer-keys/what-happened/']) {
      expect(isSearchable(path), path).toBe(false);
    }
  });
});
