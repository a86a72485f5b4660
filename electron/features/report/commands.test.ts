import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportJson } from '../../../shared/report/report';
import { testApp, type TestApp } from '../../../test/helpers/app';
import { captureIO } from '../../../test/helpers/cli-io';
import { provinceSetup } from '../../../test/helpers/context';
import { addCommunes, handUnit } from '../../../test/fixtures/report-store';
import { runCli } from '../../app/cli/chiso';
import { openDatabase } from '../../kernel/db/open';
import type { CliIO } from '../../kernel/commands/io';

let t: TestApp;
let io: CliIO;
let out: string[];
let err: string[];
const fill = (f: (db: TestApp['ctx']['db']) => void) => {
  t = testApp(provinceSetup);
  f(t.ctx.db);
  // Closed so the command line opens it as it would.
  t.runtime.close();
  ({ io, out, err } = captureIO(t.dir));
};
beforeEach(() => fill(handUnit));
afterEach(() => t.cleanup());

const db = ['--db', 'test.sqlite'];
const history = () => {
  const d = openDatabase(t.file);
  try {
    return JSON.stringify([d.prepare('SELECT year, code, name, index_percent, group_label FROM history_results ORDER BY year, code').all(), d.prepare("SELECT action FROM audit_log WHERE action LIKE 'report.%'").all()]);
  } finally {
    d.close();
  }
};

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

describe('chiso report', () => {
  it('prints the JSON the issue specifies, in rank order with Vietnamese ties', async () => {
    expect(await runCli(['report', ...db, '--year', '2026', '--json'], io)).toBe(0);
    const json = JSON.parse(out.join('\n')) as ReportJson;
    expect(Object.keys(json)).toEqual(['communes', 'mean', 'meanChange', 'highest', 'lowest', 'highestGapToMean', 'ratio', 'groups']);
    expect(json.communes.map((c) => c.name)).toEqual(['Bình An', 'Bình Đào', 'Bình Minh', 'Phường 1', 'Tam Hải', 'Bình Dương', 'Bình Trung']);
    expect(json.communes[1]).toEqual({ code: '00002', name: 'Bình Đào', type: 'xa', index: 80, selfIndex: 80, rank: 1, group: 'Nhóm 1: từ 80% trở lên', change: -1 });
    expect(json).toMatchObject({ mean: 74.58, meanChange: -0.52, highestGapToMean: 5.42, ratio: 1.23 });
  });

  it('prints the ranking and the paragraphs as text; refuses bad arguments with exit 2', async () => {
    expect(await runCli(['report', ...db, '--year', '2026'], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^1 +00003 +Bình An .* 80,00% +80,00% +Nhóm 1: từ 80% trở lên {2}\(2 tiêu chí còn giữ điểm tự chấm\)$/mu);
    expect(text).toMatch(/^— +00006 +Bình Trung/mu);
    expect(text).toContain('74,58%');
    expect(await runCli(['report', ...db, '--year', '2026', '--basis', 'council'], io)).toBe(2);
    expect(await runCli(['report', ...db], io)).toBe(2);
    expect(err.join('\n')).toContain('--year');
  });

  it('writes the CSV with a BOM and the xlsx with frozen Vietnamese headers and number formats', async () => {
    expect(await runCli(['report', ...db, '--year', '2026', '--json', '--csv', 'xh.csv', '--xlsx', 'xh.xlsx'], io)).toBe(0);
    expect(() => JSON.parse(out.join('\n')) as unknown).not.toThrow();
    expect(err.join('\n')).toContain('xh.xlsx');
    const csv = readFileSync(join(t.dir, 'xh.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF"Thứ hạng","Mã","Tên đơn vị"')).toBe(true);
    expect(csv.split('\r\n')[2]).toBe('1,"00002","Bình Đào","Xã",80.00,80.00,2,"Nhóm 1: từ 80% trở lên",81.00,-1.00');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(t.dir, 'xh.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Xếp hạng', 'Lĩnh vực', 'Tiêu chí', 'Tổng hợp']);
    const ws = wb.getWorksheet('Xếp hạng')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(5).value).toBe('Chỉ số CCHC (%)');
    expect(ws.getRow(2).getCell(5).value).toBe(80);
    expect(ws.getRow(2).getCell(5).numFmt).toBe('0.00');
    const matrix = wb.getWorksheet('Tiêu chí')!;
    expect(matrix.getRow(1).values).toEqual([undefined, 'Thứ hạng', 'Mã', 'Tên đơn vị', '1.2 (tối đa 1,50)', '1.3 (tối đa 1,00)']);
    expect(matrix.getRow(2).values).toEqual([undefined, 1, '00003', 'Bình An', 1.2, 1]);
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('writes the A4 PDF report with --pdf through headless Chromium', async () => {
    expect(await runCli(['report', ...db, '--year', '2026', '--pdf', 'bao-cao.pdf'], io)).toBe(0);
    expect(readFileSync(join(t.dir, 'bao-cao.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it.skipIf(!soffice)('the xlsx opened by LibreOffice shows the numbers --json prints', async () => {
    expect(await runCli(['report', ...db, '--year', '2026', '--json', '--xlsx', 'xh.xlsx'], io)).toBe(0);
    const json = JSON.parse(out.join('\n')) as ReportJson;
    const outDir = join(t.dir, 'lo');
    mkdirSync(outDir);
    // A profile of its own, so a LibreOffice already running for someone else is not reused.
    execFileSync(soffice!, [`-env:UserInstallation=file://${join(t.dir, 'lo-profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, join(t.dir, 'xh.xlsx')], { stdio: 'ignore', timeout: 120_000 });
    const lines = readFileSync(join(outDir, 'xh.csv'), 'utf8').trim().split(/\r?\n/u);
    const cells = lines.slice(1).map((l) => l.split(',').map((c) => c.replace(/^"|"$/gu, '')));
    expect(cells.map((c) => c[1])).toEqual(json.communes.map((c) => c.code));
    const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
    expect(cells.map((c) => [num(c[0]), c[2], num(c[4]), num(c[5]), c[7] || null, num(c[9])])).toEqual(
      json.communes.map((c) => [c.rank, c.name, c.index, c.selfIndex, c.group, c.change]),
    );
    // Shown with two decimals, as formatted.
    expect(lines[1]).toContain('80.00');
  }, 180_000);
});

describe('chiso history import', () => {
  beforeEach(() => {
    t.cleanup();
    fill((d) => addCommunes(d, [{ code: '00001', name: 'Bình Minh' }, { code: '00007', name: 'Tam Hải', packages: [{ year: 2026, index: 7000 }] }]));
  });

  it('imports last year by code (a merged commune under its old name matches), dry run first', async () => {
    writeFileSync(join(t.dir, 'kq.csv'), '\uFEFFMã,Tên,Chỉ số,Nhóm\r\n00001,Bình Minh,"78,5",Nhóm 2\r\n00007,Tam Anh,69.00%,\r\n00099,Bình Dương,75,\r\n');
    const before = history();
    expect(await runCli(['history', 'import', ...db, '--year', '2025', '--dry-run', 'kq.csv'], io)).toBe(0);
    expect(history()).toBe(before);
    expect(out.join('\n')).toContain('dòng 3 00007: "Tam Anh" nay là "Tam Hải" (đối chiếu theo mã)');
    expect(await runCli(['history', 'import', ...db, '--year', '2025', 'kq.csv'], io)).toBe(0);
    expect(out.at(-1)).toBe('Đã nhập kết quả năm 2025: 3 xã.');
    expect(history()).toBe(JSON.stringify([
      [
        { year: 2025, code: '00001', name: 'Bình Minh', index_percent: 7850, group_label: 'Nhóm 2' },
        { year: 2025, code: '00007', name: 'Tam Anh', index_percent: 6900, group_label: null },
        { year: 2025, code: '00099', name: 'Bình Dương', index_percent: 7500, group_label: null },
      ],
      [{ action: 'report.history.import' }],
    ]));
    out.length = 0;
    expect(await runCli(['report', ...db, '--year', '2026', '--json'], io)).toBe(0);
    expect((JSON.parse(out.join('\n')) as ReportJson).communes.find((c) => c.code === '00007')?.change).toBe(1);
  });

  it('refuses a file with bad rows, naming each by line, and writes nothing', async () => {
    writeFileSync(join(t.dir, 'kq.csv'), 'code,name,index\n00001,Bình Minh,78.123\n1,Ngắn,70\n00001,Lặp,70\n00005,,abc\n');
    const before = history();
    expect(await runCli(['history', 'import', ...db, '--year', '2025', 'kq.csv'], io)).toBe(1);
    const e = err.join('\n');
    expect(e).toContain('HISTORY_INVALID');
    expect(e).toContain('dòng 2: chỉ số "78.123" không phải một số phần trăm');
    expect(e).toContain('dòng 3: mã "1" không hợp lệ');
    expect(e).toContain('dòng 4: mã 00001 trùng với dòng 2');
    expect(e).toContain('dòng 5: thiếu tên; chỉ số "abc" không phải một số phần trăm');
    expect(history()).toBe(before);
  });

  it('reads an xlsx: codes typed as numbers, indices as numbers or percent-formatted cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('KQ');
    ws.addRow(['Mã', 'Tên', 'Chỉ số']);
    ws.addRow([1, 'Bình Minh', 78.25]);
    const r = ws.addRow(['00007', 'Tam Anh', 0.6912]);
    r.getCell(3).numFmt = '0.00%';
    await wb.xlsx.writeFile(join(t.dir, 'kq.xlsx'));
    expect(await runCli(['history', 'import', ...db, '--year', '2025', 'kq.xlsx'], io)).toBe(0);
    expect(history()).toContain('"code":"00001","name":"Bình Minh","index_percent":7825');
    expect(history()).toContain('"code":"00007","name":"Tam Anh","index_percent":6912');
  });

  it('refuses a wrong extension and a missing year', async () => {
    writeFileSync(join(t.dir, 'kq.txt'), 'x');
    expect(await runCli(['history', 'import', ...db, '--year', '2025', 'kq.txt'], io)).toBe(1);
    expect(await runCli(['history', 'import', ...db, 'kq.txt'], io)).toBe(2);
  });
});
