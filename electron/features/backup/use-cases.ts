import type { BackupInfo, BackupState, EvidenceCheck, Recovery, RestoreResult } from '../../../shared/ipc/backup';
import { backupFolderFor } from '../../kernel/db/backup-file';
import { ANY_ROLE } from '../../kernel/policy';
import type { Destination } from '../../kernel/ports';
import { useCase } from '../../kernel/use-case';
import type { AppContext } from '../../kernel/use-case';
import { checkCopy, createBackup, fileChangedAt, listBackups } from './backups';
import { checkEvidence, lastEvidenceCheck } from './evidence-check';
import { recoverFromBackup, restoreBackup } from './restore';
import type { ExportAllResult } from './whole-data';
import { exportAll as exportAllService, importAll as importAllService } from './whole-data';

/** The newest backup that passes its checks (SHA-256, quick_check), for the recovery path. */
export function lastGoodBackup(app: AppContext, backups: BackupInfo[] = listBackups(app)): BackupInfo | null {
  for (const b of backups) {
    try {
      checkCopy(`${backupFolderFor(app.store.path)}/${b.name}`, b.manifest, app.store.nativeBinding);
      return b;
    } catch {
      // damaged: look further back
    }
  }
  return null;
}

function recovery(app: AppContext, backups: BackupInfo[]): Recovery | null {
  const damage = app.store.damage();
  if (!damage) return null;
  const times = [fileChangedAt(app.store.path), fileChangedAt(`${app.store.path}-wal`)].filter((t): t is string => t !== null).sort();
  return { problems: damage.problems, damagedChangedAt: times.at(-1) ?? null, lastGood: lastGoodBackup(app, backups) };
}

/** The backups folder, every backup with what it holds, the evidence check, and the recovery facts when damaged. */
export const backupState = useCase('backup.state', { recovery: true }, (app): BackupState => {
  const backups = listBackups(app);
  return { folder: backupFolderFor(app.store.path), recovery: recovery(app, backups), backups, evidence: lastEvidenceCheck(app) };
});

export const createManualBackup = useCase('backup.create', { roles: ANY_ROLE }, (app): Promise<BackupInfo> => createBackup(app, 'manual'));

/**
 * Replace the database with a backup, after a safety copy of the current state (`pre-restore`).
 * Allowed before set-up too: a reinstalled PC whose backups folder survived.
 */
export const restore = useCase('backup.restore', {}, (app, input: { name: string }): Promise<RestoreResult> => restoreBackup(app, input.name));

/** Recovery path: the damaged file kept aside, the backup in its place (a working store: a restore). */
export const recover = useCase('backup.recover', { recovery: true }, (app, input: { name: string }): Promise<RestoreResult> | RestoreResult =>
  app.store.damage() ? recoverFromBackup(app, input.name) : restoreBackup(app, input.name),
);

export const exportAll = useCase('backup.exportAll', { roles: ANY_ROLE }, async (app, input: { folder: Destination }): Promise<ExportAllResult | null> => {
  const folder = await input.folder();
  return folder === null ? null : exportAllService(app, folder);
});

/** Allowed before set-up (a new PC) and in recovery mode; refused over another unit's data. */
export const importAll = useCase('backup.importAll', { recovery: true }, (app, input: { file: string }): Promise<RestoreResult> => importAllService(app, input.file));

export const verifyEvidence = useCase('backup.checkEvidence', { roles: ANY_ROLE }, (app): Promise<EvidenceCheck> => checkEvidence(app));
