import { describe, expect, it } from 'vitest';
import { decodeProgress } from '../../src/progress/decode';
import { exportProgressText, parseProgressImport } from '../../src/progress/files/progress-file';
import { emptyProgress } from '../../src/progress/format';
import { firstResponseOf } from '../../src/progress/first-response';
import { mergeAnswers, mergeProgress } from '../../src/progress/merge';
import { applyAnswer, applyReveal } from '../../src/progress/record';
import { repairProgress } from '../../src/progress/repair';
import { answerRecordSchema } from '../../src/schemas';
import { packageQuestion } from '../../src/scorm/config';
import { decodeSuspendData, encodeSuspendData } from '../../src/scorm/suspend';
import { answer, doc, pick, right, wrong } from './progress-helpers';
import { questions } from './quiz-fixtures';

// The first response of each question (issue 15's hand-ins): kept from the second attempt on (while there is one
// attempt it is the response itself), restarted when the question changes, combined by a merge from the copy whose
// first try agrees with the merged firstTryRight, and held to the same limits as a response.

const q1 = { id: 'q1', hash: 'h1' };
const KEY = 'intro/q1';

describe('applyAnswer keeps the first response', () => {
  it('not as a field of its own while there is one attempt, then as the first attempt’s response for good', () => {
    const first = applyAnswer(emptyProgress(), 'intro', q1, pick('b'), wrong, 1000);
    expect(first.answers[KEY]).not.toHaveProperty('firstResponse');
    expect(firstResponseOf(first.answers[KEY])).toEqual(pick('b'));
    const second = applyAnswer(first, 'intro', q1, pick('c'), wrong, 2000);
    const third = applyReveal(applyAnswer(second, 'intro', q1, pick('a'), right, 3000), 'intro', q1, 4000);
    expect(second.answers[KEY]).toMatchObject({ response: pick('c'), firstResponse: pick('b'), attempts: 2 });
    expect(third.answers[KEY]).toMatchObject({ response: pick('a'), firstResponse: pick('b'), attempts: 3 });
    // A review round, days later, is not a first attempt.
    const review = applyAnswer(third, 'intro', q1, pick('a'), right, 10 * 86_400_000);
    expect(review.answers[KEY]).toMatchObject({ firstResponse: pick('b'), attempts: 4 });
  });

  it('restarts with a changed question, as firstTryRight does', () => {
    const old = applyAnswer(
      applyAnswer(emptyProgress(), 'intro', q1, pick('b'), wrong, 1000),
      'intro',
      q1,
      pick('a'),
      right,
      2000,
    );
    const changed = applyAnswer(old, 'intro', { id: 'q1', hash: 'h2' }, pick('c'), right, 3000);
    expect(changed.answers[KEY]).toMatchObject({
      hash: 'h2',
      firstTryRight: true,
      firstResponse: pick('c'),
      attempts: 3,
    });
    const again = applyAnswer(changed, 'intro', { id: 'q1', hash: 'h2' }, pick('a'), right, 4000);
    expect(again.answers[KEY]).toMatchObject({ firstResponse: pick('c') });
  });

  it('from an answer saved before the field existed: its one response was the first; after more, it is not known', () => {
    const once = doc({ answers: { [KEY]: answer({ response: pick('b'), correct: false, firstTryRight: false }) } });
    expect(applyAnswer(once, 'intro', q1, pick('a'), right, 2000).answers[KEY]).toMatchObject({
      firstResponse: pick('b'),
    });
    const thrice = doc({
      answers: { [KEY]: answer({ attempts: 3, roundAttempts: 3, firstTryRight: false, roundFirstRight: false }) },
    });
    const next = applyAnswer(thrice, 'intro', q1, pick('a'), right, 2000).answers[KEY];
    expect(next).not.toHaveProperty('firstResponse');
    expect(firstResponseOf(next)).toBeNull();
  });
});

describe('merging two copies', () => {
  const base = { hash: 'h1', correct: true, attempts: 2, roundAttempts: 2, roundFirstRight: false };
  const wrongFirst = (option: string, lastAt: number) =>
    answer({ ...base, response: pick('a'), firstResponse: pick(option), firstTryRight: false, lastAt });

  it('takes the first response from a copy whose wrong first try made the merge not right first time', () => {
    // The later copy was right at its first try; the earlier one was not, so the merge is not right first time,
    // and its first response is the earlier copy's wrong one, never the later copy's right one.
    const later = answer({ ...base, response: pick('a'), firstResponse: pick('a'), firstTryRight: true, lastAt: 5000 });
    const earlier = wrongFirst('c', 1000);
    for (const merged of [mergeAnswers(later, earlier), mergeAnswers(earlier, later)]) {
      expect(merged).toMatchObject({ lastAt: 5000, firstTryRight: false, firstResponse: pick('c') });
    }
  });

  it('prefers a known first response, then the one first in a fixed order, whichever copy comes first', () => {
    const unknown = answer({ ...base, response: pick('a'), firstTryRight: false, attempts: 3, lastAt: 9000 });
    expect(mergeAnswers(unknown, wrongFirst('c', 1000)).firstResponse).toEqual(pick('c'));
    expect(mergeAnswers(wrongFirst('c', 1000), unknown).firstResponse).toEqual(pick('c'));
    // Not the later copy's ('c'): which copy is later must not matter to a later merge (see firstOfBoth).
    expect(mergeAnswers(wrongFirst('c', 2000), wrongFirst('b', 1000)).firstResponse).toEqual(pick('b'));
    expect(mergeAnswers(wrongFirst('b', 1000), wrongFirst('c', 2000)).firstResponse).toEqual(pick('b'));
  });

  it('keeps the first response of a copy with one attempt when the other has more', () => {
    const once = answer({ response: pick('c'), correct: false, firstTryRight: false, roundFirstRight: false });
    const more = answer({ ...base, response: pick('a'), firstTryRight: false, attempts: 4, lastAt: 3000 });
    expect(mergeAnswers(once, more)).toMatchObject({ attempts: 4, response: pick('a'), firstResponse: pick('c') });
  });

  it('stores it only when the response does not already say it, so an old one-attempt answer is unchanged', () => {
    const old = answer({ response: pick('b') });
    expect(mergeAnswers(old, structuredClone(old))).toBe(old);
    // Two devices with one attempt each: the merged response is the later one, the first response the other's.
    const here = answer({ response: pick('b'), correct: false, firstTryRight: false, roundFirstRight: false });
    const there = answer({ response: pick('a'), lastAt: 2000 });
    expect(mergeAnswers(here, there)).toMatchObject({ response: pick('a'), firstResponse: pick('b'), attempts: 1 });
  });

  it('hands back the newer copy itself when both already hold the same first response', () => {
    const older = wrongFirst('c', 1000);
    const newer = { ...wrongFirst('c', 2000), attempts: 3, roundAttempts: 3 };
    expect(mergeAnswers(older, newer)).toBe(newer);
    expect(mergeAnswers(newer, older)).toBe(newer);
  });
});

describe('reading, repairing, export and import', () => {
  it('reads a document from before the field existed, and one holding it, without a problem', () => {
    const old = doc({ answers: { [KEY]: answer() } });
    const withFirst = doc({ answers: { [KEY]: answer({ attempts: 2, roundAttempts: 2, firstResponse: pick('c') }) } });
    for (const value of [old, withFirst]) {
      const result = decodeProgress(JSON.stringify(value), undefined, undefined, 5000);
      expect(result).toMatchObject({ data: value, problems: [], rawBackupNeeded: false });
    }
  });

  it('holds it to a response’s limits: a record whose first response could not be shown is not read', () => {
    const bad = answer({ attempts: 2, roundAttempts: 2, firstResponse: { type: 'multiple', options: ['a', 'a'] } });
    expect(answerRecordSchema.safeParse(bad).success).toBe(false);
    const stored = decodeProgress(JSON.stringify(doc({ answers: { [KEY]: bad } })), undefined, undefined, 5000);
    expect(stored).toMatchObject({ dropped: 1, rawBackupNeeded: true });
    expect(stored.data.answers).toEqual({});
    const huge = answer({ attempts: 2, roundAttempts: 2, firstResponse: { type: 'text', value: 'x'.repeat(20_000) } });
    const imported = parseProgressImport(exportProgressText(doc({ answers: { [KEY]: huge } }), 1000), 5000);
    expect(imported).toEqual({ ok: false, message: expect.stringMatching(/the answer "intro\/q1"/) });
  });

  it('keeps it through a repair of something else, and through export and import', () => {
    const future = doc({
      updatedAt: 9e12,
      answers: { [KEY]: answer({ attempts: 2, roundAttempts: 2, lastAt: 9e12, firstResponse: pick('c') }) },
    });
    const repaired = repairProgress(future, 5000);
    expect(repaired.notes).toHaveLength(1);
    expect(repaired.data.answers[KEY]).toMatchObject({ firstResponse: pick('c') });
    const imported = parseProgressImport(exportProgressText(repaired.data, 6000), 6000);
    expect(imported).toMatchObject({ ok: true, data: { answers: { [KEY]: { firstResponse: pick('c') } } } });
  });
});

describe('SCORM suspend_data', () => {
  // Left out of suspend_data on purpose: a package has no hand-in (the LMS keeps its own records), and SCORM 1.2's
  // 4,096 characters are nearly full with the course's answers.
  const single = questions.single!;
  const config = { lessons: ['lesson-one'], questions: [packageQuestion('lesson-one', single)] };
  const key = `lesson-one/${single.id}`;
  const mine = doc({
    answers: {
      [key]: answer({
        hash: config.questions[0]!.hash,
        response: { type: 'single', option: single.options[0]!.id },
        attempts: 2,
        roundAttempts: 2,
        firstTryRight: false,
        roundFirstRight: false,
        firstResponse: { type: 'single', option: single.options[1]!.id },
        firstAt: 1_714_000_000_000,
        roundAt: 1_714_000_000_000,
        lastAt: 1_714_000_100_000,
      }),
    },
  });

  it('does not carry it, and a merge with the restored copy keeps the browser’s own', () => {
    const restored = decodeSuspendData(encodeSuspendData(mine, config), config).progress;
    expect(restored.answers[key]).not.toHaveProperty('firstResponse');
    expect(mergeProgress(mine, restored).answers[key]!.firstResponse).toEqual(mine.answers[key]!.firstResponse);
    expect(mergeProgress(restored, mine).answers[key]!.firstResponse).toEqual(mine.answers[key]!.firstResponse);
  });
});
