// @vitest-environment jsdom
// jsdom's DOMParser reads the HTML Moodle shows (question text, choices, feedback) as a browser would.
import { describe, expect, test } from 'vitest';
import { escapeGift, giftShortAnswer, moodleWeight, toGift } from '../../src/export/gift';
import { answersMatch } from '../../src/quiz/normalize';
import type { Question } from '../../src/schemas/question';
import { course, exportable, NASTY, nastyQuestions, sources } from './export-fixtures';
import { questions as fixtureQuestions } from './quiz-fixtures';
import { parseGift, type GiftQuestion } from './gift-parser';

const exported = toGift(course);
const raw = parseGift(exported.text);

const body = (html: string) => new DOMParser().parseFromString(html, 'text/html').body;
/** What a student reads of an HTML field: its paragraphs' text, a blank line between them. */
const shown = (html: string | undefined) => {
  if (html === undefined) return undefined;
  const paragraphs = [...body(html).querySelectorAll('p')];
  return paragraphs.length ? paragraphs.map((p) => p.textContent).join('\n\n') : (body(html).textContent ?? '');
};
/**
 * Each question as Moodle shows it: fields in the question's format (HTML) read as text. Short answers and the
 * right side of matching pairs are plain text in Moodle, so they stay as written.
 */
function asShown(q: GiftQuestion): GiftQuestion {
  const common = { ...q, text: shown(q.text)!, generalFeedback: shown(q.generalFeedback) };
  switch (q.type) {
    case 'multichoice':
      return {
        ...q,
        ...common,
        answers: q.answers.map((a) => ({ ...a, text: shown(a.text)!, feedback: shown(a.feedback) })),
      } as GiftQuestion;
    case 'truefalse':
      return {
        ...q,
        ...common,
        wrongFeedback: shown(q.wrongFeedback),
        rightFeedback: shown(q.rightFeedback),
      } as GiftQuestion;
    case 'match':
      return { ...q, ...common, pairs: q.pairs.map((p) => ({ left: shown(p.left)!, right: p.right })) } as GiftQuestion;
    default:
      return { ...q, ...common } as GiftQuestion;
  }
}
const parsed = { ...raw, questions: raw.questions.map(asShown) };
const byTitle = new Map(parsed.questions.map((q) => [q.title, q]));
const rawOf = (id: string) => raw.questions.find((q) => q.title === id)!;
const find = (id: string): GiftQuestion => {
  const question = byTitle.get(id);
  if (!question) throw new Error(`question "${id}" is not in the GIFT file:\n${exported.text}`);
  return question;
};

/** What a question's general feedback must say (the explanation, then the evidence), and where its link goes. */
function generalFeedback(q: Question): { text: string; href: string } {
  const [label, href] =
    'source' in q.evidence
      ? [
          `Report A, paragraph ${q.evidence.paragraph}`,
          `https://course.test/reports/${q.evidence.source}/#p${q.evidence.paragraph}`,
        ]
      : 'topic' in q.evidence
        ? ['Background: The Gaza link', 'https://course.test/background/gaza-link/']
        : ['A note on Report A', 'https://course.test/reports/report-a/#note-kalsu-note'];
  return { text: `${q.explanation} Evidence: ${label}`, href };
}

describe('GIFT export', () => {
  test('the fixtures hold every character GIFT reserves, so the round trip tests the escaping', () => {
    for (const char of ['~', '=', '#', '{', '}', ':', '\\']) expect(NASTY).toContain(char);
    expect(escapeGift(NASTY)).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\\\n\\\\\\: & <i> "j" \'k\'');
    expect(escapeGift('line one\nline two')).toBe('line one\\nline two');
  });

  test('every exportable question comes back once, titled by its id, in HTML format (so feedback links are links)', () => {
    expect(parsed.questions.map((q) => q.title)).toEqual(exportable.map((q) => q.id));
    for (const q of parsed.questions) expect(q.format).toBe('html');
  });

  test('one category per lesson, under the course', () => {
    expect(parsed.categories).toEqual([
      '$course$/top/Test // Course/Lesson 1. First: lesson',
      '$course$/top/Test // Course/Lesson 2. Second',
    ]);
    expect(find('nasty-single').category).toContain('Lesson 1.');
    expect(find('nasty-numeric').category).toContain('Lesson 2.');
  });

  test('each question keeps its text and general feedback (explanation and evidence link), unescaped', () => {
    for (const q of exportable) {
      const back = find(q.id);
      const expected = generalFeedback(q);
      expect(back.generalFeedback, q.id).toBe(expected.text);
      const links = [...body(rawOf(q.id).generalFeedback!).querySelectorAll('a')];
      expect(
        links.map((a) => a.getAttribute('href')),
        q.id,
      ).toEqual([expected.href]);
      if (
        q.type === 'single' ||
        q.type === 'multiple' ||
        q.type === 'truefalse' ||
        q.type === 'matching' ||
        q.type === 'text'
      ) {
        expect(back.text, q.id).toBe(q.prompt);
      }
    }
  });

  test('single choice: one right answer at 100%, wrong ones at 0, feedback kept', () => {
    const q = nastyQuestions.find((x) => x.id === 'nasty-single') as Extract<Question, { type: 'single' }>;
    const back = find(q.id);
    expect(back.type === 'multichoice' && back.single).toBe(true);
    if (back.type !== 'multichoice') return;
    expect(back.answers).toEqual(
      q.options.map((o) => ({ text: o.text, weight: o.correct ? 100 : 0, feedback: o.feedback })),
    );
  });

  test('multiple answers: right answers share 100%, each wrong one costs as much as a right one earns', () => {
    const q = nastyQuestions.find((x) => x.id === 'nasty-multiple') as Extract<Question, { type: 'multiple' }>;
    const back = find(q.id);
    expect(back.type).toBe('multichoice');
    if (back.type !== 'multichoice') return;
    expect(back.single).toBe(false);
    expect(back.answers).toEqual(
      q.options.map((o) => ({ text: o.text, weight: o.correct ? 33.33333 : -33.33333, feedback: o.feedback })),
    );
    const right = back.answers.filter((a) => a.weight > 0).reduce((sum, a) => sum + a.weight, 0);
    expect(right).toBeCloseTo(100, 3);
  });

  test('Moodle weights are always grades Moodle accepts', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => moodleWeight(100 / n))).toEqual([
      100, 50, 33.33333, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10,
    ]);
    const two = toGift({
      ...course,
      lessons: [{ ...course.lessons[0]!, quizzes: [{ id: 'q', title: 'q', questions: [fixtureQuestions.multiple] }] }],
    });
    const back = parseGift(two.text).questions[0]!;
    expect(back.type === 'multichoice' && back.answers.map((a) => a.weight)).toEqual([50, 50, -50, -50]);
  });

  test('true/false: the answer, then feedback for a wrong answer and for a right one', () => {
    expect(find('nasty-tf')).toMatchObject({
      type: 'truefalse',
      answer: true,
      wrongFeedback: 'F: #1',
      rightFeedback: `T: ${NASTY}`,
    });
    expect(find('nasty-tf-false')).toMatchObject({
      type: 'truefalse',
      answer: false,
      wrongFeedback: '',
      rightFeedback: 'right only',
    });
    expect(find('plain-tf')).toMatchObject({
      type: 'truefalse',
      answer: true,
      wrongFeedback: undefined,
      rightFeedback: undefined,
    });
  });

  test('matching: every pair, left to right', () => {
    expect(find('nasty-matching')).toMatchObject({
      type: 'match',
      pairs: [
        { left: `Left = 1 ${NASTY}`, right: `Right {2} ${NASTY}` },
        { left: 'Left ~ 2', right: 'Right \\3' },
        { left: 'Left: 3', right: 'Right #1' },
      ],
    });
  });

  test('numeric: answer and tolerance; the unit is said in the text', () => {
    expect(find('nasty-numeric')).toMatchObject({
      type: 'numerical',
      answer: 2.5,
      tolerance: 0.5,
      text: `How many: ${NASTY}? (a number only, in km {approx})`,
    });
    expect(find('exact-numeric')).toMatchObject({ type: 'numerical', answer: -3, tolerance: 0 });
    expect(find('exact-numeric').text).toMatch(/\(a number only\)$/);
  });

  test('text: every accepted answer first, then the spellings the course accepts, all at full marks', () => {
    const back = find('nasty-text');
    if (back.type !== 'shortanswer') throw new Error('not a short answer');
    const accept = [`KH = ${NASTY}`, 'K:H', '{Kataib}'];
    expect(back.answers.slice(0, 3).map((a) => a.text)).toEqual(accept);
    for (const a of back.answers) {
      expect(a.weight).toBe(100);
      expect(
        accept.some((x) => answersMatch(a.text, x)),
        a.text,
      ).toBe(true);
    }
    expect(back.answers.map((a) => a.text)).toContain('the K:H');
    expect(back.answers.map((a) => a.text)).toContain('{Kataib}.');
  });

  test("a star in a short answer is escaped: it is Moodle's wildcard", () => {
    expect(giftShortAnswer('5*')).toBe('5\\*');
    const star = toGift({
      ...course,
      lessons: [
        {
          ...course.lessons[0]!,
          quizzes: [{ id: 'q', title: 'q', questions: [{ ...fixtureQuestions.text, accept: ['M*A*S*H'] }] }],
        },
      ],
    });
    const back = parseGift(star.text).questions[0]!;
    // Moodle keeps "\\*" and its shortanswer reads it as a literal star.
    expect(back.type === 'shortanswer' && back.answers[0]!.text).toBe('M\\*A\\*S\\*H');
  });

  test('attribution: one choice per report and "None of them", as multiple answers, with the statement', () => {
    const back = find('nasty-attribution');
    expect(back.text).toBe(`${fixtureQuestions.attribution.prompt}\n\n“Said ${NASTY}”`);
    expect(back.type === 'multichoice' && !back.single).toBe(true);
    if (back.type !== 'multichoice') return;
    expect(back.answers.map((a) => a.text)).toEqual(['Report A says it', 'Report B says it', 'None of them says it']);
    expect(back.answers.map((a) => a.weight > 0)).toEqual([false, true, false]);
    expect(back.answers.map((a) => a.feedback)).toEqual(['A#', undefined, '~n']);
  });

  test('evidence: a single choice of the report’s paragraphs, by number and first words; any supporting one is right', () => {
    const back = find('nasty-evidence');
    expect(back.text).toBe(
      `${fixtureQuestions.evidence.prompt}\n\nClaim: “Claim: ${NASTY}”\n\nRead Report A: https://course.test/reports/report-a/`,
    );
    expect(back.type).toBe('multichoice');
    if (back.type !== 'multichoice') return;
    expect(back.answers).toHaveLength(sources[0]!.paragraphs.length);
    back.answers.forEach((answer, i) => {
      const n = i + 1;
      expect(answer.text.startsWith(`Paragraph ${n}: `)).toBe(true);
      const words = answer.text.slice(`Paragraph ${n}: `.length).replace(/…$/, '');
      expect(sources[0]!.paragraphs[i]!.startsWith(words), answer.text).toBe(true);
      expect(answer.weight).toBe([1, 3].includes(n) ? 100 : 0);
    });
    expect(back.answers[1]!.feedback).toBe(`Not 2 ${NASTY}`);
    expect(back.answers[0]!.text).toBe('Paragraph 1: One two three four five six seven eight…');
  });

  test('ordering is listed as skipped with a reason and left as a comment, never dropped silently', () => {
    expect(exported.skipped).toEqual([
      { id: 'nasty-ordering', type: 'ordering', reason: expect.stringMatching(/ordering/) },
    ]);
    expect(parsed.comments.some((c) => c.startsWith('skipped: ordering question "nasty-ordering"'))).toBe(true);
    expect(exported.text).not.toContain('::nasty-ordering::');
  });

  test('a single lesson exports only its own questions', () => {
    const one = parseGift(toGift(course, [course.lessons[1]!]).text);
    expect(one.questions.map((q) => q.title)).toEqual(nastyQuestions.slice(7).map((q) => q.id));
    expect(one.categories).toHaveLength(1);
  });
});
