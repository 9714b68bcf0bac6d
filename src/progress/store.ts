import { atom, type ReadableAtom } from 'nanostores';
import type { JsonValue, Progress } from './format';
import { emptyProgress } from './format';
import { applyAnswer, applyOpened, applyRead, applyReset, applyReveal, type GradeOutcome } from './record';
import {
  createProgressStorage,
  OLDER_KEY,
  PROGRESS_KEY,
  type BackupInfo,
  type LoadResult,
  type ProgressStorage,
  type SaveError,
  type StorageLike,
} from './storage';
import type { QuestionRef } from './summary';
import type { Uncommon } from './uncommon';

// The student's progress as nanostores atoms, saved to storage after every change. Each save reads what is
// stored, merges (so another tab's answers survive) and writes; other tabs' writes arrive as change events
// and are merged in the same way. The store starts on first use: a page without a quiz touches no storage.
// This is the part every island needs; import and export (only the progress page has them) are added on top
// by files/store-files.ts through `current` and `commit`, so lesson pages never download them.
//
// Merging and format upgrades (uncommon.ts) may come later than the store: a lesson page loads them only when
// something needs them (another tab wrote, an older format is stored). Until they are here, what needs them waits:
// the stored progress is not read or written over, and a change that would have to be merged is kept in memory,
// then merged and saved when they arrive. If they cannot be loaded, nothing is written and the status says so.

export type SaveState =
  'saved' | 'unsaved' | 'unavailable' | 'read-only' | 'recovered' | 'not-backed-up' | 'not-loaded';
export type { BackupInfo } from './storage';

export interface SaveStatus {
  state: SaveState;
  /** A sentence for the student; empty until the store has started. */
  message: string;
  /** localStorage key holding a copy of damaged or old-format progress (state 'recovered'). */
  backupKey?: string;
}

export const SAVE_MESSAGES: Readonly<Record<SaveState, string>> = {
  saved: 'Your progress is saved in this browser.',
  unsaved:
    'Your browser’s storage is full, so your latest answers are not saved yet. Export your progress to keep a copy, or free some space.',
  unavailable:
    'This browser is not letting the course save progress (private browsing or blocked storage). You can keep going, but your answers will be gone when you close the page: use Export to keep a copy.',
  // True after a rollback too: reloading gets the same older version, so it is not offered as the way out.
  'read-only':
    'Your progress in this browser was saved by a newer version of this course, which this version cannot change without losing what the newer one saved, so new answers here are not saved. Your progress page can export a copy, and then reset to start saving here again.',
  recovered:
    'Some of your saved progress was damaged. Everything readable was kept, and a copy of the damaged data was kept in this browser.',
  // Named for what is true: storage is full. (Not "a newer version": that is 'read-only'.)
  'not-backed-up':
    'Your saved progress must be copied aside before it can be repaired or updated (it is damaged or in an older format), and this browser’s storage is too full for the copy, so the course leaves it as it is and new answers are not saved. Free some space (your progress page can delete old saved copies), then reload.',
  // uncommon.ts did not load (offline, say): nothing stored was changed, and the next change tries again.
  'not-loaded':
    'Part of the course did not load (is the connection down?), so your saved progress could not be read or your latest answers saved. Nothing saved before was changed. Reload the page to try again.',
};

export interface ProgressStoreOptions {
  /** The Storage to use (localStorage in the browser); may throw or return nothing when storage is blocked. */
  getStorage: () => StorageLike | null | undefined;
  /** Subscribes to writes made by other tabs (the window's `storage` event); returns an unsubscribe. */
  subscribeToChanges?: (listener: (key: string | null, newValue: string | null) => void) => () => void;
  /** Clock used when an action is given no time. */
  now?: () => number;
  /** Rendering on the server: never start, keep the initial values. */
  server?: boolean;
  /** Called after an answer was saved (the browser asks for persistent storage then). */
  onAnswerSaved?: () => void;
  /** Merging and format upgrades (uncommon.ts): the module itself, or how to load it when first needed. */
  uncommon: Uncommon | (() => Promise<Uncommon>);
}

export interface ProgressCore {
  progress: ReadableAtom<Progress>;
  saveStatus: ReadableAtom<SaveStatus>;
  /** Copies of damaged, old-format or overwritten progress kept in this browser, newest first. */
  backups: ReadableAtom<BackupInfo[]>;
  /** The student has seen the notice about the backups there are now: stop showing it. */
  markBackupsSeen(): void;
  /** Lists the backups again (after one was deleted). */
  refreshBackups(): void;
  /** Records an answer; pass the lesson's current questions to keep its best score. */
  recordAnswer(
    lessonId: string,
    question: QuestionRef,
    response: JsonValue,
    result: GradeOutcome,
    now?: number,
    lessonQuestions?: readonly QuestionRef[],
  ): void;
  /** Records "Show answer" for a question already attempted (see applyReveal). */
  revealAnswer(lessonId: string, question: QuestionRef, now?: number): void;
  markOpened(lessonId: string, now?: number): void;
  markRead(lessonId: string, now?: number): void;
  /** Starts again with no progress. Returns the save state after: 'saved' when it was reset. */
  resetProgress(now?: number): SaveState;
  /** Resets over progress a newer version saved (read-only otherwise), after backing that up. */
  resetOverNewer(now?: number): SaveState;
  /** The storage itself, for the progress page's backup tools (files/). */
  storage: ProgressStorage;
  /** Re-reads storage and merges it in (e.g. when a page comes back from the back/forward cache). */
  refresh(): void;
  /** Stops listening to other tabs (tests, hot reload). */
  stop(): void;
  /** The progress now, starting the store first if it has not started. For actions built on top of the store. */
  current(): Progress;
  /** Merges `next` with what is stored, writes it, and updates both atoms. True when it was saved. Give `base`,
   * the progress `next` was made from, to skip the merge when storage still holds exactly that. */
  commit(next: Progress, base?: Progress): boolean;
  /** The clock actions use when given no time. */
  now(): number;
  /** Gives the store uncommon.ts outright (the progress page, which loads it anyway), so no action waits for it. */
  useUncommon(module: Uncommon): void;
}

const status = (state: SaveState, backupKey?: string): SaveStatus =>
  backupKey === undefined
    ? { state, message: SAVE_MESSAGES[state] }
    : { state, message: SAVE_MESSAGES[state], backupKey };

const stateForError: Record<SaveError, SaveState> = {
  quota: 'unsaved',
  unavailable: 'unavailable',
  'read-only': 'read-only',
  'not-backed-up': 'not-backed-up',
  pending: 'not-loaded',
};

/**
 * Runs `start` whenever a listener is added (start() itself runs once). Every subscription, and every get()
 * without one, goes through listen(): this is how nanostores' own onStart works, without its event machinery in
 * the bundle every island loads (onMount would add only an unmount delay and a stop hook, unused here).
 */
function startOnFirstListen<T>(store: Pick<ReadableAtom<T>, 'listen'>, start: () => void): void {
  const listen = store.listen;
  store.listen = (listener) => {
    start();
    return listen(listener);
  };
}

export function createProgressCore(options: ProgressStoreOptions): ProgressCore {
  const clock = options.now ?? Date.now;
  const load = options.uncommon;
  let uncommon = typeof load === 'function' ? undefined : load;
  let loading = false;
  const storage = createProgressStorage(options.getStorage, { now: clock, uncommon: () => uncommon });
  const progress = atom<Progress>(emptyProgress());
  const saveStatus = atom<SaveStatus>({ state: 'saved', message: '' });
  const backups = atom<BackupInfo[]>([]);
  let started = false;
  /** What is stored waited for uncommon.ts at start, so it has not been read yet. */
  let unread = false;
  /** A change is in memory only, waiting for uncommon.ts to be merged with what is stored. */
  let held = false;
  let unsubscribe: (() => void) | undefined;

  function start(): void {
    if (started || options.server) return;
    started = true;
    show(storage.load());
    unsubscribe = options.subscribeToChanges?.(onOtherTab);
  }

  function show(loaded: LoadResult): void {
    const state = loaded.status;
    if (state === 'pending') {
      unread = true;
      return needUncommon();
    }
    progress.set(loaded.data);
    saveStatus.set(
      state === 'ok' ? status('saved') : state === 'recovered' ? status('recovered', loaded.backupKey) : status(state),
    );
    backups.set(storage.backups());
  }

  /** Loads uncommon.ts, once at a time; then does what waited for it. */
  function needUncommon(): void {
    if (uncommon || loading || typeof load !== 'function') return;
    loading = true;
    load().then(
      (module) => {
        loading = false;
        uncommon = module;
        resume();
      },
      () => {
        loading = false;
        saveStatus.set(status('not-loaded'));
      },
    );
  }

  /** With uncommon.ts here: reads what is stored if that waited, and merges in and saves a change that waited. */
  function resume(): void {
    if (!unread) return catchUp();
    unread = false;
    const kept = progress.get();
    show(storage.load());
    if (held && uncommon) commit(uncommon.mergeProgress(progress.get(), kept), progress.get());
  }

  /** Merges in what is stored now; writes back what storage lacks (see onOtherTab). */
  function catchUp(): void {
    if (unread) return needUncommon();
    const stored = storage.read();
    if (stored.status === 'unavailable' || (stored.data === progress.get() && !held)) return;
    if (!uncommon || stored.status === 'pending') return needUncommon();
    const merged = uncommon.mergeProgress(stored.data, progress.get());
    progress.set(merged);
    if (stored.status === 'read-only') return saveStatus.set(status('read-only'));
    if (!uncommon.sameProgress(stored.data, merged)) commit(merged, stored.data);
    else held = false;
  }

  // Two tabs that save within a few ms each read the other's older copy (a browser hands another tab's write to
  // this one a little later), so a write can lack an answer only this tab has. So on hearing a write, this tab
  // merges it in and writes back what it lacked; the other tab then finds nothing new and writes nothing, so
  // the two converge. A removed key (site data cleared) is left alone until this tab next saves.
  function onOtherTab(key: string | null, newValue: string | null): void {
    if ((key !== PROGRESS_KEY && key !== OLDER_KEY) || newValue === null) return;
    catchUp();
  }

  function commit(next: Progress, base?: Progress): boolean {
    // Read again right before writing, and merge, so nothing another tab saved is written over. When what is
    // stored is exactly what `next` was made from (this tab's last save), there is nothing to merge: a check
    // then costs the same with ten thousand unrelated stored answers as with none.
    const {
      stored,
      data: merged,
      saved,
    } = storage.update((stored) =>
      stored.status === 'unavailable' || stored.data === base ? next : uncommon?.mergeProgress(stored.data, next),
    );
    if (merged === undefined) {
      // The merge (or what is stored) needs uncommon.ts: keep the change in memory, save it once that is here.
      progress.set(next);
      held = true;
      needUncommon();
      return false;
    }
    held = false;
    progress.set(merged);
    if (stored.status === 'unavailable' || stored.status === 'read-only') {
      saveStatus.set(status(stored.status));
      return false;
    }
    if (!saved.ok) {
      saveStatus.set(status(stateForError[saved.error]));
      return false;
    }
    // The save backed up a damaged text first: list it, so the notice about it shows.
    if (stored.status === 'recovered') backups.set(storage.backups());
    // A recovery notice stays up for the rest of the visit: it matters more than "saved".
    if (saveStatus.get().state !== 'recovered') saveStatus.set(status('saved'));
    return true;
  }

  function current(): Progress {
    start();
    return progress.get();
  }

  startOnFirstListen(progress, start);
  startOnFirstListen(saveStatus, start);
  startOnFirstListen(backups, start);

  return {
    progress,
    saveStatus,
    current,
    commit,
    now: clock,
    useUncommon(module) {
      uncommon = module;
      if (unread || held) resume();
    },
    recordAnswer(lessonId, question, response, result, now = clock(), lessonQuestions) {
      const before = current();
      const next = applyAnswer(before, lessonId, question, response, result, now, lessonQuestions);
      if (commit(next, before)) options.onAnswerSaved?.();
    },
    revealAnswer(lessonId, question, now = clock()) {
      const before = current();
      const next = applyReveal(before, lessonId, question, now);
      if (next !== before) commit(next, before);
    },
    markOpened(lessonId, now = clock()) {
      const before = current();
      const next = applyOpened(before, lessonId, now);
      if (next !== before) commit(next, before);
    },
    markRead(lessonId, now = clock()) {
      const before = current();
      const next = applyRead(before, lessonId, now);
      if (next !== before) commit(next, before);
    },
    resetProgress(now = clock()) {
      commit(applyReset(current(), now));
      return saveStatus.get().state;
    },
    resetOverNewer(now = clock()) {
      const next = applyReset(current(), now);
      const saved = storage.overwriteNewer(next);
      backups.set(storage.backups());
      if (!saved.ok) {
        saveStatus.set(status(stateForError[saved.error]));
        return saveStatus.get().state;
      }
      progress.set(next);
      saveStatus.set(status('saved'));
      return 'saved';
    },
    backups,
    markBackupsSeen() {
      start();
      storage.markSeen(backups.get().map((backup) => backup.key));
      backups.set(storage.backups());
    },
    refreshBackups() {
      start();
      backups.set(storage.backups());
    },
    storage,
    refresh() {
      if (!started) return start();
      catchUp();
    },
    stop() {
      unsubscribe?.();
      unsubscribe = undefined;
    },
  };
}
