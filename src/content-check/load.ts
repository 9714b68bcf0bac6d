/**
 * Reads content/ into plain data, remembering the line of every entry and field so each problem can
 * point at the line to mend. Every entry is validated with its schema from src/schemas, and every
 * schema problem is reported, not just the first.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';
import {
  annotationFileSchema,
  annotationSchema,
  eventSchema,
  idSchema,
  lessonSchema,
  placeSchema,
  referenceSchema,
  sourceSchema,
  termSchema,
  topicSchema,
  type Annotation,
  type AnnotationFile,
  type Lesson,
  type Place,
  type Reference,
  type Source,
  type Term,
  type TimelineEvent,
  type Topic,
} from '../schemas';
import { describeIssue, fieldName } from './issues';
import type { Problem } from './problem';

export interface Loaded<T> {
  id: string;
  /** Path relative to the project root. */
  file: string;
  /** Line where the entry starts. */
  line: number;
  /** Line of each field inside the entry, keyed by dotted path: "links.topic", "cites.0", "notes.2.quote.exact". */
  lines: Record<string, number>;
  data: T;
}

export interface LoadedContent {
  sources: Loaded<Source>[];
  annotations: Loaded<AnnotationFile>[];
  topics: Loaded<Topic>[];
  lessons: Loaded<Lesson>[];
  terms: Loaded<Term>[];
  events: Loaded<TimelineEvent>[];
  places: Loaded<Place>[];
  references: Loaded<Reference>[];
  /**
   * Ids of entries that exist but broke their schema (already reported), so that links to them are not
   * reported a second time as unknown.
   */
  invalidIds: Record<Exclude<keyof LoadedContent, 'invalidIds'>, string[]>;
}

export interface LoadResult {
  content: LoadedContent;
  problems: Problem[];
}

/** The line of `path`, or of the nearest field around it that exists (a missing field has no line). */
export function lineOf(entry: Pick<Loaded<unknown>, 'line' | 'lines'>, path: string): number {
  for (let parts = path.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
    const line = entry.lines[parts.join('.')];
    if (line !== undefined) return line;
  }
  return entry.line;
}

export function loadContent(root: string): LoadResult {
  const problems: Problem[] = [];
  const content: LoadedContent = {
    sources: [], annotations: [], topics: [], lessons: [], terms: [], events: [], places: [], references: [],
    invalidIds: { sources: [], annotations: [], topics: [], lessons: [], terms: [], events: [], places: [], references: [] },
  };
  const reader = { root, problems, content };

  for (const file of listFiles(root, 'content/sources', '.yaml')) {
    readWholeFile(reader, 'sources', file, sourceSchema, 'source', 'src/schemas/source.ts');
  }
  for (const file of listFiles(root, 'content/annotations', '.yaml')) {
    readWholeFile(reader, 'annotations', file, annotationFileSchema, 'annotations', 'src/schemas/annotation.ts');
  }
  for (const file of listFiles(root, 'content/topics', '.mdx')) {
    readWholeFile(reader, 'topics', file, topicSchema, 'topic', 'src/schemas/topic.ts');
  }
  for (const file of listFiles(root, 'content/lessons', '.mdx')) {
    readWholeFile(reader, 'lessons', file, lessonSchema, 'lesson', 'src/schemas/lesson.ts');
  }
  readListFile(reader, 'terms', 'content/glossary.yaml', termSchema, 'term', 'src/schemas/glossary.ts');
  readListFile(reader, 'events', 'content/timeline.yaml', eventSchema, 'event', 'src/schemas/timeline.ts');
  readListFile(reader, 'places', 'content/places.yaml', placeSchema, 'place', 'src/schemas/place.ts');
  readListFile(reader, 'references', 'content/references.yaml', referenceSchema, 'reference', 'src/schemas/reference.ts');
  return { content, problems };
}

type Kind = keyof LoadedContent['invalidIds'];
interface Reader {
  root: string;
  problems: Problem[];
  content: LoadedContent;
}

function listFiles(root: string, folder: string, extension: string): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => `${folder}/${name}`);
}

/** One entry per file (a source, an annotation file, a topic or lesson's frontmatter); its id is the file name. */
function readWholeFile<K extends Kind>(
  reader: Reader,
  kind: K,
  file: string,
  schema: z.ZodType,
  noun: string,
  schemaFile: string,
): void {
  const id = file.slice(file.lastIndexOf('/') + 1).replace(/\.(yaml|mdx)$/, '');
  const parsed = file.endsWith('.mdx') ? readFrontmatter(reader, file) : readYaml(reader, file, 0);
  if (!parsed) return;
  if (!idSchema.safeParse(id).success) {
    reader.problems.push({
      file,
      item: `${noun} "${id}"`,
      message: `the file name "${id}" is not a usable id`,
      fix: 'rename the file in lower-case letters, digits and single hyphens, e.g. "report-c.yaml"',
    });
  }
  const lines: Record<string, number> = {};
  const line = collectLines(parsed.doc.contents, '', lines, parsed.lineAt);
  const raw: unknown = parsed.doc.toJS();
  const valid = validate(reader, kind, { id, file, line, lines }, raw, schema, `${noun} "${id}"`, schemaFile);
  if (!valid && kind === 'annotations') keepGoodNotes(reader, { id, file, line, lines }, raw);
}

/**
 * One broken note must not hide the problems of the others: when an annotation file fails its schema
 * (already reported), its valid notes are still checked against the source.
 */
function keepGoodNotes(reader: Reader, where: Omit<Loaded<unknown>, 'data'>, raw: unknown): void {
  if (!isRecord(raw) || !idSchema.safeParse(raw.source).success || !Array.isArray(raw.notes)) return;
  const notes: Annotation[] = [];
  const lines: Record<string, number> = {};
  for (const [key, line] of Object.entries(where.lines)) if (!key.startsWith('notes.')) lines[key] = line;
  raw.notes.forEach((candidate: unknown, index: number) => {
    const result = annotationSchema.safeParse(candidate);
    if (!result.success) return;
    // Renumber the kept note's lines so "notes.<i>" still names it.
    const from = `notes.${index}`;
    const to = `notes.${notes.length}`;
    for (const [key, line] of Object.entries(where.lines)) {
      if (key === from || key.startsWith(`${from}.`)) lines[to + key.slice(from.length)] = line;
    }
    notes.push(result.data);
  });
  if (notes.length === 0) return;
  reader.content.annotations.push({ ...where, lines, data: { source: raw.source as string, notes } });
}

/** Many entries in one list (glossary, timeline, places, references); each names its own id. */
function readListFile<K extends Kind>(
  reader: Reader,
  kind: K,
  file: string,
  schema: z.ZodType,
  noun: string,
  schemaFile: string,
): void {
  if (!existsSync(join(reader.root, file))) return;
  const parsed = readYaml(reader, file, 0);
  if (!parsed) return;
  const list = parsed.doc.contents;
  if (list === null || (isScalar(list) && list.value === null)) return;
  if (!isSeq(list)) {
    reader.problems.push({
      file,
      line: parsed.lineAt(list.range?.[0] ?? 0),
      message: 'this file must be a list of entries',
      fix: 'start each entry with "- id: …" at the left margin',
    });
    return;
  }
  const values = parsed.doc.toJS() as unknown[];
  list.items.forEach((node, index) => {
    const raw = values[index];
    const rawId = isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined;
    const lines: Record<string, number> = {};
    const line = collectLines(node, '', lines, parsed.lineAt);
    const item = rawId ? `${noun} "${rawId}"` : `${noun} #${index + 1}`;
    validate(reader, kind, { id: rawId ?? `#${index + 1}`, file, line, lines }, raw, schema, item, schemaFile);
  });
}

interface ParsedYaml {
  doc: Document.Parsed;
  lineAt: (offset: number) => number;
}

function readYaml(reader: Reader, file: string, lineOffset: number, text?: string): ParsedYaml | undefined {
  const lineCounter = new LineCounter();
  // The timestamp tag makes unquoted dates Date objects, as Astro's YAML reader (js-yaml) does, so the
  // schema catches them here too.
  const doc = parseDocument(text ?? readFileSync(join(reader.root, file), 'utf8'), {
    lineCounter,
    customTags: ['timestamp'],
    prettyErrors: true,
  });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      reader.problems.push({
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

function readFrontmatter(reader: Reader, file: string): ParsedYaml | undefined {
  const text = readFileSync(join(reader.root, file), 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n?---\s*(?:\r?\n|$)/.exec(text);
  if (!match) {
    reader.problems.push({
      file,
      line: 1,
      message: 'the file does not start with frontmatter',
      fix: 'begin the file with a line "---", the fields, then another "---"',
    });
    return undefined;
  }
  // The frontmatter starts on line 2, after the opening "---".
  return readYaml(reader, file, 1, match[1]);
}

/** Records the line of every field and list item under `node`; returns the node's own line. */
function collectLines(node: unknown, path: string, lines: Record<string, number>, lineAt: (offset: number) => number): number {
  const own = hasRange(node) ? lineAt(node.range[0]) : 1;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = join2(path, String(pair.key.value));
      lines[key] = hasRange(pair.key) ? lineAt(pair.key.range[0]) : own;
      collectLines(pair.value, key, lines, lineAt);
    }
  } else if (isSeq(node)) {
    node.items.forEach((child, index) => {
      const key = join2(path, String(index));
      lines[key] = hasRange(child) ? lineAt(child.range[0]) : own;
      collectLines(child, key, lines, lineAt);
    });
  }
  return own;
}

function join2(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function hasRange(node: unknown): node is { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as { range?: unknown }).range);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validate<K extends Kind>(
  reader: Reader,
  kind: K,
  where: Omit<Loaded<unknown>, 'data'>,
  raw: unknown,
  schema: z.ZodType,
  item: string,
  schemaFile: string,
): boolean {
  const result = schema.safeParse(raw);
  if (result.success) {
    (reader.content[kind] as Loaded<unknown>[]).push({ ...where, data: result.data });
    return true;
  }
  reader.content.invalidIds[kind].push(where.id);
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    reader.problems.push({
      file: where.file,
      line: lineOf(where, path),
      item: itemFor(raw, issue.path, item),
      ...describeIssue(issue, fieldName(issue.path), schemaFile),
    });
  }
  return false;
}

/** Inside an annotation file, a problem belongs to the note it is in. */
function itemFor(raw: unknown, path: readonly PropertyKey[], fallback: string): string {
  if (path[0] !== 'notes' || typeof path[1] !== 'number' || !isRecord(raw) || !Array.isArray(raw.notes)) return fallback;
  const note: unknown = raw.notes[path[1]];
  return isRecord(note) && typeof note.id === 'string' ? `note "${note.id}"` : `note #${path[1] + 1}`;
}
