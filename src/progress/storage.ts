import type { Progress } from './format';
import { emptyProgress } from './format';
import { decodeProgress, type DecodeResult } from './decode';
import type { Uncommon } from './uncommon';

// The only code that touches localStorage. The Storage object is injected (tests pass fakes). Nothing the
// student saved is ever written over unread: damaged or old-format text is first copied to a backup key, and
// text from a newer version of the course is never written over at all (unless the student says so, after
// a backup: overwriteNewer).
//
// Progress is kept under two keys. PROGRESS_KEY holds the document with its recent answers; OLDER_KEY, once
// there are many answers, holds the older ones (same format, same generation). A save writes only
// PROGRESS_KEY, so checking an answer costs the same with ten thousand old or unknown stored answers as with
// none; OLDER_KEY is rewritten only when PROGRESS_KEY grows past HOT_MAX answers. Reading merges the two, so
// an answer in both (moved, then answered again) comes out once, the newer way.
//
// Merging the two keys and upgrading an older format are in uncommon.ts, which the page's store loads only when
// a text needs it. Until it is here such a text reads as 'pending': nothing is read from it or written over it.

/** The part of the Web Storage API used here. `length` and `key` list backups; without them none are listed. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length?: number;
  key?(index: number): string | null;
}

export const PROGRESS_KEY = 'course-progress-v1';
export const OLDER_KEY = 'course-progress-v1-older';
export const BACKUP_KEY_PREFIX = 'course-progress-backup-';
/** Backup keys the student has been told about (the notice stays up until then). */
const SEEN_KEY = 'course-progress-backups-seen';
const PROBE_KEY = 'course-progress-probe';
/** PROGRESS_KEY holds at most this many answers; past it, all but the HOT_KEEP latest move to OLDER_KEY. */
export const HOT_MAX = 1000;
const HOT_KEEP = 200;
/** Answers moved to OLDER_KEY per step (see write()). */
const MOVE_STEP = 1500;

/** 'pending': what is stored needs uncommon.ts (see the top of this file), which is not loaded yet. */
export type LoadStatus = 'ok' | 'recovered' | 'read-only' | 'unavailable' | 'not-backed-up' | 'pending';

export interface LoadResult {
  data: Progress;
  status: LoadStatus;
  /** Plain-language notes from decoding (see DecodeResult.problems). */
  problems: string[];
  /** Where the damaged or old-format text was copied, when it was. */
  backupKey?: string;
}

/** 'not-backed-up': what is stored is damaged and no safety copy could be written, so it is not written over. */
export type SaveError = 'quota' | 'unavailable' | 'read-only' | 'not-backed-up' | 'pending';
export type SaveResult = { ok: true } | { ok: false; error: SaveError };

export interface BackupInfo {
  key: string;
  /** When it was made (from its key), or undefined for a key not made by this code. */
  savedAt: number | undefined;
  /** Size of the text in UTF-8 bytes, as a download of it would be. */
  bytes: number;
  /** The student has been told about it. */
  seen: boolean;
}

export interface ProgressStorage {
  /** Reads, checks and (when needed) backs up what is stored; after a backup, writes back what was readable. */
  load(): LoadResult;
  /** Reads and checks what is stored, writing nothing. */
  read(): LoadResult;
  /** Writes progress. A failed write leaves what was stored before as it was. */
  save(progress: Progress): SaveResult;
  /** Reads what is stored, makes the progress to write from it with `change`, and writes that, with no other
   * code in between: the read-merge-write of every save. `change` returns undefined to write nothing (it needs to
   * merge, and the merge is not loaded); `data` is then undefined, and so it is when what is stored is 'pending'. */
  update(change: (stored: LoadResult) => Progress | undefined): {
    stored: LoadResult;
    data: Progress | undefined;
    saved: SaveResult;
  };
  /** Writes progress over what a newer version of the course saved, after copying that to a backup. */
  overwriteNewer(progress: Progress): SaveResult;
  /** Every backup, newest first. */
  backups(): BackupInfo[];
  backupText(key: string): string | null;
  deleteBackup(key: string): boolean;
  /** Notes that the student has been told about these backups. */
  markSeen(keys: readonly string[]): void;
}

export interface ProgressStorageOptions {
  /** Clock for backup key names. */
  now?: () => number;
  /** uncommon.ts once it is loaded, undefined before (see the top of this file). */
  uncommon: () => Uncommon | undefined;
}

/** Browsers name a full storage differently; Firefox once used NS_ERROR_DOM_QUOTA_REACHED (code 1014). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/** Stored text of each answer and lesson entry, by object: entries are never changed in place (each change
 * makes a new object), so an entry unchanged since the last save is not serialised again. */
const entryText = new WeakMap<object, string>();

function textOf(entry: object): string {
  let text = entryText.get(entry);
  if (text === undefined) {
    text = JSON.stringify(entry);
    entryText.set(entry, text);
  }
  return text;
}

function recordText(record: Readonly<Record<string, object>>): string {
  const parts: string[] = [];
  for (const key of Object.keys(record)) parts.push(`${JSON.stringify(key)}:${textOf(record[key])}`);
  return `{${parts.join(',')}}`;
}

/** The same JSON as JSON.stringify(progress) (a unit test holds them together), built from cached entries. */
export function serializeProgress(progress: Progress): string {
  const { lessons, answers, ...rest } = progress;
  const head = JSON.stringify(rest).slice(0, -1);
  return `${head}${head.length > 1 ? ',' : ''}"lessons":${recordText(lessons)},"answers":${recordText(answers)}}`;
}

const BACKUP_TIME = /^course-progress-backup-(\d{1,16})(?:-\d+)?$/;

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

interface Stored {
  hot: string | null;
  older: string | null;
}

/**
 * @param getStorage returns the Storage to use; it may throw (a browser that blocks storage throws a
 * SecurityError on `window.localStorage`) or return nothing, and both mean storage is unavailable.
 */
export function createProgressStorage(
  getStorage: () => StorageLike | null | undefined,
  options: ProgressStorageOptions,
): ProgressStorage {
  const now = options.now ?? Date.now;
  /** Texts already copied aside during this page's life, so one damaged text gets one backup. */
  const backedUp = new Set<string>();
  const decoded = new Map<string, { raw: string | null; result: DecodeResult }>();
  /** The last reading of both keys, kept while neither text changes. */
  let reading: { stored: Stored; result: LoadResult; backupNeeded: boolean } | undefined;
  /** What OLDER_KEY holds, as last read or written: entries still the same object there are not written again. */
  let older: Progress = emptyProgress();
  /** Moving older answers aside failed for want of room: not tried again this visit. */
  let splitFailed = false;

  const unavailable = (): LoadResult => ({ data: emptyProgress(), status: 'unavailable', problems: [] });

  function access(): StorageLike | undefined {
    try {
      return getStorage() ?? undefined;
    } catch {
      return undefined;
    }
  }

  function decodeCached(key: string, raw: string | null): DecodeResult {
    const cached = decoded.get(key);
    if (cached && cached.raw === raw) return cached.result;
    // Future times are judged against the real clock (repair.ts); `now` only names backups.
    const result = decodeProgress(raw, options.uncommon()?.upgrade);
    // A pending text is decoded again once the upgrade steps are here.
    if (!result.pending) decoded.set(key, { raw, result });
    return result;
  }

  /** With `recentOnly`, OLDER_KEY is taken as last read: it changes only when a tab moves answers there, and
   * another tab doing so sends a storage event, on which the store reads both again (read()). A save thus
   * re-reads only the small key, not the large one. */
  function readStored(storage: StorageLike, recentOnly = false): Stored | undefined {
    try {
      const hot = storage.getItem(PROGRESS_KEY);
      return { hot, older: recentOnly && reading ? reading.stored.older : storage.getItem(OLDER_KEY) };
    } catch {
      return undefined;
    }
  }

  /** Copies `raw` to a new backup key, never over an existing one. Returns the key, or the error. */
  function writeBackup(storage: StorageLike, raw: string): { key: string } | { error: SaveError } {
    const base = `${BACKUP_KEY_PREFIX}${now()}`;
    try {
      for (let n = 0; n < 1000; n++) {
        const key = n === 0 ? base : `${base}-${n}`;
        if (storage.getItem(key) !== null) continue;
        storage.setItem(key, raw);
        backedUp.add(raw);
        return { key };
      }
      return { error: 'unavailable' };
    } catch (error) {
      return { error: isQuotaError(error) ? 'quota' : 'unavailable' };
    }
  }

  /** Backs up every stored text that needs it (or all of them, with `all`); the first key made, or the error. */
  function backUpStored(storage: StorageLike, stored: Stored, all = false): { key?: string } | { error: SaveError } {
    let first: string | undefined;
    for (const [key, raw] of [
      [PROGRESS_KEY, stored.hot],
      [OLDER_KEY, stored.older],
    ] as const) {
      if (raw === null || backedUp.has(raw)) continue;
      if (!all && !decodeCached(key, raw).rawBackupNeeded) continue;
      const backup = writeBackup(storage, raw);
      if ('error' in backup) return backup;
      first ??= backup.key;
    }
    return { key: first };
  }

  /** True when writes can work. A full storage still counts: saving will then report 'quota'. */
  function writable(storage: StorageLike): boolean {
    try {
      storage.setItem(PROBE_KEY, '1');
      storage.removeItem(PROBE_KEY);
      return true;
    } catch (error) {
      return isQuotaError(error);
    }
  }

  function readFrom(stored: Stored): LoadResult {
    if (reading && reading.stored.hot === stored.hot && reading.stored.older === stored.older) return reading.result;
    const merge = options.uncommon()?.mergeProgress;
    const hot = decodeCached(PROGRESS_KEY, stored.hot);
    const old = decodeCached(OLDER_KEY, stored.older);
    // Not remembered as `reading`: it is read again once uncommon.ts is here.
    if (hot.pending || old.pending || (stored.older !== null && !merge))
      return { data: emptyProgress(), status: 'pending', problems: [] };
    older = old.data;
    const data = merge && stored.older !== null ? merge(hot.data, old.data) : hot.data;
    const problems = [...hot.problems, ...old.problems];
    // An older format read without a problem is an upgrade, not damage: it is backed up (see load) but says 'ok'.
    const status: LoadStatus = hot.readOnly || old.readOnly ? 'read-only' : problems.length > 0 ? 'recovered' : 'ok';
    const backupNeeded = status !== 'read-only' && (hot.rawBackupNeeded || old.rawBackupNeeded);
    const result: LoadResult = { data, status, problems };
    reading = { stored, result, backupNeeded };
    return result;
  }

  function read(): LoadResult {
    const storage = access();
    const stored = storage && readStored(storage);
    if (!storage || !stored) return unavailable();
    return readFrom(stored);
  }

  function setItem(storage: StorageLike, key: string, text: string): SaveError | undefined {
    try {
      storage.setItem(key, text);
      return undefined;
    } catch (error) {
      return isQuotaError(error) ? 'quota' : 'unavailable';
    }
  }

  /** Writes `progress` across the two keys: the recent answers always, the older ones only when they move. */
  function write(storage: StorageLike, progress: Progress, stored: Stored): SaveResult {
    const recent: Progress['answers'] = {};
    let count = 0;
    let inOlder = 0;
    for (const key of Object.keys(progress.answers)) {
      const entry = progress.answers[key];
      if (Object.hasOwn(older.answers, key) && older.answers[key] === entry) {
        inOlder++;
        continue;
      }
      recent[key] = entry;
      count++;
    }
    let olderText = stored.older;
    if (count > HOT_MAX && !splitFailed) {
      // Too many recent answers: all but the latest HOT_KEEP move to OLDER_KEY, a step at a time. Each step
      // writes OLDER_KEY first, then shrinks PROGRESS_KEY, so storage never holds much more than one copy (a
      // full storage would refuse a second copy of megabytes), and a failure at any point leaves every answer
      // in one key or both (read back once), never in neither. If a step fails for want of room, what has
      // moved stays moved, the rest stays under PROGRESS_KEY, and no move is tried again this visit.
      const keys = Object.keys(progress.answers).sort(
        (x, y) => progress.answers[y].lastAt - progress.answers[x].lastAt,
      );
      const toMove = keys.slice(HOT_KEEP);
      // Start from what OLDER_KEY holds that is still current (an entry dropped by a reset must not come back).
      const moved: Progress['answers'] = {};
      for (const key of Object.keys(older.answers))
        if (progress.answers[key] === older.answers[key]) moved[key] = older.answers[key];
      const { resetAt, updatedAt, version } = progress;
      for (let from = 0; from < toMove.length && !splitFailed; from += MOVE_STEP) {
        for (const key of toMove.slice(from, from + MOVE_STEP)) moved[key] = progress.answers[key];
        const olderDoc: Progress = { version, updatedAt, lessons: {}, answers: { ...moved } };
        if (resetAt !== undefined) olderDoc.resetAt = resetAt;
        const text = serializeProgress(olderDoc);
        if (setItem(storage, OLDER_KEY, text)) {
          splitFailed = true;
          break;
        }
        olderText = text;
        older = olderDoc;
        decoded.set(OLDER_KEY, { raw: olderText, result: clean(olderDoc) });
        if (from + MOVE_STEP >= toMove.length) break;
        const rest: Progress['answers'] = {};
        for (const key of keys) if (!Object.hasOwn(moved, key)) rest[key] = progress.answers[key];
        if (setItem(storage, PROGRESS_KEY, serializeProgress({ ...progress, answers: rest }))) splitFailed = true;
      }
      for (const key of Object.keys(recent))
        if (Object.hasOwn(older.answers, key) && older.answers[key] === recent[key]) delete recent[key];
    } else if (inOlder === 0 && stored.older !== null) {
      // Nothing of OLDER_KEY is current any more (a reset or a replacing import): drop it.
      try {
        storage.removeItem(OLDER_KEY);
      } catch {
        // Harmless: its entries are from an earlier generation, so reading leaves them out.
      }
      olderText = null;
      older = emptyProgress();
      decoded.delete(OLDER_KEY);
    }
    const hotDoc: Progress = { ...progress, answers: recent };
    const text = serializeProgress(hotDoc);
    const error = setItem(storage, PROGRESS_KEY, text);
    if (error) return { ok: false, error };
    // What was just written reads back as `progress` itself: the next read (right before the next write) finds
    // the same texts, skips decoding, and the store sees by identity that nothing changed.
    decoded.set(PROGRESS_KEY, { raw: text, result: clean(hotDoc) });
    reading = {
      stored: { hot: text, older: olderText },
      result: { data: progress, status: 'ok', problems: [] },
      backupNeeded: false,
    };
    return { ok: true };
  }

  function load(): LoadResult {
    const storage = access();
    const stored = storage && readStored(storage);
    if (!storage || !stored) return unavailable();
    const result = readFrom(stored);
    if (result.status === 'pending') return result;
    // Readable but not writable (some private modes): show what is there, say it cannot be saved.
    if (!writable(storage)) return { ...result, status: 'unavailable' };
    if (reading?.backupNeeded) {
      const backup = backUpStored(storage, stored);
      if ('error' in backup) {
        // Without a copy the damaged text must not be written over: leave it, and say why nothing is saved.
        return {
          ...result,
          status: 'not-backed-up',
          problems: [...result.problems, 'a safety copy could not be saved'],
        };
      }
      write(storage, result.data, stored);
      // A clean upgrade from an older format is routine: its safety copy is still listed on /progress/, but no
      // notice asks every student about it. Damage ('recovered') is announced until the student hides it.
      if (backup.key !== undefined && result.status === 'ok') markSeen([backup.key]);
      return backup.key === undefined ? result : { ...result, backupKey: backup.key };
    }
    // A copy saved before the split, or grown large: move its older answers aside now, once per visit at most.
    if (result.status === 'ok' && Object.keys(result.data.answers).length - Object.keys(older.answers).length > HOT_MAX)
      write(storage, result.data, stored);
    return result;
  }

  function update(change: (stored: LoadResult) => Progress | undefined): ReturnType<ProgressStorage['update']> {
    const storage = access();
    const stored = storage && readStored(storage, true);
    if (!storage || !stored) {
      const result = unavailable();
      return { stored: result, data: change(result), saved: { ok: false, error: 'unavailable' } };
    }
    const result = readFrom(stored);
    const data = result.status === 'pending' ? undefined : change(result);
    if (data === undefined) return { stored: result, data, saved: { ok: false, error: 'pending' } };
    if (result.status === 'read-only') return { stored: result, data, saved: { ok: false, error: 'read-only' } };
    const backup = backUpStored(storage, stored);
    if ('error' in backup) return { stored: result, data, saved: { ok: false, error: 'not-backed-up' } };
    return { stored: result, data, saved: write(storage, data, stored) };
  }

  function save(progress: Progress): SaveResult {
    return update(() => progress).saved;
  }

  function overwriteNewer(progress: Progress): SaveResult {
    const storage = access();
    const stored = storage && readStored(storage);
    if (!storage || !stored) return { ok: false, error: 'unavailable' };
    const backup = backUpStored(storage, stored, true);
    if ('error' in backup) return { ok: false, error: 'not-backed-up' };
    older = emptyProgress();
    return write(storage, progress, stored);
  }

  function backupKeys(storage: StorageLike): string[] {
    const keys: string[] = [];
    const length = storage.length ?? 0;
    for (let i = 0; i < length; i++) {
      const key = storage.key?.(i);
      if (key?.startsWith(BACKUP_KEY_PREFIX)) keys.push(key);
    }
    return keys;
  }

  function seenKeys(storage: StorageLike): Set<string> {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(SEEN_KEY) ?? '[]');
      return new Set(Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : []);
    } catch {
      return new Set();
    }
  }

  function backups(): BackupInfo[] {
    const storage = access();
    if (!storage) return [];
    try {
      const seen = seenKeys(storage);
      return backupKeys(storage)
        .map((key) => {
          const time = BACKUP_TIME.exec(key)?.[1];
          const savedAt = time === undefined ? undefined : Number(time);
          return { key, savedAt, bytes: utf8Bytes(storage.getItem(key) ?? ''), seen: seen.has(key) };
        })
        .sort((x, y) => (y.savedAt ?? 0) - (x.savedAt ?? 0) || (x.key < y.key ? 1 : -1));
    } catch {
      return [];
    }
  }

  function backupText(key: string): string | null {
    if (!key.startsWith(BACKUP_KEY_PREFIX)) return null;
    try {
      return access()?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  function deleteBackup(key: string): boolean {
    const storage = access();
    if (!storage || !key.startsWith(BACKUP_KEY_PREFIX)) return false;
    try {
      storage.removeItem(key);
      return storage.getItem(key) === null;
    } catch {
      return false;
    }
  }

  function markSeen(keys: readonly string[]): void {
    const storage = access();
    if (!storage) return;
    try {
      const present = new Set(backupKeys(storage));
      const seen = [...new Set([...seenKeys(storage), ...keys])].filter((key) => present.has(key));
      storage.setItem(SEEN_KEY, JSON.stringify(seen));
    } catch {
      // A full or blocked storage: the notice simply shows again next time.
    }
  }

  return { load, read, save, update, overwriteNewer, backups, backupText, deleteBackup, markSeen };
}

const clean = (data: Progress): DecodeResult => ({
  data,
  problems: [],
  dropped: 0,
  rawBackupNeeded: false,
  readOnly: false,
});
