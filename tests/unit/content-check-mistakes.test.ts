// Every mistake an instructor was seen to make (issue 13), one fixture each: a copy of the valid fixture course
// with that one mistake in it. Each must give one plain message at the right file and line, with a fix in the
// guide's words (never a pointer into src/), and `npm run check` must fail on each one the build would refuse.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContentFolder, formatProblems, isError, updateQuestionIds } from '../../src/content-check';
import { copyOfFixture, expectProblems, projectRoot, type Expected } from './content-check-helpers';

const lesson = 'content/lessons/reading-the-reports.mdx';
const topic = 'content/topics/bases.mdx';
const glossary = 'content/glossary.yaml';
const source = 'content/sources/report-x.yaml';
const quiz = 'content/quizzes/q1.yaml';

interface Mistake {
  name: string;
  /** Makes the mistake in a fresh copy of tests/fixtures/content-valid. */
  make: (edit: Editor) => void;
  /** The problems it must give, exactly; none for a file the course must accept as it is. */
  expected: Expected[];
}

interface Editor {
  replace: (file: string, from: string | RegExp, to: string) => void;
  write: (file: string, text: string | Buffer) => void;
  read: (file: string) => string;
  root: string;
}

const mistakes: Mistake[] = [
  {
    name: 'an unclosed <Quiz id="x">',
    make: (e) => e.replace(lesson, '<Quiz id="q1" />', '<Quiz id="q1">'),
    expected: [[lesson, 15, 'lesson "reading-the-reports"', 'the <Quiz> tag on this line is never closed']],
  },
  {
    name: 'a lesson saved with a UTF-8 byte-order mark',
    make: (e) => e.write(lesson, `\uFEFF${e.read(lesson)}`),
    expected: [],
  },
  {
    name: 'files saved with Windows line ends (CRLF)',
    make: (e) => {
      for (const file of [lesson, topic, glossary, source, quiz]) e.write(file, e.read(file).replace(/\n/g, '\r\n'));
    },
    expected: [],
  },
  {
    name: 'a lesson link to a report that does not exist',
    make: (e) => e.replace(lesson, '<Quiz id="q1" />', 'See [the report](/reports/report-z/#p55).\n\n<Quiz id="q1" />'),
    expected: [[lesson, 15, 'lesson "reading-the-reports"', 'links to /reports/report-z/#p55, but there is no report']],
  },
  {
    name: 'a link to a paragraph past the end of a report',
    make: (e) => e.replace(topic, 'Body text is not checked here.', 'As [paragraph 55](/reports/report-x/#p55) says.'),
    expected: [[topic, 13, 'topic "bases"', 'report "report-x" has 3 paragraphs']],
  },
  {
    name: 'a link to a glossary term that does not exist',
    make: (e) => e.replace(topic, 'Body text is not checked here.', 'A [drone](/glossary/#term-drones).'),
    expected: [[topic, 13, 'topic "bases"', 'links to /glossary/#term-drones, but /glossary/ has no "#term-drones"']],
  },
  {
    name: 'an "as of" date in the future',
    make: (e) => e.replace(topic, 'asOf: "2024-04-23"', 'asOf: "2099-01-01"'),
    expected: [[topic, 5, 'topic "bases"', 'asOf is 2099-01-01, a day still to come']],
  },
  {
    name: 'two glossary terms sharing an alias',
    make: (e) =>
      e.write(
        glossary,
        `${e.read(glossary)}- id: uav\n  term: "UAV"\n  aliases: ["drone"]\n  definition: "An unmanned aerial vehicle."\n  cites: [ref-one]\n`,
      ),
    expected: [[glossary, 8, 'term "uav"', '"drone" is also a name of term "drone" (line 2)']],
  },
  {
    name: 'an empty file',
    make: (e) => e.write(source, ''),
    expected: [[source, 1, undefined, 'the file is empty']],
  },
  {
    name: 'a file with only comments in it',
    make: (e) => e.write(source, '# to do\n'),
    expected: [[source, 1, undefined, 'the file is empty']],
  },
  {
    name: 'an unquoted colon in a text',
    make: (e) => e.replace(source, 'title: "Drone targets base in western Iraq"', 'title: Iraq: drone targets base'),
    expected: [
      [source, 2, undefined, 'the text of "title" holds a colon followed by a space, which YAML reads as the start'],
    ],
  },
  {
    name: 'a tab used for indentation',
    make: (e) => e.replace(source, /\n {2}- /g, '\n\t- '),
    expected: [
      [source, 8, undefined, 'line 8 is indented with a tab (and 2 more lines after it); YAML allows only spaces'],
    ],
  },
  {
    name: 'a paragraph number of 0 (zod said "Too small: expected number to be >=1")',
    make: (e) => e.replace(quiz, 'paragraphs: [3]', 'paragraphs: [0]'),
    expected: [
      [
        quiz,
        26,
        'question "q1-evidence-no-injuries"',
        'questions[1].paragraphs[0]: is the number 0; it must be 1 or more',
      ],
    ],
  },
  {
    name: 'a field left empty (zod said "expected object, received null")',
    make: (e) => e.replace(quiz, 'evidence: { note: no-injuries }', 'evidence:'),
    expected: [
      [quiz, 30, 'question "q1-evidence-no-injuries"', 'questions[1].evidence: nothing is written after the colon'],
    ],
  },
  {
    name: 'a component the page does not provide',
    make: (e) => e.replace(lesson, '<Quiz id="q1" />', '<Note text="x" />\n\n<Quiz id="q1" />'),
    expected: [[lesson, 15, 'lesson "reading-the-reports"', '<Note> is not something this page can show']],
  },
  {
    name: 'braces MDX would run as code',
    make: (e) => e.replace(topic, 'Body text is not checked here.', 'The {count} of bases.'),
    expected: [[topic, 13, 'topic "bases"', '{count} is read by MDX as code to run']],
  },
];

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function withMistake(mistake: Mistake): string {
  const root = copyOfFixture('content-valid');
  roots.push(root);
  const path = (file: string) => join(root, file);
  const editor: Editor = {
    root,
    read: (file) => readFileSync(path(file), 'utf8'),
    write: (file, text) => writeFileSync(path(file), text),
    replace: (file, from, to) => {
      const before = readFileSync(path(file), 'utf8');
      const after = before.replace(from, to);
      if (after === before) throw new Error(`${mistake.name}: ${String(from)} is not in ${file}`);
      writeFileSync(path(file), after);
    },
  };
  mistake.make(editor);
  return root;
}

describe('each mistake an instructor makes gets one plain message, at its line, with a fix', () => {
  it.each(mistakes.map((m) => [m.name, m] as const))('%s', (_, mistake) => {
    const problems = checkContentFolder(withMistake(mistake));
    expectProblems(problems, mistake.expected);
    for (const problem of problems) {
      // The guide's words, not the code's: no schema file, and none of zod's own phrases.
      expect(problem.fix, formatProblems(problems)).not.toMatch(/src\//);
      expect(`${problem.message} ${problem.fix}`).not.toMatch(/Too small|Too big|expected \w+, received|Invalid input/);
    }
  });

  it('`npm run check` fails, printing the problem and no stack trace, on every one of them that is an error', async () => {
    const check = join(projectRoot, 'scripts/check.ts');
    const runs = mistakes.map((mistake) => async () => {
      const root = withMistake(mistake);
      const errors = checkContentFolder(root).filter(isError);
      const run = await runNode([check, '--no-types', '--root', root]);
      expect(run.status, `${mistake.name}\n${run.output}`).toBe(errors.length > 0 ? 1 : 0);
      for (const error of errors) expect(run.output).toContain(error.message);
      expect(run.output, mistake.name).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    });
    // Two at a time: each is a Node process of its own, on a machine with two cores.
    for (let i = 0; i < runs.length; i += 2) await Promise.all(runs.slice(i, i + 2).map((run) => run()));
  }, 120_000);
});

function runNode(args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('a question deleted after students answered it', () => {
  it('warns that their answers will be hidden, and --update-ids accepts it', () => {
    const root = copyOfFixture('content-valid');
    roots.push(root);
    updateQuestionIds(root);
    const file = join(root, quiz);
    const text = readFileSync(file, 'utf8');
    // Remove the truefalse question "q1-where-base" (from its id line to the next question).
    writeFileSync(file, text.replace(/\n {2}- id: q1-where-base[\s\S]*?(?=\n {2}- id: )/, ''));
    const problems = checkContentFolder(root);
    expectProblems(problems, [
      ['content/.question-ids.json', undefined, 'question "q1-where-base"', "students' answers to it will be hidden"],
    ]);
    const run = spawnSync(
      process.execPath,
      [join(projectRoot, 'scripts/check.ts'), '--no-types', '--update-ids', '--root', root],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    expect(checkContentFolder(root)).toEqual([]);
  });
});

describe('attribution questions over any number of reports', () => {
  const course = 'examples/harbour';
  const quizFile = 'content/quizzes/fire-facts.yaml';
  function withEdit(from: string, to: string): string {
    const root = mkdtempSync(join(tmpdir(), 'attribution-'));
    roots.push(root);
    cpSync(join(projectRoot, course), root, { recursive: true });
    const file = join(root, quizFile);
    const text = readFileSync(file, 'utf8');
    if (!text.includes(from)) throw new Error(`${from} is not in ${quizFile}`);
    writeFileSync(file, text.replace(from, to));
    return root;
  }

  it('accepts the sample: three reports from the lesson, two of which say it', () => {
    expect(checkContentFolder(join(projectRoot, course))).toEqual([]);
  });

  it('refuses an answer naming a report the question does not offer', () => {
    const problems = checkContentFolder(withEdit('answer: [herald, city-radio]', 'answer: [herald, radio-city]'));
    expectProblems(problems, [
      [quizFile, 32, 'question "ff-who-says-2am"', 'its answer names "radio-city", which is not one of the reports'],
    ]);
  });

  it('refuses feedback for a report the question does not offer, and a list of reports that do not exist', () => {
    const problems = checkContentFolder(
      withEdit("      coast-wire: 'Coast Wire gives no time.'", "      coast-wires: 'Coast Wire gives no time.'"),
    );
    expectProblems(problems, [
      [quizFile, 35, 'question "ff-who-says-2am"', 'feedback "coast-wires" names "coast-wires"'],
    ]);
    const unknown = checkContentFolder(
      withEdit('    answer: [herald, city-radio]', '    reports: [herald, gazette]\n    answer: [herald]'),
    );
    // The feedback for Coast Wire now names a report the question no longer offers: said too.
    expectProblems(unknown, [
      [quizFile, 32, 'question "ff-who-says-2am"', 'links to source "gazette", which does not exist'],
      [quizFile, 36, 'question "ff-who-says-2am"', 'feedback "coast-wire" names "coast-wire"'],
    ]);
  });
});
