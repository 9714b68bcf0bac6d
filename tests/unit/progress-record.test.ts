import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/progress/format';
import { mergeProgress } from '../../src/progress/merge';
import { applyReplace } from '../../src/progress/files/import';
import { applyAnswer, applyOpened, applyRead, applyReset } from '../../src/progress/record';
import { DAY_MS } from '../../src/progress/review';
import { answerState, lessonSummary, questionProgress } from '../../src/progress/summary';
import { answer, doc, pick, right, wrong } from './progress-helpers';

const q1 = { id: 'q1', hash: 'h1' };
const q2 = { id: 'q2', hash: 'h2' };

describe('applyAnswer', () => {
  it('records a first answer', () => {
    const next = applyAnswer(emptyProgress(), 'intro', q1, pick('a'), right, 1000);
    expect(next.answers).toEqual({
      'intro/q1': {
        hash: 'h1',
        response: pick('a'),
        correct: true,
        score: 1,
        attempts: 1,
        firstAt: 1000,
        lastAt: 1000,
        firstTryRight: true,
        roundAt: 1000,
        roundAttempts: 1,
        roundFirstRight: true,
        revealed: false,
      },
    });
    expect(next.updatedAt).toBe(1000);
  });

  it('counts attempts, keeps the first time, and schedules review the next day after a wrong first try', () => {
    const first = applyAnswer(emptyProgress(), 'intro', q1, pick('b'), wrong, 1000);
    expect(first.answers['intro/q1']).toMatchObject({ correct: false, box: 1, dueAt: 1000 + DAY_MS });
    const second = applyAnswer(first, 'intro', q1, pick('a'), right, 2000);
    // Right after feedback is right with help: not right first time, not mastered, still due the next day.
    expect(second.answers['intro/q1']).toMatchObject({
      response: pick('a'),
      correct: true,
      attempts: 2,
      firstAt: 1000,
      lastAt: 2000,
      firstTryRight: false,
      roundAt: 1000,
      roundAttempts: 2,
      roundFirstRight: false,
      box: 1,
      dueAt: 1000 + DAY_MS,
    });
  });

  it('does not change the document it was given', () => {
    const before = doc();
    const copy = structuredClone(before);
    applyAnswer(before, 'intro', q1, pick('a'), right, 5000);
    expect(before).toEqual(copy);
  });

  it('keeps time moving forward when the clock goes back, so the new answer wins a merge', () => {
    const first = applyAnswer(emptyProgress(), 'intro', q1, pick('b'), wrong, 5000);
    const second = applyAnswer(first, 'intro', q1, pick('a'), right, 10);
    expect(second.answers['intro/q1'].lastAt).toBeGreaterThan(5000);
    expect(mergeProgress(first, second).answers['intro/q1'].correct).toBe(true);
  });

  it('stores the response as plain JSON and a score within 0..1', () => {
    const next = applyAnswer(
      emptyProgress(),
      'intro',
      q1,
      { type: 'numeric', value: '3', extra: undefined } as never,
      { correct: false, score: Number.NaN },
      1,
    );
    expect(next.answers['intro/q1'].response).toStrictEqual({ type: 'numeric', value: '3' });
    expect(next.answers['intro/q1'].score).toBe(0);
    expect(
      applyAnswer(emptyProgress(), 'intro', q1, null, { correct: true, score: 7 }, 1).answers['intro/q1'].score,
    ).toBe(1);
  });

  it('keeps the lesson’s best score when given its questions', () => {
    let p = applyAnswer(emptyProgress(), 'intro', q1, pick('a'), right, 100, [q1, q2]);
    expect(p.lessons.intro).toEqual({ bestScore: 0.5, bestScoreAt: 100 });
    p = applyAnswer(p, 'intro', q2, pick('a'), right, 200, [q1, q2]);
    expect(p.lessons.intro).toEqual({ bestScore: 1, bestScoreAt: 200 });
    p = applyAnswer(p, 'intro', q2, pick('c'), wrong, 300, [q1, q2]);
    expect(p.lessons.intro).toEqual({ bestScore: 1, bestScoreAt: 200 });
  });

  it('refuses ids that could not be stored', () => {
    expect(() => applyAnswer(emptyProgress(), 'Intro Lesson', q1, null, right, 1)).toThrow(RangeError);
    expect(() => applyAnswer(emptyProgress(), 'intro', { id: '__proto__', hash: 'h' }, null, right, 1)).toThrow(
      RangeError,
    );
    expect(() => applyOpened(emptyProgress(), 'constructor', 1)).toThrow(RangeError);
  });
});

describe('applyOpened and applyRead', () => {
  it('note the first time only', () => {
    const opened = applyOpened(emptyProgress(), 'intro', 100);
    expect(opened.lessons.intro).toEqual({ openedAt: 100 });
    expect(applyOpened(opened, 'intro', 200)).toBe(opened);
    const read = applyRead(opened, 'intro', 300);
    expect(read.lessons.intro).toEqual({ openedAt: 100, readAt: 300 });
    expect(applyRead(read, 'intro', 400)).toBe(read);
  });
});

describe('applyReset and applyReplace', () => {
  const old = doc({
    updatedAt: 900,
    lessons: { intro: { openedAt: 5 } },
    answers: { 'intro/q1': answer({ lastAt: 900 }) },
  });

  it('reset empties progress and starts a generation that older copies cannot bring back', () => {
    const reset = applyReset(old, 1000);
    expect(reset).toEqual({ version: 2, updatedAt: 1000, resetAt: 1000, lessons: {}, answers: {} });
    expect(mergeProgress(old, reset)).toEqual(reset);
  });

  it('reset lands after everything the document knew, even with the clock set back', () => {
    const reset = applyReset(old, 10);
    expect(reset.resetAt).toBe(901);
    expect(mergeProgress(old, reset).answers).toEqual({});
  });

  it('answers after a reset are kept', () => {
    const reset = applyReset(old, 1000);
    const after = applyAnswer(reset, 'intro', q1, pick('a'), right, 1000);
    expect(mergeProgress(old, after).answers['intro/q1'].lastAt).toBe(1000);
  });

  it('replace keeps exactly the imported answers', () => {
    const incoming = doc({ answers: { 'timeline/q1': answer({ lastAt: 50 }) } });
    const replaced = applyReplace(old, incoming, 2000);
    expect(replaced.answers).toEqual(incoming.answers);
    expect(mergeProgress(old, replaced).answers).toEqual(incoming.answers);
  });
});

describe('lessonSummary', () => {
  const missed = { correct: false, score: 0, firstTryRight: false, roundFirstRight: false };
  const p = doc({
    answers: {
      'intro/q1': answer({ hash: 'h1', correct: true }),
      'intro/q2': answer({ hash: 'old-hash', correct: true }),
      'intro/q3': answer({ hash: 'h3', ...missed }),
      // Right after feedback: right in the end only.
      'intro/q5': answer({ hash: 'h5', ...missed, correct: true, score: 1, attempts: 2, roundAttempts: 2 }),
      // "Show answer", then the shown answer picked: neither right in the end nor mastered.
      'intro/q6': answer({ hash: 'h6', ...missed, correct: true, score: 1, attempts: 2, revealed: true }),
      // Wrong the first time, right on the first try of a later review: mastered, but never right first time.
      'intro/q7': answer({ hash: 'h7', ...missed, correct: true, score: 1, attempts: 2, roundFirstRight: true }),
    },
  });
  const ref = (n: number) => ({ id: `q${n}`, hash: `h${n}` });
  const questions = [q1, q2, ref(3), ref(4)];

  it('counts answered and changed questions; a changed one counts as nothing', () => {
    expect(lessonSummary(p, 'intro', questions)).toEqual({
      answered: 3,
      rightFirstTime: 1,
      rightInEnd: 1,
      masteredCount: 1,
      changed: 1,
      total: 4,
      score: 0.25,
      mastered: false,
      revisit: ['q2', 'q3'],
    });
  });

  it('scores right first time, and keeps right with help and revealed answers out of it and out of mastery', () => {
    expect(lessonSummary(p, 'intro', [q1, ref(5), ref(6), ref(7)])).toEqual({
      answered: 4,
      rightFirstTime: 1,
      rightInEnd: 3,
      masteredCount: 2,
      changed: 0,
      total: 4,
      score: 0.25,
      mastered: false,
      revisit: ['q5', 'q6'],
    });
  });

  it('is mastered only when every current question is mastered', () => {
    expect(lessonSummary(p, 'intro', [q1, ref(7)])).toMatchObject({ mastered: true, score: 0.5, revisit: [] });
    expect(lessonSummary(p, 'intro', [q1])).toMatchObject({ mastered: true, score: 1 });
    expect(lessonSummary(p, 'intro', [])).toMatchObject({ answered: 0, total: 0, score: 0, mastered: false });
  });

  it('keeps a changed question’s old answer visible', () => {
    expect(questionProgress(p, 'intro', q2)).toEqual({ answer: p.answers['intro/q2'], state: 'changed' });
    expect(answerState(undefined, q1)).toBe('unanswered');
    expect(answerState(p.answers['intro/q3'], { id: 'q3', hash: 'h3' })).toBe('wrong');
  });

  it('does not find inherited properties for odd ids', () => {
    expect(lessonSummary(p, 'constructor', [{ id: 'toString', hash: 'x' }]).answered).toBe(0);
  });
});
