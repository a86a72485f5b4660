import { useCase } from '../../kernel/use-case';
import { createBackup } from '../backup/backups';
import { requireIdentity } from '../setup/identity';
import { importPackages as importService, type ImportResult } from './import';
import type { Board } from '../../../shared/ipc/import';
import { statusBoard } from './status';

/**
 * Commune packages imported at the reviewing unit: files, or folders walked for `*.json`; one
 * verdict per file, in order. `dryRun`: the same verdicts, nothing written. A batch that writes
 * starts with a backup of the database (`…-pre-import`); without it the batch does not start.
 */
export const importPackages = useCase('import.packages', { roles: ['reviewer'] }, async (app, input: { paths: string[]; dryRun: boolean }): Promise<ImportResult[]> => {
  if (!input.dryRun) await createBackup(app, 'pre-import');
  const identity = requireIdentity(app.ctx);
  return importService(app.ctx, input.paths, { unitCode: identity.unitCode, provinceCode: identity.provinceCode || null }, { dryRun: input.dryRun });
});

/** The completeness board of a year: every roster commune, received or not, on time, flagged. */
export const importStatus = useCase('import.status', { roles: ['reviewer'] }, (app, input: { year: number }): Board => statusBoard(app.ctx, input.year));
