/**
 * Turns an article copied from a web page into its parts, dropping the page's furniture: breadcrumbs, share and
 * follow buttons, bylines, datelines, reading times, photo captions and credits, tags, ads, newsletter prompts,
 * lists of other articles. The headline, a credit line (above or below the text) and the date are kept apart.
 * The words of the article itself are kept exactly as given: notes are anchored to them, so no quote, dash or
 * space inside a line is re-typed. Every line dropped is listed with the reason, for the instructor to check.
 */
export interface ArticleParts {
  /** Line above the headline, when the page had one. */
  kicker?: string;
  title: string;
  paragraphs: string[];
  /** The credit line ("Reporting by …", "By …"), without brackets. */
  credit?: string;
  /** The day the page says it was published, YYYY-MM-DD, when it gives one. */
  date?: string;
}

/** A line that was dropped, and why. */
export interface RemovedLine {
  line: string;
  why: string;
}

export interface SplitResult {
  parts: ArticleParts;
  removed: RemovedLine[];
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
  'Share this story',
  'Read more',
  'Advertisement',
  'Sponsored',
  'Story continues below advertisement',
  'Click here to subscribe',
  'Subscribe',
  'Print',
  'Email',
  'Tweet',
  'Comments',
  'Leave a comment',
  'Copy link',
  'Link copied',
  'Listen to this article',
  'Skip to content',
  'Menu',
  'Search',
];

/** Names of networks and messengers whose buttons come along with a copied page. */
const networks =
  '(?:facebook|x|x \\(twitter\\)|twitter|telegram|whatsapp|linkedin|reddit|instagram|youtube|tiktok|threads|bluesky|mastodon|pinterest|flipboard|messenger|viber|signal|email|e-mail|sms|google news|rss)';

/** Furniture that varies in its tail, each with the reason shown to the instructor. */
export const pageFurniturePatterns: readonly [pattern: RegExp, why: string][] = [
  [new RegExp(`^${networks}$`, 'i'), 'share button'],
  [
    new RegExp(`^(?:share|post|send|tweet)(?: this)?(?: article| story)? (?:on|via|to|with) ${networks}$`, 'i'),
    'share button',
  ],
  [
    new RegExp(`^(?:follow|join|find|like) us on ${networks}(?:\\s*(?:,|and|&)\\s*${networks})*[.!]?$`, 'i'),
    'follow prompt',
  ],
  [/^follow us\b.{0,60}$/i, 'follow prompt'],
  [/^(?:sign up|subscribe|register)\b.{0,80}$/i, 'newsletter prompt'],
  [/^.{0,60}\bnewsletters?\b.{0,60}$/i, 'newsletter prompt'],
  [/^get (?:the|our) .{0,60}\b(?:inbox|newsletter|email)s?\b.{0,20}$/i, 'newsletter prompt'],
  [
    /^(?:read more|see also|also read|read also|related|more on this story|more from .{1,40}|recommended)\s*:/i,
    'link to another article',
  ],
  [/^(?:this|our) (?:web)?site uses cookies\b/i, 'cookie banner'],
  [/^we use cookies\b/i, 'cookie banner'],
  [/^(?:accept|reject|allow|refuse) (?:all )?cookies$/i, 'cookie banner'],
  [
    /^(?:accept all|reject all|manage (?:cookies|preferences|cookie settings)|cookie (?:settings|preferences|policy))$/i,
    'cookie banner',
  ],
  [
    /^(?:reading time:?\s*)?(?:about\s+)?\d+\s*(?:-\s*\d+\s*)?(?:min|mins|minutes?)(?: read| to read)?\.?$/i,
    'reading time',
  ],
  [/^reading time\b.{0,30}$/i, 'reading time'],
  [/^(?:tags?|topics?|categories|category|filed under|keywords)\s*:/i, 'tags'],
  [
    /^(?:photo|image|picture|video|file photo|caption|credit|photograph|illustration)s?(?:\s*(?:credit|caption))?\s*[:©|]/i,
    'photo caption or credit',
  ],
  [/^\(?(?:photo|image|file photo|picture)\b[^.]{0,80}\)?$/i, 'photo caption or credit'],
  [/^.{0,200}\((?:photo|image|picture|file photo)s?\s*(?:by|:|credit)?[^()]{0,60}\)$/i, 'photo caption or credit'],
  [/^©/, 'photo caption or credit'],
  [
    /^(?:getty images|afp|reuters|ap|epa|anadolu)(?: photo| images)?(?:\s*\/\s*[^/]{1,40})?$/i,
    'photo caption or credit',
  ],
  [/^(?:home|news)\s*(?:[>›»|/]\s*[^>›»|/]{1,40}){1,6}$/i, 'breadcrumb'],
  [/^[^>›».!?]{1,30}(?:\s[>›»]\s[^>›».!?]{1,30}){1,6}$/, 'breadcrumb'],
  [/^\d+\s+comments?$/i, 'comment count'],
  [
    /^(?:most (?:read|popular|viewed)|trending(?: now)?|latest news|top stories|editor'?s picks)$/i,
    'list of other articles',
  ],
  [/^(?:advertisement|sponsored content|ad)\b.{0,30}$/i, 'advertisement'],
];

/** Headings of a list of other articles' headlines; the headlines under them are furniture too. */
const relatedHeadings = new Set([
  'related articles',
  'related',
  'related posts',
  'related stories',
  'related topics',
  'you may also like',
  'you might also like',
  'more stories',
  'more on this story',
  'most read',
  'most popular',
  'most viewed',
  'trending',
  'trending now',
  'latest news',
  'top stories',
  'recommended',
  'read next',
  'more from this section',
]);

const furnitureSet = new Set(pageFurnitureLines.map((line) => line.toLowerCase()));

/** Why a line is page furniture, or undefined when it may be the article's. */
export function furnitureReason(line: string): string | undefined {
  if (furnitureSet.has(line.toLowerCase().replace(/[.:!]$/, ''))) return 'page button or label';
  return pageFurniturePatterns.find(([pattern]) => pattern.test(line))?.[1];
}

export function isPageFurniture(line: string): boolean {
  return furnitureReason(line) !== undefined;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthName =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const weekday = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';

/** The date in a line, as YYYY-MM-DD, read the ways news pages write it. */
export function findDate(line: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(line);
  if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayMonth = new RegExp(`\\b${weekday}(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthName},?\\s+(\\d{4})\\b`, 'i').exec(
    line,
  );
  if (dayMonth) return day(Number(dayMonth[3]), monthNumber(dayMonth[2]), Number(dayMonth[1]));
  const monthDay = new RegExp(`\\b${weekday}${monthName}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i').exec(
    line,
  );
  if (monthDay) return day(Number(monthDay[3]), monthNumber(monthDay[1]), Number(monthDay[2]));
  // 23/04/2024 and 23.04.2024: day first, as outside the US; a first number over 12 settles it either way.
  const numeric = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/.exec(line);
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    return b > 12 ? day(Number(numeric[3]), a, b) : day(Number(numeric[3]), b, a);
  }
  return undefined;
}

function monthNumber(name: string): number {
  return months.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function day(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A line that only dates the page ("23 April 2024", "Published: Apr 23, 2024 10:34 GMT", "Updated 2 hours ago"):
 * short, with a date or a time in it, and few other words.
 */
function isDateline(line: string): boolean {
  if (line.length > 90 || /[.!?"”]$/.test(line.replace(/\b(?:a\.m|p\.m)\.$/i, ''))) {
    if (!/^(?:published|updated|posted|last updated|first published)\b/i.test(line)) return false;
  }
  const rest = line
    .replace(
      /\b(?:published|updated|posted|last updated|first published|on|at|by|admin|am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|est|edt|pst|ast|local time|ago|hours?|minutes?|mins?|days?|yesterday|today)\b/gi,
      '',
    )
    .replace(new RegExp(`${weekday}|${monthName}`, 'gi'), '')
    .replace(/[\d:/.,\-–|()+]+/g, '')
    .trim();
  const dated = findDate(line) !== undefined || /\b\d{1,2}[:.]\d{2}\b|\bago\b/i.test(line);
  return dated && rest.split(/\s+/).filter(Boolean).length <= 3;
}

// String.prototype.trim already treats non-breaking spaces (U+00A0) as white space.
const creditLine = /^\(((?:additional )?(?:reporting|reported|written|compiled|writing) by [^()]+)\)$/i;
const creditText = /^((?:additional )?(?:reporting|reported|written|compiled|writing) by .{2,120})$/i;
const byline =
  /^[Bb]y\s+(?:[A-Z][\p{L}'’.-]*\s*){1,4}(?:(?:,|and|&)\s*(?:[A-Z][\p{L}'’.-]*\s*){1,4})*(?:[,|–-]\s*[\p{L} ]{2,40})?$/u;
/** "(AFP)", "- Reuters": a wire agency's name alone, at the end. */
const wireCredit = /^[(\-–—]?\s*(AFP|Reuters|AP|Associated Press|Xinhua|Anadolu|dpa|EFE|ANSA)\s*\)?$/i;

export function splitArticle(text: string): ArticleParts {
  return splitArticleWithReport(text).parts;
}

export function splitArticleWithReport(text: string): SplitResult {
  const removed: RemovedLine[] = [];
  const lines: string[] = [];
  let date: string | undefined;
  let byCredit: string | undefined;
  // Under a "Related Articles" heading come other articles' headlines, which do not end like a sentence;
  // the first line that does (or a credit line) is the article again.
  let inRelatedList = false;
  for (const line of text.split(/\r\n|\r|\n/).map((l) => l.trim())) {
    if (line === '') continue;
    const drop = (why: string) => removed.push({ line, why });
    if (relatedHeadings.has(line.toLowerCase().replace(/:$/, ''))) {
      inRelatedList = true;
      drop('list of other articles');
      continue;
    }
    if (inRelatedList && looksLikeHeadline(line) && !creditLine.test(line)) {
      drop(furnitureReason(line) ?? 'list of other articles');
      continue;
    }
    inRelatedList = false;
    const why = furnitureReason(line);
    if (why) {
      drop(why);
      continue;
    }
    if (isDateline(line)) {
      date ??= findDate(line);
      drop('dateline');
      continue;
    }
    if (byline.test(line) && line.length <= 80) {
      byCredit ??= line;
      drop('byline (kept as the credit when the page gives no other)');
      continue;
    }
    lines.push(line);
  }
  if (lines.length === 0) throw new Error('the article has no text once page furniture is removed');

  let credit: string | undefined;
  const last = creditLine.exec(lines[lines.length - 1]) ?? wireCredit.exec(lines[lines.length - 1]);
  if (last && lines.length > 1) {
    credit = last[1];
    removed.push({ line: lines.pop()!, why: 'credit line' });
  }

  let kicker: string | undefined;
  if (lines.length > 2 && isKicker(lines[0]) && looksLikeHeadline(lines[1])) kicker = lines.shift();
  const title = lines.shift()!;
  // A credit line just under the headline, before the text ("Reporting by …" at the top of the page).
  if (!credit && lines.length > 1) {
    const top = creditLine.exec(lines[0]) ?? creditText.exec(lines[0]);
    if (top) {
      credit = top[1];
      removed.push({ line: lines.shift()!, why: 'credit line' });
    }
  }
  credit ??= byCredit;
  const parts: ArticleParts = {
    ...(kicker ? { kicker } : {}),
    title,
    paragraphs: lines,
    ...(credit ? { credit } : {}),
    ...(date ? { date } : {}),
  };
  return { parts, removed };
}

/** A kicker is a few words with no closing punctuation, e.g. "Second attack in days". */
function isKicker(line: string): boolean {
  return line.length <= 40 && line.split(/\s+/).length <= 6 && !/[.!?:;,"”]$/.test(line);
}

/** A headline is one short line that does not end like a sentence. */
function looksLikeHeadline(line: string): boolean {
  return line.length <= 120 && !/[.!?"”)]$/.test(line);
}
