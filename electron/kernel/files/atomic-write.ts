/**
 * The one way the app writes a whole file in place: a temporary name beside the target, write,
 * fsync, rename. A crash, a full disk or a pulled USB stick never leaves a half-written file under
 * the real name. Everything that writes a file goes through here: the store's files, the key file
 * (kernel/signing/key-vault.ts, mode 0600), and files written to a user's folder, which are also
 * read back (writeFileSafely in package-file.ts). The file calls are injectable so a test can fail one.
 */
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
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

export interface AtomicWriteOptions {
  /** File mode of a new file; 0o600 for secrets (ignored on Windows, where the profile ACL applies). */
  mode?: number;
  /** Added to the FILE_WRITE_FAILED error (the file's name, say). */
  details?: Record<string, unknown>;
  ops?: Pick<FileOps, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'rmSync'>;
  /** How the temporary name ends (`.tmp`); files in a user's folder use `.part` (cleanStaleTemps). */
  tempSuffix?: string;
  /** The error to throw for a failed write, from the underlying one; FILE_WRITE_FAILED when absent. */
  refusal?: (err: unknown) => Error;
}

const CHUNK = 1 << 20;

export function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const ops = options.ops ?? nodeFileOps;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}${options.tempSuffix ?? '.tmp'}`);
  let fd: number | null = null;
  try {
    fd = ops.openSync(temp, 'wx', options.mode ?? 0o644);
    for (let at = 0; at < bytes.length; ) at += ops.writeSync(fd, bytes, at, Math.min(CHUNK, bytes.length - at));
    ops.fsyncSync(fd);
    ops.closeSync(fd);
    fd = null;
    ops.renameSync(temp, path);
  } catch (err) {
    if (fd !== null) {
      try {
        ops.closeSync(fd);
      } catch {
        // already failing: the error below says what happened
      }
    }
    try {
      ops.rmSync(temp, { force: true });
    } catch {
      // the temporary name is never read as the file
    }
    if (options.refusal) throw options.refusal(err);
    const reason = (err as NodeJS.ErrnoException).code ?? '';
    throw new AppError('FILE_WRITE_FAILED', `write failed (${reason || String(err)})`, { ...options.details, reason });
  }
}

/**
 * Removes the temporary files a killed write left in `folder` (power cut, task manager): those
 * whose names match `temporary`, which a finished write never has. Returns their names. A file
 * that cannot be removed is harmless and left; a folder that cannot be read has none.
 */
export function removeStaleTemporaries(folder: string, temporary: RegExp, ops: Pick<FileOps, 'readdirSync' | 'rmSync'> = nodeFileOps): string[] {
  let names: string[];
  try {
    names = ops.readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!temporary.test(name)) continue;
    try {
      ops.rmSync(join(folder, name), { force: true });
      removed.push(name);
    } catch {
      // never read as a finished file: it has no final name
    }
  }
  return removed;
}
