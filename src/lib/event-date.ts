import { isRealDay } from '../schemas/common';
import { MONTHS } from './format';

/** A point in time known to a day, a month or a year. */
export interface DatePoint {
  year: number;
  month?: number;
  day?: number;
}
export type Precision = 'day' | 'month' | 'year';
export interface EventDate {
  start: DatePoint;
  /** Present for ranges such as "2024-04-13/2024-04-14". */
  end?: DatePoint;
  precision: Precision;
}
export type ParseResult = ({ ok: true } & EventDate) | { ok: false; error: string };

function parsePoint(text: string): DatePoint | string {
  if (/^\d{4}$/.test(text)) return { year: Number(text) };
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const m = Number(month[2]);
    if (m < 1 || m > 12) return `"${text}" has no month ${m}`;
    return { year: Number(month[1]), month: m };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    if (!isRealDay(text)) return `"${text}" is not a real calendar date`;
    const [y, m, d] = text.split('-').map(Number);
    return { year: y, month: m, day: d };
  }
  return `"${text}" is not a date: write YYYY-MM-DD, YYYY-MM or YYYY`;
}

function precisionOf(p: DatePoint): Precision {
  return p.day !== undefined ? 'day' : p.month !== undefined ? 'month' : 'year';
}

/** Parses an ISO date, month, year or a range of them ("start/end"). */
export function parseEventDate(value: string): ParseResult {
  const parts = value.trim().split('/');
  if (parts.length > 2) return { ok: false, error: `"${value}" has more than one "/": a range is "start/end"` };
  const start = parsePoint(parts[0]);
  if (typeof start === 'string') return { ok: false, error: start };
  if (parts.length === 1) return { ok: true, start, precision: precisionOf(start) };
  const end = parsePoint(parts[1]);
  if (typeof end === 'string') return { ok: false, error: end };
  if (compareDatePoints(start, end) > 0) return { ok: false, error: `"${value}" ends before it starts` };
  return { ok: true, start, end, precision: precisionOf(start) };
}

/** Orders by year, then month, then day; a missing part counts as the earliest. */
export function compareDatePoints(a: DatePoint, b: DatePoint): number {
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}

/**
 * Orders two points only where the order is certain: "2003" against "2003-03-20" is a tie (the year
 * contains the day), so a stable sort leaves such events where the author listed them.
 */
export function compareCertainOrder(a: DatePoint, b: DatePoint): number {
  if (a.year !== b.year) return a.year - b.year;
  if (a.month === undefined || b.month === undefined) return 0;
  if (a.month !== b.month) return a.month - b.month;
  if (a.day === undefined || b.day === undefined) return 0;
  return a.day - b.day;
}

/** Sort key in days-ish units, for ordering and for placing events on a time axis. */
export function datePointValue(p: DatePoint): number {
  return Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1) / 86_400_000;
}

function formatPoint(p: DatePoint): string {
  if (p.day !== undefined) return `${p.day} ${MONTHS[p.month! - 1]} ${p.year}`;
  if (p.month !== undefined) return `${MONTHS[p.month - 1]} ${p.year}`;
  return String(p.year);
}

/** Human form: "20 March 2003", "October 2023", "13–14 April 2024", "2003–2007". */
export function formatEventDate(date: EventDate): string {
  const { start, end } = date;
  if (!end) return formatPoint(start);
  if (start.year === end.year && start.month === end.month && start.day !== undefined && end.day !== undefined) {
    return `${start.day}–${end.day} ${MONTHS[start.month! - 1]} ${start.year}`;
  }
  return `${formatPoint(start)} – ${formatPoint(end)}`.replace(/^(\d{4}) – (\d{4})$/, '$1–$2');
}

/** Machine-readable value for <time datetime>. */
export function isoOf(p: DatePoint): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (p.day !== undefined) return `${p.year}-${pad(p.month!)}-${pad(p.day)}`;
  if (p.month !== undefined) return `${p.year}-${pad(p.month)}`;
  return String(p.year);
}
