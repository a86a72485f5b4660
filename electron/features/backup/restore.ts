/**
 * Putting a backup in the database's place. The backup is checked first (its SHA-256 and
 * quick_check); a copy of it is prepared beside the database (temporary name, fsync, quick_check);
 * then, for a restore, a safety copy of the current state is made (`…-pre-restore`), or, on the
 * recovery path, the damaged file (with its -wal/-shm) is kept aside under a `.damaged-<time>`
 * name. Only then is the live connection closed, the prepared copy renamed over the database and
 * the store opened again (checked and migrated). A failure before the rename changes nothing.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { BackupManifest, RestoreResult } from '../../../shared/ipc/backup';
import { folderError, tempPathFor } from '../../kernel/db/backup-file';
import { quickCheckFile } from '../../kernel/db/integrity';
import { LATEST_VERSION } from '../../kernel/db/migrations/index';
import type { AppContext } from '../../kernel/use-case';
import { checkCopy, createBackup, findBackup } from './backups';

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** A copy of `source` beside the database, sound and on disk, ready to be renamed over it. */
export function prepareReplacement(app: AppContext, source: string): string {
  const temp = tempPathFor(app.store.path);
  try {
    copyFileSync(source, temp);
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    rmSync(temp, { force: true });
    throw folderError(err, dirname(app.store.path));
  }
  const problems = quickCheckFile(temp, app.store.nativeBinding);
  if (problems.length > 0) {
    rmSync(temp, { force: true });
    throw new AppError('BACKUP_DAMAGED', 'the prepared copy failed quick_check', { problems });
  }
  return temp;
}

export function refuseNewer(manifest: Pick<BackupManifest, 'schemaVersion'>): void {
  if (manifest.schemaVersion > LATEST_VERSION) {
    throw new AppError('DB_NEWER_VERSION', `backup schema ${manifest.schemaVersion} is newer than this app (${LATEST_VERSION})`, { found: manifest.schemaVersion, supported: LATEST_VERSION });
  }
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/gu, '').replace(/\.\d+Z$/u, 'Z');
}

/**
 * Swap the prepared file in. `keepDamaged`: the current file (damaged) is renamed aside first and
 * its name returned; otherwise its leftovers are removed (the safety copy holds its content).
 */
export function swapIn(app: AppContext, prepared: string, keepDamaged: boolean): string | null {
  const live = app.store.path;
  let aside: string | null = null;
  try {
    app.store.reopen(() => {
      if (keepDamaged && existsSync(live)) {
        aside = join(dirname(live), `${basename(live)}.damaged-${stamp(app.ctx.clock.now())}`);
        renameSync(live, aside);
        for (const s of SIDE_FILES) if (existsSync(live + s)) renameSync(live + s, aside + s);
      } else {
        for (const s of SIDE_FILES) rmSync(live + s, { force: true });
      }
      renameSync(prepared, live);
    });
  } finally {
    rmSync(prepared, { force: true });
  }
  return aside;
}

/** Restore a backup over a working database, after a safety copy of its current state. */
export async function restoreBackup(app: AppContext, name: string): Promise<RestoreResult> {
  const { info, path } = findBackup(app, name);
  refuseNewer(info.manifest);
  checkCopy(path, info.manifest, app.store.nativeBinding);
  const safety = await createBackup(app, 'pre-restore');
  const prepared = prepareReplacement(app, path);
  swapIn(app, prepared, false);
  return { restored: name, keptAs: safety.name };
}

/** The recovery path: the damaged database is kept aside and the chosen backup takes its place. */
export function recoverFromBackup(app: AppContext, name: string): RestoreResult {
  const { info, path } = findBackup(app, name);
  refuseNewer(info.manifest);
  checkCopy(path, info.manifest, app.store.nativeBinding);
  const prepared = prepareReplacement(app, path);
  const aside = swapIn(app, prepared, true);
  return { restored: name, keptAs: aside ? basename(aside) : '' };
}
