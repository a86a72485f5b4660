import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/context';
import { readOwnText } from './own-file';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('readOwnText', () => {
  it('reads a regular file under its limit', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const p = join(t.dir, 'key.json');
    writeFileSync(p, '{"kind":"x","ten":"Bình"}');
    expect(readOwnText(p, 1000)).toBe('{"kind":"x","ten":"Bình"}');
  });

  it('refuses a directory, a file over the limit and a missing file', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const d = join(t.dir, 'dir');
    mkdirSync(d);
    expect(() => readOwnText(d, 1000)).toThrow();
    const big = join(t.dir, 'big.json');
    writeFileSync(big, 'x'.repeat(2000));
    expect(() => readOwnText(big, 1000)).toThrow(/larger/u);
    expect(() => readOwnText(join(t.dir, 'none.json'), 1000)).toThrow();
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO without waiting for a writer', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const fifo = join(t.dir, 'key.json');
    execFileSync('mkfifo', [fifo]);
    // A plain readFileSync would block here for ever.
    expect(() => readOwnText(fifo, 1000)).toThrow(/regular/u);
  });
});
