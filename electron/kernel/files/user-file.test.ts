import { chmodSync, closeSync, mkdirSync, openSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { tempDir } from '../../../test/helpers/context';
import { makeFifo } from '../../../test/helpers/special-files';
import { readUserFile, USER_FILE_LIMITS } from './user-file';

const posix = process.platform !== 'win32';
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('readUserFile: the bounded reader for files a person chose', () => {
  it('reads a regular file, and one behind a symlink', () => {
    const file = join(dir, 'goi.json');
    writeFileSync(file, '{"a":1}');
    expect(readUserFile(file, { kind: 'package' }).toString()).toBe('{"a":1}');
    const link = join(dir, 'link.json');
    symlinkSync(file, link);
    expect(readUserFile(link, { kind: 'package' }).toString()).toBe('{"a":1}');
    writeFileSync(join(dir, 'empty.json'), '');
    expect(readUserFile(join(dir, 'empty.json'), { kind: 'package' }).length).toBe(0);
  });
  it('a missing file is FILE_NOT_FOUND, naming the file', () => {
    const e = refusal(() => readUserFile(join(dir, 'khong-co.json'), { kind: 'package' }));
    expect(e.code).toBe('FILE_NOT_FOUND');
    expect(e.details).toMatchObject({ file: 'khong-co.json', issues: [{ path: 'khong-co.json', message: 'không tìm thấy tệp' }] });
  });
  it('a directory is NOT_A_FILE', () => {
    mkdirSync(join(dir, 'thu-muc'));
    expect(refusal(() => readUserFile(join(dir, 'thu-muc'), { kind: 'entries' })).code).toBe('NOT_A_FILE');
  });
  it.runIf(posix)('a FIFO with no writer is NOT_A_FILE, at once', () => {
    const e = refusal(() => readUserFile(makeFifo(join(dir, 'ong.json')), { kind: 'package' }));
    expect(e.code).toBe('NOT_A_FILE');
    expect(e.details?.['issues']).toEqual([{ path: 'ong.json', message: 'đường dẫn trỏ tới một ống dẫn (FIFO), không phải một tệp' }]);
  });
  it.runIf(posix)('a symlink to /dev/zero or /dev/urandom is NOT_A_FILE (a device), never read', () => {
    for (const device of ['/dev/zero', '/dev/urandom']) {
      const link = join(dir, `${device.slice(5)}.json`);
      symlinkSync(device, link);
      const e = refusal(() => readUserFile(link, { kind: 'package' }));
      expect(e.code, device).toBe('NOT_A_FILE');
      expect(e.message).toContain('thiết bị');
    }
  });
  it.runIf(posix)('a symlink loop is NOT_A_FILE', () => {
    symlinkSync(join(dir, 'b'), join(dir, 'a'));
    symlinkSync(join(dir, 'a'), join(dir, 'b'));
    expect(refusal(() => readUserFile(join(dir, 'a'), { kind: 'package' })).code).toBe('NOT_A_FILE');
  });
  it('a file over the limit is FILE_TOO_LARGE from its size, before a byte is read (a sparse 1.5 GB file)', () => {
    const big = join(dir, 'lon.json');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 1.5 * 1024 ** 3);
    closeSync(fd);
    const e = refusal(() => readUserFile(big, { kind: 'package' }));
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.details).toMatchObject({ size: 1.5 * 1024 ** 3, maxBytes: USER_FILE_LIMITS.package, kind: 'package' });
    expect((e.details?.['issues'] as { message: string }[])[0]!.message).toMatch(/^tệp lớn 1.536 MiB, vượt giới hạn 256 MiB cho gói dữ liệu$/u);
  });
  it('each kind has its own limit', () => {
    const file = join(dir, 'backup.json');
    writeFileSync(file, Buffer.alloc(USER_FILE_LIMITS.keyBackup + 1, 0x20));
    expect(refusal(() => readUserFile(file, { kind: 'keyBackup' })).code).toBe('FILE_TOO_LARGE');
    expect(readUserFile(file, { kind: 'entries' }).length).toBe(USER_FILE_LIMITS.keyBackup + 1);
    expect(readUserFile(file, { kind: 'entries', maxBytes: USER_FILE_LIMITS.keyBackup + 1 }).length).toBe(USER_FILE_LIMITS.keyBackup + 1);
  });
  it.runIf(process.platform === 'linux')('a file larger than its size says is read no further than the limit + 1 byte', () => {
    // /proc files report size 0 and still have content: like a file growing while it is read.
    const e = refusal(() => readUserFile('/proc/self/status', { kind: 'package', maxBytes: 64 }));
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.details).toMatchObject({ maxBytes: 64 });
    expect(readUserFile('/proc/self/status', { kind: 'package' }).toString()).toContain('Name:');
  });
  it.runIf(posix && process.getuid?.() !== 0)('an unreadable file is FILE_UNREADABLE', () => {
    const file = join(dir, 'khoa.json');
    writeFileSync(file, '{}');
    chmodSync(file, 0o000);
    expect(refusal(() => readUserFile(file, { kind: 'package' })).code).toBe('FILE_UNREADABLE');
  });
});
