import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { tempDir } from '../../../test/helpers/context';
import { codeOf } from '../../../test/helpers/errors';
import { writeFileAtomic } from './atomic-write';
import type { FileOps } from './package-file';
import { nodeFileOps, writeFileSafely } from './package-file';
import { readUserFile } from './user-file';
import { readJsonFile, readUserText } from './user-files';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('writeFileSafely (a user\'s folder, through the atomic write)', () => {
  /** Half the bytes really reach the temporary file, then the disk fails with `errno`. */
  const halfThen = (errno: string): FileOps => {
    let calls = 0;
    return {
      ...nodeFileOps,
      writeSync: (fd, b, o, l) => {
        if (calls++ > 0) throw Object.assign(new Error(`${errno}: failed`), { code: errno });
        return nodeFileOps.writeSync(fd, b, o, Math.max(1, Math.floor(l / 2)));
      },
    };
  };
  const failingAt = (at: 'openSync' | 'fsyncSync' | 'renameSync', errno: string): FileOps => ({
    ...nodeFileOps,
    [at]: () => {
      throw Object.assign(new Error(`${errno}: failed`), { code: errno });
    },
  });

  for (const [what, ops, code, message] of [
    ['ENOSPC half-way through the bytes', halfThen('ENOSPC'), 'EXPORT_DISK_FULL', /^disk full: /u],
    ['EDQUOT half-way through the bytes', halfThen('EDQUOT'), 'EXPORT_DISK_FULL', /^disk full: /u],
    ['EROFS at open', failingAt('openSync', 'EROFS'), 'EXPORT_WRITE_PROTECTED', /^cannot write: /u],
    ['EIO at fsync', failingAt('fsyncSync', 'EIO'), 'EXPORT_WRITE_FAILED', /^write failed: /u],
    ['EPERM at rename', failingAt('renameSync', 'EPERM'), 'EXPORT_WRITE_PROTECTED', /^cannot write: /u],
  ] as const) {
    it(`${what}: ${code}, the old file intact and no temporary or partial file left`, () => {
      const path = join(dir, 'CCHC-2026-26734-r1.json');
      writeFileSync(path, 'the old file');
      let caught: unknown;
      try {
        writeFileSafely(dir, 'CCHC-2026-26734-r1.json', Buffer.from('x'.repeat(4096)), () => undefined, ops);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe(code);
      expect((caught as AppError).message).toMatch(message);
      expect((caught as AppError).details).toMatchObject({ folder: dir });
      expect(readdirSync(dir)).toEqual(['CCHC-2026-26734-r1.json']);
      expect(readFileSync(path, 'utf8')).toBe('the old file');
    });
  }

  it('writes the whole file under its name and returns its size', () => {
    const written = writeFileSafely(dir, 'CCHC-2026-26734-r1.json', Buffer.from('{"a":1}'), (back) => expect(back.toString('utf8')).toBe('{"a":1}'));
    expect(written).toEqual({ path: join(dir, 'CCHC-2026-26734-r1.json'), size: 7 });
    expect(readdirSync(dir)).toEqual(['CCHC-2026-26734-r1.json']);
  });
});

describe('writeFileAtomic', () => {
  it('writes the whole file, replacing an older one, with the mode asked for', () => {
    const path = join(dir, 'Bảng tổng hợp.pdf');
    writeFileSync(path, 'old');
    writeFileAtomic(path, 'new content');
    expect(readFileSync(path, 'utf8')).toBe('new content');
    writeFileAtomic(join(dir, 'key.json'), '{}', { mode: 0o600 });
    if (process.platform !== 'win32') expect(statSync(join(dir, 'key.json')).mode & 0o777).toBe(0o600);
  });

  it('on a failed write leaves the old file and no temporary one, and says why (FILE_WRITE_FAILED)', () => {
    const path = join(dir, 'a.xlsx');
    writeFileSync(path, 'old');
    const full: FileOps = {
      ...nodeFileOps,
      writeSync: () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    let caught: unknown;
    try {
      writeFileAtomic(path, Buffer.alloc(10), { ops: full, details: { name: 'a.xlsx' } });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('FILE_WRITE_FAILED');
    expect((caught as AppError).details).toEqual({ name: 'a.xlsx', reason: 'ENOSPC' });
    expect(readdirSync(dir)).toEqual(['a.xlsx']);
    expect(readFileSync(path, 'utf8')).toBe('old');
  });
});

describe('user files', () => {
  it('tells a missing file from one that is not JSON, and drops a byte-order mark', () => {
    expect(codeOf(() => readUserFile(join(dir, 'không có.json'), { kind: 'framework' }))).toBe('FILE_NOT_FOUND');
    expect(codeOf(() => readUserFile(dir, { kind: 'framework' }))).toBe('NOT_A_FILE');
    writeFileSync(join(dir, 'bom.json'), '\uFEFF{"a": 1}');
    expect(readUserText(join(dir, 'bom.json'), 'framework')).toBe('{"a": 1}');
    expect(readJsonFile(join(dir, 'bom.json'), 'framework')).toEqual({ a: 1 });
    writeFileSync(join(dir, 'cut.json'), '{"a": ');
    let details: unknown;
    try {
      readJsonFile(join(dir, 'cut.json'), 'framework');
    } catch (err) {
      details = (err as AppError).details;
    }
    expect(details).toMatchObject({ reason: 'NOT_JSON' });
  });
});
