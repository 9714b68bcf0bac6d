import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

// Which source files a built JavaScript file is made of, read from its source map: every byte of the output
// belongs to the source of the mapping that starts at or before it. Bytes before the first mapping, or under a
// mapping without a source (template strings and glue the bundler writes), belong to UNMAPPED. Used by
// scripts/island-breakdown.ts to show what a lesson page's island JavaScript is spent on.

export const UNMAPPED = '(unmapped)';

/** The text of `code` that came from each source path, keyed by the path as the map gives it. */
export function textBySource(code: string, map: RawSourceMap | string): Map<string, string> {
  const consumer = new SourceMapConsumer(typeof map === 'string' ? JSON.parse(map) : map);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);

  const starts: Array<{ offset: number; source: string }> = [];
  consumer.eachMapping(
    (mapping) => {
      const lineStart = lineStarts[mapping.generatedLine - 1];
      if (lineStart === undefined) return;
      starts.push({ offset: lineStart + mapping.generatedColumn, source: mapping.source ?? UNMAPPED });
    },
    undefined,
    SourceMapConsumer.GENERATED_ORDER,
  );
  starts.sort((a, b) => a.offset - b.offset);

  const texts = new Map<string, string>();
  const add = (source: string, from: number, to: number) => {
    if (to > from) texts.set(source, (texts.get(source) ?? '') + code.slice(from, to));
  };
  add(UNMAPPED, 0, starts[0]?.offset ?? code.length);
  starts.forEach((start, i) => add(start.source, start.offset, starts[i + 1]?.offset ?? code.length));
  return texts;
}

/** Merges per-source texts into named groups; `groupOf` names a source's group. Order of first appearance. */
export function groupTexts(
  texts: Iterable<[string, string]>,
  groupOf: (source: string) => string,
): Map<string, string> {
  const groups = new Map<string, string>();
  for (const [source, text] of texts) {
    const group = groupOf(source);
    groups.set(group, (groups.get(group) ?? '') + text);
  }
  return groups;
}
