import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkVersion,
  keepLatest,
  objectiveFigures,
  questionFigures,
  sortRows,
  studentRows,
  type OpenedFile,
} from '../../src/handin/results';
import { responseText } from '../../src/handin/response-text';
import { buildManifest } from '../../src/handin/course';
import { questionHash } from '../../src/quiz/hash';
import { classOf30, course, HANDED_IN_AT, student } from './handin-fixtures';
import { raw } from './quiz-fixtures';
import { questionSchema } from '../../src/schemas';

// The figures for the class of 30 in handin-fixtures.ts, worked out by hand from the ranges written there.

describe('questionFigures, class of 30', () => {
  const figures = questionFigures(course, classOf30);
  const of = (id: string) => {
    const found = figures.find((f) => f.questionId === id)!;
    return {
      answered: found.answered,
      rightFirstTime: found.rightFirstTime,
      revealed: found.revealed,
      changed: found.changed,
      commonWrong: found.commonWrong,
      wrongNotKnown: found.wrongNotKnown,
    };
  };

  it('counts right first time, revealed and the most chosen wrong first response of each question', () => {
    expect(of('q1')).toEqual({
      answered: 30,
      rightFirstTime: 20,
      revealed: 5,
      changed: 0,
      commonWrong: { text: 'Kalsu', count: 7 },
      wrongNotKnown: 0,
    });
    expect(of('q2')).toEqual({
      answered: 30,
      rightFirstTime: 15,
      revealed: 0,
      changed: 0,
      commonWrong: { text: 'False', count: 15 },
      wrongNotKnown: 0,
    });
    // Unanswered by 0-9. The first responses, not the last: "Basra" (23-27) was later changed to "Bagdad", and
    // "Bagdad" (20-22) to "Baghdad"; 28-29's first response is not known, and counted apart.
    expect(of('q3')).toEqual({
      answered: 20,
      rightFirstTime: 10,
      revealed: 5,
      changed: 0,
      commonWrong: { text: '“Basra”', count: 5 },
      wrongNotKnown: 2,
    });
    // Two students answered an older version: counted apart, never mixed in.
    expect(of('b1')).toEqual({
      answered: 28,
      rightFirstTime: 10,
      revealed: 0,
      changed: 2,
      commonWrong: { text: 'X', count: 12 },
      wrongNotKnown: 0,
    });
    expect(of('b2')).toEqual({
      answered: 30,
      rightFirstTime: 30,
      revealed: 0,
      changed: 0,
      commonWrong: undefined,
      wrongNotKnown: 0,
    });
  });

  it('does not depend on the order of the files', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(classOf30, { minLength: 30, maxLength: 30 }), (shuffled) => {
        expect(questionFigures(course, shuffled)).toEqual(figures);
        expect(objectiveFigures(course, shuffled)).toEqual(objectiveFigures(course, classOf30));
      }),
      { numRuns: 20 },
    );
  });
});

describe('objectiveFigures, class of 30', () => {
  it('counts students with every question of the objective mastered, and flags the objectives the class has not', () => {
    const figures = objectiveFigures(course, classOf30).map(({ id, mastered, students, classHasMastered }) => ({
      id,
      mastered,
      students,
      classHasMastered,
    }));
    expect(figures).toEqual([
      // q1 mastered 0-24 and q2 0-26: 25 of 30, over the 80% line.
      { id: 'o1', mastered: 25, students: 30, classHasMastered: true },
      // q3 mastered 10-22 (20-22 when it came back for review).
      { id: 'o2', mastered: 13, students: 30, classHasMastered: false },
      // b1 mastered 0-19; 28-29 answered another version, which does not count.
      { id: 'o3', mastered: 20, students: 30, classHasMastered: false },
    ]);
  });
});

describe('studentRows, class of 30', () => {
  const rows = studentRows(course, classOf30);
  const row = (i: number) => rows[i]!.lessons;

  it('gives each student right first time and mastered per lesson, to the questions as they are now', () => {
    expect(row(0).alpha).toEqual({ rightFirstTime: 2, total: 3, changed: 0, answered: 2, mastered: false });
    expect(row(0).beta).toEqual({ rightFirstTime: 2, total: 2, changed: 0, answered: 2, mastered: true });
    expect(row(12).alpha).toEqual({ rightFirstTime: 3, total: 3, changed: 0, answered: 3, mastered: true });
    expect(row(12).beta).toEqual({ rightFirstTime: 1, total: 2, changed: 0, answered: 2, mastered: true });
    // Wrong at the first try of all three, mastered in the end.
    expect(row(20).alpha).toEqual({ rightFirstTime: 0, total: 3, changed: 0, answered: 3, mastered: true });
    expect(row(29).alpha).toEqual({ rightFirstTime: 0, total: 3, changed: 0, answered: 3, mastered: false });
    expect(row(29).beta).toEqual({ rightFirstTime: 1, total: 2, changed: 1, answered: 1, mastered: false });
    // q1 mastered 0-24, q2 0-26, q3 10-22.
    expect(rows.filter((r) => r.lessons.alpha!.mastered)).toHaveLength(13);
    expect(rows.filter((r) => r.lessons.beta!.mastered)).toHaveLength(20);
    expect(rows[3]).toMatchObject({ name: 'Student 03', className: '7B', handedInAt: HANDED_IN_AT + 3 * 60_000 });
  });

  it('sorts by any column, both ways, ties by name', () => {
    const names = (sorted: typeof rows) => sorted.map((r) => r.name.slice(-2));
    const byAlpha = sortRows(rows, { by: 'rightFirstTime', lesson: 'alpha' }, 'descending');
    expect(names(byAlpha).slice(0, 6)).toEqual(['10', '11', '12', '13', '14', '00']);
    expect(names(sortRows(rows, { by: 'handedIn' }, 'descending'))[0]).toBe('29');
    expect(names(sortRows(rows, { by: 'name' }, 'ascending'))[0]).toBe('00');
    const mastered = sortRows(rows, { by: 'mastered', lesson: 'beta' }, 'ascending');
    expect(names(mastered).slice(0, 2)).toEqual(['20', '21']);
  });
});

describe('keepLatest', () => {
  it('keeps the latest hand-in of a student (name case and spacing aside, same class) and says which it set aside', () => {
    const early: OpenedFile = { fileName: 'early.json', handIn: student(3, { handedInAt: HANDED_IN_AT - 1 }) };
    const renamed: OpenedFile = {
      fileName: 'late.json',
      handIn: student(3, { name: 'student 03', handedInAt: HANDED_IN_AT + 3_600_000 }),
    };
    const otherClass: OpenedFile = { fileName: 'other.json', handIn: student(3, { class: '7C' }) };
    const { kept, setAside } = keepLatest([early, ...classOf30, renamed, otherClass]);
    expect(kept).toHaveLength(31);
    expect(setAside.map((s) => [s.file.fileName, s.kept.fileName])).toEqual([
      ['early.json', 'late.json'],
      ['s3.json', 'late.json'],
    ]);
  });

  it('keeps the same files whatever order they come in, one per student, each the latest', () => {
    const fileArb = fc.record({
      who: fc.integer({ min: 0, max: 4 }),
      at: fc.integer({ min: 0, max: 5 }),
      name: fc.constantFrom('a.json', 'b.json'),
    });
    fc.assert(
      fc.property(fc.array(fileArb, { maxLength: 12 }), (specs) => {
        const files = specs.map((s) => ({ fileName: s.name, handIn: student(s.who, { handedInAt: s.at }) }));
        const { kept, setAside } = keepLatest(files);
        const reversed = keepLatest([...files].reverse());
        const ids = (list: OpenedFile[]) =>
          list.map((f) => `${f.handIn.name}@${f.handIn.handedInAt}/${f.fileName}`).sort();
        expect(ids(reversed.kept)).toEqual(ids(kept));
        expect(kept.length + setAside.length).toBe(files.length);
        expect(new Set(kept.map((f) => f.handIn.name)).size).toBe(kept.length);
        for (const file of kept)
          expect(file.handIn.handedInAt).toBe(
            Math.max(...files.filter((f) => f.handIn.name === file.handIn.name).map((f) => f.handIn.handedInAt)),
          );
      }),
    );
  });
});

describe('checkVersion', () => {
  const builtAt = HANDED_IN_AT + 3_600_000;
  it('tells the same version, an older one (handed in before this page was built) and a newer one', () => {
    expect(checkVersion(student(1), course, builtAt)).toEqual({ state: 'same', changed: [], removed: [] });
    expect(checkVersion(student(28, { contentVersion: 'abc' }), course, builtAt)).toEqual({
      state: 'older',
      changed: ['beta/b1'],
      removed: [],
    });
    const later = student(2, { contentVersion: 'abc', handedInAt: builtAt + 1 });
    later.questions.push({ ...later.questions[0]!, id: 'q9' });
    expect(checkVersion(later, course, builtAt)).toEqual({ state: 'newer', changed: [], removed: ['alpha/q9'] });
  });
});

describe('responseText', () => {
  const labels = (lesson: number, question: number) => course.lessons[lesson]!.questions[question]!.labels;
  it('puts each kind of response in words, with ids looked up in the question', () => {
    expect(responseText(labels(0, 0), { type: 'single', option: 'c' })).toBe('Tower 22');
    expect(responseText(labels(0, 0), { type: 'single', option: 'gone' })).toBe('(“gone”, no longer in the question)');
    expect(responseText(labels(1, 0), { type: 'multiple', options: [] })).toBe('(nothing ticked)');
    expect(responseText(labels(1, 1), { type: 'numeric', value: '2,400' })).toBe('2,400 troops');
    expect(responseText(labels(0, 1), { type: 'single', option: 'a' })).toBe('(a response this page cannot read)');
    expect(responseText(labels(0, 2), { type: 'text', value: '<img src=x onerror=alert(1)>' })).toBe(
      '“<img src=x onerror=alert(1)>”',
    );
  });
});

describe('responseText for attribution questions', () => {
  // Written without its reports, as most are: the lesson's readings name them (resolveAttribution), and the page
  // shows each by its label, as the lesson page's boxes do.
  const written = questionSchema.parse(raw.attribution);
  const manifest = buildManifest(
    [{ id: 'gamma', title: 'Gamma', objectives: [], questions: [written], reports: ['herald', 'city-radio'] }],
    { courseId: 'test-course', reportLabels: { herald: 'The Herald', 'city-radio': 'City Radio' } },
  );
  const question = manifest.lessons[0]!.questions[0]!;

  it('names the reports ticked, in either form of the answer, and keeps the hash of the question as written', () => {
    expect(question.hash).toBe(questionHash(written));
    expect(responseText(question.labels, { type: 'attribution', reports: ['city-radio'] })).toBe('City Radio');
    expect(responseText(question.labels, { type: 'attribution', reports: ['herald', 'city-radio'] })).toBe(
      'The Herald; City Radio',
    );
    expect(responseText(question.labels, { type: 'attribution', reports: [], none: true })).toBe('None of them');
    expect(responseText(question.labels, { type: 'attribution', choice: 'b' })).toBe('City Radio');
  });
});
