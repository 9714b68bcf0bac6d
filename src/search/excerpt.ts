/**
 * Pagefind's excerpts are HTML: the page text with its entities escaped, and the matched words wrapped in
 * <mark>…</mark>. The search page never hands that string to innerHTML. This turns it into runs of plain
 * text, each marked or not, which become text nodes (and <mark> elements) in the DOM. Anything that is not
 * exactly <mark> or </mark> stays text, so markup in an excerpt (escaped or not) can never become an element.
 */
export interface ExcerptRun {
  text: string;
  mark: boolean;
}

const MARK_TAG = /<(\/?)mark>/gi;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities Pagefind escapes (and numeric ones); an unknown entity or invalid code point stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name.toLowerCase()] ?? whole;
    const code = dec ? Number(dec) : Number.parseInt(hex ?? '', 16);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : whole;
  });
}

/** The excerpt as text runs, in order; adjacent runs never share a mark state and no run is empty. */
export function excerptRuns(excerpt: string): ExcerptRun[] {
  const runs: ExcerptRun[] = [];
  const push = (raw: string, mark: boolean) => {
    if (raw === '') return;
    const text = decodeEntities(raw);
    const last = runs.at(-1);
    if (last && last.mark === mark) last.text += text;
    else runs.push({ text, mark });
  };
  let marked = false;
  let from = 0;
  for (const tag of excerpt.matchAll(MARK_TAG)) {
    push(excerpt.slice(from, tag.index), marked);
    // A stray </mark> or a second <mark> changes nothing: marking is on or off, never nested.
    marked = tag[1] !== '/';
    from = tag.index + tag[0].length;
  }
  push(excerpt.slice(from), marked);
  return runs;
}
