import { progressTransfer } from './progress-store';
import { progressCore } from './store';

// Export and import for the page's progress store: the progress page imports these, lesson pages never do.

export type { ImportCounts, ImportPreview } from './diff';
export type { ImportCheck, ImportMode, ImportOutcome } from './progress-store';
export { IMPORT_MAX_BYTES } from './transfer';

export const { checkImport, importProgress, exportProgress } = progressTransfer(progressCore);
