/**
 * Backups: a backup of a commune's database with its manifest (online backup API, sealed with
 * quick_check, fsync, rename; the manifest read from the copy), beside a plain file copy of the
 * same database with fsync as the baseline; and the quick_check every open now runs, beside the
 * open itself.
 */
import { closeSync, copyFileSync, fsyncSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createBackup } from '../../electron/features/backup/backups';
import { quickCheck } from '../../electron/kernel/db/integrity';
import { openDatabase } from '../../electron/kernel/db/open';
import { communeWithData } from '../helpers/backup';
import { ms, ratio, report, sample } from './harness';

export async function backupBench(): Promise<void> {
  const t = await communeWithData();
  try {
    t.runtime.db.pragma('wal_checkpoint(TRUNCATE)');
    const backup = await sample(() => createBackup(t.app, 'manual'), 20, 3);
    const copy = await sample(() => {
      const to = join(t.dir, 'plain-copy.sqlite');
      copyFileSync(t.file, to);
      const fd = openSync(to, 'r+');
      fsyncSync(fd);
      closeSync(fd);
      rmSync(to);
    }, 20, 3);
    report({ suite: 'backup', name: 'backup + manifest (p50)', figure: ms(backup.p50), baseline: `file copy + fsync ${ms(copy.p50)}`, ratio: ratio(backup.p50, copy.p50) });
    const check = await sample(() => quickCheck(t.runtime.db), 50);
    const open = await sample(() => openDatabase(t.file).close(), 20, 3);
    report({ suite: 'backup', name: 'quick_check at open (p50)', figure: ms(check.p50), baseline: `whole open incl. check ${ms(open.p50)}`, ratio: ratio(check.p50, open.p50) });
  } finally {
    t.cleanup();
  }
}
