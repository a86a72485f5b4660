import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/context';
import { refusal } from '../../../test/helpers/app';
import { readRosterFile } from '../../features/roster/roster-file';
import { readSurveyFile } from '../../features/survey/survey-file';
import { readHistoryFile } from '../../features/report/history-file';
import { readFrameworkSource } from '../../features/framework/framework-file';
import { checkZipBudget } from './zip-budget';

/** A minimal ZIP: each entry deflated (or stored), the declared uncompressed size as given (a liar's, say). */
function zip(entries: { name: string; data: Buffer; store?: boolean; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.store ? e.data : deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(e.store ? 0 : 8, 8);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(e.declaredSize ?? e.data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(e.store ? 0 : 8, 10);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(e.declaredSize ?? e.data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, body);
    centrals.push(ch, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const MiB = 1024 * 1024;

describe('zip budget before a spreadsheet is unpacked', () => {
  it('passes a real workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Phiếu').addRow(['Số phiếu', 'Câu 1']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    expect(() => checkZipBudget(buf)).not.toThrow();
  });

  it('refuses an archive that inflates past the budget, whatever its headers claim', async () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(3 * MiB), declaredSize: 100 }]);
    expect(bomb.length).toBeLessThan(20_000);
    expect(await refusal(() => checkZipBudget(bomb, { maxUncompressedBytes: MiB, maxEntries: 10 }))).toBe('FILE_TOO_LARGE');
    // Spread over many entries, each under the budget, the sum over it.
    const spread = zip(Array.from({ length: 5 }, (_, i) => ({ name: `p${i}`, data: Buffer.alloc(300 * 1024) })));
    expect(await refusal(() => checkZipBudget(spread, { maxUncompressedBytes: MiB, maxEntries: 10 }))).toBe('FILE_TOO_LARGE');
    expect(await refusal(() => checkZipBudget(zip([{ name: 'a', data: Buffer.alloc(2 * MiB), store: true }]), { maxUncompressedBytes: MiB, maxEntries: 10 }))).toBe('FILE_TOO_LARGE');
  });

  it('refuses too many entries, and what is not a ZIP', async () => {
    const many = zip(Array.from({ length: 11 }, (_, i) => ({ name: `e${i}`, data: Buffer.from('x') })));
    expect(await refusal(() => checkZipBudget(many, { maxUncompressedBytes: MiB, maxEntries: 10 }))).toBe('FILE_TOO_LARGE');
    expect(await refusal(() => checkZipBudget(Buffer.from('Số phiếu,Câu 1\n1,2\n')))).toBe('FILE_UNREADABLE');
    const damaged = zip([{ name: 'a', data: Buffer.from('hello world') }]);
    damaged.fill(0xff, 30 + 1, 30 + 6);
    expect(await refusal(() => checkZipBudget(damaged))).toBe('FILE_UNREADABLE');
  });

  it('every spreadsheet reader (survey, roster, last year, framework) refuses a 16 KB file that would unpack to 80 MiB, before the spreadsheet library', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const bomb = zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(80 * MiB, 0x20) }]);
      const file = join(dir, 'phieu.xlsx');
      writeFileSync(file, bomb);
      expect(await refusal(readSurveyFile(file))).toBe('FILE_TOO_LARGE');
      expect(await refusal(readRosterFile(file))).toBe('FILE_TOO_LARGE');
      expect(await refusal(readHistoryFile(file))).toBe('FILE_TOO_LARGE');
      expect(await refusal(readFrameworkSource(file))).toBe('FILE_TOO_LARGE');
    } finally {
      cleanup();
    }
  });

  it('no code but the kernel opens a workbook itself (each reader goes through loadUserWorkbook)', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const loaders = execFileSync('git', ['grep', '-l', 'xlsx.load(', '--', 'electron', 'shared'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.endsWith('.test.ts'));
    expect(loaders).toEqual(['electron/kernel/files/workbook.ts']);
  });
});
