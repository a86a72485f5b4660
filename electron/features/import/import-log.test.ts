/** The import log exported (chiso import log: text, xlsx, CSV) and what an ImportResult says of the revision before and of a duplicate's commune. */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIO } from '../../../test/helpers/cli-io';
import type { TestStore } from '../../../test/helpers/context';
import { addToRoster, enrol, makeCommune, makeReviewer, type Commune } from '../../../test/fixtures/reviewer-imports';
import { runCli } from '../../app/cli/chiso';

let r: TestStore;
let a: Commune;
let usb: string;

beforeEach(() => {
  r = makeReviewer();
  a = makeCommune('26734', 'commune');
  enrol(r, a);
  addToRoster(r, '26734', 'Xã Bình Đào');
  usb = join(r.dir, 'usb');
  mkdirSync(usb);
  r.db.close();
});
afterEach(() => {
  a.store.cleanup();
  r.cleanup();
});

async function cli(argv: string[]) {
  const c = captureIO(r.dir);
  const code = await runCli(argv, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

describe('the import log', () => {
  it('previousRevision on an accepted package, the commune named on a duplicate; the log as text, xlsx (frozen Vietnamese header) and CSV (BOM)', async () => {
    copyFileSync(a.export(), join(usb, 'a-r1.json'));
    copyFileSync(a.export(), join(usb, 'b-r2.json'));
    writeFileSync(join(usb, 'c-hong.json'), '{');
    const first = await cli(['import', '--db', 'test.sqlite', '--json', 'usb']);
    const rows = JSON.parse(first.out) as { outcome: string; revision: number | null; previousRevision?: number | null; communeName: string | null }[];
    expect(rows.map((x) => [x.outcome, x.revision, x.previousRevision])).toEqual([['accepted', 1, null], ['accepted', 2, 1], ['refused', null, undefined]]);
    const again = JSON.parse((await cli(['import', '--db', 'test.sqlite', '--json', join('usb', 'a-r1.json')])).out) as typeof rows;
    expect(again).toEqual([expect.objectContaining({ outcome: 'duplicate', revision: 1, communeName: 'Xã Bình Đào' })]);

    const text = await cli(['import', 'log', '--db', 'test.sqlite']);
    expect(text.code).toBe(0);
    expect(text.out.split('\n')).toHaveLength(5);
    expect(text.out).toMatch(/4 dòng nhật ký\.$/u);

    const res = await cli(['import', 'log', '--db', 'test.sqlite', '--xlsx', 'log.xlsx', '--csv', 'log.csv']);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/log\.xlsx \(4 dòng\)/u);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(r.dir, 'log.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['Thời điểm', 'Người nhập', 'Tệp', 'Kết quả', 'Mã lỗi', 'Mã xã', 'Tên xã', 'Năm', 'Lần gửi', 'SHA-256']);
    const body = [2, 3, 4, 5].map((n) => { const v = ws.getRow(n).values as unknown[]; return [v[4], v[5] ?? null, v[6] ?? null, v[7] ?? null, v[9] ?? null]; });
    expect(body).toEqual([
      ['Đã nhận', null, '26734', 'Xã Bình Đào', 1],
      ['Đã nhận', null, '26734', 'Xã Bình Đào', 2],
      ['Từ chối', 'NOT_JSON', null, null, null],
      ['Đã có (trùng)', null, '26734', 'Xã Bình Đào', 1],
    ]);
    const csv = readFileSync(join(r.dir, 'log.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Thời điểm,Người nhập,Tệp,Kết quả,Mã lỗi,Mã xã,Tên xã,Năm,Lần gửi,SHA-256');
    expect(lines).toHaveLength(6);
    expect(lines[3]).toMatch(/,Từ chối,NOT_JSON,,,,,[0-9a-f]{64}$/u);
  });
});
