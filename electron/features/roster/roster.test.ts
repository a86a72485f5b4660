import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { refusal, testApp, type TestApp } from '../../../test/helpers/app';
import { communeSetup, provinceSetup } from '../../../test/helpers/context';
import { listAudit } from '../audit/audit-repo';
import { rosterRowsFromCsv, rosterRowsFromXlsx } from './roster-file';
import {
  addOneCommune, communes, importRosterFile, previewRosterImport, renameOneCommune, reportDeadlines, retypeOneCommune, setCommuneActivity, setReportDeadline,
} from './use-cases';

let t: TestApp;
beforeEach(() => {
  t = testApp(provinceSetup);
});
afterEach(() => t.cleanup());

const csv = (...lines: string[]) => rosterRowsFromCsv(lines.join('\r\n'));
const dump = () => JSON.stringify(t.ctx.db.prepare('SELECT * FROM communes ORDER BY code').all()) + JSON.stringify(t.ctx.db.prepare('SELECT count(*) n FROM audit_log').get());

async function rosterError(rows: ReturnType<typeof csv>): Promise<{ line: number | null; message: string }[]> {
  try {
    await t.app.perform(importRosterFile, { rows });
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('ROSTER_INVALID');
    return (err as AppError).details!['issues'] as { line: number | null; message: string }[];
  }
  throw new Error('import was not refused');
}

describe('roster import', () => {
  it('imports a Vietnamese-headed CSV, NFC names, every type word; lists in Vietnamese order', async () => {
    const nfd = 'Phường Ba Đình'.normalize('NFD');
    const rows = csv('Mã,Tên,Loại', `00004,${nfd},phường`, '26734,Xã Bình Đào,xa', '22015,Đặc khu Phú Quý,Đặc Khu', '00100,Xã An Khánh,xã', '00200,Thị trấn Ấp Mới,thi tran');
    const done = await t.app.perform(importRosterFile, { rows });
    expect(done.counts).toEqual({ new: 5, changed: 0, unchanged: 0, refused: 0 });
    const list = await t.app.perform(communes, undefined);
    // Đ sorts right after D in Vietnamese (a code-point sort would put it last).
    expect(list.map((c) => c.name)).toEqual(['Đặc khu Phú Quý', 'Phường Ba Đình', 'Thị trấn Ấp Mới', 'Xã An Khánh', 'Xã Bình Đào']);
    expect(list.find((c) => c.code === '00004')!.name).toBe('Phường Ba Đình'.normalize('NFC'));
    expect(list.map((c) => c.type).sort()).toEqual(['dac-khu', 'phuong', 'thi-tran', 'xa', 'xa']);
    expect(listAudit(t.ctx, { entity: 'commune' })).toHaveLength(5);
  });

  it('accepts English headers in any column order', async () => {
    const done = await t.app.perform(importRosterFile, { rows: csv('type,name,code', 'dac khu,Côn Đảo,26500') });
    expect(done.counts.new).toBe(1);
    expect((await t.app.perform(communes, undefined))[0]).toMatchObject({ code: '26500', type: 'dac-khu', active: true });
  });

  it('previews new / changed / unchanged and writes nothing; a second import applies the changes', async () => {
    await t.app.perform(importRosterFile, { rows: csv('Mã,Tên,Loại', '00001,Xã A,xã', '00002,Xã B,xã', '00003,Xã C,xã') });
    await t.app.perform(setCommuneActivity, { code: '00003', active: false });
    const before = dump();
    const rows = csv('Mã,Tên,Loại', '00001,Xã A,xã', '00002,Phường B,phường', '00003,Xã C,xã', '00009,Xã Mới,xã');
    const p = await t.app.perform(previewRosterImport, { rows });
    expect(dump()).toBe(before);
    expect(p.rows.map((r) => [r.line, r.status, r.reason])).toEqual([[2, 'unchanged', null], [3, 'changed', 'tên, loại'], [4, 'changed', 'hoạt động lại'], [5, 'new', null]]);
    expect(p.rows[1]!.before).toEqual({ name: 'Xã B', type: 'xa', active: true });
    await t.app.perform(importRosterFile, { rows });
    const list = await t.app.perform(communes, undefined);
    expect(list.find((c) => c.code === '00002')).toMatchObject({ name: 'Phường B', type: 'phuong' });
    expect(list.find((c) => c.code === '00003')!.active).toBe(true);
    expect(list).toHaveLength(4);
  });

  it('refuses every bad-row class with its line, and writes nothing', async () => {
    await t.app.perform(importRosterFile, { rows: csv('Mã,Tên,Loại', '00001,Xã A,xã') });
    const before = dump();
    const issues = await rosterError(
      csv(
        'Mã,Tên,Loại',
        '00002,Xã Tốt,xã', // line 2: fine, but not written either
        ',Xã Không Mã,xã', // 3: missing code
        '1234,Xã Mã Ngắn,xã', // 4: bad code
        '0001A,Xã Chữ,xã', // 5: bad code
        '00002,Xã Trùng,xã', // 6: twice in the file
        '00007,Xã Lạ,huyện', // 7: unknown type
        '00008,,xã', // 8: empty name
        '00009,"=HYPERLINK(""http://x"",""Xã"")",xã', // 9: formula-looking name
        '=1+1,Xã Công Thức,xã', // 10: formula code
        '00011,Xã Không Loại,', // 11: missing type
      ),
    );
    expect(dump()).toBe(before);
    expect(issues.map((i) => i.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const m = (line: number) => issues.find((i) => i.line === line)!.message;
    expect(m(3)).toContain('thiếu mã');
    expect(m(4)).toContain('5 chữ số');
    expect(m(5)).toContain('5 chữ số');
    expect(m(6)).toContain('trùng với dòng 2');
    expect(m(7)).toContain('"huyện" không hợp lệ');
    expect(m(8)).toContain('thiếu tên');
    expect(m(9)).toContain('công thức');
    expect(m(10)).toContain('công thức');
    expect(m(11)).toContain('thiếu loại');
  });

  it('refuses a file without the needed headers, and an empty file', async () => {
    expect((await rosterError(csv('code,name', '00001,Xã A')))[0]!.message).toContain('"Loại"');
    expect((await rosterError(csv('')))[0]!.message).toMatch(/thiếu cột|tệp trống/u);
    expect((await rosterError(csv('Mã,Tên,Loại')))[0]!.message).toContain('không có dòng xã');
  });

  it('reads xlsx: a code typed as a number gets its leading zeros back, a formula is read as its text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Xã');
    ws.addRow(['Mã', 'Tên', 'Loại']);
    ws.addRow([4, 'Phường Ba Đình', 'Phường']);
    ws.addRow(['26734', 'Xã Bình Đào', 'Xã']);
    ws.addRow(['26735', { formula: 'CONCAT("Xã ","B")', result: 'Xã B' }, 'Xã']);
    const rows = await rosterRowsFromXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    const p = await t.app.perform(previewRosterImport, { rows });
    expect(p.rows.map((r) => [r.line, r.status, r.code])).toEqual([[2, 'new', '00004'], [3, 'new', '26734'], [4, 'refused', '26735']]);
    expect(p.rows[2]!.reason).toContain('công thức');
  });

  it('imports the whole country: 3,321 rows in one transaction', async () => {
    const lines = ['Mã,Tên,Loại'];
    for (let i = 1; i <= 3321; i++) lines.push(`${String(i * 7).padStart(5, '0')},Xã Số ${i},${i % 3 === 0 ? 'phường' : 'xã'}`);
    const done = await t.app.perform(importRosterFile, { rows: csv(...lines) });
    expect(done.counts.new).toBe(3321);
    expect(await t.app.perform(communes, undefined)).toHaveLength(3321);
    const again = await t.app.perform(previewRosterImport, { rows: csv(...lines) });
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 3321, refused: 0 });
  });

  it('is for the reviewing unit only', async () => {
    const xa = testApp(communeSetup);
    try {
      expect(await refusal(xa.app.perform(importRosterFile, { rows: csv('Mã,Tên,Loại', '00001,Xã A,xã') }))).toBe('WRONG_ROLE');
      expect(await refusal(xa.app.perform(communes, undefined))).toBe('WRONG_ROLE');
    } finally {
      xa.cleanup();
    }
  });
});

describe('editing one commune', () => {
  it('adds, renames, changes type, deactivates, each with an audit row', async () => {
    await t.app.perform(addOneCommune, { code: '26734', name: ' Xã  Bình Đào ', type: 'xa' });
    expect(await refusal(t.app.perform(addOneCommune, { code: '26734', name: 'Xã Khác', type: 'xa' }))).toBe('COMMUNE_EXISTS');
    expect(await refusal(t.app.perform(addOneCommune, { code: '2673', name: 'Xã Khác', type: 'xa' }))).toBe('INVALID_INPUT');
    expect(await refusal(t.app.perform(addOneCommune, { code: '26735', name: '+Xã', type: 'xa' }))).toBe('INVALID_INPUT');
    expect(await refusal(t.app.perform(addOneCommune, { code: '26735', name: 'Xã C', type: 'huyen' }))).toBe('INVALID_INPUT');
    await t.app.perform(renameOneCommune, { code: '26734', name: 'Phường Bình Đào' });
    await t.app.perform(retypeOneCommune, { code: '26734', type: 'phuong' });
    const c = await t.app.perform(setCommuneActivity, { code: '26734', active: false });
    expect(c).toMatchObject({ code: '26734', name: 'Phường Bình Đào', type: 'phuong', active: false });
    expect(await refusal(t.app.perform(renameOneCommune, { code: '99999', name: 'Xã Z' }))).toBe('COMMUNE_NOT_FOUND');
    const actions = listAudit(t.ctx, { entity: 'commune' }).map((a) => a.action).reverse();
    expect(actions).toEqual(['roster.add', 'roster.rename', 'roster.type', 'roster.deactivate']);
  });
});

describe('deadlines', () => {
  it('sets a real day in the year or the next, and replaces it', async () => {
    await t.app.perform(setReportDeadline, { year: 2026, deadline: '2026-11-30' });
    await t.app.perform(setReportDeadline, { year: 2026, deadline: '2027-01-15' });
    expect(await t.app.perform(reportDeadlines, undefined)).toEqual([{ year: 2026, deadline: '2027-01-15' }]);
    expect(listAudit(t.ctx, { entity: 'report_deadline' })).toHaveLength(2);
  });

  it.each([
    ['2026-02-30', 'ISO_DATE'],
    ['2026-2-3', 'ISO_DATE'],
    ['30/11/2026', 'ISO_DATE'],
    ['2025-12-31', 'DEADLINE_YEAR'],
    ['2028-01-01', 'DEADLINE_YEAR'],
  ])('refuses %s (%s)', async (deadline, field) => {
    try {
      await t.app.perform(setReportDeadline, { year: 2026, deadline });
      throw new Error('accepted');
    } catch (err) {
      expect((err as AppError).code).toBe('INVALID_INPUT');
      expect((err as AppError).details).toMatchObject({ fields: { deadline: field } });
    }
    expect(await t.app.perform(reportDeadlines, undefined)).toEqual([]);
  });

  it('refuses a year out of range', async () => {
    expect(await refusal(t.app.perform(setReportDeadline, { year: 1999, deadline: '1999-12-01' }))).toBe('INVALID_INPUT');
  });
});
