/** Pure helpers for the search page: what to say about a result set, and which result links are safe to follow. */

/** What the live region says once a search has finished. */
export function resultsMessage(count: number, query: string): string {
  const q = `“${query}”`;
  if (count === 0) return `No pages match ${q}. Try fewer words, or another spelling of a name.`;
  return `${count} ${count === 1 ? 'page matches' : 'pages match'} ${q}.`;
}

/**
 * A result's URL as a same-site path, or null. Pagefind builds these from file paths, so anything that is not
 * a plain path on this site (another origin, `javascript:`, a protocol-relative `//host`) is a bug to skip.
 */
export function resultHref(url: unknown): string | null {
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//') || url.includes('\\')) return null;
  try {
    const parsed = new URL(url, 'http://site.invalid');
    return parsed.origin === 'http://site.invalid' ? `${parsed.pathname}${parsed.search}${parsed.hash}` : null;
  } catch {
    return null;
  }
}

/** The query as the search page reads it from its address: ?q=, trimmed, spaces collapsed. */
export function queryFromSearch(search: string): string {
  return normaliseQuery(new URLSearchParams(search).get('q') ?? '');
}

export function normaliseQuery(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
