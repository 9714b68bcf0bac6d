// One entry point for the build, the dev server and `npm run check`.
import { checkContent } from './check';
import { loadContent } from './load';
import { checkQuestionIds, currentManifest, readManifest, writeManifest } from './manifest';
import type { Problem } from './problem';
import { withGuide } from './guide';

export { formatProblems, isError, isWarning, summarize, type Problem } from './problem';
export { manifestFile } from './manifest';

/**
 * Every problem in `<root>/content`: schema errors found while loading, then cross-references, then
 * warnings about question ids that changed since content/.question-ids.json was written.
 */
export function checkContentFolder(root: string): Problem[] {
  const { content, problems } = loadContent(root);
  const { manifest, problems: manifestProblems } = readManifest(root);
  return [
    ...problems,
    ...checkContent(content),
    ...manifestProblems,
    ...(manifest ? checkQuestionIds(content, manifest) : []),
  ].map(withGuide);
}

/** Accepts the question ids as they stand: rewrites content/.question-ids.json. Returns how many it holds. */
export function updateQuestionIds(root: string): number {
  const manifest = currentManifest(loadContent(root).content);
  writeManifest(root, manifest);
  return Object.keys(manifest).length;
}
