/**
 * "Xuất / nhập toàn bộ dữ liệu": the whole installation (database + evidence) to one file, and
 * back, on this PC or another (whole-file.ts holds the container).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { RestoreResult } from '../../../shared/ipc/backup';
import { backupFolderFor } from '../../kernel/db/backup-file';
import type { AppContext } from '../../kernel/use-case';
import { blobPath, evidenceDir } from '../evidence/blob-store';
import { readIdentityRow } from '../setup/identity-repo';
import { evidenceBlobs } from './backup-repo';
import { createBackup, sha256File } from './backups';
import { prepareReplacement, swapIn } from './restore';
import type { WholeSource } from './whole-file';
import { placeEvidence, stageWholeFile, WHOLE_FILE_EXTENSION, writeWholeFile } from './whole-file';

function stamp(at: Date): string {
  return at.toISOString().slice(0, 19).replace(/[-:]/gu, '').replace('T', '-');
}

export interface ExportAllResult {
  path: string;
  size: number;
  /** Evidence files left out because they are missing or damaged on this PC. */
  skipped: string[];
}

/** A fresh copy of the database (kept as an on-demand backup) and every sound evidence file, in one file. */
export async function exportAll(app: AppContext, folder: string): Promise<ExportAllResult> {
  const copy = await createBackup(app, 'manual');
  const dbFile = join(backupFolderFor(app.store.path), copy.name);
  const sources: WholeSource[] = [{ path: 'database.sqlite', file: dbFile, size: copy.manifest.size, sha256: copy.manifest.sha256 }];
  const skipped: string[] = [];
  for (const b of evidenceBlobs(app.ctx.db)) {
    const file = blobPath(app.dataDir, b.sha256);
    const actual = existsSync(file) ? sha256File(file) : null;
    if (!actual || actual.sha256 !== b.sha256) {
      skipped.push(b.sha256);
      continue;
    }
    sources.push({ path: `evidence/${b.sha256}`, file, size: actual.size, sha256: b.sha256 });
  }
  const m = copy.manifest;
  const name = `CCHC-ALL-${m.unit?.code ?? 'chua-thiet-lap'}-${m.year ?? 'x'}-${stamp(app.ctx.clock.now())}.${WHOLE_FILE_EXTENSION}`;
  const written = writeWholeFile(folder, name, { format: 'chiso-all', version: 1, createdAt: app.ctx.clock.now().toISOString(), appVersion: app.appVersion, manifest: m }, sources);
  return { ...written, skipped };
}

/**
 * Replace this installation's data with a whole-data file's: refused (nothing changed) when the
 * file is foreign or damaged, or holds another unit than the one set up here. A working database
 * gets a safety copy first (`…-pre-restore`); a damaged one is kept aside.
 */
export async function importAll(app: AppContext, file: string): Promise<RestoreResult> {
  const staged = stageWholeFile(file, app.dataDir, app.store.nativeBinding);
  try {
    const damaged = app.store.damage() !== null;
    const current = damaged ? undefined : readIdentityRow(app.ctx.db);
    const incoming = staged.header.manifest;
    if (current && (current.unit_code !== incoming.unit?.code || current.role !== incoming.role)) {
      throw new AppError('BACKUP_OTHER_UNIT', `file of ${incoming.unit?.code ?? '?'}, this PC is ${current.unit_code}`, {
        file: incoming.unit?.code ?? null, here: current.unit_code,
      });
    }
    const safety = damaged ? null : await createBackup(app, 'pre-restore');
    const prepared = prepareReplacement(app, staged.database);
    placeEvidence(staged, evidenceDir(app.dataDir));
    const aside = swapIn(app, prepared, damaged);
    return { restored: file, keptAs: safety?.name ?? aside ?? '' };
  } finally {
    staged.discard();
  }
}
