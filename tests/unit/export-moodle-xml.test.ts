// @vitest-environment jsdom
// jsdom's DOMParser is a real XML parser (a file that is not well-formed yields <parsererror>) and reads the
// HTML inside each <text> as a browser would.
import { describe, expect, test } from 'vitest';
import { moodleShortAnswer, toMoodleXml } from '../../src/export/moodle-xml';
import { answersMatch } from '../../src/quiz/normalize';
import type { Question } from '../../src/schemas/question';
import { course, NASTY, nastyQuestions } from './export-fixtures';

const exported = toMoodleXml(course);
const doc = new DOMParser().parseFromString(exported.text, 'application/xml');
const questions = [...doc.querySelectorAll('quiz > question')];
const byName = new Map(
  questions
    .filter((q) => q.getAttribute('type') !== 'category')
    .map((q) => [q.querySelector(':scope > name > text')!.textContent!, q]),
);
const find = (id: string) => {
  const q = byName.get(id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};
const html = (markup: string) => new DOMParser().parseFromString(markup, 'text/html').body;
const field = (q: Element, name: string) => q.querySelector(`:scope > ${name} > text`)!.textContent!;
const answers = (q: Element) =>
  [...q.querySelectorAll(':scope > answer')].map((a) => ({
    fraction: Number(a.getAttribute('fraction')),
    text: a.querySelector(':scope > text')!.textContent!,
    feedback: html(a.querySelector(':scope > feedback > text')?.textContent ?? '').textContent,
  }));

describe('Moodle XML export', () => {
  test('well-formed, one category per lesson, every question of every type, none skipped', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(questions.filter((q) => q.getAttribute('type') === 'category').map((q) => q.textContent!.trim())).toEqual([
      '$course$/top/Test // Course/Lesson 1. First: lesson',
      '$course$/top/Test // Course/Lesson 2. Second',
    ]);
    expect([...byName.keys()]).toEqual(nastyQuestions.map((q) => q.id));
    expect(exported.skipped).toEqual([]);
    expect(exported.text).toContain('Every question is included.');
  });

  test('Moodle question types for each course type', () => {
    const expected: Record<Question['type'], string> = {
      single: 'multichoice',
      multiple: 'multichoice',
      truefalse: 'truefalse',
      ordering: 'ordering',
      matching: 'matching',
      numeric: 'numerical',
      text: 'shortanswer',
      evidence: 'multichoice',
      attribution: 'multichoice',
    };
    for (const q of nastyQuestions) expect(find(q.id).getAttribute('type'), q.id).toBe(expected[q.type]);
  });

  test('ordering: the items in their right order, graded per position as on the course site', () => {
    const q = find('nasty-ordering');
    const source = nastyQuestions.find((x) => x.id === 'nasty-ordering') as Extract<Question, { type: 'ordering' }>;
    expect(answers(q).map((a) => [a.fraction, html(a.text).textContent])).toEqual(
      source.items.map((item, i) => [i + 1, item.text]),
    );
    expect(field(q, 'questiontext')).toContain('<p>');
    expect(q.querySelector(':scope > gradingtype')!.textContent).toBe('ABSOLUTE_POSITION');
    expect(q.querySelector(':scope > selectcount')!.textContent).toBe(String(source.items.length));
  });

  test('text is HTML, escaped, and the general feedback links to the evidence', () => {
    const q = find('nasty-single');
    expect(html(field(q, 'questiontext')).textContent).toBe(`Which one? ${NASTY}`);
    const feedback = html(field(q, 'generalfeedback'));
    expect(feedback.textContent).toBe(`Because ${NASTY} Evidence: Report A, paragraph 2`);
    expect(feedback.querySelector('a')!.getAttribute('href')).toBe('https://course.test/reports/report-a/#p2');
    expect(answers(q).map((a) => [a.fraction, html(a.text).textContent, a.feedback])).toEqual([
      [100, `Right {1} = ${NASTY}`, `Yes: ${NASTY}`],
      [0, 'Wrong ~ 2', 'No # not this'],
      [0, 'C:\\path', ''],
    ]);
  });

  test('short answers: every spelling the course accepts, stars escaped, case ignored', () => {
    const q = find('nasty-text');
    expect(q.querySelector('usecase')!.textContent).toBe('0');
    const accept = [`KH = ${NASTY}`, 'K:H', '{Kataib}'];
    const texts = answers(q).map((a) => a.text);
    expect(texts.slice(0, 3)).toEqual(accept);
    for (const t of texts) expect(accept.some((a) => answersMatch(t, a))).toBe(true);
    expect(moodleShortAnswer('M*A*S*H')).toBe('M\\*A\\*S\\*H');
  });

  test('numeric: answer, tolerance, a number only, no units asked for', () => {
    const q = find('nasty-numeric');
    expect(answers(q)[0]).toMatchObject({ fraction: 100, text: '2.5' });
    expect(q.querySelector('answer > tolerance')!.textContent).toBe('0.5');
    expect(q.querySelector(':scope > showunits')!.textContent).toBe('3');
    expect(html(field(q, 'questiontext')).textContent).toBe(`How many: ${NASTY}? (a number only, in km {approx})`);
  });

  test('matching: left as HTML, right as the plain text Moodle lists in its menus', () => {
    const q = find('nasty-matching');
    const pairs = [...q.querySelectorAll(':scope > subquestion')].map((s) => [
      html(s.querySelector(':scope > text')!.textContent!).textContent,
      s.querySelector(':scope > answer > text')!.textContent,
    ]);
    expect(pairs).toEqual([
      [`Left = 1 ${NASTY}`, `Right {2} ${NASTY}`],
      ['Left ~ 2', 'Right \\3'],
      ['Left: 3', 'Right #1'],
    ]);
  });

  test('true/false and multiple answers keep their grades and feedback', () => {
    expect(answers(find('nasty-tf')).map((a) => [a.text, a.fraction, a.feedback])).toEqual([
      ['true', 100, `T: ${NASTY}`],
      ['false', 0, 'F: #1'],
    ]);
    expect(answers(find('nasty-multiple')).map((a) => a.fraction)).toEqual([
      33.33333, 33.33333, 33.33333, -33.33333, -33.33333,
    ]);
  });

  test('what cannot be exported is listed at the top of the file', () => {
    const broken = toMoodleXml({ ...course, sources: [] });
    expect(broken.skipped.map((s) => s.id)).toEqual(['nasty-evidence']);
    expect(broken.text.split('\n')[1]).toMatch(/^<!-- .*Not included \(1\): evidence "nasty-evidence"/);
  });
});
