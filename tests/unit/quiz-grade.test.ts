import { describe, expect, it } from 'vitest';
import { grade, isAnswerable, whyUnanswerable } from '../../src/quiz';
import { questions as q, raw } from './quiz-fixtures';
import { questionSchema, type QuestionOf } from '../../src/schemas';
import { resolveAttribution } from '../../src/quiz/attribution';

describe('single', () => {
  it('marks the correct option right, with its feedback', () => {
    expect(grade(q.single, { type: 'single', option: 'a' })).toEqual({
      correct: true,
      score: 1,
      feedback: ['Yes: paragraph 2 names it.'],
      parts: [true, true, true],
    });
  });
  it('marks a wrong option wrong, showing the missed and the wrong one', () => {
    expect(grade(q.single, { type: 'single', option: 'b' })).toEqual({
      correct: false,
      score: 0,
      feedback: ['Hamas is in Gaza, not Iraq.'],
      parts: [false, false, true],
    });
  });
  it('gives no feedback where the option has none', () => {
    expect(grade(q.single, { type: 'single', option: 'c' }).feedback).toEqual([]);
  });
  it('treats an empty or unknown option as wrong and not answerable', () => {
    for (const option of ['', 'zz', 'constructor']) {
      expect(grade(q.single, { type: 'single', option })).toMatchObject({ correct: false, score: 0, feedback: [] });
      expect(whyUnanswerable(q.single, { type: 'single', option })).toBe('Choose an answer first.');
    }
  });
});

describe('multiple', () => {
  const pick = (...options: string[]) => grade(q.multiple, { type: 'multiple', options });
  it('is right only when exactly the correct options are picked', () => {
    expect(pick('iraq', 'syria')).toMatchObject({ correct: true, score: 1, parts: [true, true, true, true] });
    expect(pick('syria', 'iraq')).toMatchObject({ correct: true, score: 1 });
  });
  it('gives partial credit: (right − wrong) / number correct, never below 0', () => {
    expect(pick('iraq')).toMatchObject({ correct: false, score: 0.5, parts: [true, false, true, true] });
    expect(pick('iraq', 'syria', 'egypt')).toMatchObject({
      correct: false,
      score: 0.5,
      parts: [true, true, false, true],
    });
    expect(pick('iraq', 'egypt')).toMatchObject({ correct: false, score: 0 });
    expect(pick('egypt', 'oman')).toMatchObject({ correct: false, score: 0 });
    expect(pick('iraq', 'syria', 'egypt', 'oman')).toMatchObject({ score: 0 });
  });
  it('counts a repeated pick once', () => {
    expect(pick('iraq', 'iraq')).toMatchObject({ score: 0.5 });
    expect(pick('iraq', 'iraq', 'syria', 'syria')).toMatchObject({ correct: true, score: 1 });
  });
  it('counts an unknown id as a wrong pick', () => {
    expect(pick('iraq', 'syria', 'mars')).toMatchObject({ correct: false, score: 0.5 });
  });
  it('returns the feedback of picked options only', () => {
    expect(pick('iraq', 'egypt').feedback).toEqual(['No base in Egypt is mentioned.']);
    expect(pick('iraq').feedback).toEqual([]);
  });
  it('needs at least one real pick to be answerable', () => {
    expect(isAnswerable(q.multiple, { type: 'multiple', options: [] })).toBe(false);
    expect(isAnswerable(q.multiple, { type: 'multiple', options: ['mars'] })).toBe(false);
    expect(isAnswerable(q.multiple, { type: 'multiple', options: ['oman'] })).toBe(true);
    expect(pick()).toMatchObject({ correct: false, score: 0 });
  });
});

describe('truefalse', () => {
  it('grades against the answer with feedback keyed by the choice', () => {
    expect(grade(q.truefalse, { type: 'truefalse', value: true })).toEqual({ correct: true, score: 1, feedback: [] });
    expect(grade(q.truefalse, { type: 'truefalse', value: false })).toEqual({
      correct: false,
      score: 0,
      feedback: ['They left in December 2011.'],
    });
  });
});

describe('ordering', () => {
  const order = (...ids: string[]) => grade(q.ordering, { type: 'ordering', order: ids });
  it('is right only in the exact order', () => {
    expect(order('invasion', 'sofa', 'withdrawal')).toEqual({
      correct: true,
      score: 1,
      feedback: [],
      parts: [true, true, true],
    });
  });
  it('scores the share of items in the right position', () => {
    expect(order('invasion', 'withdrawal', 'sofa')).toMatchObject({ correct: false, parts: [true, false, false] });
    expect(order('invasion', 'withdrawal', 'sofa').score).toBeCloseTo(1 / 3);
    expect(order('withdrawal', 'invasion', 'sofa')).toMatchObject({ score: 0, parts: [false, false, false] });
  });
  it('cannot earn more by repeating an item', () => {
    expect(order('invasion', 'invasion', 'invasion').score).toBeCloseTo(1 / 3);
  });
  it('handles short, empty and unknown orders', () => {
    expect(order()).toMatchObject({ correct: false, score: 0, parts: [false, false, false] });
    expect(order('invasion')).toMatchObject({ correct: false, parts: [true, false, false] });
    expect(isAnswerable(q.ordering, { type: 'ordering', order: ['invasion', 'sofa'] })).toBe(false);
    expect(isAnswerable(q.ordering, { type: 'ordering', order: ['invasion', 'sofa', 'sofa'] })).toBe(false);
    expect(isAnswerable(q.ordering, { type: 'ordering', order: ['sofa', 'invasion', 'withdrawal'] })).toBe(true);
  });
  it('is not right with anything after the last item (found by fast-check in a damaged save)', () => {
    const long = order('invasion', 'sofa', 'withdrawal', '');
    expect(long).toMatchObject({ correct: false, parts: [true, true, true, false] });
    expect(long.score).toBeCloseTo(3 / 4);
  });
});

describe('matching', () => {
  const match = (pairs: Record<string, string>) => grade(q.matching, { type: 'matching', pairs });
  const right = { invasion: 'y2003', sofa: 'y2008', withdrawal: 'y2011' };
  it('is right when every pair is', () => {
    expect(match(right)).toEqual({ correct: true, score: 1, feedback: [], parts: [true, true, true] });
  });
  it('scores the share of left entries paired right, marking which', () => {
    expect(match({ ...right, sofa: 'y2011', withdrawal: 'y2008' })).toMatchObject({
      correct: false,
      parts: [true, false, false],
    });
    expect(match({ ...right, sofa: 'y2003' }).score).toBeCloseTo(2 / 3);
  });
  it('ignores pairs for unknown left ids', () => {
    expect(match({ ...right, extra: 'y2003' })).toMatchObject({ correct: true });
    expect(match({})).toMatchObject({ correct: false, score: 0 });
  });
  it('never reads an id such as "constructor" from Object.prototype', () => {
    const tricky = {
      ...q.matching,
      left: [
        { id: 'constructor', text: 'C' },
        { id: 'to-string', text: 'T' },
      ],
      right: [
        { id: 'x', text: 'X' },
        { id: 'y', text: 'Y' },
      ],
      pairs: { constructor: 'x', 'to-string': 'y' },
    };
    expect(grade(tricky, { type: 'matching', pairs: {} })).toMatchObject({ correct: false, parts: [false, false] });
    expect(isAnswerable(tricky, { type: 'matching', pairs: { 'to-string': 'y' } })).toBe(false);
  });
  it('is answerable only when every left entry has a known right entry', () => {
    expect(whyUnanswerable(q.matching, { type: 'matching', pairs: { invasion: 'y2003', sofa: 'y2008' } })).toBe(
      'Match every item on the left first.',
    );
    expect(isAnswerable(q.matching, { type: 'matching', pairs: { ...right, sofa: 'y1999' } })).toBe(false);
    expect(isAnswerable(q.matching, { type: 'matching', pairs: { ...right, sofa: 'y2003' } })).toBe(true);
  });
});

describe('numeric', () => {
  const answer = (value: string) => grade(q.numeric, { type: 'numeric', value });
  it('accepts answers within the tolerance, typed leniently', () => {
    for (const value of ['500', '450', '550', 'about 520', '500 troops', ' 500 ', '500.0']) {
      expect(answer(value), value).toMatchObject({ correct: true, score: 1 });
    }
  });
  it('refuses answers outside it', () => {
    expect(answer('449')).toMatchObject({ correct: false, score: 0 });
    expect(answer('551')).toMatchObject({ correct: false, score: 0 });
    expect(answer('-500')).toMatchObject({ correct: false });
  });
  it('marks unreadable input wrong but says why it is not answerable', () => {
    expect(answer('lots')).toMatchObject({ correct: false, score: 0 });
    expect(whyUnanswerable(q.numeric, { type: 'numeric', value: 'lots' })).toMatch(/not a number/);
    expect(whyUnanswerable(q.numeric, { type: 'numeric', value: '' })).toBe('Type a number first.');
    expect(whyUnanswerable(q.numeric, { type: 'numeric', value: '0.5k' })).toMatch(/digits/);
  });
  it('absorbs floating-point rounding at the edge of the tolerance', () => {
    const exact = { ...q.numeric, answer: 0.3, tolerance: 0 };
    expect(grade(exact, { type: 'numeric', value: String(0.1 + 0.2) })).toMatchObject({ correct: true });
    expect(grade(exact, { type: 'numeric', value: '0.31' })).toMatchObject({ correct: false });
  });
});

describe('text', () => {
  const answer = (value: string) => grade(q.text, { type: 'text', value });
  it.each([
    "Kata'ib Hezbollah",
    'Kataib Hezbollah',
    'Kata’ib hezbollah',
    'kataib-hezbollah',
    'the Kataib Hezbollah.',
    'kh',
  ])('accepts %j', (value) => expect(answer(value)).toEqual({ correct: true, score: 1, feedback: [] }));
  it.each(['Hezbollah', 'Kataib', '', '   '])('refuses %j', (value) => {
    expect(answer(value)).toMatchObject({ correct: false, score: 0 });
  });
  it('is not answerable when only spaces or punctuation were typed', () => {
    expect(isAnswerable(q.text, { type: 'text', value: ' - ' })).toBe(false);
    expect(isAnswerable(q.text, { type: 'text', value: 'x' })).toBe(true);
  });
});

describe('evidence', () => {
  const pick = (paragraph: number) => grade(q.evidence, { type: 'evidence', paragraph });
  it('accepts any supporting paragraph', () => {
    expect(pick(2)).toEqual({ correct: true, score: 1, feedback: [] });
    expect(pick(5)).toMatchObject({ correct: true });
  });
  it('refuses others, with feedback for that paragraph where given', () => {
    expect(pick(1)).toEqual({
      correct: false,
      score: 0,
      feedback: ['Paragraph 1 is the headline summary; look for the detail.'],
    });
    expect(pick(3)).toEqual({ correct: false, score: 0, feedback: [] });
  });
  it('is not answerable without a real paragraph', () => {
    expect(isAnswerable(q.evidence, { type: 'evidence', paragraph: 0 })).toBe(false);
    expect(isAnswerable(q.evidence, { type: 'evidence', paragraph: 4 })).toBe(true);
  });
});

describe('attribution', () => {
  // The fixture is resolved as the build hands it to the islands: its first-form a and b are report-a and report-b.
  it('grades a first-form (two-report) choice with per-choice feedback, marking each report', () => {
    expect(grade(q.attribution, { type: 'attribution', choice: 'both' })).toEqual({
      correct: true,
      score: 1,
      feedback: [],
      parts: [true, true],
    });
    expect(grade(q.attribution, { type: 'attribution', choice: 'a' })).toEqual({
      correct: false,
      score: 0,
      feedback: ['Report B says it too.'],
      parts: [true, false],
    });
    expect(grade(q.attribution, { type: 'attribution', choice: 'neither' }).feedback).toEqual([]);
    // The same answers, ticked in the new form.
    expect(grade(q.attribution, { type: 'attribution', reports: ['report-b', 'report-a'] }).correct).toBe(true);
    expect(grade(q.attribution, { type: 'attribution', reports: ['report-a'] }).feedback).toEqual([
      'Report B says it too.',
    ]);
  });

  // Three reports: the student ticks those that say it, or "none of them". Resolved as the build does it, which
  // also writes feedback keys in the reports' order.
  const three = resolveAttribution(
    questionSchema.parse({
      ...raw.attribution,
      reports: ['herald', 'coast-wire', 'city-radio'],
      answer: ['herald', 'city-radio'],
      feedback: {
        herald: 'City Radio says so too.',
        none: 'Two of them say it.',
        'coast-wire+herald': 'Not Coast Wire.',
      },
    }) as QuestionOf<'attribution'>,
    [],
  );

  it('is right only when exactly the reports that say it are ticked, in any order', () => {
    expect(grade(three, { type: 'attribution', reports: ['city-radio', 'herald'] })).toMatchObject({
      correct: true,
      score: 1,
      parts: [true, true, true],
    });
    expect(grade(three, { type: 'attribution', reports: ['herald'] })).toEqual({
      correct: false,
      score: 0,
      feedback: ['City Radio says so too.'],
      parts: [true, true, false],
    });
    expect(grade(three, { type: 'attribution', reports: ['herald', 'coast-wire'] }).feedback).toEqual([
      'Not Coast Wire.',
    ]);
    expect(grade(three, { type: 'attribution', reports: [], none: true })).toMatchObject({
      correct: false,
      feedback: ['Two of them say it.'],
      parts: [false, true, false],
    });
    // A report that is not among the choices (a damaged save) is ignored, not counted.
    expect(grade(three, { type: 'attribution', reports: ['herald', 'city-radio', 'elsewhere'] }).correct).toBe(true);
    // Nothing ticked is not an answer; "none of them" is.
    expect(isAnswerable(three, { type: 'attribution', reports: [] })).toBe(false);
    expect(isAnswerable(three, { type: 'attribution', reports: [], none: true })).toBe(true);
  });

  it('takes "none of them" as right when no report says it', () => {
    const noneSay = { ...three, answer: [] };
    expect(grade(noneSay, { type: 'attribution', reports: [], none: true }).correct).toBe(true);
    expect(grade(noneSay, { type: 'attribution', reports: ['herald'] }).correct).toBe(false);
  });

  it('reads a first-form question once resolved against its reports: a and b are the first two', () => {
    const first = questionSchema.parse(raw.attribution) as QuestionOf<'attribution'>;
    const resolved = resolveAttribution(first, ['herald', 'coast-wire']);
    expect(resolved).toMatchObject({ reports: ['herald', 'coast-wire'], answer: ['herald', 'coast-wire'] });
    expect(resolved.feedback).toEqual({ herald: 'Report B says it too.' });
    // An answer saved before the change ({ choice: 'a' }) is read against the real reports.
    expect(grade(resolved, { type: 'attribution', choice: 'a' })).toEqual({
      correct: false,
      score: 0,
      feedback: ['Report B says it too.'],
      parts: [true, false],
    });
  });
});

describe('any question', () => {
  it('scores a response of another type 0 and calls it unanswerable', () => {
    expect(grade(q.single, { type: 'text', value: 'a' })).toEqual({ correct: false, score: 0, feedback: [] });
    expect(whyUnanswerable(q.single, { type: 'text', value: 'a' })).toBe('Choose an answer first.');
    expect(isAnswerable(q.single, null)).toBe(false);
    expect(isAnswerable(q.single, undefined)).toBe(false);
  });
});
