import type { Progress } from '../format';
import { PROGRESS_VERSION, toTime } from '../format';
import { mergeProgress } from '../merge';

// Bringing a progress file into this browser, by merging (adds, never removes) or replacing. Only the progress
// page imports, so this lives apart from merge.ts and record.ts, which every island needs.

/** Adds an imported copy to the current one: the file's own reset time is ignored, so importing never removes. */
export function mergeImported(current: Progress, incoming: Progress): Progress {
  const adopted: Progress = { ...incoming };
  if (current.resetAt === undefined) delete adopted.resetAt;
  else adopted.resetAt = current.resetAt;
  return mergeProgress(current, adopted);
}

/**
 * Replaces the current copy with an imported one. The result starts a new generation, so other tabs' older
 * copies do not bring back what was replaced.
 */
export function replaceWithImported(current: Progress, incoming: Progress, now: number): Progress {
  const resetAt = Math.max(now, current.updatedAt + 1, (current.resetAt ?? -1) + 1);
  return {
    version: PROGRESS_VERSION,
    updatedAt: Math.max(resetAt, incoming.updatedAt),
    resetAt,
    lessons: { ...incoming.lessons },
    answers: { ...incoming.answers },
  };
}

/** Replaces everything with imported progress (see replaceWithImported), at a valid stored time. */
export function applyReplace(progress: Progress, incoming: Progress, now: number): Progress {
  return replaceWithImported(progress, incoming, toTime(now));
}
