/**
 * Paths that name something other than an ordinary file, as a hostile USB stick could hold them:
 * a FIFO nobody writes to (reading it the ordinary way blocks for ever) and symlinks to endless
 * devices. POSIX only.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';

export const SPECIAL_FILES_SUPPORTED = process.platform !== 'win32';

export function makeFifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

/** In `dir`: a FIFO, and symlinks to /dev/zero and /dev/urandom, each named `<stem>.<ext>`. */
export function specialFiles(dir: string, ext: string): string[] {
  const fifo = makeFifo(join(dir, `fifo.${ext}`));
  const zero = join(dir, `zero.${ext}`);
  symlinkSync('/dev/zero', zero);
  const random = join(dir, `urandom.${ext}`);
  symlinkSync('/dev/urandom', random);
  return [fifo, zero, random];
}
