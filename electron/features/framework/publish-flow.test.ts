/**
 * The whole path of a framework as signed data, through the CLI: the province writes its criteria
 * in the spreadsheet template (one deliberate error, reported by sheet, row and column, then
 * fixed), installs and publishes it signed; the commune imports the signed file against the key it
 * pinned, enters and exports; the province imports the report and recomputes the same scores with
 * exactly that framework; then a revised version replaces it without losing an entry.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/context';
import { runCli } from '../../app/cli/chiso';
import type { CliIO } from '../../kernel/commands/io';
import { SHEET } from '../../../shared/framework/sheet/layout';

let dir: string;
let cleanup: () => void;
const env = { CHISO_PASSPHRASE: 'mật khẩu thử nghiệm 2026' };

async function run(argv: string[], extraEnv: Record<string, string | undefined> = env) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), env: extraEnv, cwd: dir };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Edit the workbook as a secretary would in Excel: cells by sheet, row and column header. */
async function editWorkbook(file: string, edit: (wb: ExcelJS.Workbook, cell: (sheet: string, match: (row: ExcelJS.Row) => boolean, header: string) => ExcelJS.Cell) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, file));
  const cell = (sheet: string, match: (row: ExcelJS.Row) => boolean, header: string): ExcelJS.Cell => {
    const ws = wb.getWorksheet(sheet)!;
    let col = 0;
    ws.getRow(1).eachCell((c, n) => {
      if (c.value === header) col = n;
    });
    let found: ExcelJS.Row | undefined;
    ws.eachRow((row, n) => {
      if (!found && n > 1 && match(row)) found = row;
    });
    if (!found || col === 0) throw new Error(`no cell ${sheet}/${header}`);
    return found.getCell(col);
  };
  edit(wb, cell);
  await wb.xlsx.writeFile(join(dir, file));
}
const infoRow = (key: string) => (row: ExcelJS.Row) => row.getCell(3).value === key;
const treeRow = (level: string, code: string) => (row: ExcelJS.Row) => row.getCell(1).value === level && row.getCell(2).value === code;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(join(dir, 'usb'));
  expect((await run(['init', '--db', 'xa.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào', '--province', '49', '--officer', 'Nguyễn Thị Hoa', '--title', 'Công chức Văn phòng - Thống kê', '--year', '2026'])).code).toBe(0);
  expect((await run(['init', '--db', 'so.sqlite', '--role', 'district', '--unit', '49', '--name', 'Sở Nội vụ tỉnh Quảng Nam', '--year', '2026'])).code).toBe(0);
  // Enrolment: the commune pins the reviewing unit's key (fingerprints compared on paper).
  const fp = (out: string) => /Dấu vân tay:\s+(\S+)/u.exec(out)![1]!;
  const req = await run(['enrol', 'request', '--db', 'xa.sqlite', '--out', 'usb']);
  const ok = await run(['enrol', 'approve', '--db', 'so.sqlite', '--out', 'usb', '--fingerprint', fp((await run(['keys', 'show', '--db', 'xa.sqlite'], {})).out), req.out.split('\n')[0]!]);
  const approval = ok.out.split('\n').find((l) => l.endsWith('.json'))!;
  expect((await run(['enrol', 'accept', '--db', 'xa.sqlite', '--fingerprint', fp((await run(['keys', 'show', '--db', 'so.sqlite'], {})).out), approval])).code).toBe(0);
  writeFileSync(join(dir, 'roster.csv'), 'Mã,Tên,Loại\n26734,Xã Bình Đào,xã\n');
  expect((await run(['communes', 'import', '--db', 'so.sqlite', 'roster.csv'])).code).toBe(0);
}, 120_000);
afterAll(() => cleanup());

describe('a framework from the spreadsheet to the commune and back', () => {
  let published = '';

  it('the template is written; one deliberate error is reported by sheet, row and column, then fixed', async () => {
    expect((await run(['framework', 'template', '--out', 'qn.xlsx'])).code).toBe(0);
    await editWorkbook('qn.xlsx', (_wb, cell) => {
      cell(SHEET.info, infoRow('id'), 'Giá trị').value = 'quang-nam-cap-xa-2026';
      cell(SHEET.info, infoRow('title'), 'Giá trị').value = 'Bộ tiêu chí Chỉ số CCHC cấp xã tỉnh Quảng Nam năm 2026';
      cell(SHEET.info, infoRow('sample'), 'Giá trị').value = 'Không';
      cell(SHEET.info, infoRow('province.code'), 'Giá trị').value = '49';
      cell(SHEET.info, infoRow('province.name'), 'Giá trị').value = 'Quảng Nam';
      cell(SHEET.info, infoRow('year'), 'Giá trị').value = 2026;
      cell(SHEET.info, infoRow('issuedBy'), 'Giá trị').value = 'UBND tỉnh Quảng Nam';
      cell(SHEET.tree, treeRow('Lĩnh vực', '1'), 'Điểm tối đa').value = 9.5; // the items add up to 9
    });
    const bad = await run(['framework', 'validate', 'qn.xlsx']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Không hợp lệ: 1 lỗi/u);
    expect(bad.err).toMatch(new RegExp(`${SHEET.tree}, dòng 2, cột E \\(Điểm tối đa\\): `, 'u'));
    await editWorkbook('qn.xlsx', (_wb, cell) => {
      cell(SHEET.tree, treeRow('Lĩnh vực', '1'), 'Điểm tối đa').value = 9;
    });
    const good = await run(['framework', 'validate', 'qn.xlsx']);
    expect(good.err).toBe('');
    expect(good.out).toMatch(/^Hợp lệ: Bộ tiêu chí Chỉ số CCHC cấp xã tỉnh Quảng Nam năm 2026 — tỉnh 49, năm 2026, phiên bản 1.0/u);
  }, 60_000);

  it('the reviewing unit installs it beside the sample and publishes it signed', async () => {
    const imp = await run(['framework', 'import', '--db', 'so.sqlite', 'qn.xlsx']);
    expect(imp.err).toBe('');
    expect(imp.out).toMatch(/^Đã thêm: .*phiên bản 1.0, năm 2026/u);
    expect((await run(['framework', 'import', '--db', 'so.sqlite', 'qn.xlsx'])).out).toMatch(/^Đã có sẵn/u);
    const list = await run(['framework', 'list', '--db', 'so.sqlite']);
    expect(list.out).toContain('quang-nam-cap-xa-2026  v1.0  năm 2026  tỉnh 49');
    const refusedSample = await run(['framework', 'publish', '--db', 'so.sqlite', '--framework', 'mau-tham-khao-cap-xa', '--out', 'usb']);
    expect(refusedSample.err).toContain('FRAMEWORK_SAMPLE_NOT_PUBLISHABLE');
    // The year's deadline travels beside the framework (docs/package-format.md §8).
    expect((await run(['communes', 'deadline', '--db', 'so.sqlite', '--year', '2026', '--date', '2027-01-15'])).code).toBe(0);
    const pub = await run(['framework', 'publish', '--db', 'so.sqlite', '--framework', 'quang-nam-cap-xa-2026', '--out', 'usb']);
    expect(pub.err).toBe('');
    published = pub.out.split('\n')[0]!;
    expect(published).toMatch(/CCHC-FRAMEWORK-49-2026-quang-nam-cap-xa-2026-v1\.0\.json$/u);
    const pkg = JSON.parse(readFileSync(published, 'utf8')) as { format: string; payload: { supersedes: unknown; province: { code: string }; deadline?: string } };
    expect(pkg.format).toBe('chiso-cchc/framework');
    expect(pkg.payload).toMatchObject({ supersedes: null, province: { code: '49' }, deadline: '2027-01-15' });
    expect(pub.out).toContain('Kèm hạn gửi hồ sơ năm 2026: 15/01/2027');
  }, 60_000);

  it('the commune refuses an unsigned file and a tampered one, imports the signed one, enters, exports; the province recomputes the same scores', async () => {
    const unsigned = await run(['framework', 'import', '--db', 'xa.sqlite', 'qn.xlsx']);
    expect(unsigned.err).toContain('FRAMEWORK_UNSIGNED');
    writeFileSync(join(dir, 'sua.json'), readFileSync(published, 'utf8').replace('"totalMax":10000', '"totalMax":10001'));
    expect((await run(['framework', 'import', '--db', 'xa.sqlite', 'sua.json'])).err).toContain('FRAMEWORK_PACKAGE_INVALID');
    const imp = await run(['framework', 'import', '--db', 'xa.sqlite', published]);
    expect(imp.err).toBe('');
    expect(imp.out).toContain('Đã nhận và áp dụng: Bộ tiêu chí Chỉ số CCHC cấp xã tỉnh Quảng Nam năm 2026 phiên bản 1.0');
    expect(imp.out).toContain('Ký bởi: Sở Nội vụ tỉnh Quảng Nam (49)');
    expect(imp.out).toContain('Hạn gửi hồ sơ theo bộ tiêu chí: 15/01/2027');
    expect((await run(['checklist', '--db', 'xa.sqlite'])).out).toMatch(/Hạn gửi hồ sơ: 15\/01\/2027 \(.*\) — theo bộ tiêu chí Sở phát hành/u);
    expect((await run(['framework', 'list', '--db', 'xa.sqlite'])).out).toMatch(/^\* quang-nam-cap-xa-2026 {2}v1\.0/mu);
    const entries = readFileSync(new URL('../../../docs/examples/sample-entries.json', import.meta.url), 'utf8');
    writeFileSync(join(dir, 'entries.json'), entries);
    const load = await run(['load', '--db', 'xa.sqlite', 'entries.json']);
    expect(load.err).toBe('');
    // Every export needs the self-assessment finalised (the pre-export check).
    expect((await run(['finalise', '--db', 'xa.sqlite'])).code).toBe(0);
    const exp = await run(['export', '--db', 'xa.sqlite', '--out', 'usb']);
    expect(exp.err).not.toContain('EXPORT_');
    expect(exp.code).toBe(0);
    // Reopened for the revised framework that follows (a finalised assessment keeps its framework).
    expect((await run(['reopen', '--db', 'xa.sqlite', '--reason', 'Áp dụng bộ tiêu chí sửa đổi của tỉnh'])).code).toBe(0);
    const report = JSON.parse(readFileSync(exp.out.trim(), 'utf8')) as { payload: { subject: { framework: { id: string; version: string } } } };
    expect(report.payload.subject.framework).toMatchObject({ id: 'quang-nam-cap-xa-2026', version: '1.0' });
    const rec = await run(['import', '--db', 'so.sqlite', '--json', exp.out.trim()]);
    expect(rec.code).toBe(0);
    expect(JSON.parse(rec.out)).toEqual([expect.objectContaining({ outcome: 'accepted', mismatch: false })]);
  }, 60_000);

  it('a revised version (an item removed, another added) replaces it at the commune without losing an entry', async () => {
    await editWorkbook('qn.xlsx', (wb, cell) => {
      cell(SHEET.info, infoRow('version'), 'Giá trị').value = '1.1';
      // 1.8 goes; its 1 point moves to a new criterion 1.9, scored yes/no.
      for (const sheet of [SHEET.tree, SHEET.variants]) {
        wb.getWorksheet(sheet)!.eachRow((row) => {
          if (row.getCell(2).value === '1.8') row.getCell(2).value = '1.9';
        });
      }
    });
    const add = await run(['framework', 'import', '--db', 'so.sqlite', 'qn.xlsx']);
    expect(add.err).toBe('');
    expect(add.out).toMatch(/^Đã thêm: .*phiên bản 1.1/u);
    const pub = await run(['framework', 'publish', '--db', 'so.sqlite', '--framework', 'quang-nam-cap-xa-2026', '--out', 'usb']);
    expect(pub.out).toContain('thay cho phiên bản 1.0');
    const file = pub.out.split('\n')[0]!;
    expect(file).toMatch(/-v1\.1\.json$/u);
    const imp = await run(['framework', 'import', '--db', 'xa.sqlite', file]);
    expect(imp.err).toBe('');
    expect(imp.out).toContain('Thay cho phiên bản 1.0');
    expect(imp.out).toContain('Giữ lại ở bộ tiêu chí cũ (không chuyển được, vẫn còn nguyên): 1 mục');
    expect(imp.out).toContain('- 1.8: không còn trong bộ tiêu chí mới');
    const list = await run(['framework', 'list', '--db', 'xa.sqlite']);
    expect(list.out).toMatch(/^ {2}quang-nam-cap-xa-2026 {2}v1\.0/mu);
    expect(list.out).toMatch(/^\* quang-nam-cap-xa-2026 {2}v1\.1/mu);
    // The same version number with another content is refused at both ends.
    await editWorkbook('qn.xlsx', (_wb, cell) => {
      cell(SHEET.info, infoRow('decision'), 'Giá trị').value = 'Quyết định số 99/QĐ-UBND';
    });
    expect((await run(['framework', 'import', '--db', 'so.sqlite', 'qn.xlsx'])).err).toContain('FRAMEWORK_VERSION_CONFLICT');
  }, 60_000);
});
