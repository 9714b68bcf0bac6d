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
    problems.push(...syntaxProblems(doc.errors, text, file, lineOffset));
    return undefined;
  }
  return { doc, lineAt };
}

type YamlError = Document.Parsed['errors'][number];

/**
 * One problem per mistake, in the guide's words. YAML's own messages ("Nested mappings are not allowed in compact
 * mappings") name its grammar, not the mistake; and one tab or one unclosed quote makes it report every line after,
 * so those are said once.
 */
function syntaxProblems(errors: readonly YamlError[], text: string, file: string, lineOffset: number): Problem[] {
  const lines = text.split(/\r?\n/);
  const lineOf = (error: YamlError) => error.linePos?.[0].line ?? 1;
  const at = (line: number) => line + lineOffset;
  const tabs = errors.filter((e) => e.code === 'TAB_AS_INDENT');
  const tabbed = lines.flatMap((l, i) => (/^[ ]*\t/.test(l) ? [i + 1] : []));
  if (tabs.length > 0 || (tabbed.length > 0 && errors.length > 0)) {
    const first = tabbed[0] ?? lineOf(tabs[0]);
    const more = tabbed.length - 1;
    return [
      {
        file,
        line: at(first),
        message: `line ${at(first)} is indented with a tab${more > 0 ? ` (and ${more} more line${more === 1 ? '' : 's'} after it)` : ''}; YAML allows only spaces`,
        fix: 'indent with spaces, two per level, as in the guide\'s skeletons; most editors can turn tabs into spaces ("convert indentation")',
      },
    ];
  }
  const problems: Problem[] = [];
  const seen = new Set<number>();
  for (const error of errors) {
    const line = lineOf(error);
    if (seen.has(line)) continue;
    seen.add(line);
    const source = lines[line - 1] ?? '';
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') {
      const field = /^(\s*(?:- )?)([\w-]+):\s+(.*)$/.exec(source);
      const quoted = field ? `${field[2]}: "${field[3].replace(/"/g, '\\"')}"` : undefined;
      problems.push({
        file,
        line: at(line),
        message: field
          ? `the text of "${field[2]}" holds a colon followed by a space, which YAML reads as the start of another field`
          : 'YAML reads a colon followed by a space on this line as the start of another field',
        fix: quoted ? `put the whole text in double quotes: ${quoted.trim()}` : 'put the text in double quotes',
      });
      continue;
    }
    problems.push({
      file,
      line: at(line),
      message: `YAML syntax error: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      fix: 'check the indentation (spaces only), the colon and space after each field name, and that every quote and bracket opened on this line is closed; put text holding ": " or " #" in double quotes',
    });
    // The rest usually follows from the first mistake; fixing it first shows what is left.
    if (problems.length >= 3) break;
  }
  return problems;
}

export interface SplitMdx {
  /** The YAML between the two "---" lines, when the file starts with frontmatter. */
  frontmatter?: string;
  body: string;
  /** Line number of the body's first line. */
  bodyLine: number;
}

export function splitFrontmatter(text: string): SplitMdx {
  // A file saved with a byte-order mark (some Windows editors add one) still starts with its frontmatter.
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---[^\S\r\n]*(?:\r?\n|$)/.exec(text);
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
