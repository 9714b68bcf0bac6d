/**
 * What a built page is for, read from its URL path. The budgets and browser tests use this to hold each kind
 * of page to its own rules (e.g. reading pages ship no JavaScript). One place to update if a URL scheme changes.
 */
export type PageKind =
  | 'home'
  | 'reading'
  | 'background'
  | 'timeline'
  | 'glossary'
  | 'map'
  | 'not-found'
  | 'search'
  | 'lesson'
  | 'instructor'
  | 'results'
  | 'other';

const patterns: ReadonlyArray<readonly [PageKind, RegExp]> = [
  ['home', /^\/$/],
  ['reading', /^\/reports\/[^/]+\/$/],
  // Background topics: /background/<topic>/ or /topics/<topic>/ (and their index pages).
  ['background', /^\/(?:background|topics)\/(?:[^/]+\/)?$/],
  ['timeline', /^\/timeline\/$/],
  ['glossary', /^\/glossary\/$/],
  ['map', /^\/map\/$/],
  ['not-found', /(?:^|\/)404\.html$/],
  // The one page that ships a script without an island: it loads the search index on demand.
  ['search', /^\/search\/$/],
  // Lessons carry the quiz islands; instructor pages (guide, worksheets, answer keys) are print-ready prose.
  ['lesson', /^\/lessons\/[^/]+\/$/],
  // The instructor's results page reads hand-in files, so it is the one instructor page with an island.
  ['results', /^\/instructors\/results\/$/],
  ['instructor', /^\/instructors\/(?:.+\/)?$/],
];

export function pageKind(path: string): PageKind {
  for (const [kind, pattern] of patterns) if (pattern.test(path)) return kind;
  return 'other';
}

/** Kinds of page that are pure reading: they ship no JavaScript at all, neither at load nor on hydration. */
export const zeroJsKinds: ReadonlySet<PageKind> = new Set([
  'reading',
  'background',
  'timeline',
  'glossary',
  'map',
  'instructor',
]);
