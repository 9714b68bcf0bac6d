import type { CourseManifest } from './course';
import type { StudentRow } from './results';

// The class table as CSV for a gradebook. Names come from students' files, so a cell that a spreadsheet would
// read as a formula (starting with = + - @, or a tab or carriage return that some programs strip first) is
// prefixed with an apostrophe, as OWASP recommends; every cell is quoted when it holds a quote, comma or line break.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** ISO 8601 in UTC, which every spreadsheet reads and which means the same wherever the file is opened. */
const isoTime = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** One row per student: name, class, handed in, then per lesson right first time (%) and mastered (yes/no). */
export function classTableCsv(manifest: CourseManifest, rows: readonly StudentRow[]): string {
  const lessons = manifest.lessons;
  const header = [
    'Name',
    'Class',
    'Handed in (UTC)',
    ...lessons.flatMap((l) => [`${l.title}: right first time (%)`, `${l.title}: mastered`]),
  ];
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) {
    const cells: (string | number)[] = [row.name, row.className, isoTime(row.handedInAt)];
    for (const lesson of lessons) {
      const cell = row.lessons[lesson.id];
      cells.push(cell && cell.total > 0 ? Math.round((100 * cell.rightFirstTime) / cell.total) : '');
      cells.push(cell?.mastered ? 'yes' : 'no');
    }
    lines.push(cells.map(csvCell).join(','));
  }
  // CRLF, as RFC 4180 has it; the byte-order mark makes Excel read names with accents as UTF-8.
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
