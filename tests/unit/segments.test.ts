import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitParagraph, type SegmentAnchor } from '../../src/lib/segments';

const text = 'At least one armed drone was launched at the Ain al-Asad air base.';
const at = (phrase: string, noteId: string, number: number): SegmentAnchor => {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length, noteId, number };
};

describe('splitParagraph', () => {
  it('returns the whole paragraph as one plain run when there are no anchors', () => {
    expect(splitParagraph(text, [])).toEqual([{ text }]);
  });

  it('marks each anchored phrase and keeps the text between them', () => {
    const runs = splitParagraph(text, [at('Ain al-Asad air base', 'asad', 2), at('armed drone', 'drone', 1)]);
    expect(runs).toEqual([
      { text: 'At least one ' },
      { text: 'armed drone', noteId: 'drone', number: 1 },
      { text: ' was launched at the ' },
      { text: 'Ain al-Asad air base', noteId: 'asad', number: 2 },
      { text: '.' },
    ]);
  });

  it('handles anchors at the very start and end, and adjacent anchors', () => {
    const runs = splitParagraph('abcdef', [
      { start: 0, end: 2, noteId: 'a', number: 1 },
      { start: 2, end: 4, noteId: 'b', number: 2 },
      { start: 4, end: 6, noteId: 'c', number: 3 },
    ]);
    expect(runs.map((r) => r.text)).toEqual(['ab', 'cd', 'ef']);
    expect(runs.every((r) => r.noteId)).toBe(true);
  });

  it('refuses overlapping anchors, naming both notes', () => {
    expect(() => splitParagraph(text, [at('armed drone', 'drone', 1), at('drone was', 'was', 2)])).toThrow(
      /"drone" and "was"/,
    );
  });

  it('refuses anchors outside the paragraph or empty', () => {
    expect(() => splitParagraph('abc', [{ start: 1, end: 9, noteId: 'x', number: 1 }])).toThrow(/outside/);
    expect(() => splitParagraph('abc', [{ start: 2, end: 2, noteId: 'x', number: 1 }])).toThrow(/outside/);
  });

  it('always reassembles the original text, with every anchor as its own run', () => {
    const input = fc
      .string({ minLength: 1, maxLength: 80 })
      .chain((s) => fc.tuple(fc.constant(s), fc.uniqueArray(fc.integer({ min: 0, max: s.length }), { maxLength: 10 })));
    fc.assert(
      fc.property(input, ([s, cuts]) => {
        const points = [...cuts].sort((a, b) => a - b);
        // Every other gap between cut points becomes an anchor: non-overlapping by construction.
        const anchors: SegmentAnchor[] = [];
        for (let i = 0; i + 1 < points.length; i += 2) {
          if (points[i] < points[i + 1])
            anchors.push({ start: points[i], end: points[i + 1], noteId: `n${i}`, number: i });
        }
        const runs = splitParagraph(s, [...anchors].reverse());
        expect(runs.map((r) => r.text).join('')).toBe(s);
        const marked = runs.filter((r) => r.noteId);
        expect(marked.map((r) => r.text)).toEqual(anchors.map((a) => s.slice(a.start, a.end)));
        expect(runs.every((r) => r.text.length > 0)).toBe(true);
      }),
    );
  });
});
