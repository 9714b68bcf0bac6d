/**
 * Reads content/ into plain data, remembering the line of every entry and field so each problem can
 * point at the line to mend. Every entry is validated with its schema from src/schemas, and every
 * schema problem is reported, not just the first. Lesson bodies are read for their <Quiz id="…" /> tags.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isScalar, isSeq } from 'yaml';
import type { z } from 'astro/zod';
import {
  annotationFileSchema,
  annotationSchema,
  courseSchema,
  eventSchema,
  idSchema,
  lessonSchema,
  placeSchema,
  questionSchema,
  quizSchema,
  referenceSchema,
  sourceSchema,
  termSchema,
  topicSchema,
  type AnnotationFile,
  type Course,
  type Lesson,
  type Place,
  type Quiz,
  type Reference,
  type Source,
  type Term,
  type TimelineEvent,
  type Topic,
} from '../schemas';
import { contentErrorMap } from '../schemas/error-map';
import { seeGuide } from './guide';
import { describeIssue, fieldName } from './issues';
import { findQuizTags } from '../lib/quiz-tags';
import type { Problem } from './problem';
import { collectLines, emptyLines, parseFrontmatter, parseYaml, splitFrontmatter, type ParsedYaml } from './read-yaml';
import { findReservedIds, isReservedId, reservedIds } from './reserved';

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

/** The Markdown body of a lesson or topic, below its frontmatter, for the MDX check (check-mdx.ts). */
export interface MdxBody {
  kind: 'lessons' | 'topics';
  id: string;
  file: string;
  text: string;
  /** Line number of the body's first line in the file. */
  bodyLine: number;
}

/** A <Quiz id="…" /> in a lesson's body. */
export interface Placement {
  quiz: string;
  lesson: string;
  file: string;
  line: number;
}

export interface LoadedContent {
  /** content/course.yaml, when it exists and is valid (then exactly one entry). */
  course: Loaded<Course>[];
  sources: Loaded<Source>[];
  annotations: Loaded<AnnotationFile>[];
  topics: Loaded<Topic>[];
  lessons: Loaded<Lesson>[];
  /** Keyed by file name; a quiz that broke its schema is kept with the questions that did not. */
  quizzes: Loaded<Quiz>[];
  terms: Loaded<Term>[];
  events: Loaded<TimelineEvent>[];
  places: Loaded<Place>[];
  references: Loaded<Reference>[];
  /** Every quiz placed in a lesson body, including lessons whose frontmatter is broken. */
  placements: Placement[];
  /** The body of every lesson and topic that has frontmatter. */
  bodies: MdxBody[];
  /**
   * Ids of entries that exist but broke their schema (already reported), so that links to them are not
   * reported a second time as unknown.
   */
  invalidIds: Record<Kind, string[]>;
}

type Kind =
  | 'course'
  | 'sources'
  | 'annotations'
  | 'topics'
  | 'lessons'
  | 'quizzes'
  | 'terms'
  | 'events'
  | 'places'
  | 'references';

export interface LoadResult {
  content: LoadedContent;
  problems: Problem[];
}

/** The line of `path`, or of the nearest field around it that exists (a missing field has no line). */
export function lineOf(entry: Pick<Loaded<unknown>, 'line' | 'lines'>, path: string): number {
  for (let parts = path.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
    const key = parts.join('.');
    if (Object.hasOwn(entry.lines, key)) return entry.lines[key];
  }
  return entry.line;
}

export function loadContent(root: string): LoadResult {
  const problems: Problem[] = [];
  const content: LoadedContent = {
    course: [],
    sources: [],
    annotations: [],
    topics: [],
    lessons: [],
    quizzes: [],
    terms: [],
    events: [],
    places: [],
    references: [],
    placements: [],
    bodies: [],
    invalidIds: {
      course: [],
      sources: [],
      annotations: [],
      topics: [],
      lessons: [],
      quizzes: [],
      terms: [],
      events: [],
      places: [],
      references: [],
    },
  };
  const reader = { root, problems, content };

  readCourseFile(reader);

  for (const file of listFiles(root, 'content/sources', '.yaml')) {
    readWholeFile(reader, 'sources', file, sourceSchema, 'source');
  }
  for (const file of listFiles(root, 'content/annotations', '.yaml')) {
    readWholeFile(reader, 'annotations', file, annotationFileSchema, 'annotations');
  }
  for (const file of listFiles(root, 'content/topics', '.mdx')) {
    readWholeFile(reader, 'topics', file, topicSchema, 'topic');
    readBody(reader, 'topics', file);
  }
  for (const file of listFiles(root, 'content/lessons', '.mdx')) {
    readWholeFile(reader, 'lessons', file, lessonSchema, 'lesson');
    readPlacements(reader, file);
    readBody(reader, 'lessons', file);
  }
  for (const file of listFiles(root, 'content/quizzes', '.yaml')) {
    readWholeFile(reader, 'quizzes', file, quizSchema, 'quiz');
  }
  readListFile(reader, 'terms', 'content/glossary.yaml', termSchema, 'term');
  readListFile(reader, 'events', 'content/timeline.yaml', eventSchema, 'event');
  readListFile(reader, 'places', 'content/places.yaml', placeSchema, 'place');
  readListFile(reader, 'references', 'content/references.yaml', referenceSchema, 'reference');
  return { content, problems };
}

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

const idOfFile = (file: string) => file.slice(file.lastIndexOf('/') + 1).replace(/\.(yaml|mdx)$/, '');

/** One entry per file (a source, an annotation file, a quiz, a topic or lesson's frontmatter); its id is the file name. */
function readWholeFile(reader: Reader, kind: Kind, file: string, schema: z.ZodType, noun: string): void {
  const id = idOfFile(file);
  const text = readFileSync(join(reader.root, file), 'utf8');
  if (isEmptyText(text)) {
    reader.problems.push(emptyFile(file));
    reader.content.invalidIds[kind].push(id);
    return;
  }
  const parsed = file.endsWith('.mdx')
    ? parseFrontmatter(text, file, reader.problems)
    : parseYaml(text, file, 0, reader.problems);
  if (!parsed) {
    // Its syntax error is reported; links to it are not reported again as unknown.
    reader.content.invalidIds[kind].push(id);
    return;
  }
  if (!idSchema.safeParse(id).success || isReservedId(id)) {
    reader.problems.push({
      file,
      item: `${noun} "${id}"`,
      message: `the file name "${id}" is not a usable id`,
      fix: `rename the file in lower-case letters, digits and single hyphens, e.g. "report-c.yaml"${isReservedId(id) ? `, and not ${reservedIds.join(', ')}` : ''}`,
    });
  }
  const lines = emptyLines();
  const line = collectLines(parsed.doc.contents, '', lines, parsed.lineAt);
  const raw: unknown = parsed.doc.toJS();
  if (raw === null || raw === undefined) {
    // Only comments, or an empty frontmatter: say so, rather than "expected object, received null".
    reader.problems.push(
      emptyFile(file, file.endsWith('.mdx') ? 'its frontmatter (between the "---" lines)' : undefined),
    );
    reader.content.invalidIds[kind].push(id);
    return;
  }
  const where = { id, file, line, lines };
  // Reserved ids are reported with a message of their own, and repeated question ids by the cross-check
  // (across all quizzes, naming the first use); the schema's complaints about them would say it twice.
  const reserved = kind === 'quizzes' ? reportReservedIds(reader, where, raw) : [];
  const ignore = (issue: z.core.$ZodIssue) =>
    (kind === 'quizzes' && issue.path.length === 2 && /^question id ".*" appears twice$/.test(issue.message)) ||
    reserved.some(
      (name) => issue.path.includes(name) || issue.message.includes(`"${name}"`) || valueAt(raw, issue.path) === name,
    );
  const valid = validate(reader, kind, where, raw, schema, `${noun} "${id}"`, ignore);
  if (valid) return;
  if (kind === 'annotations') keepGoodNotes(reader, where, raw);
  if (kind === 'quizzes') keepGoodQuestions(reader, where, raw);
}

/** Whitespace and a byte-order mark only. */
const isEmptyText = (text: string) => text.replace(/^\uFEFF/, '').trim() === '';

function emptyFile(file: string, what = 'the file'): Problem {
  return {
    file,
    line: 1,
    message: `${what} is empty`,
    fix: `copy the skeleton for this file from the guide and fill it in ${seeGuide(file)}, or delete the file`,
  };
}

/** content/course.yaml: required, as every page shows the course's title. */
function readCourseFile(reader: Reader): void {
  const file = 'content/course.yaml';
  if (!existsSync(join(reader.root, file))) {
    reader.problems.push({
      file,
      message: 'the course file is missing: every page shows the course title it holds',
      fix: `create ${file} from the skeleton in the guide ${seeGuide(file)}`,
    });
    return;
  }
  readWholeFile(reader, 'course', file, courseSchema, 'course');
}

function readBody(reader: Reader, kind: MdxBody['kind'], file: string): void {
  const split = splitFrontmatter(readFileSync(join(reader.root, file), 'utf8'));
  // Without frontmatter the file is reported already, and the build would not get as far as its body.
  if (split.frontmatter === undefined) return;
  reader.content.bodies.push({ kind, id: idOfFile(file), file, text: split.body, bodyLine: split.bodyLine });
}

function readPlacements(reader: Reader, file: string): void {
  const { body, bodyLine } = splitFrontmatter(readFileSync(join(reader.root, file), 'utf8'));
  const lesson = idOfFile(file);
  for (const tag of findQuizTags(body, bodyLine)) {
    if (tag.id !== undefined) reader.content.placements.push({ quiz: tag.id, lesson, file, line: tag.line });
    else {
      reader.problems.push({
        file,
        line: tag.line,
        item: `lesson "${lesson}"`,
        message: 'a <Quiz /> tag has no id="…"',
        fix: 'name the quiz it places, e.g. <Quiz id="l1-checkpoint" />, with the id in plain double quotes',
      });
    }
  }
}

function reportReservedIds(reader: Reader, where: Omit<Loaded<unknown>, 'data'>, raw: unknown): string[] {
  const uses = findReservedIds(raw);
  for (const use of uses) {
    reader.problems.push({
      file: where.file,
      line: lineOf(where, use.path),
      item: use.question === undefined ? `quiz "${where.id}"` : questionItem(raw, use.question),
      message: `the ${use.what} "${use.id}" is a name students' saved progress cannot hold (${reservedIds.join(', ')} are refused when progress is imported)`,
      fix: `rename it, e.g. "${use.id.replace(/_/g, '')}-1"`,
    });
  }
  return [...new Set(uses.map((use) => use.id))];
}

/**
 * One broken note must not hide the problems of the others: when an annotation file fails its schema
 * (already reported), its valid notes are still checked against the source.
 */
function keepGoodNotes(reader: Reader, where: Omit<Loaded<unknown>, 'data'>, raw: unknown): void {
  if (!isRecord(raw) || !idSchema.safeParse(raw.source).success || !Array.isArray(raw.notes)) return;
  const kept = keepGood(where, raw.notes, 'notes', (note) => annotationSchema.safeParse(note));
  if (kept.list.length === 0) return;
  reader.content.annotations.push({
    ...where,
    lines: kept.lines,
    data: { source: raw.source as string, notes: kept.list },
  });
}

/**
 * Likewise a broken question must not hide where its quiz is placed or what its other questions say: the
 * valid questions are kept for the cross-checks (which also find ids repeated within the quiz).
 */
function keepGoodQuestions(reader: Reader, where: Omit<Loaded<unknown>, 'data'>, raw: unknown): void {
  if (!isRecord(raw) || !Array.isArray(raw.questions)) return;
  const kept = keepGood(where, raw.questions, 'questions', (question) => questionSchema.safeParse(question));
  const id = typeof raw.id === 'string' && idSchema.safeParse(raw.id).success ? raw.id : where.id;
  const title = typeof raw.title === 'string' ? raw.title : '';
  reader.content.quizzes.push({ ...where, lines: kept.lines, data: { id, title, questions: kept.list } });
}

/** The entries of `list` that pass, with their lines renumbered so "<field>.<i>" still names each one. */
function keepGood<T>(
  where: Omit<Loaded<unknown>, 'data'>,
  list: unknown[],
  field: string,
  parse: (entry: unknown) => { success: boolean; data?: T },
): { list: T[]; lines: Record<string, number> } {
  const kept: T[] = [];
  const lines = emptyLines();
  for (const [key, line] of Object.entries(where.lines)) if (!key.startsWith(`${field}.`)) lines[key] = line;
  list.forEach((candidate, index) => {
    const result = parse(candidate);
    if (!result.success) return;
    const from = `${field}.${index}`;
    const to = `${field}.${kept.length}`;
    for (const [key, line] of Object.entries(where.lines)) {
      if (key === from || key.startsWith(`${from}.`)) lines[to + key.slice(from.length)] = line;
    }
    kept.push(result.data as T);
  });
  return { list: kept, lines };
}

/** Many entries in one list (glossary, timeline, places, references); each names its own id. */
function readListFile(reader: Reader, kind: Kind, file: string, schema: z.ZodType, noun: string): void {
  if (!existsSync(join(reader.root, file))) return;
  const parsed: ParsedYaml | undefined = parseYaml(
    readFileSync(join(reader.root, file), 'utf8'),
    file,
    0,
    reader.problems,
  );
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
    const lines = emptyLines();
    const line = collectLines(node, '', lines, parsed.lineAt);
    const item = rawId ? `${noun} "${rawId}"` : `${noun} #${index + 1}`;
    validate(reader, kind, { id: rawId ?? `#${index + 1}`, file, line, lines }, raw, schema, item);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (!isRecord(value) && !Array.isArray(value)) return undefined;
    value = Object.hasOwn(value, key) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return value;
}

function validate(
  reader: Reader,
  kind: Kind,
  where: Omit<Loaded<unknown>, 'data'>,
  raw: unknown,
  schema: z.ZodType,
  item: string,
  ignore: (issue: z.core.$ZodIssue) => boolean = () => false,
): boolean {
  const result = schema.safeParse(raw, { error: contentErrorMap });
  if (result.success) {
    (reader.content[kind] as Loaded<unknown>[]).push({ ...where, data: result.data });
    return true;
  }
  reader.content.invalidIds[kind].push(where.id);
  for (const issue of result.error.issues) {
    if (ignore(issue)) continue;
    // An unknown field is pointed at itself, not at the object holding it.
    const at = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
    reader.problems.push({
      file: where.file,
      line: lineOf(where, at.map(String).join('.')),
      item: itemFor(raw, issue.path, item),
      ...describeIssue(issue, fieldName(issue.path), where.file, valueAt(raw, issue.path)),
    });
  }
  return false;
}

/** Inside an annotation file a problem belongs to its note; inside a quiz, to its question. */
function itemFor(raw: unknown, path: readonly PropertyKey[], fallback: string): string {
  if (typeof path[1] !== 'number' || !isRecord(raw)) return fallback;
  if (path[0] === 'questions') return questionItem(raw, path[1]);
  if (path[0] !== 'notes' || !Array.isArray(raw.notes)) return fallback;
  const note: unknown = raw.notes[path[1]];
  return isRecord(note) && typeof note.id === 'string' ? `note "${note.id}"` : `note #${path[1] + 1}`;
}

function questionItem(raw: unknown, index: number): string {
  const question: unknown = isRecord(raw) && Array.isArray(raw.questions) ? raw.questions[index] : undefined;
  return isRecord(question) && typeof question.id === 'string' ? `question "${question.id}"` : `question #${index + 1}`;
}
