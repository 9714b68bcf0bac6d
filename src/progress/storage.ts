import type { Progress } from './format';
import { emptyProgress } from './format';
import { decodeProgress, type DecodeResult } from './decode';

// The only code that touches localStorage. The Storage object is injected (tests pass fakes). Nothing the
// student saved is ever written over unread: damaged or old-format text is first copied to a backup key, and
// text from a newer version of the course is never written over at all.

/** The part of the Web Storage API used here. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const PROGRESS_KEY = 'course-progress-v1';
export const BACKUP_KEY_PREFIX = 'course-progress-backup-';
const PROBE_KEY = 'course-progress-probe';

export type LoadStatus = 'ok' | 'recovered' | 'read-only' | 'unavailable';

export interface LoadResult {
  data: Progress;
  status: LoadStatus;
  /** Plain-language notes from decoding (see DecodeResult.problems). */
  problems: string[];
  /** Where the damaged or old-format text was copied, when it was. */
  backupKey?: string;
}

export type SaveError = 'quota' | 'unavailable' | 'read-only';
export type SaveResult = { ok: true } | { ok: false; error: SaveError };

export interface ProgressStorage {
  /** Reads, checks and (when needed) backs up what is stored; after a backup, writes back what was readable. */
  load(): LoadResult;
  /** Reads and checks what is stored, writing nothing. */
  read(): LoadResult;
  /** Writes progress. A failed write leaves what was stored before as it was. */
  save(progress: Progress): SaveResult;
}

export interface ProgressStorageOptions {
  /** Clock for backup key names. */
  now?: () => number;
}

/** Browsers name a full storage differently; Firefox once used NS_ERROR_DOM_QUOTA_REACHED (code 1014). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/** Stored text of each answer and lesson entry, by object: entries are never changed in place (each change
 * makes a new object), so an entry unchanged since the last save is not serialised again. With thousands of
 * stored answers this keeps a save's cost to joining strings, not re-encoding every entry. */
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

/**
 * @param getStorage returns the Storage to use; it may throw (a browser that blocks storage throws a
 * SecurityError on `window.localStorage`) or return nothing, and both mean storage is unavailable.
 */
export function createProgressStorage(
  getStorage: () => StorageLike | null | undefined,
  options: ProgressStorageOptions = {},
): ProgressStorage {
  const now = options.now ?? Date.now;
  /** Texts already copied aside during this page's life, so one damaged text gets one backup. */
  const backedUp = new Set<string>();
  let lastRaw: string | null | undefined;
  let lastDecoded: DecodeResult | undefined;

  const unavailable = (): LoadResult => ({ data: emptyProgress(), status: 'unavailable', problems: [] });

  function access(): StorageLike | undefined {
    try {
      return getStorage() ?? undefined;
    } catch {
      return undefined;
    }
  }

  function decodeCached(raw: string | null): DecodeResult {
    if (lastDecoded === undefined || raw !== lastRaw) {
      lastRaw = raw;
      lastDecoded = decodeProgress(raw);
    }
    return lastDecoded;
  }

  /** Reads the stored text; undefined when storage cannot be read at all. */
  function readRaw(storage: StorageLike): { raw: string | null } | undefined {
    try {
      return { raw: storage.getItem(PROGRESS_KEY) };
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

  function read(): LoadResult {
    const storage = access();
    const stored = storage && readRaw(storage);
    if (!storage || !stored) return unavailable();
    const decoded = decodeCached(stored.raw);
    const status: LoadStatus = decoded.readOnly ? 'read-only' : decoded.rawBackupNeeded ? 'recovered' : 'ok';
    return { data: decoded.data, status, problems: decoded.problems };
  }

  function write(storage: StorageLike, progress: Progress): SaveResult {
    try {
      const text = serializeProgress(progress);
      storage.setItem(PROGRESS_KEY, text);
      // What was just written decodes to `progress` itself: the next read (right before the next write) finds
      // the same text and skips decoding it again, and the store sees by identity that nothing changed.
      lastRaw = text;
      lastDecoded = { data: progress, problems: [], dropped: 0, rawBackupNeeded: false, readOnly: false };
      return { ok: true };
    } catch (error) {
      return { ok: false, error: isQuotaError(error) ? 'quota' : 'unavailable' };
    }
  }

  function load(): LoadResult {
    const storage = access();
    const stored = storage && readRaw(storage);
    if (!storage || !stored) return unavailable();
    const result = read();
    // Readable but not writable (some private modes): show what is there, say it cannot be saved.
    if (!writable(storage)) return { ...result, status: 'unavailable' };
    if (result.status !== 'recovered' || stored.raw === null) return result;
    if (backedUp.has(stored.raw)) return result;
    const backup = writeBackup(storage, stored.raw);
    if ('error' in backup) {
      // Without a copy the damaged text must not be written over: treat it as read-only for now.
      return { ...result, status: 'read-only', problems: [...result.problems, 'a safety copy could not be saved'] };
    }
    write(storage, result.data);
    return { ...result, backupKey: backup.key };
  }

  function save(progress: Progress): SaveResult {
    const storage = access();
    const stored = storage && readRaw(storage);
    if (!storage || !stored) return { ok: false, error: 'unavailable' };
    const decoded = decodeCached(stored.raw);
    if (decoded.readOnly) return { ok: false, error: 'read-only' };
    if (decoded.rawBackupNeeded && stored.raw !== null && !backedUp.has(stored.raw)) {
      const backup = writeBackup(storage, stored.raw);
      if ('error' in backup) return { ok: false, error: backup.error };
    }
    return write(storage, progress);
  }

  return { load, read, save };
}
