import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewImport } from '../../src/progress/files/preview';
import type { Progress } from '../../src/progress/format';
import { mergeImported, replaceWithImported } from '../../src/progress/files/import';
import { firstResponseOf } from '../../src/progress/first-response';
import { mergeAnswers, mergeLessons, mergeProgress, sameProgress } from '../../src/progress/merge';
import { answer, answerArb, answerKeyArb, doc, progressArb, timeArb, viaJson } from './progress-helpers';

describe('mergeAnswers', () => {
  it('keeps the later answer, the larger attempt count and the first time', () => {
    const older = answer({ correct: false, score: 0, attempts: 3, firstAt: 100, lastAt: 200, box: 1, dueAt: 200 });
    const newer = answer({ correct: true, attempts: 2, firstAt: 150, lastAt: 300, box: 2, dueAt: 9000 });
    const expected = { ...newer, attempts: 3, firstAt: 100 };
    expect(mergeAnswers(older, newer)).toEqual(expected);
    expect(mergeAnswers(newer, older)).toEqual(expected);
  });

  it('does not add attempts up when both copies hold the same answer', () => {
    const a = answer({ attempts: 4 });
    expect(mergeAnswers(a, { ...a })).toEqual(a);
  });

  it('breaks a tie on lastAt the same way whichever copy comes first', () => {
    const a = answer({ response: { type: 'single', option: 'a' }, lastAt: 500 });
    const b = answer({ response: { type: 'single', option: 'b' }, lastAt: 500 });
    expect(mergeAnswers(a, b)).toEqual(mergeAnswers(b, a));
  });
  it('breaks a tie the same way after an earlier merge raised attempts (found by fast-check)', () => {
    const a = answer({ response: { type: 'single', option: 'a' }, attempts: 1, lastAt: 2751 });
    const b = answer({ response: { type: 'single', option: 'b' }, attempts: 2, lastAt: 0 });
    const c = answer({ response: { type: 'single', option: 'c' }, attempts: 1, lastAt: 2751 });
    const leftFirst = mergeAnswers(mergeAnswers(a, b), c);
    const rightFirst = mergeAnswers(a, mergeAnswers(b, c));
    expect(leftFirst).toEqual(rightFirst);
    expect(leftFirst.attempts).toBe(2);
  });
});

describe('mergeLessons', () => {
  it('keeps the earliest opening and reading and the best score', () => {
    expect(
      mergeLessons(
        { openedAt: 50, readAt: 400, bestScore: 0.5, bestScoreAt: 60 },
        { openedAt: 70, readAt: 300, bestScore: 0.75, bestScoreAt: 80 },
      ),
    ).toEqual({ openedAt: 50, readAt: 300, bestScore: 0.75, bestScoreAt: 80 });
    expect(mergeLessons({ readAt: 5 }, { openedAt: 3 })).toEqual({ openedAt: 3, readAt: 5 });
  });
});

describe('mergeProgress', () => {
  it('keeps answers to different questions from both copies', () => {
    const tabA = doc({ updatedAt: 10, answers: { 'intro/q1': answer({ lastAt: 10 }) } });
    const tabB = doc({ updatedAt: 20, answers: { 'intro/q2': answer({ lastAt: 20 }) } });
    const merged = mergeProgress(tabA, tabB);
    expect(Object.keys(merged.answers).sort()).toEqual(['intro/q1', 'intro/q2']);
    expect(merged.updatedAt).toBe(20);
  });

  it('keeps answers for lessons and questions the course no longer has', () => {
    const old = doc({ lessons: { 'retired-lesson': { readAt: 5 } }, answers: { 'retired-lesson/q9': answer() } });
    expect(mergeProgress(old, doc())).toEqual(old);
  });

  it('lets a later reset win: older entries from the other copy are dropped, newer ones kept', () => {
    const reset = doc({ updatedAt: 1000, resetAt: 1000 });
    const staleTab = doc({
      updatedAt: 1500,
      lessons: { intro: { openedAt: 10, readAt: 1200, bestScore: 1, bestScoreAt: 20 }, timeline: { openedAt: 30 } },
      answers: { 'intro/q1': answer({ lastAt: 900 }), 'intro/q2': answer({ firstAt: 900, lastAt: 1500 }) },
    });
    const expected = doc({
      updatedAt: 1500,
      resetAt: 1000,
      lessons: { intro: { readAt: 1200 } },
      answers: { 'intro/q2': answer({ firstAt: 900, lastAt: 1500 }) },
    });
    expect(mergeProgress(reset, staleTab)).toEqual(expected);
    expect(mergeProgress(staleTab, reset)).toEqual(expected);
  });

  it('keeps everything in the copy with the later reset, even entries older than the reset (a replacing import)', () => {
    const replaced = doc({ updatedAt: 2000, resetAt: 2000, answers: { 'intro/q1': answer({ lastAt: 100 }) } });
    const otherTab = doc({ updatedAt: 1500, resetAt: 50, answers: { 'intro/q2': answer({ lastAt: 1400 }) } });
    expect(mergeProgress(otherTab, replaced)).toEqual(replaced);
  });

  const arbitraryPairs = fc.tuple(progressArb, progressArb);

  it('is commutative', () => {
    fc.assert(
      fc.property(arbitraryPairs, ([a, b]) => {
        expect(mergeProgress(a, b)).toEqual(mergeProgress(b, a));
      }),
      {
        numRuns: 300,
      },
    );
  });

  // Times from {0, 1} make nearly every shared answer a same-millisecond tie, the case most likely to differ.
  const tiedAnswer = fc
    .tuple(answerArb, fc.integer({ min: 0, max: 1 }))
    .map(([a, t]) => ({ ...a, firstAt: t, lastAt: t, roundAt: t, dueAt: undefined }))
    .map(viaJson);
  const tiedCopy = fc
    .record({ answers: fc.dictionary(answerKeyArb, tiedAnswer, { maxKeys: 8, noNullPrototype: true }) })
    .map(({ answers }) => doc({ updatedAt: 1, answers }));

  it('with answers tied in the same millisecond: commutative, and every entry of both copies kept', () => {
    fc.assert(
      fc.property(tiedCopy, tiedCopy, (a, b) => {
        const merged = mergeProgress(a, b);
        expect(merged).toEqual(mergeProgress(b, a));
        for (const own of [a, b]) {
          for (const [key, entry] of Object.entries(own.answers)) {
            expect(merged.answers[key]).toBeDefined();
            expect(merged.answers[key].attempts).toBeGreaterThanOrEqual(entry.attempts);
            // The winner of a tie is one of the two answers, not a blend of them.
            // (attempts, firstAt, firstTryRight and the first response are combined from both, by design.)
            const { attempts: _x, firstAt: _y, firstTryRight: _z, firstResponse: _r, ...kept } = merged.answers[key];
            const copies = [a, b].map((copy) => copy.answers[key]).filter(Boolean);
            const candidates = copies.map(
              ({ attempts: _a, firstAt: _f, firstTryRight: _t, firstResponse: _s, ...rest }) => rest,
            );
            expect(candidates).toContainEqual(kept);
            // The first response is one of the copies' own, never made up.
            expect([...copies.map(firstResponseOf), null]).toContainEqual(firstResponseOf(merged.answers[key]));
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('hands back an unchanged entry as the same object, and sameProgress sees nothing new', () => {
    fc.assert(
      fc.property(progressArb, (a) => {
        const copy = viaJson(a);
        const merged = mergeProgress(copy, a);
        for (const key of Object.keys(a.answers)) expect(merged.answers[key]).toBe(copy.answers[key]);
        expect(sameProgress(copy, merged)).toBe(true);
      }),
    );
    const theirs = doc({ answers: { 'intro/q1': answer() } });
    const mine = doc({ answers: { 'intro/q1': answer(), 'intro/q2': answer() } });
    expect(sameProgress(theirs, mergeProgress(theirs, mine))).toBe(false);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(progressArb, (a) => {
        expect(mergeProgress(a, a)).toEqual(a);
      }),
    );
  });

  const sameGeneration =
    (resetAt: number | undefined) =>
    (p: Progress): Progress => {
      const copy = { ...p };
      if (resetAt === undefined) delete copy.resetAt;
      else copy.resetAt = resetAt;
      return copy;
    };

  it('is associative within a generation, so the order tabs hear about each other does not matter', () => {
    fc.assert(
      fc.property(progressArb, progressArb, progressArb, fc.option(timeArb, { nil: undefined }), (a, b, c, resetAt) => {
        [a, b, c] = [a, b, c].map(sameGeneration(resetAt));
        expect(mergeProgress(mergeProgress(a, b), c)).toEqual(mergeProgress(a, mergeProgress(b, c)));
      }),
      { numRuns: 300 },
    );
  });

  it('across resets, keeps the same answers whatever the order copies meet', () => {
    const answersOnly = (p: Progress) =>
      Object.fromEntries(
        Object.entries(p.answers).map(([key, { attempts, firstAt, firstTryRight, firstResponse, ...rest }]) => [
          key,
          rest,
        ]),
      );
    fc.assert(
      fc.property(progressArb, progressArb, progressArb, (a, b, c) => {
        expect(answersOnly(mergeProgress(mergeProgress(a, b), c))).toEqual(
          answersOnly(mergeProgress(a, mergeProgress(b, c))),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('absorbs what it already holds', () => {
    fc.assert(
      fc.property(arbitraryPairs, ([a, b]) => {
        const merged = mergeProgress(a, b);
        expect(mergeProgress(merged, a)).toEqual(merged);
        expect(mergeProgress(merged, b)).toEqual(merged);
      }),
    );
  });

  it('never drops a valid entry unless an other copy reset after it was last touched', () => {
    fc.assert(
      fc.property(arbitraryPairs, ([a, b]) => {
        const merged = mergeProgress(a, b);
        const check = (own: Progress, other: Progress) => {
          const otherReset = other.resetAt ?? -1;
          const survives = (time: number) => (own.resetAt ?? -1) >= otherReset || time >= otherReset;
          for (const [key, entry] of Object.entries(own.answers)) {
            if (!survives(entry.lastAt)) continue;
            expect(merged.answers[key]).toBeDefined();
            expect(merged.answers[key].lastAt).toBeGreaterThanOrEqual(entry.lastAt);
            expect(merged.answers[key].attempts).toBeGreaterThanOrEqual(entry.attempts);
          }
          for (const [id, lesson] of Object.entries(own.lessons)) {
            if (lesson.openedAt !== undefined && survives(lesson.openedAt)) {
              expect(merged.lessons[id].openedAt).toBeLessThanOrEqual(lesson.openedAt);
            }
          }
        };
        check(a, b);
        check(b, a);
      }),
      { numRuns: 300 },
    );
  });
});

describe('importing', () => {
  const mine = doc({
    updatedAt: 500,
    resetAt: 400,
    answers: {
      'intro/q1': answer({ lastAt: 450 }),
      'intro/q2': answer({ lastAt: 460, correct: false }),
      'timeline/q1': answer({ lastAt: 470 }),
    },
  });
  const file = doc({
    updatedAt: 900,
    resetAt: 800,
    answers: {
      'intro/q1': answer({ lastAt: 450 }),
      'intro/q2': answer({ lastAt: 700, correct: true }),
      'intro/q3': answer({ lastAt: 100 }),
      'sources/q1': answer({ lastAt: 300 }),
    },
  });

  it('merging adds everything in the file and removes nothing, whatever the file’s reset time', () => {
    const merged = mergeImported(mine, file);
    expect(Object.keys(merged.answers).sort()).toEqual([
      'intro/q1',
      'intro/q2',
      'intro/q3',
      'sources/q1',
      'timeline/q1',
    ]);
    expect(merged.answers['intro/q2'].correct).toBe(true);
    expect(merged.resetAt).toBe(400);
  });

  it('replacing keeps exactly the file’s progress, in a new generation that older tabs cannot undo', () => {
    const replaced = replaceWithImported(mine, file, 1000);
    expect(replaced.answers).toEqual(file.answers);
    expect(replaced.resetAt).toBe(1000);
    expect(mergeProgress(mine, replaced)).toEqual(replaced);
  });

  it('previews per lesson what would be added, updated, unchanged or lost on replace', () => {
    expect(previewImport(mine, file)).toEqual({
      lessons: {
        intro: { added: 1, updated: 1, unchanged: 1, lostOnReplace: 0 },
        sources: { added: 1, updated: 0, unchanged: 0, lostOnReplace: 0 },
        timeline: { added: 0, updated: 0, unchanged: 0, lostOnReplace: 1 },
      },
      total: { added: 2, updated: 1, unchanged: 1, lostOnReplace: 1 },
    });
  });

  it('counts a newer answer here that the file would roll back as lost on replace', () => {
    const newerHere = doc({ answers: { 'intro/q1': answer({ lastAt: 900 }) } });
    const olderInFile = doc({ answers: { 'intro/q1': answer({ lastAt: 100 }) } });
    expect(previewImport(newerHere, olderInFile).total).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
      lostOnReplace: 1,
    });
  });

  it('counts every answer in the file exactly once', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (a, b) => {
        const { total } = previewImport(a, b);
        expect(total.added + total.updated + total.unchanged).toBe(Object.keys(b.answers).length);
      }),
    );
  });
});
