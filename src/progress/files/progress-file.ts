import type { Progress } from '../format';
import { isTime, PROGRESS_VERSION } from '../format';
import { readProgressDocument } from '../decode';
import { migrate } from '../migrate';
import { migrations } from '../migrations';
import { isPlainObject } from '../validate';
import { describeSize, findForbiddenKey, textBytes } from '../file-checks';
import { repairProgress } from '../repair';

// Progress files: what "Export progress" writes and what "Import progress" accepts. An import is checked
// completely before anything is changed; every refusal says what is wrong in words a student can act on.

/** Names a progress file whatever the course; the same code builds every course. */
export const EXPORT_KIND = 'course-progress';
/**
 * Files exported before the course's name moved to content/ were marked "<course>-course-progress"; they are
 * still accepted, by that shape, so no course's name has to stay in the code.
 */
const LEGACY_EXPORT_KIND = /^[a-z0-9-]+-course-progress$/;
export const IMPORT_MAX_BYTES = 512 * 1024;
export const IMPORT_MAX_ANSWERS = 5000;
export const IMPORT_MAX_LESSONS = 500;

export interface ProgressExport {
  kind: typeof EXPORT_KIND;
  exportedAt: number;
  version: number;
  data: Progress;
}

const isExportKind = (kind: unknown): boolean =>
  kind === EXPORT_KIND || (typeof kind === 'string' && LEGACY_EXPORT_KIND.test(kind));

export type ImportParse =
  | {
      ok: true;
      data: Progress;
      exportedAt: number;
      /** What was repaired on the way in (repair.ts), if anything. */ notes?: string[];
    }
  | { ok: false; message: string };

export function exportProgressText(progress: Progress, now: number): string {
  const file: ProgressExport = { kind: EXPORT_KIND, exportedAt: now, version: PROGRESS_VERSION, data: progress };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const NOTHING_CHANGED = 'Nothing was changed.';
const refuse = (reason: string): ImportParse => ({ ok: false, message: `${reason} ${NOTHING_CHANGED}` });

const WRONG_FILE =
  'This is not a progress file from this course. Choose a file saved with “Export progress” on this site.';

/**
 * Checks a progress file completely; returns the progress it holds or a message for the student. Never throws.
 * Times more than a day after `now` are moved back to it and impossible attempt counts lowered (with notes);
 * a response too big to show or not an answer at all refuses the file.
 */
export function parseProgressImport(text: unknown, now: number = Date.now()): ImportParse {
  if (typeof text !== 'string') return refuse('No file text was given to import.');
  const bytes = textBytes(text, IMPORT_MAX_BYTES);
  if (bytes > IMPORT_MAX_BYTES) {
    return refuse(
      `This file is ${describeSize(bytes)}, but a progress file can be at most ${IMPORT_MAX_BYTES / 1024} KB, ` +
        'so it cannot be a progress file from this course.',
    );
  }
  if (text.trim() === '') return refuse('This file is empty.');

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('This file could not be read: it is not a progress file, or it was damaged or cut short.');
  }
  const forbidden = findForbiddenKey(parsed);
  if (forbidden !== undefined) {
    return refuse(
      `This file contains a field named “${forbidden}”, which progress files never have, so it was not imported.`,
    );
  }
  if (!isPlainObject(parsed) || !isExportKind(parsed.kind)) return refuse(WRONG_FILE);

  const { version, exportedAt, data } = parsed;
  if (typeof version === 'number' && Number.isSafeInteger(version) && version > PROGRESS_VERSION) {
    return refuse(
      'This file was made by a newer version of the course. Reload this page to get the newest version, then import it again.',
    );
  }
  const damaged = (where: string) =>
    refuse(`This progress file has been changed or damaged: ${where} is not in the expected form.`);
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
    return damaged('its version number');
  if (!isTime(exportedAt)) return damaged('the time it was exported');
  if (!isPlainObject(data)) return damaged('the progress it holds');
  if (data.version !== version) return damaged('the version of the progress it holds');

  const answerCount = isPlainObject(data.answers) ? Object.keys(data.answers).length : 0;
  const lessonCount = isPlainObject(data.lessons) ? Object.keys(data.lessons).length : 0;
  if (answerCount > IMPORT_MAX_ANSWERS || lessonCount > IMPORT_MAX_LESSONS) {
    return refuse(
      `This file holds ${answerCount} answers and ${lessonCount} lessons, more than a progress file for this course ` +
        `can have (at most ${IMPORT_MAX_ANSWERS} answers and ${IMPORT_MAX_LESSONS} lessons).`,
    );
  }

  const migrated = migrate(data, version, migrations);
  if (!migrated.ok) return damaged('its version number');
  const reading = readProgressDocument(migrated.doc);
  if (reading.firstInvalid !== undefined) {
    const more = reading.dropped > 1 ? ` (${reading.dropped} entries have problems)` : '';
    return damaged(`${reading.firstInvalid}${more}`);
  }
  const repaired = repairProgress(reading.data, now);
  if (repaired.firstBadResponse !== undefined) {
    return refuse(
      `This progress file has been changed or damaged: ${repaired.firstBadResponse}, so it cannot be shown. ` +
        'Export the progress again from the browser it came from, or remove that answer from the file.',
    );
  }
  const { data: repairedData, notes } = repaired;
  return notes.length > 0
    ? { ok: true, data: repairedData, exportedAt, notes }
    : { ok: true, data: repairedData, exportedAt };
}
