import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerRecordSchema } from '../../src/schemas';
import type { Progress } from '../../src/progress/format';
import { emptyProgress } from '../../src/progress/format';
import { mergeProgress } from '../../src/progress/merge';
import { applyAnswer, applyReveal } from '../../src/progress/record';
import { DAY_MS } from '../../src/progress/review';
import { lessonSummary, standingOf } from '../../src/progress/summary';
import { pick, right, wrong } from './progress-helpers';

// The assessment model (issue 10): right first time is the first attempt; mastered is the latest round's first
// try right without the answer shown; a revealed or helped answer is never either.

const q = { id: 'q1', hash: 'h1' };
const KEY = 'intro/q1';

describe('applyReveal', () => {
  it('marks a wrong round revealed: not mastered, due the next day', () => {
    const tried = applyAnswer(emptyProgress(), 'intro', q, pick('b'), wrong, 1000);
    const shown = applyReveal(tried, 'intro', q, 2000);
    expect(shown.answers[KEY]).toMatchObject({ revealed: true, box: 1, dueAt: 2000 + DAY_MS, lastAt: 2000 });
    expect(standingOf(shown.answers[KEY], q)).toEqual({ rightFirstTime: false, rightInEnd: false, mastered: false });
    // Picking the shown answer afterwards is still not right in the end, nor mastered.
    const copied = applyAnswer(shown, 'intro', q, pick('a'), right, 3000);
    expect(copied.answers[KEY]).toMatchObject({ correct: true, revealed: true, box: 1, dueAt: 2000 + DAY_MS });
    expect(standingOf(copied.answers[KEY], q)).toEqual({ rightFirstTime: false, rightInEnd: false, mastered: false });
  });

  it('shows nothing before an attempt, after a right first try, or before an attempt in a new round', () => {
    const none = emptyProgress();
    expect(applyReveal(none, 'intro', q, 1000)).toBe(none);
    const rightFirst = applyAnswer(none, 'intro', q, pick('a'), right, 1000);
    expect(applyReveal(rightFirst, 'intro', q, 2000)).toBe(rightFirst);
    const changed = applyAnswer(none, 'intro', { id: 'q1', hash: 'old' }, pick('b'), wrong, 1000);
    expect(applyReveal(changed, 'intro', q, 2000)).toBe(changed);
    const missed = applyAnswer(none, 'intro', q, pick('b'), wrong, 1000);
    expect(applyReveal(missed, 'intro', q, 1000 + 2 * DAY_MS)).toBe(missed);
  });

  it('a review answered right on its first try masters the question; right first time stays as it was', () => {
    let p = applyAnswer(emptyProgress(), 'intro', q, pick('b'), wrong, 1000);
    p = applyAnswer(p, 'intro', q, pick('a'), right, 2000);
    expect(standingOf(p.answers[KEY], q)).toEqual({ rightFirstTime: false, rightInEnd: true, mastered: false });
    // Trying again (the same day) does not start a round: still not mastered.
    p = applyAnswer(p, 'intro', q, pick('a'), right, 3000);
    expect(standingOf(p.answers[KEY], q).mastered).toBe(false);
    // The next day it is due; right on the first try of that review.
    p = applyAnswer(p, 'intro', q, pick('a'), right, 1000 + DAY_MS);
    expect(p.answers[KEY]).toMatchObject({
      roundAt: 1000 + DAY_MS,
      roundAttempts: 1,
      box: 2,
      dueAt: 1000 + 3 * DAY_MS,
    });
    expect(standingOf(p.answers[KEY], q)).toEqual({ rightFirstTime: false, rightInEnd: true, mastered: true });
  });
});

// A student's actions on one question: attempts (right or wrong) and "Show answer", some time apart.
type Action = { kind: 'attempt'; correct: boolean; after: number } | { kind: 'reveal'; after: number };
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('attempt' as const),
    correct: fc.boolean(),
    after: fc.oneof(
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 0, max: 40 }).map((d) => d * DAY_MS),
    ),
  }),
  fc.record({ kind: fc.constant('reveal' as const), after: fc.integer({ min: 0, max: 2 * DAY_MS }) }),
);

describe('the assessment model, for any sequence of attempts and reveals', () => {
  it('no revealed or helped answer ever counts as right first time or mastered', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 1, maxLength: 25 }), (actions) => {
        let p: Progress = emptyProgress();
        let clock = 1000;
        const attempts: { at: number; correct: boolean }[] = [];
        const reveals: number[] = [];
        for (const action of actions) {
          clock += action.after;
          const before = p;
          p =
            action.kind === 'attempt'
              ? applyAnswer(p, 'intro', q, pick(action.correct ? 'a' : 'b'), action.correct ? right : wrong, clock)
              : applyReveal(p, 'intro', q, clock);
          const record = p.answers[KEY];
          if (!record) continue;
          if (action.kind === 'attempt') attempts.push({ at: record.lastAt, correct: action.correct });
          else if (p !== before) reveals.push(record.lastAt);
          expect(answerRecordSchema.safeParse(record).success).toBe(true);

          const standing = standingOf(record, q);
          // Right first time is the very first attempt, whatever came after.
          expect(standing.rightFirstTime).toBe(attempts[0].correct);
          // Mastered exactly when the round's first attempt was right and no answer was shown since it began.
          const round = attempts.filter((a) => a.at >= record.roundAt);
          const shownInRound = reveals.some((at) => at >= record.roundAt);
          expect(standing.mastered).toBe(round[0].correct && !shownInRound);
          expect(record.roundAttempts).toBe(round.length);
          // A round with a wrong first try (helped, or revealed) is in review, never mastered.
          if (!round[0].correct) expect(record.box).toBe(1);
          if (shownInRound) expect(standing.mastered || standing.rightInEnd).toBe(false);
          // The lesson's score never counts what first-time standing does not.
          expect(lessonSummary(p, 'intro', [q]).rightFirstTime).toBe(standing.rightFirstTime ? 1 : 0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a merge of two tabs never makes an answer right first time that either tab had wrong first', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), (firstA, firstB) => {
        const a = applyAnswer(emptyProgress(), 'intro', q, pick('a'), firstA ? right : wrong, 1000);
        const b = applyAnswer(emptyProgress(), 'intro', q, pick('a'), firstB ? right : wrong, 1001);
        expect(mergeProgress(a, b).answers[KEY].firstTryRight).toBe(firstA && firstB);
      }),
    );
  });
});
