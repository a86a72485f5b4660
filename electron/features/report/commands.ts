import { basename, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { viPercent } from '../../../shared/report/format';
import { printable, printableJson } from '../../../shared/text';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, withApp } from '../../kernel/commands/command';
import { UsageError } from '../../kernel/commands/io';
import type { AppContext } from '../../kernel/use-case';
import { readHistoryFile } from './history-file';
import { reportParagraphs, reportJson } from '../../../shared/report/report';
import { rankingRows, TYPE_NAMES } from './report-table';
import { exportReportCsv, exportReportPdf, exportReportXlsx, importHistoryFile, previewHistoryImport, reportOf, type ReportQuery } from './use-cases';

/**
 * The files `chiso report` can write, one entry each: `--<option> FILE`. Another format is one
 * more entry here (its option is added to the parser from this list).
 */
export interface ReportExport {
  option: string;
  help: string;
  write(app: AppContext, query: ReportQuery, path: string): Promise<{ file: string } | null>;
}

export const REPORT_EXPORTS: ReportExport[] = [
  { option: 'xlsx', help: '--xlsx FILE  bảng tính: xếp hạng, lĩnh vực, ma trận tiêu chí, tổng hợp', write: (app, q, path) => app.perform(exportReportXlsx, { ...q, path: async () => path }) },
  { option: 'pdf', help: '--pdf FILE   báo cáo A4 (câu chữ, bảng, biểu đồ); dòng lệnh cần Chromium hoặc Chrome', write: (app, q, path) => app.perform(exportReportPdf, { ...q, path: async () => path }) },
  { option: 'csv', help: '--csv FILE   bảng xếp hạng CSV (UTF-8 có BOM, mở được bằng Excel)', write: (app, q, path) => app.perform(exportReportCsv, { ...q, path: async () => path }) },
];

function yearArg(value: string | undefined): number {
  if (!value || !/^\d{4}$/u.test(value)) throw new UsageError('thiếu hoặc sai --year YYYY (ví dụ --year 2026)');
  const year = Number(value);
  if (year < 2000 || year > 2100) throw new UsageError('--year phải trong khoảng 2000–2100');
  return year;
}

const pct = (v: number | null): string => (v === null ? '—' : viPercent(v));
const change = (v: number | null): string => (v === null ? '' : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${viPercent(Math.abs(v)).replace('%', '')}`);

export const reportCommands: Commands = {
  report: {
    help: `chiso report --db REVIEWER.sqlite --year YYYY [--basis appraised|self] [--json] ${REPORT_EXPORTS.map((e) => `[--${e.option} FILE]`).join(' ')}
  Xếp hạng và số liệu tổng hợp của năm: chỉ số (thẩm định, kèm chỉ số tự đánh giá), thứ hạng
  (bằng chỉ số thì cùng hạng, xếp theo tên), nhóm, tăng giảm so với năm trước, trung bình, cao
  nhất, thấp nhất, các nhóm. --basis self: theo chỉ số tự đánh giá. --json: một đối tượng
  {communes, mean, meanChange, highest, lowest, highestGapToMean, ratio, groups}.
  ${REPORT_EXPORTS.map((e) => e.help).join('\n  ')}`,
    async run(args, env) {
      const { io } = env;
      const options: ParseArgsConfig['options'] = { db: { type: 'string' }, year: { type: 'string' }, basis: { type: 'string' }, json: { type: 'boolean' } };
      for (const e of REPORT_EXPORTS) options[e.option] = { type: 'string' };
      const { values } = parseArgs({ args, strict: true, options });
      const v = values as Record<string, string | boolean | undefined>;
      const path = dbPath({ db: v['db'] as string | undefined }, io, { mustExist: true });
      const year = yearArg(v['year'] as string | undefined);
      const basis = (v['basis'] ?? 'appraised') as string;
      if (basis !== 'appraised' && basis !== 'self') throw new UsageError('--basis là appraised (thẩm định) hoặc self (tự đánh giá)');
      const query: ReportQuery = { year, basis, types: null };
      const say = v['json'] ? io.err : io.out;
      return withApp(env, path, async (app) => {
        const { report } = await app.perform(reportOf, query);
        if (v['json']) io.out(printableJson(JSON.stringify(reportJson(report), null, 2)));
        else {
          io.out(`Xếp hạng Chỉ số CCHC năm ${year} (${basis === 'self' ? 'chỉ số tự đánh giá' : 'chỉ số thẩm định'})`);
          io.out(`${'Hạng'.padEnd(5)} ${'Mã'.padEnd(6)} ${'Tên'.padEnd(26)} ${'Loại'.padEnd(9)} ${'Chỉ số'.padStart(8)} ${'Tự ĐG'.padStart(8)} ${'+/−'.padStart(7)}  Nhóm`);
          for (const r of rankingRows(report)) {
            const pending = r.itemsAtSelfScore ? `  (${r.itemsAtSelfScore} tiêu chí còn giữ điểm tự chấm)` : '';
            io.out(`${String(r.rank ?? '—').padEnd(5)} ${r.code.padEnd(6)} ${printable(r.name).padEnd(26)} ${TYPE_NAMES[r.type].padEnd(9)} ${pct(r.index).padStart(8)} ${pct(r.selfIndex).padStart(8)} ${change(r.change).padStart(7)}  ${printable(r.group ?? '')}${pending}`);
          }
          const text = reportParagraphs(report);
          io.out('');
          for (const p of text.paragraphs) io.out(p);
          io.out('');
          io.out(text.footnote);
        }
        for (const e of REPORT_EXPORTS) {
          const target = v[e.option];
          if (typeof target !== 'string') continue;
          const done = await e.write(app, query, resolve(io.cwd, target));
          if (done) say(`Đã ghi ${done.file}`);
        }
        return 0;
      });
    },
  },
  history: {
    help: `chiso history import --db REVIEWER.sqlite --year YYYY [--dry-run] KETQUA.csv|xlsx
  Nhập kết quả Chỉ số CCHC đã công bố của một năm (thường là năm trước) để so sánh: cột "Mã",
  "Tên", "Chỉ số" (ví dụ 83,52), có thể thêm "Nhóm". Đối chiếu theo mã xã (xã sáp nhập năm 2025
  giữ mã của một xã cũ). Dòng lỗi được liệt kê theo số dòng và khi có dòng lỗi thì không nhập gì;
  nhập lại cùng năm thì thay toàn bộ kết quả của năm đó.`,
    async run(args, env) {
      const { io } = env;
      const [sub, ...rest] = args;
      if (sub !== 'import') throw new UsageError('lệnh con của history: import');
      const { values, positionals } = parseArgs({ args: rest, strict: true, allowPositionals: true, options: { db: { type: 'string' }, year: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
      const path = dbPath(values, io, { mustExist: true });
      const year = yearArg(values.year);
      if (positionals.length !== 1) throw new UsageError('history import cần đúng một tệp kết quả (.csv hoặc .xlsx)');
      const file = resolve(io.cwd, positionals[0]!);
      return withApp(env, path, async (app) => {
        // The file is read before the use case runs (a use case does not wait before its transaction).
        const rows = await readHistoryFile(file);
        const preview = await app.perform(previewHistoryImport, { year, rows });
        for (const r of preview.rows) {
          if (r.status === 'renamed') io.out(`  dòng ${r.line ?? '?'} ${printable(r.code ?? '')}: "${printable(r.name ?? '')}" nay là "${printable(r.reason ?? '')}" (đối chiếu theo mã)`);
          else if (r.status === 'not-in-roster') io.out(`  dòng ${r.line ?? '?'} ${printable(r.code ?? '')}: ${printable(r.name ?? '')} không có trong danh sách xã (vẫn nhập; không khớp với xã nào)`);
        }
        const c = preview.counts;
        const summary = `${c.matched + c.renamed + c['not-in-roster']} dòng hợp lệ (${c.renamed} xã đổi tên, ${c['not-in-roster']} không có trong danh sách), ${c.refused} dòng lỗi`;
        if (values['dry-run']) {
          for (const r of preview.rows) if (r.status === 'refused') io.err(`  dòng ${r.line ?? '?'}${r.code ? ` (${printable(r.code)})` : ''}: ${printable(r.reason ?? '')}`);
          io.out(`Chạy thử (chưa ghi gì): ${summary}.`);
          return c.refused > 0 ? 1 : 0;
        }
        const done = await app.perform(importHistoryFile, { year, rows, file: basename(file) });
        io.out(`Đã nhập kết quả năm ${year}: ${done.rows.length} xã${done.replaces > 0 ? ` (thay ${done.replaces} dòng đã có)` : ''}.`);
        return 0;
      });
    },
  },
};
