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
import { addOneCommune, communes, editOneCommune, importRosterFile, previewRosterImport, removeOneCommune, setReportDeadline } from './use-cases';

const TYPE_NAMES: Record<CommuneType, string> = { xa: 'xã', phuong: 'phường', 'dac-khu': 'đặc khu', 'thi-tran': 'thị trấn' };
const SUBCOMMANDS = ['import', 'list', 'deadline', 'add', 'edit', 'remove'];
const TYPE_ARGS: Record<string, CommuneType> = { xa: 'xa', 'xã': 'xa', phuong: 'phuong', 'phường': 'phuong', 'dac-khu': 'dac-khu', 'đặc khu': 'dac-khu', 'thi-tran': 'thi-tran', 'thị trấn': 'thi-tran' };

/** --type as people write it (xã, phường, đặc khu, thị trấn, or the stored form); main checks it again. */
function typeArg(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  return TYPE_ARGS[v.normalize('NFC').trim().toLowerCase()] ?? v;
}

function counts(p: RosterPreview): string {
  return `${p.counts.new} mới, ${p.counts.changed} thay đổi, ${p.counts.unchanged} không đổi, ${p.counts.refused} bị từ chối; ${p.notInFile} xã đã có không nằm trong tệp (giữ nguyên)`;
}

export const rosterCommands: Commands = {
  communes: {
    help: `chiso communes import --db FILE [--dry-run] ROSTER.csv|xlsx        (đơn vị thẩm định)
chiso communes list --db FILE [--json]
chiso communes deadline --db FILE --year YYYY --date YYYY-MM-DD
chiso communes add --db FILE --code MÃ --name TÊN --type xã|phường|đặc khu|thị trấn
chiso communes edit --db FILE --code MÃ [--name TÊN] [--type LOẠI] [--active yes|no]
chiso communes remove --db FILE --code MÃ   (chỉ khi xã chưa có dữ liệu; nếu có, dùng edit --active no)
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
        options: {
          db: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, year: { type: 'string' }, date: { type: 'string' },
          code: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, active: { type: 'string' },
        },
      });
      const path = dbPath(values, io);
      if (sub === 'import' && positionals.length !== 1) throw new UsageError('communes import cần đúng một tệp danh sách xã (.csv hoặc .xlsx)');
      if (sub === 'deadline') {
        if (!values.year || !/^\d{4}$/u.test(values.year)) throw new UsageError('thiếu hoặc sai --year YYYY (ví dụ --year 2026)');
        if (!values.date) throw new UsageError('thiếu --date YYYY-MM-DD');
        dateArg('--date', values.date);
      }
      if ((sub === 'add' || sub === 'edit' || sub === 'remove') && !values.code) throw new UsageError('thiếu --code MÃ (mã xã 5 chữ số)');
      if (sub === 'add' && (!values.name || !values.type)) throw new UsageError('communes add cần --name TÊN và --type LOẠI');
      if (values.active !== undefined && values.active !== 'yes' && values.active !== 'no') throw new UsageError('--active yes hoặc --active no');
      return withApp(env, path, async (app) => {
        switch (sub) {
          case 'add': {
            const c = await app.perform(addOneCommune, { code: values.code!, name: values.name!, type: typeArg(values.type)! });
            io.out(`Đã thêm ${printable(c.code)} ${printable(c.name)} (${TYPE_NAMES[c.type]}).`);
            return 0;
          }
          case 'edit': {
            const c = await app.perform(editOneCommune, {
              code: values.code!, name: values.name, type: typeArg(values.type), active: values.active === undefined ? undefined : values.active === 'yes',
            });
            io.out(`${printable(c.code)}  ${TYPE_NAMES[c.type]}  ${printable(c.name)}${c.active ? '' : '  (ngừng hoạt động)'}`);
            return 0;
          }
          case 'remove': {
            await app.perform(removeOneCommune, { code: values.code! });
            io.out(`Đã xóa ${printable(values.code!)} khỏi danh sách xã.`);
            return 0;
          }
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
