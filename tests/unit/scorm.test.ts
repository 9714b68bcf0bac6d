import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { emptyProgress, answerKey } from '../../src/progress/format';
import { cmiValues, lmsMastery, packageStanding, sessionEnd, timeinterval2004, timespan12 } from '../../src/scorm/cmi';
import { packageQuestion } from '../../src/scorm/config';
import { decodeSuspendData, encodeSuspendData, SUSPEND_LIMIT } from '../../src/scorm/suspend';
import type { Progress } from '../../src/progress/format';
import type { Response } from '../../src/schemas/question';
import { allQuestions } from './quiz-fixtures';
import { answer } from './progress-helpers';

const config = { lessons: ['lesson-one'], questions: allQuestions.map((q) => packageQuestion('lesson-one', q)) };

/** A response of each type, using the fixture questions' own ids. */
const responses: Record<string, Response> = Object.fromEntries(
  allQuestions.map((q): [string, Response] => {
    switch (q.type) {
      case 'single':
        return [q.id, { type: 'single', option: q.options[1]!.id }];
      case 'multiple':
        return [q.id, { type: 'multiple', options: q.options.slice(0, 2).map((o) => o.id) }];
      case 'truefalse':
        return [q.id, { type: 'truefalse', value: false }];
      case 'ordering':
        return [q.id, { type: 'ordering', order: [...q.items].reverse().map((i) => i.id) }];
      case 'matching':
        return [q.id, { type: 'matching', pairs: { [q.left[0]!.id]: q.right[1]!.id } }];
      case 'numeric':
        return [q.id, { type: 'numeric', value: '2,500 rockets; (about)' }];
      case 'text':
        return [q.id, { type: 'text', value: 'Kata’ib, Hezbollah; “the” 100%' }];
      case 'evidence':
        return [q.id, { type: 'evidence', paragraph: 3 }];
      case 'attribution':
        return [q.id, { type: 'attribution', choice: 'neither' }];
    }
  }),
);

interface Given {
  response: Response;
  correct?: boolean;
  attempts?: number;
  firstTryRight?: boolean;
  revealed?: boolean;
}
function progressWith(entries: Record<string, Given>): Progress {
  const p = emptyProgress(5000);
  for (const [id, e] of Object.entries(entries)) {
    const q = config.questions.find((x) => x.id === id)!;
    p.answers[answerKey('lesson-one', id)] = answer({
      hash: q.hash,
      response: e.response,
      correct: e.correct ?? false,
      score: e.correct ? 1 : 1 / 3,
      attempts: e.attempts ?? 1,
      firstAt: 1_714_000_000_000,
      roundAt: 1_714_000_050_000,
      lastAt: 1_714_000_100_000,
      firstTryRight: e.firstTryRight ?? ((e.correct ?? false) && (e.attempts ?? 1) === 1),
      roundAttempts: e.attempts ?? 1,
      roundFirstRight: !e.revealed && (e.firstTryRight ?? ((e.correct ?? false) && (e.attempts ?? 1) === 1)),
      revealed: e.revealed ?? false,
      box: 2,
      dueAt: 1_714_100_000_000,
    });
  }
  p.lessons['lesson-one'] = { openedAt: 1_714_000_000_000, readAt: 1_714_000_200_000 };
  return p;
}

describe('suspend_data', () => {
  test('every answer of every type comes back as it was, lesson times too', () => {
    const progress = progressWith(
      Object.fromEntries(Object.entries(responses).map(([id, response]) => [id, { response }])),
    );
    const text = encodeSuspendData(progress, config);
    const back = decodeSuspendData(text, config);
    expect(back.unreadable).toBe(0);
    for (const [key, record] of Object.entries(progress.answers)) {
      expect(back.progress.answers[key], key).toEqual({ ...record, score: Number(record.score.toFixed(4)) });
    }
    expect(back.progress.lessons['lesson-one']).toEqual(progress.lessons['lesson-one']);
  });

  test('compact: positions, not ids or JSON', () => {
    const text = encodeSuspendData(
      progressWith({ [allQuestions[0]!.id]: { response: responses[allQuestions[0]!.id]! } }),
      config,
    );
    expect(text).not.toContain('{');
    expect(text).not.toContain('"');
    // A lesson entry (~20 characters) and one answer (~55: four times, counts, flags and the response).
    expect(text.length).toBeLessThan(90);
  });

  test('an answer to an id the package does not know is kept whole, never dropped', () => {
    const single = allQuestions.find((q) => q.type === 'single')!;
    const progress = progressWith({ [single.id]: { response: { type: 'single', option: 'not-an-option' } } });
    const text = encodeSuspendData(progress, config);
    expect(text).toContain('~');
    expect(decodeSuspendData(text, config).progress.answers[answerKey('lesson-one', single.id)]!.response).toEqual({
      type: 'single',
      option: 'not-an-option',
    });
  });

  test('damaged or foreign text gives empty progress and says how much it could not read', () => {
    expect(decodeSuspendData('', config)).toEqual({ progress: emptyProgress(), unreadable: 0 });
    expect(decodeSuspendData('{"x":1}', config).unreadable).toBeGreaterThan(0);
    expect(decodeSuspendData('s3.0;zz,1,2s4,1,1,a,a,b,,,0;0,2', config).unreadable).toBe(2);
  });

  test('typed text survives any characters', () => {
    const text = allQuestions.find((q) => q.type === 'text')!;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (value) => {
        const p = progressWith({ [text.id]: { response: { type: 'text', value } } });
        const back = decodeSuspendData(encodeSuspendData(p, config), config);
        expect(back.progress.answers[answerKey('lesson-one', text.id)]!.response).toEqual({ type: 'text', value });
      }),
    );
  });

  test('times are kept to the second (the course’s own copy keeps the milliseconds)', () => {
    const id = allQuestions[0]!.id;
    const p = progressWith({ [id]: { response: responses[id]! } });
    const key = answerKey('lesson-one', id);
    p.answers[key] = { ...p.answers[key]!, lastAt: p.answers[key]!.lastAt + 999 };
    expect(decodeSuspendData(encodeSuspendData(p, config), config).progress.answers[key]!.lastAt).toBe(
      p.answers[key]!.lastAt - 999,
    );
  });

  test('the limits are SCORM’s', () => {
    expect(SUSPEND_LIMIT).toEqual({ '1.2': 4096, '2004': 64000 });
  });
});

describe('cmi values', () => {
  const ids = allQuestions.map((q) => q.id);
  const all = (correct: (i: number) => boolean, attempts = () => 1) =>
    progressWith(
      Object.fromEntries(
        ids.map((id, i) => [id, { response: responses[id]!, correct: correct(i), attempts: attempts() }]),
      ),
    );

  test('score is the share right at the first try; an answer corrected later does not count', () => {
    const p = all((i) => i < 6);
    const s = packageStanding(p, config, 0.8);
    expect(s.rightFirstTime).toBe(6);
    expect(s.score).toBeCloseTo(6 / 9);
    expect(
      packageStanding(
        all(
          () => true,
          () => 2,
        ),
        config,
        0.8,
      ).rightFirstTime,
    ).toBe(0);
  });

  test('SCORM 1.2: incomplete until all is answered and read, then passed or failed against mastery', () => {
    const none = packageStanding(emptyProgress(), config, 0.8);
    expect(cmiValues('1.2', none)).toEqual({
      'cmi.core.score.min': '0',
      'cmi.core.score.max': '100',
      'cmi.core.score.raw': '0',
      'cmi.core.lesson_status': 'incomplete',
    });
    expect(
      cmiValues(
        '1.2',
        packageStanding(
          all((i) => i < 8),
          config,
          0.8,
        ),
      )['cmi.core.lesson_status'],
    ).toBe('passed');
    expect(
      cmiValues(
        '1.2',
        packageStanding(
          all((i) => i < 7),
          config,
          0.8,
        ),
      ),
    ).toMatchObject({
      'cmi.core.lesson_status': 'failed',
      'cmi.core.score.raw': '77.78',
    });
    const unread = all(() => true);
    delete unread.lessons['lesson-one']!.readAt;
    expect(cmiValues('1.2', packageStanding(unread, config, 0.8))['cmi.core.lesson_status']).toBe('incomplete');
  });

  test('SCORM 2004: completion and success apart, scaled score, progress', () => {
    expect(
      cmiValues(
        '2004',
        packageStanding(
          all((i) => i < 8),
          config,
          0.8,
        ),
      ),
    ).toEqual({
      'cmi.score.min': '0',
      'cmi.score.max': '100',
      'cmi.score.raw': '88.89',
      'cmi.score.scaled': '0.8889',
      'cmi.progress_measure': '1',
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'passed',
    });
    expect(cmiValues('2004', packageStanding(emptyProgress(), config, 0.8))).toMatchObject({
      'cmi.completion_status': 'incomplete',
      'cmi.success_status': 'unknown',
      'cmi.progress_measure': '0',
    });
  });

  test('session time in each version’s format; exit is suspend so a relaunch resumes', () => {
    expect(timespan12(3_723_450)).toBe('0001:02:03.45');
    expect(timeinterval2004(3_723_450)).toBe('PT1H2M3.45S');
    expect(timeinterval2004(0)).toBe('PT0S');
    expect(sessionEnd('1.2', 61_000)).toEqual({ 'cmi.core.session_time': '0000:01:01.00', 'cmi.core.exit': 'suspend' });
    expect(sessionEnd('2004', 61_000)).toEqual({ 'cmi.session_time': 'PT1M1S', 'cmi.exit': 'suspend' });
  });

  test('the LMS’s mastery score, when it gives one, in each version’s scale', () => {
    expect(lmsMastery('1.2', '75')).toBe(0.75);
    expect(lmsMastery('2004', '0.75')).toBe(0.75);
    expect(lmsMastery('1.2', '')).toBeUndefined();
    expect(lmsMastery('2004', 'x')).toBeUndefined();
  });
});
