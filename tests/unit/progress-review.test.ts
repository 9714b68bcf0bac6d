import { describe, expect, it } from 'vitest';
import { DAY_MS, nextReview, startsRound } from '../../src/progress/review';
import { dueQuestions } from '../../src/progress/review-queue';
import { answer, doc } from './progress-helpers';

const NOW = 100 * DAY_MS;

describe('nextReview', () => {
  it('puts a wrong first try in box 1, due the next day, from any box', () => {
    expect(nextReview(undefined, false, NOW)).toEqual({ box: 1, dueAt: NOW + DAY_MS });
    expect(nextReview({ box: 4, dueAt: NOW + DAY_MS }, false, NOW)).toEqual({ box: 1, dueAt: NOW + DAY_MS });
  });

  it('keeps a question answered right the first time out of review', () => {
    expect(nextReview(undefined, true, NOW)).toEqual({});
    expect(nextReview({}, true, NOW)).toEqual({});
  });

  it('moves a due question answered right up one box, due after that box’s interval', () => {
    expect(nextReview({ box: 1, dueAt: NOW }, true, NOW)).toEqual({ box: 2, dueAt: NOW + 2 * DAY_MS });
    expect(nextReview({ box: 2, dueAt: NOW - 5 }, true, NOW)).toEqual({ box: 3, dueAt: NOW + 4 * DAY_MS });
    expect(nextReview({ box: 3 }, true, NOW)).toEqual({ box: 4, dueAt: NOW + 8 * DAY_MS });
    expect(nextReview({ box: 4, dueAt: NOW }, true, NOW)).toEqual({ box: 5, dueAt: NOW + 16 * DAY_MS });
    expect(nextReview({ box: 5, dueAt: NOW }, true, NOW)).toEqual({ box: 5, dueAt: NOW + 16 * DAY_MS });
  });

  it('starts a round at the first attempt, and again only once the question is due after the round began', () => {
    expect(startsRound(undefined, NOW)).toBe(true);
    expect(startsRound({ roundAt: NOW - 10 }, NOW)).toBe(false);
    expect(startsRound({ roundAt: NOW - 10, dueAt: NOW + 1 }, NOW)).toBe(false);
    expect(startsRound({ roundAt: NOW - 10, dueAt: NOW }, NOW)).toBe(true);
    expect(startsRound({ roundAt: NOW, dueAt: NOW - 5 }, NOW)).toBe(false);
  });
});

describe('dueQuestions', () => {
  const progress = doc({
    answers: {
      'intro/right-first-time': answer({ correct: true }),
      'intro/missed-long-ago': answer({ correct: false, box: 1, dueAt: NOW - 3 * DAY_MS }),
      'intro/missed-without-box': answer({ correct: false, lastAt: NOW - DAY_MS, firstAt: NOW - DAY_MS }),
      'timeline/due-today': answer({ box: 3, dueAt: NOW }),
      'timeline/coming-up': answer({ box: 2, dueAt: NOW + DAY_MS }),
      'timeline/mastered-not-due': answer({ box: 5, dueAt: NOW + 10 * DAY_MS }),
      'timeline/mastered-due': answer({ box: 5, dueAt: NOW - 1 }),
    },
  });

  it('lists due questions most overdue first, then those coming up, without mastered ones not yet due', () => {
    const items = dueQuestions(progress, NOW);
    expect(items.map((i) => i.key)).toEqual([
      'intro/missed-long-ago',
      'intro/missed-without-box',
      'timeline/mastered-due',
      'timeline/due-today',
      'timeline/coming-up',
    ]);
    expect(items.map((i) => i.due)).toEqual([true, true, true, true, false]);
    expect(items[0]).toEqual({
      key: 'intro/missed-long-ago',
      lessonId: 'intro',
      questionId: 'missed-long-ago',
      box: 1,
      dueAt: NOW - 3 * DAY_MS,
      due: true,
      overdueMs: 3 * DAY_MS,
      correct: false,
    });
    expect(items[4].overdueMs).toBe(0);
  });

  it('is empty when nothing was missed', () => {
    expect(dueQuestions(doc({ answers: { 'intro/q1': answer() } }), NOW)).toEqual([]);
  });

  it('depends only on the time passed in', () => {
    expect(dueQuestions(progress, NOW + 20 * DAY_MS).every((i) => i.due)).toBe(true);
    expect(dueQuestions(progress, NOW + 20 * DAY_MS)).toHaveLength(6);
  });
});
