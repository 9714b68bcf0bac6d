/**
 * Turns an article copied from a web page into its parts, dropping the page's furniture (buttons,
 * "Related Articles" and the like). The words of the article itself are kept exactly as given:
 * notes are anchored to them, so no quote, dash or space inside a line is re-typed.
 */
export interface ArticleParts {
  /** Line above the headline, when the page had one. */
  kicker?: string;
  title: string;
  paragraphs: string[];
  /** The closing "(Reporting by …)" line, without its brackets. */
  credit?: string;
}

/** Lines that belong to the web page, not the article. Matched whole-line, ignoring case. */
export const pageFurnitureLines: readonly string[] = [
  'Related Articles',
  'Related',
  'Related Posts',
  'Related Stories',
  'Back to top button',
  'Back to top',
  'Share',
  'Share this',
  'Share this article',
  'Read more',
  'Advertisement',
  'Click here to subscribe',
  'Subscribe',
  'Print',
  'Email',
  'Tweet',
  'Comments',
];

/** Furniture that varies in its tail ("Follow us on X", "Sign up for our newsletter"), and cookie banners. */
export const pageFurniturePatterns: readonly RegExp[] = [
  /^follow us on\b/i,
  /^sign up for\b/i,
  /^share (?:on|via) \w+$/i,
  /^(?:read more|see also|related)\s*:/i,
  /^(?:this|our) (?:web)?site uses cookies\b/i,
  /^we use cookies\b/i,
  /^(?:accept|reject|allow|refuse) (?:all )?cookies$/i,
  /^(?:accept all|reject all|manage (?:cookies|preferences|cookie settings)|cookie (?:settings|preferences|policy))$/i,
];

/** Headings of a list of other articles' headlines; the headlines under them are furniture too. */
const relatedHeadings = new Set([
  'related articles',
  'related',
  'related posts',
  'related stories',
  'you may also like',
  'more stories',
]);

const furnitureSet = new Set(pageFurnitureLines.map((line) => line.toLowerCase()));

export function isPageFurniture(line: string): boolean {
  return furnitureSet.has(line.toLowerCase()) || pageFurniturePatterns.some((pattern) => pattern.test(line));
}

// String.prototype.trim already treats non-breaking spaces (U+00A0) as white space.
const creditLine = /^\((Reporting by [^()]+)\)$/i;

export function splitArticle(text: string): ArticleParts {
  const lines: string[] = [];
  // Under a "Related Articles" heading come other articles' headlines, which do not end like a sentence;
  // the first line that does (or a credit line) is the article again.
  let inRelatedList = false;
  for (const line of text.split(/\r\n|\r|\n/).map((l) => l.trim())) {
    if (line === '') continue;
    if (relatedHeadings.has(line.toLowerCase())) {
      inRelatedList = true;
      continue;
    }
    if (inRelatedList && looksLikeHeadline(line)) continue;
    inRelatedList = false;
    if (!isPageFurniture(line)) lines.push(line);
  }
  if (lines.length === 0) throw new Error('the article has no text once page furniture is removed');

  let credit: string | undefined;
  const last = creditLine.exec(lines[lines.length - 1]);
  if (last && lines.length > 1) {
    credit = last[1];
    lines.pop();
  }

  let kicker: string | undefined;
  if (lines.length > 2 && isKicker(lines[0]) && looksLikeHeadline(lines[1])) kicker = lines.shift();
  const title = lines.shift()!;
  return { ...(kicker ? { kicker } : {}), title, paragraphs: lines, ...(credit ? { credit } : {}) };
}

/** A kicker is a few words with no closing punctuation, e.g. "Second attack in days". */
function isKicker(line: string): boolean {
  return line.length <= 40 && line.split(/\s+/).length <= 6 && !/[.!?:;,"”]$/.test(line);
}

/** A headline is one short line that does not end like a sentence. */
function looksLikeHeadline(line: string): boolean {
  return line.length <= 120 && !/[.!?"”)]$/.test(line);
}
