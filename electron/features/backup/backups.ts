/**
 * The backups folder of a database (`backups/<name>/` beside it): making a copy with its manifest,
 * listing what each copy holds without opening it as the live database, checking a copy before it
 * is used, rotating. A copy is `<stamp>-<kind>.sqlite`; its manifest `<stamp>-<kind>.json`.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { BackupInfo, BackupManifest } from '../../../shared/ipc/backup';
import type { BackupKind, BackupFileOps } from '../../kernel/db/backup-file';
import {
  BACKUP_KINDS, backupFolderFor, folderError, freshBackupPath, onlineCopy, parseBackupFileName, removeStaleTemps,
} from '../../kernel/db/backup-file';
import { quickCheckFile } from '../../kernel/db/integrity';
import { writeFileAtomic } from '../../kernel/files/atomic-write';
import { readOwnText } from '../../kernel/files/own-file';
import type { AppContext } from '../../kernel/use-case';
import { heldData } from './backup-repo';
import { backupsToKeep } from './rotation';

export const manifestPathOf = (backupPath: string): string => backupPath.replace(/\.sqlite$/u, '.json');

export function sha256File(path: string): { sha256: string; size: number } {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  let size = 0;
  try {
    for (let n: number; (n = readSync(fd, buf, 0, buf.length, null)) > 0; size += n) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), size };
}

/** The manifest of a copy, read from the copy itself (opened read-only, on its own). */
export function describeCopy(path: string, kind: BackupKind, createdAt: Date, appVersion: string, nativeBinding?: string): BackupManifest {
  const db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  let held;
  try {
    held = heldData(db);
  } finally {
    db.close();
  }
  const { sha256, size } = sha256File(path);
  return { format: 'chiso-backup', version: 1, kind, createdAt: createdAt.toISOString(), sha256, size, ...held, appVersion };
}

function readManifest(path: string): BackupManifest | null {
  try {
    const m = JSON.parse(readOwnText(manifestPathOf(path), 64 * 1024)) as BackupManifest;
    return m.format === 'chiso-backup' && m.version === 1 && typeof m.sha256 === 'string' ? m : null;
  } catch {
    return null;
  }
}

export interface BackupOptions {
  ops?: BackupFileOps;
  onStep?(): void;
}

/**
 * A copy of the live database (the online backup API) with its manifest, then the rotation.
 * Refused with BACKUP_DISK_FULL / BACKUP_WRITE_PROTECTED / BACKUP_FOLDER_MISSING / BACKUP_WRITE_FAILED;
 * nothing is left behind then (no temporary file, no copy without its manifest).
 */
export async function createBackup(app: AppContext, kind: BackupKind, options: BackupOptions = {}): Promise<BackupInfo> {
  const folder = backupFolderFor(app.store.path);
  removeStaleTemps(folder);
  const at = app.ctx.clock.now();
  const path = freshBackupPath(folder, kind, at);
  const nativeBinding = app.store.nativeBinding;
  await onlineCopy(app.ctx.db, path, { ...(nativeBinding ? { nativeBinding } : {}), ...(options.ops ? { ops: options.ops } : {}), ...(options.onStep ? { onStep: options.onStep } : {}) });
  let manifest: BackupManifest;
  try {
    manifest = describeCopy(path, kind, at, app.appVersion, nativeBinding);
    writeFileAtomic(manifestPathOf(path), `${JSON.stringify(manifest, null, 2)}\n`);
  } catch (err) {
    rmSync(path, { force: true });
    const cause = err instanceof AppError ? { code: (err.details?.['reason'] as string | undefined) ?? err.code } : err;
    throw folderError(cause, folder, options.ops);
  }
  rotate(folder);
  return { name: basename(path), manifest };
}

/** Every backup, newest first. A copy whose manifest is missing (killed in between) gets one now. */
export function listBackups(app: AppContext): BackupInfo[] {
  const folder = backupFolderFor(app.store.path);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    const path = join(folder, name);
    let manifest = readManifest(path);
    if (!manifest) {
      try {
        manifest = describeCopy(path, parsed.kind, parsed.at, app.appVersion, app.store.nativeBinding);
        writeFileAtomic(manifestPathOf(path), `${JSON.stringify(manifest, null, 2)}\n`);
      } catch {
        if (!manifest) continue; // not a readable database: never offered for a restore
      }
    }
    out.push({ name, manifest });
  }
  return out.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

export function findBackup(app: AppContext, name: string): { info: BackupInfo; path: string } {
  const info = listBackups(app).find((b) => b.name === name);
  if (!info) throw new AppError('BACKUP_NOT_FOUND', `no backup ${name}`, { name });
  return { info, path: join(backupFolderFor(app.store.path), name) };
}

/** A copy is used only when its bytes are the ones its manifest names and quick_check passes. */
export function checkCopy(path: string, manifest: BackupManifest, nativeBinding?: string): void {
  let actual: string;
  try {
    actual = sha256File(path).sha256;
  } catch {
    throw new AppError('BACKUP_NOT_FOUND', `cannot read ${basename(path)}`, { name: basename(path) });
  }
  if (actual !== manifest.sha256) throw new AppError('BACKUP_DAMAGED', 'checksum mismatch', { name: basename(path) });
  const problems = quickCheckFile(path, nativeBinding);
  if (problems.length > 0) throw new AppError('BACKUP_DAMAGED', 'quick_check failed', { name: basename(path), problems });
}

/** Remove what the rotation does not keep (the copy and its manifest), and orphan manifests. */
export function rotate(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const dated = names.flatMap((name) => {
    const p = parseBackupFileName(name);
    return p ? [{ name, ...p }] : [];
  });
  const keep = backupsToKeep(dated);
  const removed: string[] = [];
  for (const b of dated) {
    if (keep.has(b.name)) continue;
    rmSync(join(folder, b.name), { force: true });
    rmSync(manifestPathOf(join(folder, b.name)), { force: true });
    removed.push(b.name);
  }
  const copies = new Set(dated.filter((b) => keep.has(b.name)).map((b) => b.name.replace(/\.sqlite$/u, '.json')));
  for (const name of names) {
    if (name.endsWith('.json') && parseBackupFileName(name.replace(/\.json$/u, '.sqlite')) && !copies.has(name)) rmSync(join(folder, name), { force: true });
  }
  return removed;
}

/** The newest scheduled copy (daily or on demand), for "is the daily one due". */
export function newestScheduled(app: AppContext): Date | null {
  let newest: Date | null = null;
  let names: string[];
  try {
    names = readdirSync(backupFolderFor(app.store.path));
  } catch {
    return null;
  }
  for (const name of names) {
    const p = parseBackupFileName(name);
    if (p && (p.kind === 'daily' || p.kind === 'manual') && (!newest || p.at > newest)) newest = p.at;
  }
  return newest;
}

export const DAY_MS = 86_400_000;

/** The daily copy, when the newest scheduled one is older than a day (or there is none). */
export async function dailyBackupIfDue(app: AppContext): Promise<BackupInfo | null> {
  const newest = newestScheduled(app);
  if (newest && app.ctx.clock.now().getTime() - newest.getTime() < DAY_MS) return null;
  return createBackup(app, 'daily');
}

export function fileChangedAt(path: string): string | null {
  try {
    return statSync(path).mtime.toISOString();
  } catch {
    return null;
  }
}

export { BACKUP_KINDS };
