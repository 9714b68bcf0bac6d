import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One built page: the URL path a visitor uses and the HTML file that answers it. */
export interface BuiltPage {
  /** URL path, e.g. "/", "/reports/report-a/", "/404.html". */
  path: string;
  /** Absolute path of the HTML file in dist/. */
  file: string;
}

/**
 * Every page of a built static site: each `index.html` (served at its folder's URL, with a trailing slash)
 * and each `404.html`. Read from dist/ rather than from src/ so the suite follows the pages as they are added.
 * Sorted by path so reports and test names are stable.
 */
export function listBuiltPages(distDir: string): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        // Build assets (hashed JS/CSS) never hold pages.
        if (entry.name !== '_astro') walk(full);
      } else if (entry.name === 'index.html' || entry.name === '404.html') {
        const rel = relative(distDir, full).split(sep).join('/');
        const path = entry.name === 'index.html' ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
        pages.push({ path, file: full });
      }
    }
  };
  walk(distDir);
  return pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
