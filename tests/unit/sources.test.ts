import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitArticle } from '../../src/lib/furniture';
import { sourceSchema } from '../../src/schemas';

const root = join(import.meta.dirname, '../..');
const sourceFiles = readdirSync(join(root, 'content/sources')).filter((name) => name.endsWith('.yaml'));

// A credit the seed itself does not carry is written by the course (report A has no byline).
const creditsNotInSeed: Record<string, string> = {
  'report-a.yaml': 'Based on Reuters reporting (the text as supplied carries no byline)',
};

describe('content/sources are the seeds, minus page furniture', () => {
  it('has both reports', () => {
    expect(sourceFiles.sort()).toEqual(['report-a.yaml', 'report-b.yaml']);
  });

  for (const name of sourceFiles) {
    it(`${name} matches its seed word for word`, () => {
      const source = sourceSchema.parse(parse(readFileSync(join(root, 'content/sources', name), 'utf8')));
      const seed = splitArticle(readFileSync(join(root, 'tests/fixtures/seeds', source.seed), 'utf8'));
      expect(source.title).toBe(seed.title);
      expect(source.kicker).toBe(seed.kicker);
      expect(source.paragraphs).toEqual(seed.paragraphs);
      expect(source.credit).toBe(seed.credit ?? creditsNotInSeed[name]);
    });
  }

  it('report B keeps its kicker, its credit and its curly quotes', () => {
    const b = sourceSchema.parse(parse(readFileSync(join(root, 'content/sources/report-b.yaml'), 'utf8')));
    expect(b.kicker).toBe('Second attack in days');
    expect(b.credit).toBe('Reporting by AFP and 964media');
    expect(b.paragraphs[4]).toBe(
      '\u201cThis was the second attack against U.S. forces since February 4,\u201d the official noted.',
    );
    expect(b.paragraphs[0].startsWith('NEWSROOM \u2013 U.S.')).toBe(true);
  });
});
