// Students type numbers the way they read them in the news: "2,500", "2 500", "about 900", "900 troops".
// Anything that is not plainly one number is refused with a message, never guessed at: "2.5k" or
// "900-1000" could mean several things, and a wrong guess would mark a student wrong for our parsing.

export type ParsedNumber = { ok: true; value: number } | { ok: false; error: string };

const HEDGES = /^(?:about|around|approximately|approx\.?|roughly|nearly|almost|some|circa|c\.|ca\.|~|≈)\s*/i;
// Thousands grouped by commas or by (thin, non-breaking) spaces, but one separator throughout.
const GROUPED = /^\d{1,3}(?:,\d{3})+$|^\d{1,3}(?: \d{3})+$/;
const DIGITS = /^\d+$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function stripUnit(text: string, unit: string | undefined): string {
  if (text.endsWith('%') && (unit === '%' || unit === 'percent')) return text.slice(0, -1).trim();
  if (!unit) return text;
  // "troops" also accepts "troop"; "km" also accepts "kms".
  const stem = escapeRegExp(unit.toLowerCase().replace(/s$/, ''));
  return text.replace(new RegExp(`\\s*${stem}s?$`, 'i'), '').trim();
}

/** Reads one number from a student's input; `unit`, if given, may follow it. */
export function parseNumber(input: string, unit?: string): ParsedNumber {
  let text = input
    .normalize('NFKC')
    .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
    .trim();
  if (text === '') return { ok: false, error: 'Type a number first.' };
  text = stripUnit(text.replace(/\.$/, '').replace(HEDGES, ''), unit);

  let sign = 1;
  if (/^[-−–]/.test(text)) sign = -1;
  text = text.replace(/^[-−–+]\s*/, '');

  const [whole = '', fraction, ...rest] = text.split('.');
  const wholeOk = DIGITS.test(whole) || GROUPED.test(whole) || (whole === '' && fraction !== undefined);
  const fractionOk = fraction === undefined || DIGITS.test(fraction);
  if (rest.length === 0 && wholeOk && fractionOk) {
    const value = sign * Number(`${whole.replace(/[, ]/g, '') || '0'}.${fraction ?? '0'}`);
    if (Number.isFinite(value)) return { ok: true, value };
  }
  if (/\d\s*(?:k|m|bn|thousand|million|billion)$/i.test(text)) {
    return { ok: false, error: `Write the number out in digits, e.g. 2500 rather than 2.5k.` };
  }
  if (/^\d{1,3},\d{1,2}$/.test(whole)) {
    return { ok: false, error: 'Use a point for decimals (1.5), and commas only between thousands (2,500).' };
  }
  return { ok: false, error: `"${input.trim()}" is not a number we can read. Type digits only, like 2500.` };
}
