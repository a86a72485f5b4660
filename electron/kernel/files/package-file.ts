/**
 * Writing a package where the user chose (a folder, a USB stick) so that no half file ever
 * carries the final name: temporary name in the same folder → write → fsync → rename → read back
 * and verify. On any failure the temporary file (and, after a failed read-back, the final one) is
 * removed, and the error says in Vietnamese what to do. The fs calls are injectable so tests can
 * simulate a full or write-protected disk (root ignores file modes, so chmod tests prove little).
 */
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';

export interface FileOps {
  openSync(path: string, flags: string, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, opts: { force: boolean }): void;
  readFileSync(path: string): Buffer;
  readdirSync(path: string): string[];
}

export const nodeFileOps: FileOps = {
  openSync: (p, f, m) => fs.openSync(p, f, m),
  writeSync: (fd, b, o, l) => fs.writeSync(fd, b, o, l),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (a, b) => fs.renameSync(a, b),
  rmSync: (p, o) => fs.rmSync(p, o),
  readFileSync: (p) => fs.readFileSync(p),
  readdirSync: (p) => fs.readdirSync(p),
};

/** Temporary files are hidden, ASCII and end in .part: `.CCHC-2026-26734-r3.json.1a2b3c4d.part`. */
const TEMP = /^\.CCHC-[A-Za-z0-9.-]+\.[0-9a-f]{8}\.part$/u;
const CHUNK = 1 << 20;

/** Removes temporary files left by an export that was killed (power cut, task manager). */
export function cleanStaleTemps(folder: string, ops: FileOps = nodeFileOps): string[] {
  let names: string[];
  try {
    names = ops.readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!TEMP.test(name)) continue;
    try {
      ops.rmSync(join(folder, name), { force: true });
      removed.push(name);
    } catch {
      // a stale file we cannot remove is harmless: it never has the final name
    }
  }
  return removed;
}

/** A disk error as the person at the desk should read it. */
export function writeError(err: unknown, folder: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('EXPORT_DISK_FULL', `disk full: ${folder}`, { folder, errno: code });
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new AppError('EXPORT_WRITE_PROTECTED', `cannot write: ${folder}`, { folder, errno: code });
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('EXPORT_FOLDER_MISSING', `no such folder: ${folder}`, { folder, errno: code });
  return new AppError('EXPORT_WRITE_FAILED', `write failed: ${String(err)}`, { folder, errno: code || 'unknown' });
}

export interface WrittenFile {
  path: string;
  size: number;
}

/**
 * Writes `bytes` as `folder/fileName`. `check` runs on the bytes read back from the disk (after
 * the rename) and throws when they are not what was meant; the file is then removed.
 */
export function writeFileSafely(folder: string, fileName: string, bytes: Uint8Array, check: (readBack: Buffer) => void, ops: FileOps = nodeFileOps): WrittenFile {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$/u.test(fileName)) throw new AppError('INVALID_INPUT', `unsafe file name ${fileName}`);
  const path = join(folder, fileName);
  const tmp = join(folder, `.${fileName}.${randomBytes(4).toString('hex')}.part`);
  let fd: number | null = null;
  let renamed = false;
  try {
    fd = ops.openSync(tmp, 'wx', 0o644);
    for (let at = 0; at < bytes.length; ) at += ops.writeSync(fd, bytes, at, Math.min(CHUNK, bytes.length - at));
    ops.fsyncSync(fd);
    ops.closeSync(fd);
    fd = null;
    ops.renameSync(tmp, path);
    renamed = true;
    check(ops.readFileSync(path));
    return { path, size: bytes.length };
  } catch (err) {
    if (fd !== null) {
      try {
        ops.closeSync(fd);
      } catch {
        // already failing
      }
    }
    try {
      ops.rmSync(renamed ? path : tmp, { force: true });
    } catch {
      // nothing more we can do; the message below still tells the user
    }
    throw writeError(err, folder);
  }
}
