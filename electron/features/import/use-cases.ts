import { useCase } from '../../kernel/use-case';
import { requireIdentity } from '../setup/identity';
import { importPackages as importService, type ImportResult } from './import';
import type { Board } from '../../../shared/ipc/import';
import { statusBoard } from './status';

/**
 * Commune packages imported at the reviewing unit: files, or folders walked for `*.json`; one
 * verdict per file, in order. `dryRun`: the same verdicts, nothing written.
 */
export const importPackages = useCase('import.packages', { roles: ['reviewer'] }, (app, input: { paths: string[]; dryRun: boolean }): ImportResult[] => {
  const identity = requireIdentity(app.ctx);
  return importService(app.ctx, input.paths, { unitCode: identity.unitCode, provinceCode: identity.provinceCode || null }, { dryRun: input.dryRun });
});

/** The completeness board of a year: every roster commune, received or not, on time, flagged. */
export const importStatus = useCase('import.status', { roles: ['reviewer'] }, (app, input: { year: number }): Board => statusBoard(app.ctx, input.year));
