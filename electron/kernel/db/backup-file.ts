/**
 * Copies of the database file, made so that no half copy ever carries a backup's name: the copy is
 * written under a temporary name in the backups folder, reopened on its own, switched to a single
 * file (journal_mode=DELETE), checked with quick_check, fsynced, and only then renamed. On any
 * failure the temporary file is removed and the error says what happened to the folder (full,
 * read-only, gone), found by the errno of the failing call or, when SQLite hides it, by a probe.
 *
 * The folder: `backups/<database name>/` beside the database; names `YYYYMMDD-HHMMSS-mmmZ-<kind>.sqlite`
 * sort by time. The kernel makes the pre-migration copy (openDatabase); everything else about
 * backups (manifests, rotation, restore) is the backup feature's.
 */
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, extname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { quickCheck } from './integrity';
import { removeStaleTemporaries } from '../files/atomic-write';

export const BACKUP_KINDS = ['daily', 'manual', 'pre-migration', 'pre-import', 'pre-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** `backups/<database name without extension>/` beside the database. */
export function backupFolderFor(dbPath: string): string {
  const base = basename(dbPath);
  const stem = extname(base) ? base.slice(0, -extname(base).length) : base;
  return join(dirname(dbPath), 'backups', stem || 'db');
}

const NAME = /^(\d{8})-(\d{6})-(\d{3})Z-([a-z-]+)\.sqlite$/u;

export function backupFileName(kind: BackupKind, at: Date): string {
  const iso = at.toISOString(); // 2026-11-30T14:12:00.123Z
  const stamp = `${iso.slice(0, 10).replace(/-/gu, '')}-${iso.slice(11, 19).replace(/:/gu, '')}-${iso.slice(20, 23)}Z`;
  return `${stamp}-${kind}.sqlite`;
}

export function parseBackupFileName(name: string): { kind: BackupKind; at: Date } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const kind = m[4] as BackupKind;
  if (!(BACKUP_KINDS as readonly string[]).includes(kind)) return null;
  const d = m[1]!;
  const t = m[2]!;
  const at = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${m[3]}Z`);
  return Number.isNaN(at.getTime()) ? null : { kind, at };
}

/** A free name for `kind` at `at` in `folder` (two copies in the same millisecond get later ones). */
export function freshBackupPath(folder: string, kind: BackupKind, at: Date): string {
  for (let ms = at.getTime(); ; ms += 1) {
    const path = join(folder, backupFileName(kind, new Date(ms)));
    if (!fs.existsSync(path)) return path;
  }
}

const TEMP = /^\..+\.[0-9a-f]{8}\.tmp$/u;

export function tempPathFor(finalPath: string): string {
  return join(dirname(finalPath), `.${basename(finalPath)}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Removes temporary copies left by a backup that was killed; returns their names. */
export function removeStaleTemps(folder: string): string[] {
  return removeStaleTemporaries(folder, TEMP);
}

/** The calls a test can make fail (a read-only or vanished folder where chmod cannot, as root). */
export interface BackupFileOps {
  mkdirSync(path: string): void;
  renameSync(from: string, to: string): void;
  /**
   * Writes `bytes` (at most 64 MiB) to a probe file and removes it: throws the folder's errno
   * (EROFS, ENOSPC, EFBIG, ENOENT…) when the copy that failed could not have fitted or been written.
   */
  probe(folder: string, bytes: number): void;
}

export const nodeBackupFileOps: BackupFileOps = {
  mkdirSync: (p) => void fs.mkdirSync(p, { recursive: true }),
  renameSync: (a, b) => fs.renameSync(a, b),
  probe(folder, bytes) {
    const p = join(folder, `.probe.${randomBytes(4).toString('hex')}.tmp`);
    const fd = fs.openSync(p, 'wx');
    try {
      const chunk = Buffer.alloc(1 << 20);
      for (let left = Math.min(Math.max(bytes, 4096), 64 << 20); left > 0; left -= chunk.length) {
        for (let at = 0, n = Math.min(left, chunk.length); at < n; ) at += fs.writeSync(fd, chunk, at, n - at);
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
      fs.rmSync(p, { force: true });
    }
  },
};

/** An errno (or SQLite code) as one of the four refusals a person can act on. */
export function folderError(err: unknown, folder: string, ops: BackupFileOps = nodeBackupFileOps, needBytes = 4096): AppError {
  if (err instanceof AppError && err.code.startsWith('BACKUP_')) return err;
  let code = (err as { code?: string } | null)?.code ?? '';
  if (!/^E[A-Z]+$/u.test(code)) {
    // SQLite says SQLITE_FULL, SQLITE_CANTOPEN or SQLITE_IOERR_*: ask the folder itself why.
    try {
      ops.probe(folder, needBytes);
    } catch (probeErr) {
      code = (probeErr as NodeJS.ErrnoException).code ?? code;
    }
    if (code === 'SQLITE_FULL') code = 'ENOSPC';
  }
  const details = { folder, errno: code || 'unknown' };
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return new AppError('BACKUP_DISK_FULL', `disk full: ${folder}`, details);
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new AppError('BACKUP_WRITE_PROTECTED', `cannot write: ${folder}`, details);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('BACKUP_FOLDER_MISSING', `no such folder: ${folder}`, details);
  return new AppError('BACKUP_WRITE_FAILED', `backup failed: ${err instanceof Error ? err.message : String(err)}`, details);
}

/**
 * Make a copy written at `temp` whole: a single file (no -wal), quick_check clean, on disk. Throws
 * BACKUP_WRITE_FAILED (with the problems) when the copy is not sound.
 */
export function sealCopy(temp: string, nativeBinding?: string): void {
  const copy = new Database(temp, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  let problems: string[];
  try {
    copy.pragma('journal_mode = DELETE');
    problems = quickCheck(copy);
  } finally {
    copy.close();
  }
  if (problems.length > 0) throw new AppError('BACKUP_WRITE_FAILED', 'the copy failed quick_check', { problems });
  const fd = fs.openSync(temp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Rename a sealed copy to its final name, then fsync the folder so the name survives a power cut. */
export function publish(temp: string, finalPath: string, ops: BackupFileOps = nodeBackupFileOps): void {
  ops.renameSync(temp, finalPath);
  try {
    const fd = fs.openSync(dirname(finalPath), 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // fsync of a directory is not possible everywhere (Windows); the rename itself is atomic
  }
}

function discard(temp: string): void {
  for (const p of [temp, `${temp}-journal`, `${temp}-wal`, `${temp}-shm`]) {
    try {
      fs.rmSync(p, { force: true });
    } catch {
      // never read as a backup: it has no backup's name
    }
  }
}

export interface CopyOptions {
  nativeBinding?: string;
  ops?: BackupFileOps;
  /** Tests: called between the backup API's steps (to pull the folder away mid-copy). */
  onStep?(): void;
}

/**
 * The online backup API (better-sqlite3 `db.backup`): a consistent copy of the live database while
 * the app goes on, in steps. Written to a temporary name, sealed, then renamed to `finalPath`.
 */
export async function onlineCopy(db: Db, finalPath: string, options: CopyOptions = {}): Promise<void> {
  const ops = options.ops ?? nodeBackupFileOps;
  const folder = dirname(finalPath);
  try {
    ops.mkdirSync(folder);
  } catch (err) {
    throw folderError(err, folder, ops);
  }
  const temp = tempPathFor(finalPath);
  try {
    await db.backup(temp, {
      progress: () => {
        options.onStep?.();
        return 256;
      },
    });
    sealCopy(temp, options.nativeBinding);
    publish(temp, finalPath, ops);
  } catch (err) {
    discard(temp);
    throw folderError(err, folder, ops, sizeOf(db));
  }
}

function sizeOf(db: Db): number {
  try {
    return fs.statSync(db.name).size;
  } catch {
    return 4096;
  }
}

/**
 * A synchronous copy (`VACUUM INTO`: a consistent, compacted snapshot) for where nothing may wait:
 * opening the store before its migrations run, when no one else uses the database yet.
 */
export function snapshotCopy(db: Db, finalPath: string, options: Omit<CopyOptions, 'onStep'> = {}): void {
  const ops = options.ops ?? nodeBackupFileOps;
  const folder = dirname(finalPath);
  try {
    ops.mkdirSync(folder);
  } catch (err) {
    throw folderError(err, folder, ops);
  }
  const temp = tempPathFor(finalPath);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    sealCopy(temp, options.nativeBinding);
    publish(temp, finalPath, ops);
  } catch (err) {
    discard(temp);
    throw folderError(err, folder, ops, sizeOf(db));
  }
}
