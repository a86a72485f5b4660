import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic as writeAtomic } from '../files/atomic-write';

/**
 * The key file's write, through the app's one atomic write (kernel/files/atomic-write.ts): never
 * half-written, mode 0600 (the file is only for the user running the app). `exclusive` refuses to
 * replace an existing file.
 */
export function writeFileAtomic(path: string, text: string, opts: { exclusive?: boolean } = {}): void {
  if (opts.exclusive && existsSync(path)) throw new AppError('KEY_EXISTS', 'Tệp đã tồn tại; không ghi đè.', { path });
  writeAtomic(path, text, { mode: 0o600 });
}
