/**
 * The one way the app writes a whole file in place: a temporary name beside the target, write,
 * fsync, rename. A crash, a full disk or a pulled USB stick never leaves a half-written file under
 * the real name. (Packages written to a user's folder also read the file back:
 * writeFileSafely in package-file.ts.) The file calls are injectable so a test can fail one.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { FileOps } from './package-file';
import { nodeFileOps } from './package-file';

export interface AtomicWriteOptions {
  /** File mode of a new file; 0o600 for secrets (ignored on Windows, where the profile ACL applies). */
  mode?: number;
  /** Added to the FILE_WRITE_FAILED error (the file's name, say). */
  details?: Record<string, unknown>;
  ops?: Pick<FileOps, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'rmSync'>;
}

const CHUNK = 1 << 20;

export function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const ops = options.ops ?? nodeFileOps;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
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
    const reason = (err as NodeJS.ErrnoException).code ?? '';
    throw new AppError('FILE_WRITE_FAILED', `write failed (${reason || String(err)})`, { ...options.details, reason });
  }
}
