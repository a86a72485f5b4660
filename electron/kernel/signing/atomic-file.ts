import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync, existsSync } from 'node:fs';
import { AppError } from '../../../shared/errors';

/**
 * Write to a temporary name beside the target, flush, then rename: a crash or a full disk never
 * leaves a half-written key file. `exclusive` refuses to replace an existing file. Mode 0600: the
 * file is only for the user running the app (ignored on Windows, where the profile ACL applies).
 */
export function writeFileAtomic(path: string, text: string, opts: { exclusive?: boolean } = {}): void {
  if (opts.exclusive && existsSync(path)) throw new AppError('KEY_EXISTS', 'Tệp đã tồn tại; không ghi đè.', { path });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, path);
}
