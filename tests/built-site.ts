// Where the built site is, for the tests that read it (build budgets and browser tests).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listBuiltPages, type BuiltPage } from '../scripts/lib/site-pages.ts';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** The built site. SITE_DIST points the suite at another build (e.g. to try the harness on a fixture site). */
export const distDir = resolve(repoRoot, process.env.SITE_DIST ?? 'dist');

/** Every page of the built site, read from dist/; fails loudly when there is no build to test. */
export function builtPages(): BuiltPage[] {
  if (!existsSync(resolve(distDir, 'index.html'))) {
    throw new Error(
      `No built site at ${distDir}: no index.html. \`npm test\` runs \`astro build\` first; did it build any page?`,
    );
  }
  return listBuiltPages(distDir);
}
