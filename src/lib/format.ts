const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Month names, for every date the site spells out. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2024-04-22" → "Monday 22 April 2024". Computed in UTC so the day never shifts with the build machine's zone. */
export function formatDayLong(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${WEEKDAYS[date.getUTCDay()]} ${d} ${MONTHS[m - 1]} ${y}`;
}

/** "2024-04-22" → "22 April 2024". */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * A moment on the reader's own clock, in the course's one date style: "1 December 2026, 19:07" (24-hour, no
 * locale-dependent month names or AM/PM, so it reads like every other date on the site).
 */
export function formatDateTime(time: number | Date): string {
  const date = new Date(time);
  const hh = String(date.getHours()).padStart(2, '0');
  const mm = String(date.getMinutes()).padStart(2, '0');
  return `${formatLocalDay(date)}, ${hh}:${mm}`;
}

/** A day on the reader's own clock: "1 December 2026". */
export function formatLocalDay(time: number | Date): string {
  const date = new Date(time);
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

export function countWords(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu)?.length ?? 0), 0);
}

/** Minutes to read at a careful pace for news with unfamiliar names (about 200 words a minute). */
export function readingMinutes(words: number, wordsPerMinute = 200): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}

const NUMBER_WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** 3 → "three", 14 → "14": counts in running text, worked out from the content rather than written into a page. */
export function numberWord(count: number): string {
  return NUMBER_WORDS[count] ?? String(count);
}

/** "Three lessons", "One report": a counted noun opening a sentence. */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  const word = numberWord(count);
  return `${word[0].toUpperCase()}${word.slice(1)} ${count === 1 ? noun : plural}`;
}
