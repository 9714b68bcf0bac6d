import { previewImport, type ImportPreview } from './preview';
import { applyReplace, mergeImported } from './import';
import { createProgressCore, type ProgressCore, type ProgressStoreOptions, type SaveState } from '../store';
import { exportProgressText, parseProgressImport } from './progress-file';
import { decodeProgress } from '../decode';
import { uncommon } from '../uncommon';

// The whole progress store: the core every island uses (../store.ts) plus import and export, which only
// the progress page offers. Kept apart so a lesson page's store chunk holds none of the file handling.

export type { ProgressStoreOptions, SaveState } from '../store';

export type ImportMode = 'merge' | 'replace';
export type ImportCheck =
  { ok: true; preview: ImportPreview; exportedAt: number; notes?: string[] } | { ok: false; message: string };
export type ImportOutcome = { ok: true; preview: ImportPreview; saveState: SaveState } | { ok: false; message: string };

export interface ProgressTransfer {
  /** Checks a file and counts what importing it would do, changing nothing. */
  checkImport(text: string): ImportCheck;
  /** Imports a file, merging with or replacing the current progress; on refusal nothing changes. */
  importProgress(text: string, mode: ImportMode, now?: number): ImportOutcome;
  /** The current progress as the text of a progress file. */
  exportProgress(now?: number): string;
  /** Merges what is readable in a backup into the current progress (adds, never removes). */
  restoreBackup(key: string): ImportOutcome;
  /** The text of a backup, to download; null when it is gone. */
  backupText(key: string): string | null;
  /** Deletes a backup; false when it could not be. */
  deleteBackup(key: string): boolean;
}

export type ProgressStore = ProgressCore & ProgressTransfer;

/** Import and export for a store, through its `current` and `commit`. */
export function progressTransfer(core: ProgressCore): ProgressTransfer {
  return {
    checkImport(text) {
      const parsed = parseProgressImport(text, core.now());
      if (!parsed.ok) return parsed;
      const { exportedAt, notes = [] } = parsed;
      return { ok: true, preview: previewImport(core.current(), parsed.data), exportedAt, notes };
    },
    importProgress(text, mode, now = core.now()) {
      const parsed = parseProgressImport(text, now);
      if (!parsed.ok) return parsed;
      const before = core.current();
      const preview = previewImport(before, parsed.data);
      core.commit(mode === 'replace' ? applyReplace(before, parsed.data, now) : mergeImported(before, parsed.data));
      return { ok: true, preview, saveState: core.saveStatus.get().state };
    },
    exportProgress(now = core.now()) {
      return exportProgressText(core.current(), now);
    },
    restoreBackup(key) {
      const text = core.storage.backupText(key);
      if (text === null) return { ok: false, message: 'That copy is no longer in this browser. Nothing was changed.' };
      // The same reading as stored progress, so a damaged copy gives back every entry that can be read.
      const decoded = decodeProgress(text, uncommon.upgrade);
      if (decoded.readOnly) {
        return {
          ok: false,
          message:
            'That copy was saved by a newer version of this course, which this version cannot read in full. Download it to keep it. Nothing was changed.',
        };
      }
      const count = Object.keys(decoded.data.answers).length + Object.keys(decoded.data.lessons).length;
      if (count === 0) {
        return {
          ok: false,
          message: 'Nothing in that copy could be read, so there is nothing to restore. Nothing was changed.',
        };
      }
      const before = core.current();
      const preview = previewImport(before, decoded.data);
      core.commit(mergeImported(before, decoded.data), before);
      return { ok: true, preview, saveState: core.saveStatus.get().state };
    },
    backupText: (key) => core.storage.backupText(key),
    deleteBackup(key) {
      const deleted = core.storage.deleteBackup(key);
      core.refreshBackups();
      return deleted;
    },
  };
}

/** A whole store; `uncommon` defaults to the module itself, so no action waits for it. */
export function createProgressStore(
  options: Omit<ProgressStoreOptions, 'uncommon'> & Partial<Pick<ProgressStoreOptions, 'uncommon'>>,
): ProgressStore {
  const core = createProgressCore({ uncommon, ...options });
  return { ...core, ...progressTransfer(core) };
}
