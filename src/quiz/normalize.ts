// Typed answers are compared after normalising both sides, so that spelling conventions for Arabic names
// (Kata'ib / Kataib / Kata’ib, al-Asad / al Asad / alAsad) and capitals, accents or a final full stop
// never make a right answer wrong.

// Every apostrophe-like mark seen in transliterations. Removed before NFKD, which would turn ´ into a
// space plus a combining accent.
const APOSTROPHES = /['’‘ʼ`´ʻʹʾʿ′＇]/g;
const MARKS = /\p{M}/gu;
// Full stops go entirely so that "U.S." matches "US"; any other punctuation (dashes, quotes, commas,
// brackets) separates words.
const FULL_STOPS = /\./g;
const OTHER_PUNCTUATION = /[\p{P}\u2212]/gu;
const SPACES = /\s+/gu;

/** The canonical form of a typed answer: lower case, no accents or punctuation, single spaces, no leading "the". */
export function normalizeAnswer(input: string): string {
  return input
    .replace(APOSTROPHES, '')
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(FULL_STOPS, '')
    .replace(OTHER_PUNCTUATION, ' ')
    .replace(SPACES, ' ')
    .trim()
    .replace(/^the /, '');
}

/** True when a typed answer matches an accepted one, also ignoring where the spaces fall ("alasad" = "al asad"). */
export function answersMatch(typed: string, accepted: string): boolean {
  const a = normalizeAnswer(typed);
  const b = normalizeAnswer(accepted);
  if (a === '' || b === '') return false;
  return a === b || a.replaceAll(' ', '') === b.replaceAll(' ', '');
}
