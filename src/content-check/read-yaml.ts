// YAML (and MDX frontmatter) read with the line of every field, and syntax errors as problems.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { Problem } from './problem';

export interface ParsedYaml {
  doc: Document.Parsed;
  lineAt: (offset: number) => number;
}

/** The parsed document, or undefined after pushing one problem per syntax error. */
export function parseYaml(text: string, file: string, lineOffset: number, problems: Problem[]): ParsedYaml | undefined {
  const lineCounter = new LineCounter();
  // The timestamp tag makes unquoted dates Date objects, as Astro's YAML reader (js-yaml) does, so the
  // schema catches them here too.
  const doc = parseDocument(text, { lineCounter, customTags: ['timestamp'], prettyErrors: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      problems.push({
        file,
        line: (error.linePos?.[0].line ?? 1) + lineOffset,
        message: `YAML syntax error: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
        fix: 'check the indentation, the colon after each field name, and that quotes and brackets are closed',
      });
    }
    return undefined;
  }
  return { doc, lineAt };
}

export interface SplitMdx {
  /** The YAML between the two "---" lines, when the file starts with frontmatter. */
  frontmatter?: string;
  body: string;
  /** Line number of the body's first line. */
  bodyLine: number;
}

export function splitFrontmatter(text: string): SplitMdx {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---[^\S\r\n]*(?:\r?\n|$)/.exec(text);
  if (!match) return { body: text, bodyLine: 1 };
  return { frontmatter: match[1], body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

export function parseFrontmatter(text: string, file: string, problems: Problem[]): ParsedYaml | undefined {
  const { frontmatter } = splitFrontmatter(text);
  if (frontmatter === undefined) {
    problems.push({
      file,
      line: 1,
      message: 'the file does not start with frontmatter',
      fix: 'begin the file with a line "---", the fields, then another "---"',
    });
    return undefined;
  }
  // The frontmatter starts on line 2, after the opening "---".
  return parseYaml(frontmatter, file, 1, problems);
}

/**
 * Records the line of every field and list item under `node` in `lines`, keyed by dotted path
 * ("notes.2.quote.exact"); returns the node's own line.
 */
export function collectLines(
  node: unknown,
  path: string,
  lines: Record<string, number>,
  lineAt: (offset: number) => number,
): number {
  const own = hasRange(node) ? lineAt(node.range[0]) : 1;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = joinPath(path, String(pair.key.value));
      lines[key] = hasRange(pair.key) ? lineAt(pair.key.range[0]) : own;
      collectLines(pair.value, key, lines, lineAt);
    }
  } else if (isSeq(node)) {
    node.items.forEach((child, index) => {
      const key = joinPath(path, String(index));
      lines[key] = hasRange(child) ? lineAt(child.range[0]) : own;
      collectLines(child, key, lines, lineAt);
    });
  }
  return own;
}

/** A map from dotted paths to lines that no key ("constructor", "__proto__") can reach through a prototype. */
export function emptyLines(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}

function joinPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function hasRange(node: unknown): node is { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as { range?: unknown }).range);
}
