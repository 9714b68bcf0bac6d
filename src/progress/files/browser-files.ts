import { progressTransfer } from './store-files';
import { progressCore } from '../browser-store';
import { uncommon } from '../uncommon';

// Export and import for the page's progress store: the progress page imports these, lesson pages never do.

export type { ImportPreview } from './preview';
export { IMPORT_MAX_BYTES } from './progress-file';

// The progress page loads merging anyway (imports merge), so its store never waits for uncommon.ts.
progressCore.useUncommon(uncommon);

export const { checkImport, importProgress, exportProgress, restoreBackup, backupText, deleteBackup } =
  progressTransfer(progressCore);
export const { resetOverNewer } = progressCore;
