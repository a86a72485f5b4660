import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '../../../shared/errors';

/** Write a user-chosen output file whole or not at all: temp file beside it, fsync, rename. */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeFileSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw new AppError('FILE_WRITE_FAILED', String(err), { reason: (err as NodeJS.ErrnoException).code ?? '' });
  }
}
