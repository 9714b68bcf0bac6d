import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { newLesson, type NewLessonIo } from '../../scripts/lib/new-lesson';
import { yamlString } from '../../scripts/lib/new-lesson-files';
import { checkContentFolder, formatProblems, isError } from '../../src/content-check';
import { manifestFile } from '../../src/content-check/manifest';
import { splitArticle } from '../../src/lib/furniture';

const projectRoot = join(import.meta.dirname, '../..');
const seedA = join(projectRoot, 'tests/fixtures/seeds/000_b66b5cd2fbb4d987.txt');
const seedB = join(projectRoot, 'tests/fixtures/seeds/003_2c65574ae2cc0e16.txt');
const messy = join(projectRoot, 'tests/fixtures/messy-article.txt');

/** Runs the command in-process, collecting what it prints; `answers` are typed at its prompts, in order. */
async function run(args: string[], options: { isTTY?: boolean; answers?: string[] } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const answers = [...(options.answers ?? [])];
  const io: NewLessonIo = {
    isTTY: options.isTTY ?? false,
    ask: async (question) => {
      asked.push(question);
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`unexpected question: ${question}`);
      return answer;
    },
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  };
  const code = await newLesson(args, io);
  return { code, out: out.join('\n'), err: err.join('\n'), asked };
}

const listTree = (root: string) => (existsSync(root) ? readdirSync(root, { recursive: true }).map(String).sort() : []);
const readYaml = (path: string) => parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

let root = '';
afterEach(() => {
  if (root) rmSync(root, { recursive: true });
  root = '';
});
/** An empty course: only its course file, which every course has. */
const freshRoot = () => {
  root = mkdtempSync(join(tmpdir(), 'new-lesson-'));
  mkdirSync(join(root, 'content'));
  cpSync(join(projectRoot, 'tests/fixtures/content-valid/content/course.yaml'), join(root, 'content/course.yaml'));
  return root;
};

describe('npm run new-lesson', () => {
  it('turns both seeds into the committed report files, field for field, and a course with no problems', async () => {
    freshRoot();
    const committedA = readYaml(join(projectRoot, 'content/sources/report-a.yaml'));
    const committedB = readYaml(join(projectRoot, 'content/sources/report-b.yaml'));
    const a = await run([
      seedA,
      '--dir',
      root,
      '--id',
      'report-a',
      '--label',
      'Report A',
      '--title',
      'What happened',
      '--credit',
      String(committedA.credit),
      '--date',
      '2024-04-22',
    ]);
    expect(a.err).toBe('');
    expect(a.code).toBe(0);
    // No --label: "Report B" follows from the id; no --credit: the article's "(Reporting by …)" line.
    const b = await run([
      seedB,
      '--dir',
      root,
      '--id',
      'report-b',
      '--title',
      'A second report',
      '--date',
      '2024-04-23',
    ]);
    expect(b.err).toBe('');
    expect(b.code).toBe(0);

    expect(readYaml(join(root, 'content/sources/report-a.yaml'))).toEqual(committedA);
    expect(readYaml(join(root, 'content/sources/report-b.yaml'))).toEqual(committedB);
    expect(listTree(join(root, 'content'))).toEqual([
      '.question-ids.json',
      'course.yaml',
      'lessons',
      'lessons/report-a.mdx',
      'lessons/report-b.mdx',
      'quizzes',
      'quizzes/report-a-checkpoint.yaml',
      'quizzes/report-b-checkpoint.yaml',
      'sources',
      'sources/report-a.yaml',
      'sources/report-b.yaml',
    ]);
    const problems = checkContentFolder(root);
    expect(problems, formatProblems(problems)).toEqual([]);
    expect(readFileSync(join(root, 'content/lessons/report-b.mdx'), 'utf8')).toMatch(/^order: 2$/m);
  });

  it('strips the furniture of a messy copy (cookie banner, share buttons, ads, related articles, CRLF, trailing spaces)', async () => {
    freshRoot();
    const result = await run([messy, '--dir', root, '--title', 'Messy', '--date', '2024-04-23']);
    expect(result.code).toBe(0);
    const text = readFileSync(join(root, 'content/sources/report-a.yaml'), 'utf8');
    const source = parse(text) as { title: string; kicker: string; credit: string; paragraphs: string[] };
    for (const furniture of [
      'cookies',
      'Manage preferences',
      'Share',
      'Tweet',
      'Advertisement',
      'Read more',
      'Related',
      'Iraqi PM arrives',
      'Kalsu explosion',
      'Back to top',
      '\r',
    ]) {
      expect(text).not.toContain(furniture);
    }
    expect(source.paragraphs.every((p) => p === p.trim())).toBe(true);
    expect(source.paragraphs).toEqual(splitArticle(readFileSync(seedB, 'utf8')).paragraphs);
    expect(source).toMatchObject({
      kicker: 'Second attack in days',
      title: 'US troops targeted in western Iraq, says official',
      credit: 'Reporting by AFP and 964media',
    });
  });

  it('adds a lesson to the real course: the next free id, before the final review, and still no errors', async () => {
    freshRoot();
    cpSync(join(projectRoot, 'content'), join(root, 'content'), { recursive: true });
    const lessons = readdirSync(join(root, 'content/lessons')).length;
    const result = await run([
      join(projectRoot, 'tests/fixtures/articles/news-site.txt'),
      '--dir',
      root,
      '--title',
      'A third report',
      '--label',
      'Report C',
      '--date',
      '2024-04-23',
    ]);
    expect(result.code, result.out + result.err).toBe(0);
    const lesson = readFileSync(join(root, 'content/lessons/report-c.mdx'), 'utf8');
    // The final review is the last lesson, and stays last.
    expect(lesson).toMatch(new RegExp(`^order: ${lessons}$`, 'm'));
    expect(readFileSync(join(root, 'content/lessons/final-review.mdx'), 'utf8')).toMatch(
      new RegExp(`^order: ${lessons + 1}$`, 'm'),
    );
    expect(lesson).toContain('readings: [report-c]');
    expect(lesson).toContain('[Report C](/reports/report-c/)');
    expect(lesson).toContain('<Quiz id="report-c-checkpoint" />');
    expect(readYaml(join(root, 'content/sources/report-c.yaml')).order).toBe(3);
    expect(checkContentFolder(root).filter(isError)).toEqual([]);
  });

  it('prints numbered next steps naming the files to edit', async () => {
    freshRoot();
    const { out } = await run([
      seedB,
      '--dir',
      root,
      '--id',
      'report-x',
      '--label',
      'Report X',
      '--title',
      'T',
      '--date',
      '2024-04-23',
    ]);
    expect(out).toContain(
      '  content/sources/report-x.yaml\n  content/lessons/report-x.mdx\n  content/quizzes/report-x-checkpoint.yaml',
    );
    expect(out).toMatch(/\n {2}1\. Compare content\/sources\/report-x\.yaml /);
    expect(out).toMatch(/\n {2}2\. Edit content\/lessons\/report-x\.mdx/);
    expect(out).toMatch(/\n {2}3\. Edit content\/quizzes\/report-x-checkpoint\.yaml/);
    expect(out).toMatch(/\n {2}5\. Run npm run check/);
  });

  it('records the new question ids in the manifest, keeping the entries already there', async () => {
    freshRoot();
    mkdirSync(join(root, 'content'), { recursive: true });
    writeFileSync(
      join(root, manifestFile),
      JSON.stringify({ questions: { 'old-question': { hash: 'abc', lesson: 'gone' } } }),
    );
    await run([seedB, '--dir', root, '--id', 'report-b', '--title', 'T', '--date', '2024-04-23']);
    const manifest = JSON.parse(readFileSync(join(root, manifestFile), 'utf8')) as {
      questions: Record<string, unknown>;
    };
    expect(Object.keys(manifest.questions)).toEqual(['old-question', 'report-b-main-news', 'report-b-published']);
    expect(manifest.questions['report-b-published']).toMatchObject({ lesson: 'report-b' });
  });

  it('refuses to overwrite anything, names the file and writes nothing at all', async () => {
    freshRoot();
    mkdirSync(join(root, 'content/lessons'), { recursive: true });
    writeFileSync(join(root, 'content/lessons/report-c.mdx'), 'mine');
    const before = listTree(root);
    const result = await run([messy, '--dir', root, '--id', 'report-c', '--title', 'T', '--date', '2024-04-23']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('content/lessons/report-c.mdx already exists; nothing was written');
    expect(listTree(root)).toEqual(before);
    expect(readFileSync(join(root, 'content/lessons/report-c.mdx'), 'utf8')).toBe('mine');
  });

  it('asks in a terminal for what is missing, again when a date is not real', async () => {
    freshRoot();
    const result = await run([seedA, '--dir', root], {
      isTTY: true,
      answers: ['Reading Report A', 'Based on Reuters reporting', '2024-02-30', '2024-04-22'],
    });
    expect(result.code).toBe(0);
    expect(result.asked).toEqual([
      "The lesson's title: ",
      'Who reported it, e.g. "Reporting by AFP": ',
      'The day it was published, YYYY-MM-DD: ',
      'The day it was published, YYYY-MM-DD: ',
    ]);
    expect(result.err).toContain('2024-02-30 is not a real date');
    const source = readYaml(join(root, 'content/sources/report-a.yaml'));
    expect(source).toMatchObject({ label: 'Report A', credit: 'Based on Reuters reporting', published: '2024-04-22' });
    expect(readFileSync(join(root, 'content/lessons/report-a.mdx'), 'utf8')).toContain('title: "Reading Report A"');
  });

  it('refuses a date that is not real when it cannot ask', async () => {
    freshRoot();
    const result = await run([seedB, '--dir', root, '--title', 'T', '--date', '2024-13-01']);
    expect(result.code).toBe(1);
    expect(result.err).toBe('new-lesson: --date 2024-13-01 is not a real date written YYYY-MM-DD, e.g. 2024-04-22');
    expect(listTree(root)).toEqual(['content', 'content/course.yaml']);
  });

  it('run by Node 24 without a terminal, says which option to pass for a missing title, and writes nothing', () => {
    freshRoot();
    const child = spawnSync(
      process.execPath,
      [join(projectRoot, 'scripts/new-lesson.ts'), seedA, '--dir', root, '--date', '2024-04-22'],
      {
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    expect(child.status).toBe(1);
    expect(child.stderr).toContain('not run in a terminal, so it cannot ask for what is missing');
    expect(child.stderr).toContain('the lesson\'s title: pass --title "…"');
    expect(child.stderr).toContain('who reported it, e.g. "Reporting by AFP": pass --credit "…"');
    expect(child.stderr).not.toContain('--date');
    expect(listTree(root)).toEqual(['content', 'content/course.yaml']);
  });

  it('run by Node 24 with every option, writes the files', () => {
    freshRoot();
    const child = spawnSync(
      process.execPath,
      [join(projectRoot, 'scripts/new-lesson.ts'), seedB, '--dir', root, '--title', 'T', '--date', '2024-04-23'],
      { encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(existsSync(join(root, 'content/quizzes/report-a-checkpoint.yaml'))).toBe(true);
  });
});

describe('yamlString', () => {
  it('reads back as exactly the same text, whatever the text', () => {
    const unit = fc.oneof(
      fc.constantFrom('"', '\\', '\n', '\r', '\t', '\u00a0', '\u2028', '\u0085', '\ufeff', '#', ': ', ' '),
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit }), (text) => {
        expect((parse(`value: ${yamlString(text)}`) as { value: string }).value).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps non-breaking spaces and curly quotes as they are, readable in the file', () => {
    expect(yamlString('an\u00a0advise \u201cquoted\u201d \u2013 "straight"')).toBe(
      '"an\u00a0advise \u201cquoted\u201d \u2013 \\"straight\\""',
    );
  });
});
