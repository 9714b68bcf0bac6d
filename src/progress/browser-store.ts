import { createProgressCore } from './store';
import { PROGRESS_KEY } from './storage';

// The page's one progress store, wired to this browser: localStorage, other tabs' `storage` events, the
// back/forward cache, and a request that the browser keep this site's storage. Islands import from here.
// Nothing runs until an island first reads a store or calls an action.
// Only what lesson pages need is here: import and export are in files/ (only the progress page loads them) and the
// review queue in review-queue.ts (the review page), so a lesson page's store chunk carries neither.

export type { JsonValue } from './format';
export type { AnswerState, QuestionRef } from './summary';
export { answerEntry, lessonEntry } from './format';
export { lessonSummary, nextDue, questionProgress } from './summary';
export { resumeView } from './resume';
export { BOX_COUNT } from './format';

const inBrowser = typeof window !== 'undefined' && typeof document !== 'undefined';

let askedToPersist = false;
/** Asks once per visit that the browser not evict the student's progress; harmless when refused. */
function askToPersist(): void {
  if (askedToPersist) return;
  askedToPersist = true;
  const storageManager = globalThis.navigator?.storage;
  if (!storageManager?.persisted || !storageManager.persist) return;
  storageManager
    .persisted()
    .then((persisted) => (persisted ? true : storageManager.persist()))
    .catch(() => undefined);
}

/** The store itself, for actions built on top of it (files/browser-files.ts); islands use the names below. */
export const progressCore = createProgressCore({
  server: !inBrowser,
  getStorage: () => window.localStorage,
  subscribeToChanges(listener) {
    const onStorage = (event: StorageEvent) => {
      if (event.key === PROGRESS_KEY) listener(event.key, event.newValue);
    };
    // A page restored from the back/forward cache missed the events sent while it was frozen.
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) progressCore.refresh();
    };
    window.addEventListener('storage', onStorage);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      window.removeEventListener('storage', onStorage);
      window.removeEventListener('pageshow', onPageShow);
    };
  },
  onAnswerSaved: askToPersist,
  // Fetched only when something needs it (see uncommon.ts): a lesson page's islands do not load it when they wake.
  uncommon: () => import('./uncommon').then((module) => module.uncommon),
});

export const {
  progress,
  saveStatus,
  backups,
  markBackupsSeen,
  recordAnswer,
  revealAnswer,
  markOpened,
  markRead,
  resetProgress,
} = progressCore;
