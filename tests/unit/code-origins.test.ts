import { SourceMapGenerator } from 'source-map-js';
import { describe, expect, it } from 'vitest';
import { groupTexts, textBySource, UNMAPPED } from '../../scripts/lib/code-origins.ts';

/** A map whose mappings start at the given [line, column, source] points of the generated code. */
function mapOf(points: Array<[number, number, string | null]>): string {
  const generator = new SourceMapGenerator({ file: 'out.js' });
  for (const [line, column, source] of points) {
    generator.addMapping(
      source === null
        ? { generated: { line, column } }
        : { generated: { line, column }, original: { line: 1, column: 0 }, source },
    );
  }
  return generator.toString();
}

describe('textBySource', () => {
  it('gives each source the bytes from its mapping up to the next one, across lines', () => {
    const code = 'let a=1;let b=2;\nlet c=3;';
    const texts = textBySource(
      code,
      mapOf([
        [1, 0, 'src/a.ts'],
        [1, 8, 'src/b.ts'],
        [2, 0, 'src/a.ts'],
      ]),
    );
    expect(texts.get('src/a.ts')).toBe('let a=1;let c=3;');
    expect(texts.get('src/b.ts')).toBe('let b=2;\n');
    expect([...texts.values()].join('').length).toBe(code.length);
  });

  it('puts bytes before the first mapping, and under a mapping without a source, in UNMAPPED', () => {
    const code = '/*x*/f();`<p>`;';
    const texts = textBySource(
      code,
      mapOf([
        [1, 5, 'src/f.ts'],
        [1, 9, null],
      ]),
    );
    expect(texts.get(UNMAPPED)).toBe('/*x*/`<p>`;');
    expect(texts.get('src/f.ts')).toBe('f();');
  });

  it('gives everything to UNMAPPED when the map has no mappings', () => {
    expect(textBySource('abc', mapOf([]))).toEqual(new Map([[UNMAPPED, 'abc']]));
  });
});

describe('groupTexts', () => {
  it('joins the texts of the sources that share a group', () => {
    const texts: Array<[string, string]> = [
      ['node_modules/svelte/a.js', 'aa'],
      ['src/x.ts', 'x'],
      ['node_modules/svelte/b.js', 'b'],
    ];
    const groups = groupTexts(texts, (source) => (source.includes('svelte') ? 'Svelte' : 'ours'));
    expect(groups).toEqual(
      new Map([
        ['Svelte', 'aab'],
        ['ours', 'x'],
      ]),
    );
  });
});
