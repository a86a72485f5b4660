import { useCase } from '../../kernel/use-case';
import { createBackup } from '../backup/backups';
import { requireIdentity } from '../setup/identity';
import { importBatch, type BatchResult } from './batch';
import type { Board, ImportProgress } from '../../../shared/ipc/import';
import { statusBoard } from './status';
import { writeFileAtomic } from '../../kernel/files/atomic-write';
import type { Destination } from '../../kernel/ports';
import { importLogCsv, importLogRows, importLogXlsx } from './import-log';

/**
 * Commune packages imported at the reviewing unit: files, or folders walked for `*.json`; one
 * verdict per file, in order, the files examined by a worker pool (batch.ts). `dryRun`: the same
 * verdicts, nothing written. A batch that writes starts with a backup of the database
 * (`…-pre-import`); without it the batch does not start. `onProgress` after every file; `signal`
 * cancels: every file finished so far stays imported, the rest are left for another time.
 */
export const importPackages = useCase(
  'import.packages',
  { roles: ['reviewer'] },
  async (app, input: { paths: string[]; dryRun: boolean; signal?: AbortSignal; onProgress?: (p: ImportProgress) => void }): Promise<BatchResult> => {
    if (!input.dryRun) await createBackup(app, 'pre-import');
    const identity = requireIdentity(app.ctx);
    const batch = await importBatch(app.ctx, input.paths, { unitCode: identity.unitCode, provinceCode: identity.provinceCode || null }, {
      dryRun: input.dryRun, ...(input.signal ? { signal: input.signal } : {}), ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    });
    // Every verdict stands either way; the log says why a batch ran slower than it could.
    if (batch.notice) app.logWarn?.('import.pool', { notice: batch.notice, files: batch.total, dryRun: input.dryRun });
    return batch;
  },
);

/** Stop the check or import running (the handlers hold it); a policy for who may. */
export const cancelImport = useCase('import.cancel', { roles: ['reviewer'] }, () => true);

/** The completeness board of a year: every roster commune, received or not, on time, flagged. */
export const importStatus = useCase('import.status', { roles: ['reviewer'] }, (app, input: { year: number }): Board => statusBoard(app.ctx, input.year));

/** The import log (every file, verdict, code, commune, revision, who, when) written as xlsx or CSV where the person chose; null when cancelled. */
export const exportImportLog = useCase('import.log', { roles: ['reviewer'] }, async (app, input: { format: 'xlsx' | 'csv'; path: Destination }) => {
  const identity = requireIdentity(app.ctx);
  const rows = importLogRows(app.ctx);
  const bytes = input.format === 'xlsx' ? await importLogXlsx(rows) : importLogCsv(rows);
  const path = await input.path(`nhat-ky-nhap-ho-so-${identity.unitCode}.${input.format}`);
  if (path === null) return null;
  writeFileAtomic(path, bytes);
  return { path, rows: rows.length };
});

/** The import log's rows, oldest first (for the command line's text listing). */
export const exportLogRows = useCase('import.logRows', { roles: ['reviewer'] }, (app) => importLogRows(app.ctx));
