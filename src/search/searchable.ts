/**
 * Which pages the search index covers, by URL path: lessons, the reports, background topics, the glossary and
 * the timeline. Index pages, the home page, the map, progress pages and the search page itself are left out:
 * they only repeat titles found on the pages they link to. Base.astro marks the <main> of these pages with
 * data-pagefind-body; Pagefind then indexes only those pages.
 */
const SEARCHABLE: readonly RegExp[] = [
  /^\/lessons\/[^/]+$/,
  /^\/reports\/[^/]+$/,
  /^\/background\/[^/]+$/,
  /^\/glossary$/,
  /^\/timeline$/,
];

export function isSearchable(pathname: string): boolean {
  const path = pathname.replace(/\/index\.html$/, '').replace(/\/+$/, '');
  return SEARCHABLE.some((pattern) => pattern.test(path));
}

/**
 * Parts of an indexed page that must not reach the index, whatever page they are on. Islands hold the quizzes,
 * whose feedback and explanations would give answers away in result excerpts (tests/build/search-index.test.ts
 * checks that none does); .quiz is the checkpoint around them (Quiz.astro), whose title and note only add noise.
 * The rest is navigation. Page-specific parts carry data-pagefind-ignore in their own markup.
 */
export const EXCLUDED_FROM_INDEX: readonly string[] = ['astro-island', '.quiz', 'noscript', '.breadcrumb', 'nav'];
