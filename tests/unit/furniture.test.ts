import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDate, isPageFurniture, pageFurnitureLines, splitArticle } from '../../src/lib/furniture';

const seed = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/seeds', name), 'utf8');

describe('splitArticle', () => {
  it('reads seed 000: blank lines between paragraphs, furniture and a non-breaking-space line at the end', () => {
    const parts = splitArticle(seed('000_b66b5cd2fbb4d987.txt'));
    expect(parts.kicker).toBeUndefined();
    expect(parts.credit).toBeUndefined();
    expect(parts.title).toBe('US Officials: Rocket Attack From Iraq Targets US Base in Syria');
    expect(parts.paragraphs).toHaveLength(10);
    expect(parts.paragraphs[0]).toMatch(/^US forces in Iraq and Syria faced two separate/);
    expect(parts.paragraphs.at(-1)).toBe(
      'The US has some 2,500 troops in Iraq and 900 in eastern Syria on an\u00a0advise-and-assist mission.',
    );
    expect(parts.paragraphs.join('\n')).not.toMatch(/Related Articles|Back to top/);
  });

  it('reads seed 003: no blank lines, a kicker and a credit line', () => {
    const parts = splitArticle(seed('003_2c65574ae2cc0e16.txt'));
    expect(parts.kicker).toBe('Second attack in days');
    expect(parts.title).toBe('US troops targeted in western Iraq, says official');
    expect(parts.credit).toBe('Reporting by AFP and 964media');
    expect(parts.paragraphs).toHaveLength(14);
    expect(parts.paragraphs[0]).toBe(
      'NEWSROOM \u2013 U.S. forces stationed at a base in western Iraq were targeted in an attack on Tuesday, according to a statement from a U.S. defense official.',
    );
    expect(parts.paragraphs.at(-1)).toMatch(/^The latest incidents underscore/);
  });

  it('keeps the words inside a line exactly: curly quotes, en-dashes, inner non-breaking spaces', () => {
    const parts = splitArticle('Title\n\u201cIt\u2019s here \u2013 now,\u201d he said.\u00a0 Then\u00a0more.\n');
    expect(parts.paragraphs).toEqual(['\u201cIt\u2019s here \u2013 now,\u201d he said.\u00a0 Then\u00a0more.']);
  });

  it('cleans a messy copy: CRLF, trailing spaces, repeated blank lines, furniture of every kind', () => {
    const messy = [
      'Advertisement',
      '  Big headline here  ',
      '',
      '',
      '\u00a0\u00a0',
      'Share',
      'First paragraph.   ',
      '\t',
      'READ MORE',
      'Follow us on Telegram',
      'Second paragraph, with a "straight" quote. ',
      'Sign up for our daily newsletter',
      'Click here to subscribe',
      'Related Articles',
      'Back to top button',
      '',
    ].join('\r\n');
    expect(splitArticle(messy)).toEqual({
      title: 'Big headline here',
      paragraphs: ['First paragraph.', 'Second paragraph, with a "straight" quote.'],
    });
  });

  it('takes a short first line as a kicker only when a headline follows', () => {
    // The second line is a sentence, so the short first line is the title.
    expect(splitArticle('Short title\nA first paragraph that ends like a sentence.\nMore.').kicker).toBeUndefined();
    expect(splitArticle('Short title\nA first paragraph that ends like a sentence.\nMore.').title).toBe('Short title');
    // A long first line is never a kicker.
    const long = 'This first line is much too long to be a kicker above a headline';
    expect(splitArticle(`${long}\nHeadline-like second line\nBody.`).title).toBe(long);
    // Nothing but a title and one line: that line is a paragraph, not a headline.
    expect(splitArticle('Kicker-ish\nOnly line').paragraphs).toEqual(['Only line']);
  });

  it('takes "(Reporting by …)" as the credit only on the last line', () => {
    const parts = splitArticle('Title\n(Reporting by A)\nBody.\n(Reporting by Reuters; editing by X)');
    expect(parts.credit).toBe('Reporting by Reuters; editing by X');
    expect(parts.paragraphs).toEqual(['(Reporting by A)', 'Body.']);
  });

  it('refuses a text with nothing but furniture', () => {
    expect(() => splitArticle('Share\n\nRelated Articles\n')).toThrow(/no text/);
  });
});

describe('isPageFurniture', () => {
  it('matches every listed line whole, ignoring case, and nothing partial', () => {
    for (const line of pageFurnitureLines) {
      expect(isPageFurniture(line)).toBe(true);
      expect(isPageFurniture(line.toUpperCase())).toBe(true);
    }
    expect(isPageFurniture('Share prices fell')).toBe(false);
    expect(isPageFurniture('Related Articles about Iraq')).toBe(false);
    expect(isPageFurniture('He signed up for the army.')).toBe(false);
  });
});

describe('findDate', () => {
  it('reads the ways news pages write a day', () => {
    for (const [text, day] of [
      ['April 23, 2024', '2024-04-23'],
      ['Tue 23 Apr 2024 14.02 BST', '2024-04-23'],
      ['Published: 2024-04-23T10:00Z', '2024-04-23'],
      ['Updated 23/04/2024', '2024-04-23'],
      ['Friday 14th March 2025', '2025-03-14'],
    ] as const) {
      expect(findDate(text), text).toBe(day);
    }
    expect(findDate('30 February 2024')).toBeUndefined();
    expect(findDate('No date here')).toBeUndefined();
  });
});

describe('what is never taken for furniture', () => {
  it('keeps a paragraph that mentions a newsletter, a photo or a share, and a long dateline paragraph', () => {
    const text = [
      'Headline of the day',
      'The council said its newsletter, posted to every house in the town, had warned of the danger for a year.',
      'PORT ELLERY, March 14 (Coast Wire) - Share prices fell after the fire, a trader said on Friday.',
      'A photo taken by a neighbour shows the roof falling in.',
    ].join('\n');
    expect(splitArticle(text).paragraphs).toHaveLength(3);
  });
});
