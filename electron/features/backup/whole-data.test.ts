import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refusal, testApp } from '../../../test/helpers/app';
import type { TestApp } from '../../../test/helpers/app';
import { communeWithData, dump } from '../../../test/helpers/backup';
import { provinceSetup } from '../../../test/helpers/context';
import { evidenceDir } from '../evidence/blob-store';
import { exportAll, importAll } from './use-cases';
import { MAGIC, writeWholeFile } from './whole-file';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});
function track(t: TestApp): TestApp {
  cleanups.push(t.cleanup);
  return t;
}

async function exported(t: TestApp): Promise<string> {
  const out = join(t.dir, 'usb');
  mkdirSync(out);
  const r = await t.app.perform(exportAll, { folder: async () => out });
  expect(r?.skipped).toEqual([]);
  return r!.path;
}

describe('xuất / nhập toàn bộ dữ liệu', () => {
  it('one file carries the database and the evidence to another PC, which restores the same data', async () => {
    const src = track(await communeWithData());
    const file = await exported(src);
    expect(readFileSync(file).subarray(0, 8).equals(MAGIC)).toBe(true);
    const dst = track(testApp());
    const r = await dst.app.perform(importAll, { file });
    expect(r.restored).toBe(file);
    expect(dump(dst.file)).toBe(dump(src.file));
    expect(readdirSync(evidenceDir(dst.dir)).sort()).toEqual(readdirSync(evidenceDir(src.dir)).sort());
    for (const name of readdirSync(evidenceDir(src.dir))) expect(readFileSync(join(evidenceDir(dst.dir), name))).toEqual(readFileSync(join(evidenceDir(src.dir), name)));
    // Nothing of the staging is left.
    expect(readdirSync(dst.dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('a damaged or cut-short file is refused and nothing changes', async () => {
    const src = track(await communeWithData());
    const file = await exported(src);
    const dst = track(await communeWithData());
    const before = dump(dst.file);
    const evidenceBefore = readdirSync(evidenceDir(dst.dir)).sort();
    const bytes = readFileSync(file);
    const flipped = join(src.dir, 'flipped.cchc-all');
    const b = Buffer.from(bytes);
    b[b.length - 100] = b[b.length - 100]! ^ 0xff;
    writeFileSync(flipped, b);
    const cut = join(src.dir, 'cut.cchc-all');
    writeFileSync(cut, bytes);
    truncateSync(cut, bytes.length - 5000);
    const foreign = join(src.dir, 'foreign.cchc-all');
    writeFileSync(foreign, Buffer.from('PK\u0003\u0004 this is a zip, not ours'));
    expect(await refusal(dst.app.perform(importAll, { file: flipped }))).toBe('BACKUP_FILE_DAMAGED');
    expect(await refusal(dst.app.perform(importAll, { file: cut }))).toBe('BACKUP_FILE_DAMAGED');
    expect(await refusal(dst.app.perform(importAll, { file: foreign }))).toBe('BACKUP_FILE_FOREIGN');
    expect(await refusal(dst.app.perform(importAll, { file: join(src.dir, 'absent.cchc-all') }))).toBe('FILE_NOT_FOUND');
    expect(await refusal(dst.app.perform(importAll, { file: src.dir }))).toBe('NOT_A_FILE');
    expect(dump(dst.file)).toBe(before);
    expect(readdirSync(evidenceDir(dst.dir)).sort()).toEqual(evidenceBefore);
    expect(readdirSync(dst.dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it("another unit's file is not imported over this unit's data", async () => {
    const src = track(await communeWithData());
    const file = await exported(src);
    const province = track(testApp(provinceSetup));
    const before = dump(province.file);
    expect(await refusal(province.app.perform(importAll, { file }))).toBe('BACKUP_OTHER_UNIT');
    expect(dump(province.file)).toBe(before);
  });

  it('a destination pulled out while the file is written leaves nothing half-written and changes nothing', async () => {
    const src = track(await communeWithData());
    const out = join(src.dir, 'usb');
    mkdirSync(out);
    const before = dump(src.file);
    let first = true;
    // The real write, but the folder is removed after the first chunk (a USB stick pulled out).
    const ops = {
      writeSync: (fd: number, b: Uint8Array, o: number, l: number) => {
        if (first) {
          first = false;
          rmSync(out, { recursive: true, force: true });
        }
        return writeSync(fd, b, o, l);
      },
    };
    const dbFile = src.file;
    let code: string | undefined;
    try {
      writeWholeFile(out, 'x.cchc-all', { format: 'chiso-all', version: 1, createdAt: '', appVersion: '', manifest: {} as never }, [{ path: 'database.sqlite', file: dbFile, size: readFileSync(dbFile).length, sha256: '0'.repeat(64) }], ops);
    } catch (err) {
      code = (err as { code?: string }).code;
    }
    expect(code).toBe('BACKUP_FOLDER_MISSING');
    expect(existsSync(out)).toBe(false);
    expect(dump(src.file)).toBe(before);
  });
});
