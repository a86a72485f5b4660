/**
 * Reading a small file the app keeps for itself (its key file, a backup's manifest, its logs).
 * These sit in the app's own folders, but a person or a program can put anything there: a FIFO
 * would block a plain read for ever (at start-up), a huge file would be read whole. So the file is
 * opened without blocking, must be a regular file, and must be under the size given; otherwise
 * this throws a plain Error, which every caller already turns into its own refusal.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** O_NONBLOCK exists on POSIX only; on Windows a named pipe is not a path in the data folder. */
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export function readOwnFile(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, FLAGS);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error(`not a regular file: ${path}`);
    if (st.size > maxBytes) throw new Error(`larger than ${maxBytes} bytes: ${path}`);
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === buf.length ? buf : buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

export function readOwnText(path: string, maxBytes: number): string {
  return readOwnFile(path, maxBytes).toString('utf8');
}
