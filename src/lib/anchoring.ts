/**
 * Finds a note's quote in a report, after the W3C Web Annotation TextQuoteSelector: `exact` must lie
 * inside one paragraph, `prefix` must be the text right before it and `suffix` the text right after.
 * When it is not found, a near match (differing only in case, quote marks, dashes or spacing) is
 * reported with a hint in words an author can act on.
 */
import type { TextQuote } from '../schemas/annotation';

export interface Anchor {
  /** 0-based index into the paragraphs. */
  paragraph: number;
  /** UTF-16 offsets in that paragraph string; `end` is exclusive. */
  start: number;
  end: number;
}

/**
 * On 'ambiguous', `matches` are every place the quote fits. On 'not-found', `matches` are the places it
 * nearly fits (the same words in other quote marks, or `exact` without its prefix/suffix), which `hint`
 * explains; empty when nothing comes close.
 */
export type AnchorResult =
  { ok: true; anchor: Anchor } | { ok: false; reason: 'not-found' | 'ambiguous'; matches: Anchor[]; hint?: string };

export function anchorQuote(rawParagraphs: readonly string[], rawQuote: TextQuote): AnchorResult {
  // Pasted text often carries non-breaking or other Unicode spaces that look like ordinary ones; an author
  // cannot see the difference, so any single space character matches any other. One character for one
  // keeps every offset valid in the original paragraph.
  const paragraphs = rawParagraphs.map(plainSpaces);
  const quote: TextQuote = {
    exact: plainSpaces(rawQuote.exact),
    ...(rawQuote.prefix !== undefined && { prefix: plainSpaces(rawQuote.prefix) }),
    ...(rawQuote.suffix !== undefined && { suffix: plainSpaces(rawQuote.suffix) }),
  };
  const occurrences = findExact(paragraphs, quote.exact);
  const fitting = occurrences.filter((a) => contextFits(paragraphs[a.paragraph], a, quote));
  if (fitting.length === 1) return { ok: true, anchor: fitting[0] };
  if (fitting.length > 1) {
    return {
      ok: false,
      reason: 'ambiguous',
      matches: fitting,
      hint: `it occurs ${fitting.length} times, in ${paragraphList(fitting)}; add a prefix or suffix to pick one`,
    };
  }
  if (occurrences.length > 0) {
    return {
      ok: false,
      reason: 'not-found',
      matches: occurrences,
      hint: contextHint(paragraphs, occurrences[0], quote),
    };
  }
  const near = findNear(paragraphs, quote.exact);
  if (near.length === 0) return { ok: false, reason: 'not-found', matches: [] };
  const differences = describeDifferences(paragraphs[near[0].paragraph], near[0], quote.exact);
  return {
    ok: false,
    reason: 'not-found',
    matches: near,
    hint: `nearly found in ${paragraphList(near)}, but ${differences.join('; and ')}`,
  };
}

const UNICODE_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

function plainSpaces(text: string): string {
  return text.replace(UNICODE_SPACES, ' ');
}

function findExact(paragraphs: readonly string[], exact: string): Anchor[] {
  const found: Anchor[] = [];
  paragraphs.forEach((text, paragraph) => {
    // Step one character at a time so overlapping occurrences ("aa" in "aaa") are all counted.
    for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
      found.push({ paragraph, start: at, end: at + exact.length });
    }
  });
  return found;
}

function contextFits(text: string, at: Anchor, quote: TextQuote): boolean {
  const { prefix, suffix } = quote;
  if (prefix !== undefined && text.slice(Math.max(0, at.start - prefix.length), at.start) !== prefix) return false;
  if (suffix !== undefined && text.slice(at.end, at.end + suffix.length) !== suffix) return false;
  return true;
}

function contextHint(paragraphs: readonly string[], at: Anchor, quote: TextQuote): string {
  const text = paragraphs[at.paragraph];
  const where = `the words occur in paragraph ${at.paragraph + 1}`;
  if (
    quote.prefix !== undefined &&
    text.slice(Math.max(0, at.start - quote.prefix.length), at.start) !== quote.prefix
  ) {
    const before = text.slice(Math.max(0, at.start - quote.prefix.length), at.start);
    return before === ''
      ? `${where} at its very start, so nothing comes before them: remove the prefix`
      : `${where}, but the text just before them is "${before}", not the prefix "${quote.prefix}"`;
  }
  const after = text.slice(at.end, at.end + (quote.suffix ?? '').length);
  return after === ''
    ? `${where} at its very end, so nothing comes after them: remove the suffix`
    : `${where}, but the text just after them is "${after}", not the suffix "${quote.suffix}"`;
}

/** A paragraph folded so near misses compare equal, remembering where each folded unit came from. */
interface Folded {
  text: string;
  from: number[];
  to: number[];
}

const QUOTE_FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '`': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
};
const DASHES = /[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d-]/u;

function fold(text: string): Folded {
  const folded: Folded = { text: '', from: [], to: [] };
  let index = 0;
  for (const char of text) {
    const next = index + char.length;
    if (/\s/u.test(char)) {
      // A run of white space folds to one space that covers the whole run.
      if (folded.text.endsWith(' ') && folded.to[folded.to.length - 1] === index) {
        folded.to[folded.to.length - 1] = next;
      } else push(folded, ' ', index, next);
    } else {
      push(folded, QUOTE_FOLD[char] ?? (DASHES.test(char) ? '-' : char.toLowerCase()), index, next);
    }
    index = next;
  }
  return folded;
}

function push(folded: Folded, units: string, from: number, to: number): void {
  folded.text += units;
  for (let i = 0; i < units.length; i++) {
    folded.from.push(from);
    folded.to.push(to);
  }
}

function findNear(paragraphs: readonly string[], exact: string): Anchor[] {
  const needle = fold(exact).text;
  if (needle.trim() === '') return [];
  const found: Anchor[] = [];
  paragraphs.forEach((text, paragraph) => {
    const folded = fold(text);
    for (let at = folded.text.indexOf(needle); at !== -1; at = folded.text.indexOf(needle, at + 1)) {
      found.push({ paragraph, start: folded.from[at], end: folded.to[at + needle.length - 1] });
    }
  });
  return found;
}

/** Says, unit by unit, how the report's text differs from the quote (they are equal once folded). */
function describeDifferences(paragraph: string, at: Anchor, exact: string): string[] {
  const inReport = fold(paragraph.slice(at.start, at.end));
  const inQuote = fold(exact);
  const said = new Set<string>();
  for (let i = 0; i < inReport.text.length && i < inQuote.text.length; i++) {
    const ours = paragraph.slice(at.start + inReport.from[i], at.start + inReport.to[i]);
    const theirs = exact.slice(inQuote.from[i], inQuote.to[i]);
    if (ours !== theirs) said.add(describeOne(ours, theirs, paragraph.slice(at.start, at.end)));
  }
  return [...said];
}

function describeOne(ours: string, theirs: string, reportWords: string): string {
  if (/^\s+$/u.test(ours)) return `the report has ${nameSpace(ours)} here where the quote has ${nameSpace(theirs)}`;
  if (ours in QUOTE_FOLD || ours === "'" || ours === '"') return `the report uses ${nameChar(ours)} here`;
  if (DASHES.test(ours)) return `the report uses ${nameChar(ours)} here`;
  return `the capital letters differ: the report has "${reportWords}"`;
}

const CHAR_NAMES: Record<string, string> = {
  "'": "a straight apostrophe (')",
  '"': 'a straight quote (")',
  '\u2019': 'a curly apostrophe (\u2019)',
  '\u2018': 'a curly opening single quote (\u2018)',
  '\u201c': 'a curly opening quote (\u201c)',
  '\u201d': 'a curly closing quote (\u201d)',
  '-': 'a hyphen (-)',
  '\u2010': 'a hyphen (\u2010)',
  '\u2011': 'a non-breaking hyphen (\u2011)',
  '\u2013': 'an en-dash (\u2013)',
  '\u2014': 'an em-dash (\u2014)',
  '\u2212': 'a minus sign (\u2212)',
};

function nameChar(char: string): string {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return CHAR_NAMES[char] ?? `"${char}" (${code})`;
}

function nameSpace(run: string): string {
  if (run === ' ') return 'a plain space';
  if (run === '\u00a0') return 'a non-breaking space';
  if (/^ +$/.test(run)) return `${run.length} spaces`;
  const names = [...run].map((c) =>
    c === ' '
      ? 'space'
      : c === '\u00a0'
        ? 'non-breaking space'
        : c === '\n'
          ? 'line break'
          : c === '\t'
            ? 'tab'
            : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return `white space (${names.join(' + ')})`;
}

/** "paragraph 3" or "paragraphs 3 and 7" (1-based, as authors count). */
export function paragraphList(anchors: readonly Anchor[]): string {
  const numbers = [...new Set(anchors.map((a) => a.paragraph + 1))];
  if (numbers.length === 1) return `paragraph ${numbers[0]}`;
  return `paragraphs ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}
