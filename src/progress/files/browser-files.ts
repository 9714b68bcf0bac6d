import { progressTransfer } from './store-files';
import { progressCore } from '../browser-store';

// Export and import for the page's progress store: the progress page imports these, lesson pages never do.

export type { ImportPreview } from './preview';
export { IMPORT_MAX_BYTES } from './progress-file';

export const { checkImport, importProgress, exportProgress, restoreBackup, backupText, deleteBackup } =
  progressTransfer(progressCore);
export const { resetOverNewer } = progressCore;
