/**
 * `npm run new-lesson -- path/to/report.txt [--id report-c] [--title …] [--credit …] [--date YYYY-MM-DD]
 * [--label "Report C"] [--order N] [--dir ROOT]`: turns an article copied from a web page into a report, a stub
 * lesson that reads it and a starter checkpoint, all valid, so the course builds at once; then says what to edit.
 * It prints what page furniture it removed and the paragraphs it kept, numbered, for the instructor to check against
 * the page. The headline, credit line and date are read from the article where it has them. The lesson goes before
 * the final review (or at --order N), moving the lessons after it down one. An article already in the course is
 * refused, naming the report it is. Asks for what is missing when run in a terminal; otherwise names the option to
 * pass. Never overwrites a file.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { checkContentFolder, formatProblems, isError } from '../../src/content-check/index.ts';
import { manifestFile, readManifest, writeManifest } from '../../src/content-check/manifest.ts';
import { isReservedId } from '../../src/content-check/reserved.ts';
import { splitArticleWithReport, type ArticleParts, type RemovedLine } from '../../src/lib/furniture.ts';
import { questionHash } from '../../src/quiz/hash.ts';
import { idSchema, isRealDay, quizSchema } from '../../src/schemas/index.ts';
import { lessonMdx, quizIdOf, quizYaml, sourceYaml, type NewLessonPlan } from './new-lesson-files.ts';

export interface NewLessonIo {
  /** Whether a person can answer questions (stdin is a terminal). */
  isTTY: boolean;
  ask: (question: string) => Promise<string>;
  out: (text: string) => void;
  err: (text: string) => void;
}

const usage =
  'usage: npm run new-lesson -- path/to/report.txt [--id report-c] [--title "Lesson title"] [--credit "Reporting by …"] ' +
  '[--date YYYY-MM-DD] [--label "Report C"] [--order N] [--dir ROOT]';
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the command; returns the exit code. */
export async function newLesson(argv: readonly string[], io: NewLessonIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        id: { type: 'string' },
        title: { type: 'string' },
        credit: { type: 'string' },
        date: { type: 'string' },
        label: { type: 'string' },
        order: { type: 'string' },
        dir: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`new-lesson: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const { values, positionals } = args;
  if (positionals.length !== 1) {
    io.err(`new-lesson: give the path of one article copied from its web page.\n${usage}`);
    return 2;
  }
  const root = resolve(values.dir ?? projectRoot);
  const articlePath = resolve(positionals[0]);

  let article: ArticleParts;
  let removed: RemovedLine[];
  try {
    ({ parts: article, removed } = splitArticleWithReport(readFileSync(articlePath, 'utf8')));
  } catch (error) {
    io.err(`new-lesson: cannot read ${positionals[0]}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  if (article.paragraphs.length === 0) {
    io.err(`new-lesson: ${positionals[0]} has a headline but no paragraphs once page furniture is removed.`);
    return 1;
  }

  const twin = sameArticle(root, article);
  if (twin) {
    io.err(
      `new-lesson: this article is already in the course, as report "${twin.id}" (${twin.file}); nothing was written.\n` +
        `Its lesson reads it already; to add a second lesson on it, copy that lesson and list "${twin.id}" in its readings.`,
    );
    return 1;
  }

  let order: number | undefined;
  if (values.order !== undefined) {
    order = Number(values.order);
    if (!Number.isInteger(order) || order < 1) {
      io.err(`new-lesson: --order ${values.order} is not a lesson position: give a whole number from 1.\n${usage}`);
      return 2;
    }
  }

  const id = values.id ?? nextReportId(root);
  const idProblem = checkId(id);
  if (idProblem) {
    io.err(`new-lesson: --id ${id} ${idProblem}`);
    return 1;
  }
  const targets = [`content/sources/${id}.yaml`, `content/lessons/${id}.mdx`, `content/quizzes/${quizIdOf(id)}.yaml`];
  const existing = targets.filter((file) => existsSync(join(root, file)));
  if (existing.length > 0) {
    io.err(
      `new-lesson: ${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written.\n` +
        'Choose another --id, or move the old files away first.',
    );
    return 1;
  }

  const answers = await fillIn(
    [
      { key: 'title', option: '--title', what: "the lesson's title", given: values.title },
      {
        key: 'label',
        option: '--label',
        what: 'the short label students see, e.g. "Report C"',
        given: values.label ?? labelFor(id),
      },
      {
        key: 'credit',
        option: '--credit',
        what: 'who reported it, e.g. "Reporting by AFP"',
        given: values.credit ?? article.credit,
      },
      {
        key: 'date',
        option: '--date',
        what: 'the day it was published, YYYY-MM-DD',
        given: values.date ?? article.date,
        check: checkDate,
      },
    ],
    io,
  );
  if (!answers) return 1;

  const plan: NewLessonPlan = {
    id,
    label: answers.label,
    title: answers.title,
    credit: answers.credit,
    published: answers.date,
    seed: basename(articlePath),
    sourceOrder: nextOrder(root, 'content/sources', '.yaml'),
    lessonOrder: 0,
    article,
  };
  const placing = placeLesson(root, order);
  plan.lessonOrder = placing.order;
  const texts = [sourceYaml(plan), lessonMdx(plan), quizYaml(plan)];
  targets.forEach((file, index) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), texts[index], { flag: 'wx' });
  });
  // Only the order line of the lessons after the new one changes; students' progress is kept by lesson id.
  for (const move of placing.moves) writeFileSync(join(root, move.file), move.text);
  const manifestNote = recordQuestionIds(root, id, texts[2]);

  io.out(
    [
      `Read from ${basename(articlePath)}:`,
      ...(article.kicker ? [`  kicker:   ${article.kicker}`] : []),
      `  headline: ${article.title}`,
      `  credit:   ${plan.credit}${article.credit ? '' : ' (given, not found in the article)'}`,
      `  date:     ${plan.published}${article.date && article.date === plan.published ? ' (found in the article)' : ''}`,
      '',
      removed.length > 0
        ? `Removed ${removed.length} line${removed.length === 1 ? '' : 's'} of page furniture:`
        : 'Removed no lines: the article had no page furniture.',
      ...removed.map((r) => `  - ${shorten(r.line)}   (${r.why})`),
      '',
      `Kept ${article.paragraphs.length} paragraph${article.paragraphs.length === 1 ? '' : 's'}; check each is the report's own:`,
      ...article.paragraphs.map((p, i) => `  ${String(i + 1).padStart(2)}. ${shorten(p, 100)}`),
      '',
      `Created ${plan.label}, with a lesson (lesson ${plan.lessonOrder}) and a checkpoint:`,
      ...targets.map((file) => `  ${file}`),
      manifestNote,
      ...placing.moves.map((m) => `  ${m.file}: moved from lesson ${m.from} to ${m.to}, after the new one`),
      '',
      'Next:',
      `  1. Compare ${targets[0]} with the original page: the title, credit and date, and that every paragraph is the report's own (no page furniture left). Never re-type a paragraph: notes and questions point at its exact words and number.`,
      `  2. Edit ${targets[1]}: the summary, minutes, the two objectives, background topics and the body that guides the reading.`,
      `  3. Edit ${targets[2]}: rewrite the two starter questions and add more, each with "objective:" set to one of the lesson's objectives.`,
      `  4. Optionally, add notes on the report in content/annotations/${id}.yaml.`,
      `  5. Run npm run check, then npm run dev and open /lessons/${id}/ and /reports/${id}/.`,
    ]
      .filter((line) => line !== undefined)
      .join('\n'),
  );

  const problems = checkContentFolder(root);
  if (problems.length > 0) io.out(`\nThe content check found:\n\n${formatProblems(problems)}`);
  return problems.some(isError) ? 1 : 0;
}

interface Field {
  key: 'title' | 'label' | 'credit' | 'date';
  option: string;
  what: string;
  given: string | undefined;
  /** Why the value is unusable, or undefined when it is fine. */
  check?: (value: string) => string | undefined;
}

/** Every field's value, asking in a terminal for the missing ones; undefined after saying what is missing. */
async function fillIn(fields: readonly Field[], io: NewLessonIo): Promise<Record<Field['key'], string> | undefined> {
  const values = {} as Record<Field['key'], string>;
  const missing: string[] = [];
  for (const field of fields) {
    const given = field.given?.trim();
    const problem = given ? field.check?.(given) : undefined;
    if (given && !problem) {
      values[field.key] = given;
      continue;
    }
    if (problem && !io.isTTY) {
      io.err(`new-lesson: ${field.option} ${given} ${problem}`);
      return undefined;
    }
    if (!io.isTTY) {
      missing.push(`  ${field.what}: pass ${field.option} "…"`);
      continue;
    }
    for (;;) {
      const answer = (await io.ask(`${field.what[0].toUpperCase()}${field.what.slice(1)}: `)).trim();
      const why = answer ? field.check?.(answer) : 'is needed';
      if (!why) {
        values[field.key] = answer;
        break;
      }
      io.err(`  ${answer || 'This'} ${why}`);
    }
  }
  if (missing.length > 0) {
    io.err(
      `new-lesson: not run in a terminal, so it cannot ask for what is missing:\n${missing.join('\n')}\nNothing was written.`,
    );
    return undefined;
  }
  return values;
}

function checkDate(value: string): string | undefined {
  return isRealDay(value) ? undefined : 'is not a real date written YYYY-MM-DD, e.g. 2024-04-22';
}

function checkId(id: string): string | undefined {
  if (!idSchema.safeParse(id).success)
    return 'is not a usable id: use lower-case letters, digits and single hyphens, e.g. report-c';
  if (isReservedId(id)) return "is a name students' saved progress cannot hold";
  return undefined;
}

function shorten(text: string, length = 70): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** Text compared without the spaces, quotes and case a second copy of a page may differ in. */
const comparable = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[“”„"‘’']/g, "'")
    .trim();

/** The report already in the course with the same text, if there is one (half its paragraphs or more the same). */
function sameArticle(root: string, article: ArticleParts): { id: string; file: string } | undefined {
  const mine = new Set(article.paragraphs.map(comparable));
  for (const id of listIds(root, 'content/sources', '.yaml')) {
    const file = `content/sources/${id}.yaml`;
    let paragraphs: unknown;
    try {
      paragraphs = (parseYaml(readFileSync(join(root, file), 'utf8')) as { paragraphs?: unknown } | null)?.paragraphs;
    } catch {
      continue; // a broken report file is the content check's to report
    }
    if (!Array.isArray(paragraphs) || paragraphs.length === 0) continue;
    const shared = paragraphs.filter((p) => typeof p === 'string' && mine.has(comparable(p))).length;
    if (shared > 0 && shared * 2 >= Math.min(paragraphs.length, mine.size)) return { id, file };
  }
  return undefined;
}

interface LessonMove {
  file: string;
  from: number;
  to: number;
  text: string;
}

/**
 * Where the new lesson goes: at `wanted`, or before the final review (the last lesson, when its title or id says
 * review), or at the end; and the lessons that move down one to make room.
 */
function placeLesson(root: string, wanted: number | undefined): { order: number; moves: LessonMove[] } {
  const lessons = listIds(root, 'content/lessons', '.mdx').flatMap((id) => {
    const file = `content/lessons/${id}.mdx`;
    const text = readFileSync(join(root, file), 'utf8');
    const order = /^order:\s*(\d+)\s*$/m.exec(text);
    const title = /^title:\s*(.*)$/m.exec(text)?.[1] ?? '';
    return order ? [{ id, file, text, order: Number(order[1]), title }] : [];
  });
  const last = lessons.reduce<(typeof lessons)[number] | undefined>(
    (a, b) => (a && a.order > b.order ? a : b),
    undefined,
  );
  const isReview = last !== undefined && /\breview\b/i.test(`${last.id} ${last.title}`);
  const order = wanted ?? (isReview ? last.order : (last?.order ?? 0) + 1);
  if (!lessons.some((l) => l.order === order)) return { order, moves: [] };
  const moves = lessons
    .filter((l) => l.order >= order)
    .map((l) => ({
      file: l.file,
      from: l.order,
      to: l.order + 1,
      text: l.text.replace(/^order:\s*\d+\s*$/m, `order: ${l.order + 1}`),
    }));
  return { order, moves };
}

/** "report-c" when report-a and report-b exist. */
function nextReportId(root: string): string {
  const taken = new Set(listIds(root, 'content/sources', '.yaml'));
  for (const letter of 'abcdefghijklmnopqrstuvwxyz') if (!taken.has(`report-${letter}`)) return `report-${letter}`;
  return `report-${taken.size + 1}`;
}

/** "Report C" for report-c; other ids have no obvious label. */
function labelFor(id: string): string | undefined {
  const match = /^report-([a-z]|\d+)$/.exec(id);
  return match ? `Report ${match[1].toUpperCase()}` : undefined;
}

/** One more than the largest `order:` in the folder's files (read as text, so a broken file still counts). */
function nextOrder(root: string, folder: string, extension: string): number {
  let largest = 0;
  for (const id of listIds(root, folder, extension)) {
    const text = readFileSync(join(root, folder, `${id}${extension}`), 'utf8');
    const order = /^order:\s*(\d+)\s*$/m.exec(text);
    if (order) largest = Math.max(largest, Number(order[1]));
  }
  return largest + 1;
}

function listIds(root: string, folder: string, extension: string): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .map((name) => name.slice(0, -extension.length));
}

/** Adds the new questions to content/.question-ids.json, leaving every other entry as it was. */
function recordQuestionIds(root: string, lesson: string, quizText: string): string | undefined {
  const { manifest, problems } = readManifest(root);
  if (problems.length > 0) return `  (${manifestFile} could not be read, so the new question ids were not added to it)`;
  const updated = { ...(manifest ?? {}) };
  for (const question of quizSchema.parse(parseYaml(quizText)).questions) {
    updated[question.id] = { hash: questionHash(question), lesson };
  }
  writeManifest(root, updated);
  return `  ${manifestFile} (the new question ids)`;
}
