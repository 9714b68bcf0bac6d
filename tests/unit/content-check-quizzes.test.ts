import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkContentFolder, isError, isWarning, updateQuestionIds } from '../../src/content-check';
import contentCheck from '../../src/content-check/integration';
import { manifestFile } from '../../src/content-check/manifest';
import { findQuizTags } from '../../src/lib/quiz-tags';
import { findReservedIds } from '../../src/content-check/reserved';
import { copyOfFixture, expectProblems, fixture, projectRoot } from './content-check-helpers';

const lessonOne = 'content/lessons/lesson-one.mdx';
const lessonTwo = 'content/lessons/lesson-two.mdx';
const types = 'content/quizzes/q-types.yaml';
const links = 'content/quizzes/q-links.yaml';

// What a refused build does, made testable: the real one prints the problems and exits with code 1.
const refuse = (message: string): never => {
  throw new Error(message);
};

describe('lessons and quizzes: every authoring mistake in one broken course', () => {
  const problems = checkContentFolder(fixture('content-quizzes-broken'));
  // Every fix ends with its guide section (checked below); the words before it are what these tests read.
  const fixFor = (file: string, line: number) =>
    problems.find((p) => p.file === file && p.line === line)?.fix.replace(/ \(the guide: [^)]*\)$/, '');

  it('reports each mistake once, with file, line, item and message', () => {
    expectProblems(problems, [
      // Question shapes (the schema, with the question's line and name)
      [
        types,
        14,
        'question "bad-type"',
        '"singel" is not a question type; the types are single, truefalse, multiple, ordering, matching, numeric, text, evidence, attribution',
      ],
      [types, 24, 'question "no-correct"', 'a single-choice question needs one option marked correct: true; none is'],
      [
        types,
        34,
        'question "two-correct"',
        'a single-choice question has exactly one correct option, but a, b are marked correct',
      ],
      [types, 47, 'question "order-dupes"', 'item id "first" appears twice'],
      [types, 59, 'question "unequal"', 'left has 3 entries and right has 2: give both sides the same number'],
      [types, 62, 'question "unequal"', 'right "r2" is already paired with "l2"'],
      [types, 71, 'question "negative-tolerance"', 'tolerance is how far off an answer may be: 0 or more'],
      [types, 82, 'question "misspelt-field"', 'unknown field "corect"'],
      // Ids the progress store refuses
      [
        types,
        92,
        'question "reserved-option"',
        'the option id "constructor" is a name students\' saved progress cannot hold',
      ],
      [
        types,
        102,
        'question "reserved-left"',
        'the left id "__proto__" is a name students\' saved progress cannot hold',
      ],
      [
        types,
        106,
        'question "reserved-left"',
        'the right id "prototype" is a name students\' saved progress cannot hold',
      ],
      // Question ids are unique across every quiz, within one file too
      [
        types,
        4,
        'question "fine-one"',
        'the question id "fine-one" is already used by the question at content/quizzes/q-links.yaml:86',
      ],
      [
        types,
        111,
        'question "fine-one"',
        'the question id "fine-one" is already used by the question at content/quizzes/q-links.yaml:86',
      ],
      // Evidence
      [
        links,
        11,
        'question "past-the-end"',
        'its evidence points at paragraph 9 of source "report-x", which has 3 paragraphs',
      ],
      [
        links,
        20,
        'question "answer-past-the-end"',
        'its answer is paragraph 7 of source "report-x", which has 3 paragraphs',
      ],
      [
        links,
        23,
        'question "answer-past-the-end"',
        'its feedback is for paragraph 8 of source "report-x", which has 3 paragraphs',
      ],
      [links, 33, 'question "bad-topic"', 'links to topic "basez", which does not exist'],
      [links, 41, 'question "bad-note"', 'links to note "no-injury", which does not exist'],
      [links, 49, 'question "bad-term"', 'links to term "drones", which does not exist'],
      [links, 57, 'question "bad-event"', 'links to event "rocket-atack", which does not exist'],
      [links, 65, 'question "bad-place"', 'links to place "ain-el-asad", which does not exist'],
      [links, 72, 'question "bad-source"', 'links to source "report-y", which does not exist'],
      [links, 75, 'question "bad-source"', 'links to source "report-z", which does not exist'],
      // What a wrong attempt shows must not give the answer away: evidence questions need a hint
      [
        links,
        13,
        'question "answer-past-the-end"',
        'an evidence question needs a hint: after a wrong pick its evidence link would show the answer',
      ],
      [
        links,
        67,
        'question "bad-source"',
        'an evidence question needs a hint: after a wrong pick its evidence link would show the answer',
      ],
      // Objectives
      [
        links,
        80,
        'question "wrong-objective"',
        'its objective "obj-c" is not an objective of lesson "lesson-one", which places this quiz',
      ],
      ['content/lessons/lesson-three.mdx', 9, 'lesson "lesson-three"', 'no question assesses the objective "obj-e"'],
      [lessonTwo, 9, 'lesson "lesson-two"', 'the objective id "obj-c" appears twice'],
      // Quizzes and where lessons place them
      [
        'content/quizzes/misnamed.yaml',
        1,
        'quiz "misnamed-quiz"',
        'the quiz\'s id "misnamed-quiz" differs from its file name "misnamed"',
      ],
      [
        'content/quizzes/orphan.yaml',
        1,
        'quiz "orphan"',
        'quiz "orphan" is placed in no lesson, so no student will see it',
      ],
      [lessonTwo, 21, 'lesson "lesson-two"', 'quiz "twice" is already placed at content/lessons/lesson-one.mdx:21'],
      [lessonTwo, 23, 'lesson "lesson-two"', '<Quiz id="q-link" /> places a quiz that does not exist'],
      [lessonTwo, 25, 'lesson "lesson-two"', 'a <Quiz /> tag has no id="…"'],
      // Lessons
      [
        lessonTwo,
        3,
        'lesson "lesson-two"',
        'order 1 is also the order of lesson "lesson-one" (content/lessons/lesson-one.mdx:3)',
      ],
      [lessonOne, 11, 'lesson "lesson-one"', 'links to source "report-q", which does not exist'],
      [lessonOne, 12, 'lesson "lesson-one"', 'links to topic "basis", which does not exist'],
      // Sources and the timeline
      ['content/sources/report-w.yaml', 3, 'source "report-w"', 'credit: give the credit line'],
      ['content/timeline.yaml', 7, 'event "leap-day"', 'date: "2023-02-29" is not a real calendar date'],
    ]);
  });

  it('ends every fix with the guide section for its file', () => {
    for (const p of problems) expect(p.fix, `${p.file}:${p.line}`).toMatch(/\(the guide: \/instructors\/#[a-z-]+\)$/);
  });

  it('treats all of them as errors', () => {
    expect(problems.every(isError)).toBe(true);
  });

  it('gives fixes that say what to do', () => {
    expect(fixFor(types, 14)).toBe(
      'set type: to one of single, truefalse, multiple, ordering, matching, numeric, text, evidence, attribution',
    );
    expect(fixFor(links, 11)).toBe(
      'use a paragraph from 1 to 3: the numbers are shown beside each paragraph of /reports/report-x/',
    );
    expect(fixFor(links, 41)).toMatch(/^did you mean "no-injuries"\?/);
    expect(fixFor(links, 80)).toBe(
      'did you mean "obj-a"? use one of obj-a, obj-b (from content/lessons/lesson-one.mdx), or add the objective there',
    );
    expect(fixFor(lessonTwo, 23)).toMatch(/^did you mean "q-links"\?.*create content\/quizzes\/q-link\.yaml$/);
    expect(fixFor(lessonTwo, 3)).toBe('give each lesson its own order; 4 is free');
    expect(fixFor('content/quizzes/misnamed.yaml', 1)).toMatch(
      /set id: misnamed, or rename the file to misnamed-quiz\.yaml/,
    );
    expect(fixFor('content/quizzes/orphan.yaml', 1)).toMatch(/add <Quiz id="orphan" \/> to the body of the lesson/);
    expect(fixFor('content/lessons/lesson-three.mdx', 9)).toBe(
      'set objective: obj-e on a question in content/quizzes/q-three.yaml, or remove the objective',
    );
    expect(fixFor(types, 82)).toMatch(/check the spelling of "corect"/);
    expect(fixFor(types, 24)).toBe('add correct: true to the one right option');
    expect(fixFor(types, 34)).toBe('keep correct: true on one option only, or make the question type: multiple');
    expect(fixFor(types, 71)).toBe('make tolerance 0 (only the exact answer counts) or a positive number');
    expect(fixFor(types, 92)).toBe('rename it, e.g. "constructor-1"');
  });

  it('fails the build listing them all', () => {
    const hook = contentCheck({ root: fixture('content-quizzes-broken'), refuse }).hooks['astro:config:setup']!;
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
    expect(() => hook({ command: 'build', logger, config: { root: new URL('file:///nowhere/') } } as never)).toThrow(
      /38 errors in 9 files/,
    );
  });
});

describe('lessons and quizzes: targeted cases', () => {
  let root = '';
  afterEach(() => {
    if (root) rmSync(root, { recursive: true });
    root = '';
  });
  const quizFile = () => join(root, 'content/quizzes/q1.yaml');
  const editQuiz = (from: string | RegExp, to: string) => {
    const text = readFileSync(quizFile(), 'utf8');
    const edited = text.replace(from, to);
    expect(edited).not.toBe(text);
    writeFileSync(quizFile(), edited);
  };

  it('reports a question id repeated within an otherwise valid quiz once', () => {
    root = copyOfFixture('content-valid');
    editQuiz('id: q1-where-base', 'id: q1-who-said-drone');
    expectProblems(checkContentFolder(root), [
      [
        'content/quizzes/q1.yaml',
        32,
        'question "q1-who-said-drone"',
        'the question id "q1-who-said-drone" is already used by the question at content/quizzes/q1.yaml:4',
      ],
    ]);
  });

  it('refuses "constructor" as a question id', () => {
    root = copyOfFixture('content-valid');
    editQuiz('id: q1-term', 'id: constructor');
    expectProblems(checkContentFolder(root), [
      [
        'content/quizzes/q1.yaml',
        50,
        'question "constructor"',
        'the question id "constructor" is a name students\' saved progress cannot hold',
      ],
    ]);
  });

  it('warns when a question was renamed but not changed, naming the old id', () => {
    root = copyOfFixture('content-valid');
    expect(updateQuestionIds(root)).toBe(6);
    expect(checkContentFolder(root)).toEqual([]);
    editQuiz('id: q1-where-base', 'id: q1-base-country');
    const problems = checkContentFolder(root);
    expectProblems(problems, [
      [
        'content/quizzes/q1.yaml',
        32,
        'question "q1-base-country"',
        'question "q1-base-country" looks like "q1-where-base" renamed: students\' answers to "q1-where-base" will no longer count',
      ],
    ]);
    expect(problems[0].severity).toBe('warning');
    expect(problems[0].fix).toBe(
      'keep the old id "q1-where-base", or run npm run check -- --update-ids to accept (the guide: /instructors/#file-quizzes)',
    );

    // A warning is printed but lets the build through.
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
    const hook = contentCheck({ root, refuse }).hooks['astro:config:setup']!;
    expect(() =>
      hook({ command: 'build', logger, config: { root: new URL('file:///nowhere/') } } as never),
    ).not.toThrow();
    expect(logger.warn.mock.calls[0][0]).toContain('content/quizzes/q1.yaml:32  question "q1-base-country"  (warning)');
    expect(logger.warn.mock.calls[0][0]).toContain('1 warning in 1 file');

    // Accepting the rename clears the warning.
    updateQuestionIds(root);
    expect(checkContentFolder(root)).toEqual([]);
  });

  it('does not warn when only a text changed; an old id that is gone warns that its answers will be hidden', () => {
    root = copyOfFixture('content-valid');
    updateQuestionIds(root);
    editQuiz('prompt: "Name the air base the drone was launched at."', 'prompt: "Name the base the drone hit."');
    expect(checkContentFolder(root)).toEqual([]);

    // Renamed and changed: not recognisably the same question, so the old id is simply gone.
    editQuiz('id: q1-where-base', 'id: q1-base-country');
    editQuiz('prompt: "Ain al-Asad is in Iraq."', 'prompt: "Ain al-Asad is in Syria."');
    const problems = checkContentFolder(root);
    expectProblems(problems, [
      ['content/.question-ids.json', undefined, 'question "q1-where-base"', "students' answers to it will be hidden"],
    ]);
    expect(problems.every(isWarning)).toBe(true);
    expect(problems[0].fix).toMatch(/npm run check -- --update-ids/);

    // --update-ids accepts it.
    updateQuestionIds(root);
    expect(checkContentFolder(root)).toEqual([]);
  });

  it('warns when a question moves to another lesson, since answers are saved per lesson', () => {
    root = copyOfFixture('content-valid');
    updateQuestionIds(root);
    renameSync(
      join(root, 'content/lessons/reading-the-reports.mdx'),
      join(root, 'content/lessons/reading-closely.mdx'),
    );
    const problems = checkContentFolder(root);
    expect(problems).toHaveLength(6);
    expect(problems.every(isWarning)).toBe(true);
    expect(problems[0]).toMatchObject({
      file: 'content/quizzes/q1.yaml',
      line: 4,
      item: 'question "q1-who-said-drone"',
      message:
        'question "q1-who-said-drone" moved from lesson "reading-the-reports" to lesson "reading-closely": students\' answers, saved under lesson "reading-the-reports", will no longer count',
    });
  });

  it('warns when the manifest cannot be read', () => {
    root = copyOfFixture('content-valid');
    writeFileSync(join(root, manifestFile), '{ "questions": ');
    expectProblems(checkContentFolder(root), [
      [manifestFile, undefined, undefined, /^the list of published question ids cannot be read/],
    ]);
  });

  it("writes the manifest sorted, with each question's hash and lesson", () => {
    root = copyOfFixture('content-valid');
    updateQuestionIds(root);
    const written = JSON.parse(readFileSync(join(root, manifestFile), 'utf8')) as {
      questions: Record<string, { hash: string; lesson: string }>;
    };
    expect(Object.keys(written.questions)).toEqual([...Object.keys(written.questions)].sort());
    expect(written.questions['q1-where-base']).toEqual({
      hash: expect.stringMatching(/^[0-9a-z]{1,11}$/),
      lesson: 'reading-the-reports',
    });
  });
});

describe('findQuizTags', () => {
  it('finds tags with their lines, ignoring code', () => {
    const body = [
      '',
      '<Quiz id="one" />',
      'Text `<Quiz id="inline" />` and <Quiz id=\'two\'/> on one line',
      '````md',
      '<Quiz id="fenced" />',
      '```',
      '<Quiz id="still-fenced" />',
      '````',
      '<Quiz  />',
    ].join('\r\n');
    expect(findQuizTags(body, 14)).toEqual([
      { id: 'one', line: 15 },
      { id: 'two', line: 16 },
      { id: undefined, line: 22 },
    ]);
  });
});

describe('findReservedIds', () => {
  it('finds reserved ids in every kind of id list and in pair keys, once each', () => {
    const quiz = {
      id: 'prototype',
      questions: [
        { id: 'constructor', items: [{ id: 'a' }, { id: '__proto__' }] },
        { id: 'm', left: [{ id: 'constructor' }], right: [{ id: 'r' }], pairs: { constructor: 'r', prototype: 'r' } },
      ],
    };
    expect(findReservedIds(quiz)).toEqual([
      { path: 'id', what: 'quiz id', id: 'prototype' },
      { path: 'questions.0.id', what: 'question id', id: 'constructor', question: 0 },
      { path: 'questions.0.items.1.id', what: 'item id', id: '__proto__', question: 0 },
      { path: 'questions.1.left.0.id', what: 'left id', id: 'constructor', question: 1 },
      { path: 'questions.1.pairs.prototype', what: 'pair key', id: 'prototype', question: 1 },
    ]);
  });
});

describe('npm run check (scripts/check.ts on Node 24)', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(projectRoot, 'scripts/check.ts'), '--no-types', ...args], { encoding: 'utf8' });

  it('prints every problem and a summary, and fails on errors', () => {
    const result = run('--root', fixture('content-quizzes-broken'));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'content/quizzes/q-links.yaml:11  question "past-the-end"\n  its evidence points at paragraph 9',
    );
    expect(result.stdout).toMatch(/Summary\n {2}content: 38 errors in 9 files\n {2}types: {3}skipped/);
    expect(result.stdout).toContain('Check failed.');
  });

  it('passes a clean course, and --update-ids writes the manifest', () => {
    const root = copyOfFixture('content-valid');
    try {
      const result = run('--root', root, '--update-ids');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Wrote 6 question ids to ${manifestFile}`);
      expect(result.stdout).toContain('Check passed.');
      expect(readFileSync(join(root, manifestFile), 'utf8')).toContain('"q1-where-base"');
    } finally {
      rmSync(root, { recursive: true });
    }
  });
});
