/**
 * Writing a package where the user chose (a folder, a USB stick) so that no half file ever
 * carries the final name: the kernel's atomic write (atomic-write.ts: temporary name in the same
 * folder → write → fsync → rename), then read back and verify. On any failure the temporary file
 * (and, after a failed read-back, the final one) is removed, and the error says in Vietnamese what
 * to do. The fs calls are injectable so tests can simulate a full or write-protected disk (root
 * ignores file modes, so chmod tests prove little).
 */
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { nodeFileOps, removeStaleTemporaries, writeFileAtomic, type FileOps } from './atomic-write';

export { nodeFileOps, type FileOps } from './atomic-write';

/** Temporary files are hidden, ASCII and end in .part: `.CCHC-2026-26734-r3.json.1a2b3c4d.part`. */
const TEMP = /^\.CCHC-[A-Za-z0-9.-]+\.[0-9a-f]{8}\.part$/u;

/** Removes temporary files left by an export that was killed (power cut, task manager). */
export function cleanStaleTemps(folder: string, ops: FileOps = nodeFileOps): string[] {
  return removeStaleTemporaries(folder, TEMP, ops);
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
  // Temporary name, write, fsync, rename: the kernel's one atomic write, refusing in the words
  // of writeError. A failure there leaves neither the temporary file nor a half file.
  writeFileAtomic(path, bytes, { ops, tempSuffix: '.part', refusal: (err) => writeError(err, folder) });
  try {
    check(ops.readFileSync(path));
    return { path, size: bytes.length };
  } catch (err) {
    // The read-back is not what was meant: the final file goes too.
    try {
      ops.rmSync(path, { force: true });
    } catch {
      // nothing more we can do; the message below still tells the user
    }
    throw writeError(err, folder);
  }
}
