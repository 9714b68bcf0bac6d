import type { AnswerRecord, LessonProgress, Progress } from './format';
import { emptyProgress, isAnswerKey, isLessonId, isTime, PROGRESS_VERSION } from './format';
import type { Upgrade } from './migrate';
import { isPlainObject, parseAnswerRecord, parseLessonProgress } from './validate';
import { repairProgress } from './repair';

// Turns whatever is stored into progress the code can use, keeping every entry it can read. Never throws.

export interface DecodeResult {
  data: Progress;
  /** Plain-language notes on what could not be read; empty when everything was fine. */
  problems: string[];
  /** How many lesson or answer entries were unreadable and left out of `data`. */
  dropped: number;
  /** The stored text should be copied aside before anything is written over it. */
  rawBackupNeeded: boolean;
  /** Written by a newer version of the course: show it, never write over it. */
  readOnly: boolean;
  /** In an older format, and decoded without the steps to upgrade it: nothing was read, so nothing may be written
   * over it; decode it again with them. */
  pending?: true;
}

export interface DocumentReading {
  data: Progress;
  problems: string[];
  dropped: number;
  /** The first unreadable part in plain words, e.g. 'the answer "lesson-1/q-2"'. */
  firstInvalid?: string;
}

/** Reads a parsed document with the current format's rules, entry by entry. */
export function readProgressDocument(value: Record<string, unknown>): DocumentReading {
  const data = emptyProgress();
  const problems: string[] = [];
  let dropped = 0;
  let firstInvalid: string | undefined;
  const invalid = (where: string) => {
    dropped++;
    firstInvalid ??= where;
  };

  const readSection = <T>(
    name: 'lessons' | 'answers',
    isKey: (k: string) => boolean,
    parse: (v: unknown) => T | undefined,
  ) => {
    const section = value[name];
    const out: Record<string, T> = {};
    const noun = name === 'lessons' ? 'lesson' : 'answer';
    if (section === undefined) {
      problems.push(`the list of ${name} was missing`);
      firstInvalid ??= `the list of ${name} (missing)`;
      return out;
    }
    if (!isPlainObject(section)) {
      problems.push(`the list of ${name} was not readable`);
      invalid(`the list of ${name}`);
      return out;
    }
    let bad = 0;
    for (const key of Object.keys(section)) {
      const entry = isKey(key) ? parse(section[key]) : undefined;
      if (entry === undefined) {
        bad++;
        invalid(`the ${noun} ${JSON.stringify(key)}`);
      } else {
        out[key] = entry;
      }
    }
    if (bad > 0) problems.push(`${bad} saved ${noun} ${bad === 1 ? 'entry' : 'entries'} could not be read`);
    return out;
  };

  data.lessons = readSection<LessonProgress>('lessons', isLessonId, parseLessonProgress);
  data.answers = readSection<AnswerRecord>('answers', isAnswerKey, parseAnswerRecord);

  if (isTime(value.updatedAt)) {
    data.updatedAt = value.updatedAt;
  } else {
    problems.push('the time of the last save was missing or unreadable');
    firstInvalid ??= 'the time of the last save';
    data.updatedAt = Object.values(data.answers).reduce((latest, a) => Math.max(latest, a.lastAt), 0);
  }
  if (isTime(value.resetAt)) {
    data.resetAt = value.resetAt;
  } else if (value.resetAt !== undefined) {
    problems.push('the time of the last reset was unreadable');
    firstInvalid ??= 'the time of the last reset';
  }
  return { data, problems, dropped, firstInvalid };
}

/** The version a parsed document says it has, or undefined when it names none usable. */
function versionOf(value: Record<string, unknown>): number | undefined {
  const { version } = value;
  return typeof version === 'number' && Number.isSafeInteger(version) && version >= 1 ? version : undefined;
}

/**
 * Decodes stored text (null when nothing is stored). `upgrade` brings an older format up to date (the product's is
 * uncommon.upgrade); without it such a text comes back `pending`, unread: the page's store loads it only when a text
 * needs it. `now` is the time future times are judged against (repair.ts): times more than a day ahead are moved
 * back.
 */
export function decodeProgress(
  raw: string | null | undefined,
  upgrade?: Upgrade,
  currentVersion: number = PROGRESS_VERSION,
  now: number = Date.now(),
): DecodeResult {
  if (raw === null || raw === undefined) {
    return { data: emptyProgress(), problems: [], dropped: 0, rawBackupNeeded: false, readOnly: false };
  }
  const unreadable = (problem: string): DecodeResult => ({
    data: emptyProgress(),
    problems: [problem],
    dropped: 0,
    rawBackupNeeded: true,
    readOnly: false,
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return unreadable('saved progress is damaged (not valid JSON)');
  }
  if (!isPlainObject(parsed)) return unreadable('saved progress is damaged (not a progress record)');

  const version = versionOf(parsed);
  if (version !== undefined && version > currentVersion) {
    const reading = readProgressDocument(parsed);
    // Shown only, never written: still repaired, so nothing shown is too big to show.
    const repaired = repairProgress(reading.data, now);
    return {
      data: repaired.data,
      problems: [`saved by a newer version of the course (format ${version})`, ...reading.problems, ...repaired.notes],
      dropped: reading.dropped,
      rawBackupNeeded: false,
      readOnly: true,
    };
  }

  const notes: string[] = [];
  let document = parsed;
  if (version === undefined) {
    notes.push('saved progress did not say which format it is in; read it as the current one');
  } else if (version < currentVersion) {
    if (!upgrade)
      return { data: emptyProgress(), problems: [], dropped: 0, rawBackupNeeded: false, readOnly: true, pending: true };
    const migrated = upgrade(parsed, version, currentVersion);
    if (migrated.ok) document = migrated.doc;
    else notes.push(`${migrated.problem}; read what the current format understands`);
  }
  const reading = readProgressDocument(document);
  const repaired = repairProgress(reading.data, now);
  const problems = [...notes, ...reading.problems, ...repaired.notes];
  const migratedOrDamaged = problems.length > 0 || (version !== undefined && version < currentVersion);
  return {
    data: repaired.data,
    problems,
    dropped: reading.dropped,
    rawBackupNeeded: migratedOrDamaged,
    readOnly: false,
  };
}
