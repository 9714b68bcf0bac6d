/**
 * The dev server's latest content problems, for the banner Base.astro shows on every page in `npm start`, so an
 * instructor who never looks at the terminal still sees them. The integration and the pages run in one Node
 * process but load separate copies of this module (the pages go through Vite), so the list is kept on globalThis.
 */
import type { Problem } from './problem';

const KEY = Symbol.for('course-content-check.problems');

type Holder = { [KEY]?: readonly Problem[] };

export function setLiveProblems(problems: readonly Problem[]): void {
  (globalThis as Holder)[KEY] = problems;
}

/** Empty until the dev server has checked the content, and always in a build (which refuses errors). */
export function liveProblems(): readonly Problem[] {
  return (globalThis as Holder)[KEY] ?? [];
}
