import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { printable, printableJson } from '../../../shared/text';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, withApp } from '../../kernel/commands/command';
import { dateArg } from '../../kernel/commands/dates';
import { UsageError } from '../../kernel/commands/io';
import type { RosterPreview } from './roster';
import { readRosterFile } from './roster-file';
import type { CommuneType } from './roster-rows';
import { communes, importRosterFile, previewRosterImport, setReportDeadline } from './use-cases';

const TYPE_NAMES: Record<CommuneType, string> = { xa: 'xã', phuong: 'phường', 'dac-khu': 'đặc khu', 'thi-tran': 'thị trấn' };
const SUBCOMMANDS = ['import', 'list', 'deadline'];

function counts(p: RosterPreview): string {
  return `${p.counts.new} mới, ${p.counts.changed} thay đổi, ${p.counts.unchanged} không đổi, ${p.counts.refused} bị từ chối; ${p.notInFile} xã đã có không nằm trong tệp (giữ nguyên)`;
}

export const rosterCommands: Commands = {
  communes: {
    help: `chiso communes import --db FILE [--dry-run] ROSTER.csv|xlsx        (đơn vị thẩm định)
chiso communes list --db FILE [--json]
chiso communes deadline --db FILE --year YYYY --date YYYY-MM-DD
  Danh sách xã của đơn vị: tệp CSV hoặc xlsx có cột "Mã", "Tên", "Loại" (xã, phường, đặc khu,
  thị trấn); mã 5 chữ số là khóa, không dùng tên. Mọi dòng lỗi được liệt kê theo số dòng và khi
  có dòng lỗi thì không nhập xã nào. --dry-run chỉ cho biết mỗi dòng sẽ là mới, thay đổi hay
  không đổi. "deadline" đặt hạn nộp gói dữ liệu của một năm.`,
    async run(args, env) {
      const { io } = env;
      const [sub, ...rest] = args;
      if (!SUBCOMMANDS.includes(sub ?? '')) throw new UsageError(`lệnh con của communes: ${SUBCOMMANDS.join(', ')}`);
      const { values, positionals } = parseArgs({
        args: rest,
        strict: true,
        allowPositionals: true,
        options: { db: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, year: { type: 'string' }, date: { type: 'string' } },
      });
      const path = dbPath(values, io);
      if (sub === 'import' && positionals.length !== 1) throw new UsageError('communes import cần đúng một tệp danh sách xã (.csv hoặc .xlsx)');
      if (sub === 'deadline') {
        if (!values.year || !/^\d{4}$/u.test(values.year)) throw new UsageError('thiếu hoặc sai --year YYYY (ví dụ --year 2026)');
        if (!values.date) throw new UsageError('thiếu --date YYYY-MM-DD');
        dateArg('--date', values.date);
      }
      return withApp(env, path, async (app) => {
        switch (sub) {
          case 'import': {
            // The file is read before the use case runs (a use case does not wait before its transaction).
            const rows = await readRosterFile(resolve(io.cwd, positionals[0]!));
            const preview = await app.perform(previewRosterImport, { rows });
            for (const r of preview.rows) {
              if (r.status === 'refused') io.err(`  dòng ${r.line ?? '?'}${r.code ? ` (${printable(r.code)})` : ''}: ${printable(r.reason ?? '')}`);
              else if (r.status === 'changed') io.out(`  dòng ${r.line ?? '?'} ${printable(r.code ?? '')}: đổi ${printable(r.reason ?? '')} (${printable(r.before?.name ?? '')} → ${printable(r.name ?? '')})`);
            }
            if (preview.counts.refused > 0) {
              io.err(`Không nhập: ${counts(preview)}.`);
              throw new AppError('ROSTER_INVALID', `${preview.counts.refused} rows refused`);
            }
            if (values['dry-run']) {
              io.out(`Chạy thử (chưa ghi gì): ${counts(preview)}.`);
              return 0;
            }
            const done = await app.perform(importRosterFile, { rows });
            io.out(`Đã nhập danh sách xã: ${counts(done)}.`);
            return 0;
          }
          case 'deadline': {
            const d = await app.perform(setReportDeadline, { year: Number(values.year), deadline: values.date! });
            io.out(`Hạn nộp năm ${d.year}: ${d.deadline}.`);
            return 0;
          }
          default: {
            const list = await app.perform(communes, undefined);
            if (values.json) {
              io.out(printableJson(JSON.stringify(list.map((c) => ({ code: c.code, name: c.name, type: c.type, active: c.active })))));
              return 0;
            }
            for (const c of list) io.out(`${printable(c.code)}  ${TYPE_NAMES[c.type].padEnd(8)}  ${printable(c.name)}${c.active ? '' : '  (ngừng hoạt động)'}`);
            io.out(`${list.length} xã, phường, đặc khu (${list.filter((c) => c.active).length} đang hoạt động).`);
            return 0;
          }
        }
      });
    },
  },
};
