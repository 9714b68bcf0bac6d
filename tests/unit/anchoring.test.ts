import { describe, expect, it } from 'vitest';
import { anchorQuote, paragraphList } from '../../src/lib/anchoring';

/** Where `words` first occur in paragraph `paragraph`, found independently of the code under test. */
function at(paragraph: number, words: string) {
  const start = paragraphs[paragraph].indexOf(words);
  if (start < 0) throw new Error(`test data: "${words}" is not in paragraph ${paragraph}`);
  return { paragraph, start, end: start + words.length };
}

const paragraphs = [
  'US forces in Iraq and Syria faced two attacks, US officials said.',
  'At least one armed drone was launched at the Ain al-Asad air base, a US official said.',
  'The attack on Al-Asad Air Base in Iraq\u2019s Anbar province caused no injuries, a US official said.',
  '\u201cThis was the second attack,\u201d the official noted \u2013 since February\u00a04.',
];

describe('anchorQuote', () => {
  it('finds a quote that occurs once, with offsets into its paragraph', () => {
    const result = anchorQuote(paragraphs, { exact: 'armed drone' });
    expect(result).toEqual({ ok: true, anchor: at(1, 'armed drone') });
    expect(paragraphs[1].slice(13, 24)).toBe('armed drone');
  });

  it('reports a quote that is nowhere, with no hint when nothing comes close', () => {
    expect(anchorQuote(paragraphs, { exact: 'ballistic missile' })).toEqual({
      ok: false,
      reason: 'not-found',
      matches: [],
    });
  });

  it('does not match across paragraphs', () => {
    expect(anchorQuote(paragraphs, { exact: 'said. At least' })).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('reports an ambiguous quote with every match', () => {
    const result = anchorQuote(paragraphs, { exact: 'a US official said' });
    expect(result).toMatchObject({
      ok: false,
      reason: 'ambiguous',
      matches: [at(1, 'a US official said'), at(2, 'a US official said')],
    });
    expect(result.ok === false && result.hint).toBe(
      'it occurs 2 times, in paragraphs 2 and 3; add a prefix or suffix to pick one',
    );
  });

  it('lets the prefix decide', () => {
    expect(anchorQuote(paragraphs, { exact: 'a US official said', prefix: 'caused no injuries, ' })).toEqual({
      ok: true,
      anchor: at(2, 'a US official said'),
    });
  });

  it('lets the suffix decide', () => {
    expect(anchorQuote(paragraphs, { exact: 'US', suffix: ' forces' })).toEqual({
      ok: true,
      anchor: at(0, 'US'),
    });
  });

  it('uses prefix and suffix together when neither alone decides', () => {
    const colours = ['the red car and a blue car', 'a red bike', 'the red bike'];
    expect(anchorQuote(colours, { exact: 'red', prefix: 'the ' })).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(anchorQuote(colours, { exact: 'red', suffix: ' bike' })).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(anchorQuote(colours, { exact: 'red', prefix: 'the ', suffix: ' bike' })).toEqual({
      ok: true,
      anchor: { paragraph: 2, start: 4, end: 7 },
    });
  });

  it('reports a prefix that matches nothing, pointing at where the words are', () => {
    const result = anchorQuote(paragraphs, { exact: 'armed drone', prefix: 'one big ' });
    expect(result).toEqual({
      ok: false,
      reason: 'not-found',
      matches: [at(1, 'armed drone')],
      hint: 'the words occur in paragraph 2, but the text just before them is "ast one ", not the prefix "one big "',
    });
  });

  it('reports a suffix that matches nothing', () => {
    const result = anchorQuote(paragraphs, { exact: 'armed drone', suffix: ' strike' });
    expect(result.ok === false && result.hint).toBe(
      'the words occur in paragraph 2, but the text just after them is " was la", not the suffix " strike"',
    );
  });

  it('says when a prefix is given for words at the very start of a paragraph', () => {
    const result = anchorQuote(paragraphs, { exact: 'US forces', prefix: 'The ' });
    expect(result.ok === false && result.hint).toMatch(/at its very start.*remove the prefix/);
  });

  describe('near misses', () => {
    it('straight apostrophe where the report has a curly one', () => {
      const result = anchorQuote(paragraphs, { exact: "Iraq's Anbar province" });
      expect(result).toMatchObject({ ok: false, reason: 'not-found', matches: [at(2, 'Iraq\u2019s Anbar province')] });
      expect(result.ok === false && result.hint).toBe(
        'nearly found in paragraph 3, but the report uses a curly apostrophe (\u2019) here',
      );
    });

    it('straight double quotes where the report has curly ones', () => {
      const result = anchorQuote(paragraphs, { exact: '"This was the second attack,"' });
      expect(result.ok === false && result.hint).toBe(
        'nearly found in paragraph 4, but the report uses a curly opening quote (\u201c) here; and the report uses a curly closing quote (\u201d) here',
      );
    });

    it('a hyphen where the report has an en-dash', () => {
      const result = anchorQuote(paragraphs, { exact: 'noted - since' });
      expect(result.ok === false && result.hint).toBe(
        'nearly found in paragraph 4, but the report uses an en-dash (\u2013) here',
      );
    });

    it('different capital letters', () => {
      const result = anchorQuote(paragraphs, { exact: 'al-asad air base' });
      expect(result).toMatchObject({
        matches: [at(1, 'al-Asad air base'), at(2, 'Al-Asad Air Base')],
      });
      expect(result.ok === false && result.hint).toBe(
        'nearly found in paragraphs 2 and 3, but the capital letters differ: the report has "al-Asad air base"',
      );
    });

    it('a plain space matches a non-breaking one, since authors cannot see the difference', () => {
      const result = anchorQuote(paragraphs, { exact: 'February 4' });
      expect(result).toEqual({ ok: true, anchor: at(3, 'February\u00a04') });
      expect(anchorQuote(paragraphs, { exact: 'since', suffix: ' February' })).toMatchObject({ ok: true });
    });

    it('extra spaces in the quote', () => {
      const result = anchorQuote(paragraphs, { exact: 'armed  drone' });
      expect(result).toMatchObject({ matches: [at(1, 'armed drone')] });
      expect(result.ok === false && result.hint).toBe(
        'nearly found in paragraph 2, but the report has a plain space here where the quote has 2 spaces',
      );
    });
  });
});

describe('paragraphList', () => {
  it('counts from 1 and names each paragraph once', () => {
    expect(paragraphList([{ paragraph: 0, start: 0, end: 1 }])).toBe('paragraph 1');
    expect(
      paragraphList([
        { paragraph: 2, start: 0, end: 1 },
        { paragraph: 2, start: 5, end: 6 },
        { paragraph: 4, start: 0, end: 1 },
        { paragraph: 6, start: 0, end: 1 },
      ]),
    ).toBe('paragraphs 3, 5 and 7');
  });
});
