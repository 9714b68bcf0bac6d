import { PROGRESS_VERSION } from './format';

// How stored progress moves from an older format version to the current one. Each step turns a document of
// version n into one of version n + 1 and is keyed by n. Version 1 is the first format, so there is no step yet.
//
// To add version 2: bump PROGRESS_VERSION in format.ts, update the schema and validate.ts, and add
//   1: (doc) => ({ ...doc, version: 2, /* reshape here */ }),
// below, with a test that a real v1 document comes out as the v2 you expect.

/** Takes the parsed JSON of one version and returns the next version's (never mutating its input). */
export type MigrationStep = (doc: Record<string, unknown>) => Record<string, unknown>;

export const migrations: Readonly<Record<number, MigrationStep>> = {};

export type MigrationResult =
  { ok: true; doc: Record<string, unknown>; applied: number[] } | { ok: false; problem: string };

/** Applies steps from `from` up to `to` in order; reports a missing or failing step instead of throwing. */
export function migrate(
  doc: Record<string, unknown>,
  from: number,
  steps: Readonly<Record<number, MigrationStep>> = migrations,
  to: number = PROGRESS_VERSION,
): MigrationResult {
  if (!Number.isInteger(from) || from > to) return { ok: false, problem: `cannot migrate from version ${from}` };
  let current = doc;
  const applied: number[] = [];
  for (let version = from; version < to; version++) {
    const step = Object.hasOwn(steps, version) ? steps[version] : undefined;
    if (!step) return { ok: false, problem: `no way to update saved progress from version ${version}` };
    try {
      current = step(current);
    } catch (error) {
      return { ok: false, problem: `updating saved progress from version ${version} failed (${String(error)})` };
    }
    applied.push(version);
  }
  return { ok: true, doc: current, applied };
}
