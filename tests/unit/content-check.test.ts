import { EventEmitter } from 'node:events';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkContentFolder, formatProblems, isError } from '../../src/content-check';
import { checkContent } from '../../src/content-check/check';
import contentCheck from '../../src/content-check/integration';
import { loadContent } from '../../src/content-check/load';
import { copyOfFixture, expectProblems, fixture, projectRoot } from './content-check-helpers';

// What a refused build does, made testable: the real one prints the problems and exits with code 1.
const refuse = (message: string): never => {
  throw new Error(message);
};

describe('content check on fixture trees', () => {
  it('finds no problem in a valid minimal course', () => {
    expect(checkContentFolder(fixture('content-valid'))).toEqual([]);
  });

  it('reports each mistake in a broken course once, with file, line, item and message', () => {
    const notes = 'content/annotations/report-x.yaml';
    const problems = checkContentFolder(fixture('content-broken'));
    expectProblems(problems, [
      [notes, 5, 'note "not-there"', 'the quote "a cruise missile" is not in source "report-x"'],
      [notes, 11, 'note "twice"', 'the quote "a US official said" occurs 2 times in source "report-x"'],
      [
        notes,
        23,
        'note "launched-at"',
        'its quote overlaps the quote of note "drone-launch" (content/annotations/report-x.yaml:17)',
      ],
      [notes, 33, 'note "bad-links"', 'links to topic "basez", which does not exist'],
      [notes, 34, 'note "bad-links"', 'links to term "drones", which does not exist'],
      [notes, 35, 'note "bad-links"', 'links to event "rocket-atack", which does not exist'],
      [notes, 36, 'note "bad-links"', 'links to place "ain-el-asad", which does not exist'],
      [notes, 37, 'note "bad-links"', 'links to reference "ref-three", which does not exist'],
      [
        notes,
        38,
        'note "drone-launch"',
        'the id "drone-launch" is already used by the note at content/annotations/report-x.yaml:15',
      ],
      [notes, 47, 'note "bad-kind"', /^notes\[6\]\.kind: .*choices: background/],
      [notes, 52, 'note "straight-quotes"', 'the report uses a curly closing quote (\u201d) here'],
      [
        'content/annotations/report-z.yaml',
        1,
        'annotations for "report-z"',
        'links to source "report-z", which does not exist',
      ],
      ['content/glossary.yaml', 6, 'term "drone"', 'the id "drone" is already used by the term on line 1'],
      ['content/glossary.yaml', 10, 'term "Militia_Group"', 'id: use lower-case letters'],
      ['content/glossary.yaml', 10, 'term "Militia_Group"', '"definition" is missing'],
      ['content/places.yaml', 6, 'place "ain-al-asad"', /^lat: .*90/],
      ['content/topics/broken-topic.mdx', 5, 'topic "broken-topic"', 'asOf: this is not a real calendar date'],
    ]);
  });

  it('gives fixes that say what to do', () => {
    const problems = checkContentFolder(fixture('content-broken'));
    const fixFor = (item: string, text: string) =>
      problems.find((p) => p.item === item && p.message.includes(text))?.fix.replace(/ \(the guide: [^)]*\)$/, '');
    expect(fixFor('note "twice"', 'occurs')).toBe('add a prefix or suffix: it occurs in paragraphs 1 and 2');
    expect(fixFor('note "straight-quotes"', 'quote')).toBe('copy the words exactly from paragraph 3');
    expect(fixFor('note "bad-links"', 'place')).toMatch(/did you mean "ain-al-asad"\?.*content\/places\.yaml/);
    expect(fixFor('note "bad-kind"', 'kind')).toMatch(/background, term, number, attribution, date, place/);
  });

  it('accepts a plain space in a quote where the report has a non-breaking one', () => {
    const { content } = loadContent(fixture('content-valid'));
    const paragraphs = content.sources[0].data.paragraphs;
    paragraphs[0] = paragraphs[0].replace('al-Asad air', 'al-Asad\u00a0air');
    expect(checkContent(content)).toEqual([]);
  });

  it('reports YAML syntax errors, missing frontmatter, bare dates and bad file names with their lines', () => {
    expectProblems(checkContentFolder(fixture('content-syntax')), [
      ['content/places.yaml', 2, undefined, /^YAML syntax error: .*quote/i],
      ['content/sources/Report_Y.yaml', undefined, 'source "Report_Y"', 'the file name "Report_Y" is not a usable id'],
      ['content/sources/Report_Y.yaml', 1, 'source "Report_Y"', '"credit" is missing'],
      ['content/topics/dated.mdx', 5, 'topic "dated"', 'a date written without quotes'],
      ['content/topics/no-frontmatter.mdx', 1, undefined, 'the file does not start with frontmatter'],
    ]);
  });

  it('accepts a course with only its course file, and asks for the course file when it is missing', () => {
    const root = mkdtempSync(join(tmpdir(), 'content-empty-'));
    try {
      expectProblems(checkContentFolder(root), [
        ['content/course.yaml', undefined, undefined, 'the course file is missing'],
      ]);
      cpSync(fixture('content-valid/content/course.yaml'), join(root, 'content/course.yaml'));
      expect(checkContentFolder(root)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true });
    }
  });
});

describe('formatProblems', () => {
  it('prints one block per problem, sorted by file and line, then a count', () => {
    const text = formatProblems([
      { file: 'content/b.yaml', line: 9, item: 'term "x"', message: 'second', fix: 'do b' },
      { file: 'content/a.yaml', message: 'first', fix: 'do a' },
      { file: 'content/b.yaml', line: 2, message: 'third', fix: 'do c' },
    ]);
    expect(text).toBe(
      [
        'content/a.yaml\n  first\n  Fix: do a',
        'content/b.yaml:2\n  third\n  Fix: do c',
        'content/b.yaml:9  term "x"\n  second\n  Fix: do b',
        '3 errors in 2 files',
      ].join('\n\n'),
    );
    expect(formatProblems([{ file: 'f', message: 'm', fix: 'x' }])).toMatch(/\n1 error in 1 file$/);
  });

  it('prints errors before warnings, marks warnings, and counts both', () => {
    const text = formatProblems([
      {
        file: 'content/a.yaml',
        line: 1,
        item: 'question "q"',
        message: 'looks renamed',
        fix: 'keep it',
        severity: 'warning',
      },
      { file: 'content/z.yaml', line: 5, message: 'broken', fix: 'mend it' },
    ]);
    expect(text).toBe(
      [
        'content/z.yaml:5\n  broken\n  Fix: mend it',
        'content/a.yaml:1  question "q"  (warning)\n  looks renamed\n  Fix: keep it',
        '1 error and 1 warning in 2 files',
      ].join('\n\n'),
    );
    expect(formatProblems([])).toBe('no problems');
  });
});

describe('the Astro integration', () => {
  const fakeLogger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() });
  // Only the fields the hook reads; the rest of Astro's hook options are not used.
  const setup = (root: string, command: 'build' | 'sync' | 'dev', logger = fakeLogger()) => {
    const hook = contentCheck({ root, refuse }).hooks['astro:config:setup']!;
    return { logger, run: () => hook({ command, logger, config: { root: new URL('file:///nowhere/') } } as never) };
  };

  it('fails the build with every problem in the error message', () => {
    const { run } = setup(fixture('content-broken'), 'build');
    let message = '';
    try {
      run();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('17 errors in 5 files');
    for (const problem of checkContentFolder(fixture('content-broken'))) {
      expect(message).toContain(problem.message);
    }
  });

  it('fails `astro sync` the same way, so it can serve as a check command', () => {
    expect(() => setup(fixture('content-syntax'), 'sync').run()).toThrow(/5 errors in 4 files/);
  });

  it('lets a clean build through', () => {
    const { run, logger } = setup(fixture('content-valid'), 'build');
    expect(() => run()).not.toThrow();
    expect(logger.info).toHaveBeenCalledWith('content checked: no problems');
  });

  it('only logs in dev, and checks again when a file under content/ changes', async () => {
    const root = copyOfFixture('content-valid');
    try {
      const integration = contentCheck({ root, refuse });
      const logger = fakeLogger();
      const hooks = integration.hooks;
      expect(() =>
        hooks['astro:config:setup']!({
          command: 'dev',
          logger,
          config: { root: new URL('file:///nowhere/') },
        } as never),
      ).not.toThrow();
      expect(logger.error).not.toHaveBeenCalled();

      const watcher = Object.assign(new EventEmitter(), { add: vi.fn() });
      hooks['astro:server:setup']!({ server: { watcher }, logger } as never);
      expect(watcher.add).toHaveBeenCalledWith(join(root, 'content'));

      const glossary = join(root, 'content/glossary.yaml');
      writeFileSync(
        glossary,
        '- id: drone\n  term: "Drone"\n  definition: "x"\n  topic: nowhere\n  cites: [ref-one]\n',
      );
      watcher.emit('all', 'change', join(root, 'src/unrelated.ts'));
      watcher.emit('all', 'change', glossary);
      await vi.waitFor(() => expect(logger.error).toHaveBeenCalledTimes(1));
      expect(logger.error.mock.calls[0][0]).toContain('content/glossary.yaml:4  term "drone"');
      expect(logger.error.mock.calls[0][0]).toContain('links to topic "nowhere"');
    } finally {
      rmSync(root, { recursive: true });
    }
  });

  it('shows problems in dev without stopping the server', () => {
    const { run, logger } = setup(fixture('content-broken'), 'dev');
    expect(() => run()).not.toThrow();
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0][0]).toContain('17 errors in 5 files');
  });
});

describe('the real course content', () => {
  const problems = checkContentFolder(projectRoot);

  it('has no errors', () => {
    expect(problems.filter(isError), formatProblems(problems)).toEqual([]);
  });

  it('has no warnings either (a renamed question needs `npm run check -- --update-ids`)', () => {
    expect(problems, formatProblems(problems)).toEqual([]);
  });
});
