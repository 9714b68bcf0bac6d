// One entry point for the build, the dev server and a command-line check.
import { checkContent } from './check';
import { loadContent } from './load';
import type { Problem } from './problem';

export { formatProblems, summarize, type Problem } from './problem';

/** Every problem in `<root>/content`: schema errors first found while loading, then cross-references. */
export function checkContentFolder(root: string): Problem[] {
  const { content, problems } = loadContent(root);
  return [...problems, ...checkContent(content)];
}
