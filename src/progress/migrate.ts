import { PROGRESS_VERSION } from './format';

// Applies format upgrade steps (migrations.ts holds the product's) to a parsed document. Reading stored progress
// (decode.ts) is handed this with the steps as an Upgrade, so a lesson page loads both only when a text in an older
// format is stored (uncommon.ts).

/** Takes the parsed JSON of one version and returns the next version's (never mutating its input). */
export type MigrationStep = (doc: Record<string, unknown>) => Record<string, unknown>;

export type MigrationResult =
  { ok: true; doc: Record<string, unknown>; applied: number[] } | { ok: false; problem: string };

/** Takes a parsed document from version `from` to `to` with some steps: what decode.ts is handed (uncommon.ts has
 * the product's), so that reading needs neither this file nor the steps until a text is in an older format. */
export type Upgrade = (doc: Record<string, unknown>, from: number, to: number) => MigrationResult;

/** Applies steps from `from` up to `to` in order; reports a missing or failing step instead of throwing. */
export function migrate(
  doc: Record<string, unknown>,
  from: number,
  steps: Readonly<Record<number, MigrationStep>>,
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
