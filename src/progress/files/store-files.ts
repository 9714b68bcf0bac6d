import { previewImport, type ImportPreview } from './preview';
import { applyReplace, mergeImported } from './import';
import { createProgressCore, type ProgressCore, type ProgressStoreOptions, type SaveState } from '../store';
import { exportProgressText, parseProgressImport } from './progress-file';

// The whole progress store: the core every island uses (../store.ts) plus import and export, which only
// the progress page offers. Kept apart so a lesson page's store chunk holds none of the file handling.

export type { ProgressStoreOptions, SaveState } from '../store';

export type ImportMode = 'merge' | 'replace';
export type ImportCheck = { ok: true; preview: ImportPreview; exportedAt: number } | { ok: false; message: string };
export type ImportOutcome = { ok: true; preview: ImportPreview; saveState: SaveState } | { ok: false; message: string };

export interface ProgressTransfer {
  /** Checks a file and counts what importing it would do, changing nothing. */
  checkImport(text: string): ImportCheck;
  /** Imports a file, merging with or replacing the current progress; on refusal nothing changes. */
  importProgress(text: string, mode: ImportMode, now?: number): ImportOutcome;
  /** The current progress as the text of a progress file. */
  exportProgress(now?: number): string;
}

export type ProgressStore = ProgressCore & ProgressTransfer;

/** Import and export for a store, through its `current` and `commit`. */
export function progressTransfer(core: ProgressCore): ProgressTransfer {
  return {
    checkImport(text) {
      const parsed = parseProgressImport(text);
      if (!parsed.ok) return parsed;
      return { ok: true, preview: previewImport(core.current(), parsed.data), exportedAt: parsed.exportedAt };
    },
    importProgress(text, mode, now = core.now()) {
      const parsed = parseProgressImport(text);
      if (!parsed.ok) return parsed;
      const before = core.current();
      const preview = previewImport(before, parsed.data);
      core.commit(mode === 'replace' ? applyReplace(before, parsed.data, now) : mergeImported(before, parsed.data));
      return { ok: true, preview, saveState: core.saveStatus.get().state };
    },
    exportProgress(now = core.now()) {
      return exportProgressText(core.current(), now);
    },
  };
}

export function createProgressStore(options: ProgressStoreOptions): ProgressStore {
  const core = createProgressCore(options);
  return { ...core, ...progressTransfer(core) };
}
