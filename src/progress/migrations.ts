import { MAX_TIME } from './format';
import type { MigrationStep } from './migrate';
import { DAY_MS } from './review';

// How stored progress moves from an older format version to the current one. Each step turns a document of
// version n into one of version n + 1 and is keyed by n, never mutating its input. A step reshapes what it can
// read and leaves anything else as it found it, so the reader (decode.ts, files/progress-file.ts) reports and
// drops an unreadable entry exactly as it would have in the old version: an upgrade never loses a readable answer.
//
// To add version n + 1: bump PROGRESS_VERSION in rules.ts, update the schema and validate.ts, add a step here
// with a test that real version n documents and export files come out as expected. The steps are applied by
// migrate.ts; a lesson page's store loads them only when a text needs them (uncommon.ts).

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Each value of a record mapped, into a fresh object made with own data properties only (a "__proto__" key
 * stays a plain key, as JSON.parse made it). */
function mapValues(record: Record<string, unknown>, map: (value: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

/**
 * Version 1 kept only the last result of an answer (`correct`, `attempts`), so what the first try was is not
 * known. The rule (issue 10): one attempt and right counts as right first time, and as mastered; any other
 * right answer counts as right with help, so it goes into review the next day if it was not there already;
 * a wrong one stays wrong. Nothing was ever revealed in version 1 (it had no "Show answer").
 */
export function answerV1toV2(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const { correct, attempts, firstAt, lastAt } = value;
  const rightFirst = correct === true && attempts === 1;
  const upgraded: Record<string, unknown> = {
    ...value,
    firstTryRight: rightFirst,
    roundAt: firstAt,
    roundAttempts: attempts,
    roundFirstRight: rightFirst,
    revealed: false,
  };
  if (!rightFirst && value.box === undefined && typeof lastAt === 'number') {
    // Version 1 put every wrong answer in review, due at once; one without a box is due at once too.
    upgraded.box = 1;
    upgraded.dueAt =
      typeof value.dueAt === 'number' ? value.dueAt : correct === true ? Math.min(MAX_TIME, lastAt + DAY_MS) : lastAt;
  }
  // Version 1 made a wrong answer due at once (dueAt = its time). A round ends when the question falls due after
  // the round began, so a due time at the round's start is moved 1 ms on: still due now, and the next attempt
  // starts a new round rather than being stuck in this one.
  const { dueAt } = upgraded;
  if (typeof dueAt === 'number' && typeof firstAt === 'number' && dueAt <= firstAt) {
    upgraded.dueAt = Math.min(MAX_TIME, firstAt + 1);
  }
  return upgraded;
}

export const migrations: Readonly<Record<number, MigrationStep>> = {
  1: (doc) => ({
    ...doc,
    version: 2,
    answers: isRecord(doc.answers) ? mapValues(doc.answers, answerV1toV2) : doc.answers,
  }),
};
