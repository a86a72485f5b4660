import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BackupInfo } from '../../../shared/ipc/backup';
import { printable } from '../../../shared/text';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, withApp } from '../../kernel/commands/command';
import { UsageError } from '../../kernel/commands/io';
import { backupState, createManualBackup, exportAll, importAll, recover } from './use-cases';

const SUBCOMMANDS = ['create', 'list', 'restore', 'export-all', 'import-all'];

const KIND: Record<BackupInfo['manifest']['kind'], string> = {
  daily: 'hằng ngày', manual: 'theo yêu cầu', 'pre-migration': 'trước nâng cấp', 'pre-import': 'trước nhập gói', 'pre-restore': 'trước khôi phục',
};

export function backupLine(b: BackupInfo): string {
  const m = b.manifest;
  const unit = m.unit ? `${printable(m.unit.name)} (${printable(m.unit.code)})` : '(chưa thiết lập)';
  const c = m.counts;
  return `${b.name}  ${KIND[m.kind].padEnd(15)} ${unit} năm ${m.year ?? '—'} · ${c.entries} mục · ${c.evidenceFiles} tài liệu · ${c.surveyForms} phiếu · ${c.packagesReceived} hồ sơ đã nhận · sửa lần cuối ${m.lastChangeAt ?? '—'}`;
}

export const backupCommands: Commands = {
  backup: {
    help: `chiso backup create|list --db FILE          chiso backup restore --db FILE [--yes] TÊN-BẢN-SAO-LƯU
chiso backup export-all --db FILE --out DIR   chiso backup import-all --db FILE [--yes] TỆP.cchc-all
  Sao lưu cơ sở dữ liệu (thư mục backups/ cạnh tệp CSDL; tự động mỗi ngày khi mở ứng dụng, trước
  mỗi lần nâng cấp và mỗi lần nhập gói). restore: sao lưu trạng thái hiện tại rồi thay bằng bản đã
  chọn; với CSDL bị hỏng, tệp hỏng được giữ lại bên cạnh. export-all: toàn bộ dữ liệu (CSDL và tài
  liệu kiểm chứng) trong một tệp để chuyển sang máy khác; import-all: nhập tệp đó (không gồm khóa
  ký: dùng keys backup/restore). restore và import-all cần --yes.`,
    async run(args, env) {
      const { io } = env;
      const [sub, ...rest] = args;
      const { values, positionals } = parseArgs({
        args: rest, strict: true, allowPositionals: true, options: { db: { type: 'string' }, out: { type: 'string' }, yes: { type: 'boolean' }, json: { type: 'boolean' } },
      });
      if (!SUBCOMMANDS.includes(sub ?? '')) throw new UsageError(`lệnh con của backup: ${SUBCOMMANDS.join(', ')}`);
      const path = dbPath(values, io, { mustExist: sub !== 'import-all' });
      if (sub === 'export-all' && !values.out) throw new UsageError('thiếu --out DIR');
      if ((sub === 'restore' || sub === 'import-all') && !positionals[0]) throw new UsageError(`backup ${sub} cần ${sub === 'restore' ? 'tên bản sao lưu (xem backup list)' : 'tệp .cchc-all'}`);
      if ((sub === 'restore' || sub === 'import-all') && !values.yes) {
        throw new UsageError(`backup ${sub} thay toàn bộ dữ liệu hiện có (sau khi sao lưu trạng thái hiện tại): thêm --yes để xác nhận`);
      }
      // Opened in recovery mode: restore and import-all work on a damaged database.
      return withApp({ ...env, open: (p) => env.open(p, { recoverOnCorrupt: true }) }, path, async (app) => {
        switch (sub) {
          case 'create': {
            const b = await app.perform(createManualBackup, undefined);
            io.out(`Đã sao lưu: ${backupLine(b)}`);
            return 0;
          }
          case 'list': {
            const s = await app.perform(backupState, undefined);
            if (values.json) {
              io.out(JSON.stringify(s, null, 2));
              return 0;
            }
            if (s.recovery) {
              io.out(`CƠ SỞ DỮ LIỆU BỊ HỎNG (${printable(s.recovery.problems[0] ?? '')}). Sửa lần cuối: ${s.recovery.damagedChangedAt ?? '—'}.`);
              io.out(s.recovery.lastGood ? `Bản sao lưu tốt gần nhất: ${s.recovery.lastGood.name} (sửa lần cuối ${s.recovery.lastGood.manifest.lastChangeAt ?? '—'}).` : 'Không có bản sao lưu nào dùng được.');
            }
            io.out(`Thư mục sao lưu: ${printable(s.folder)} · ${s.backups.length} bản`);
            for (const b of s.backups) io.out(backupLine(b));
            return 0;
          }
          case 'restore': {
            const r = await app.perform(recover, { name: positionals[0]! });
            io.out(`Đã khôi phục ${r.restored}. Dữ liệu trước khi khôi phục được giữ tại: ${printable(r.keptAs)}.`);
            return 0;
          }
          case 'export-all': {
            const out = resolve(io.cwd, values.out!);
            const r = await app.perform(exportAll, { folder: async () => out });
            io.out(`Đã xuất toàn bộ dữ liệu: ${printable(r!.path)} (${r!.size} byte).`);
            if (r!.skipped.length) io.out(`Bỏ qua ${r!.skipped.length} tài liệu bị thiếu hoặc hỏng trên máy này: ${r!.skipped.join(', ')}`);
            return 0;
          }
          default: {
            const r = await app.perform(importAll, { file: resolve(io.cwd, positionals[0]!) });
            io.out(`Đã nhập toàn bộ dữ liệu từ ${printable(r.restored)}.${r.keptAs ? ` Dữ liệu trước đó được giữ tại: ${printable(r.keptAs)}.` : ''}`);
            return 0;
          }
        }
      });
    },
  },
};
