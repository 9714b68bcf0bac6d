/**
 * Builds the search index once the site is built: Pagefind reads the built HTML of the pages searchable.ts
 * names (in whatever --outDir says) and writes its files to <outDir>/pagefind/. Runs on `astro build` only,
 * so `astro dev` has no index; the search page says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
// Imported up front: by astro:build:done, Vite's module runner (which a dynamic import() here goes through) is closed.
import * as pagefind from 'pagefind';
import { listBuiltPages } from '../../scripts/lib/site-pages';
import { EXCLUDED_FROM_INDEX, isSearchable } from './searchable';

export default function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // Pages are chosen here, not by Pagefind's directory scan: without any data-pagefind-body in the site,
        // Pagefind would index every page whole, instructors' answer keys included.
        const pages = listBuiltPages(outDir).filter((page) => isSearchable(page.path));
        try {
          if (pages.length === 0) throw new Error(`no searchable page in ${outDir} (see src/search/searchable.ts)`);
          const created = await pagefind.createIndex({
            excludeSelectors: [...EXCLUDED_FROM_INDEX],
            forceLanguage: 'en',
          });
          if (!created.index) throw new Error(`Pagefind did not start: ${created.errors.join('; ')}`);
          for (const page of pages) {
            const content = readFileSync(page.file, 'utf8');
            if (!content.includes('data-pagefind-body'))
              throw new Error(`${page.path} has no data-pagefind-body (Base.astro marks <main> of searchable pages)`);
            const added = await created.index.addHTMLFile({ url: page.path, content });
            if (added.errors.length > 0) throw new Error(`${page.path}: ${added.errors.join('; ')}`);
          }
          const written = await created.index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(written.errors.join('; '));
          logger.info(`indexed ${pages.length} pages into ${written.outputPath}`);
        } catch (error) {
          throw new Error(`Search index: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
