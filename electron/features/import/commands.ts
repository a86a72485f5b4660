import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { viDate } from '../../../shared/report/format';
import { differenceText } from '../../../shared/package/differences';
import { printable, printableJson } from '../../../shared/text';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, withApp } from '../../kernel/commands/command';
import { UsageError } from '../../kernel/commands/io';
import { formatDetails } from '../setup/identity-lines';
import type { ImportResult } from './import';
import type { BoardRow, ImportProgress } from '../../../shared/ipc/import';
import { vietnamDay } from '../../../shared/calendar-date';
import { overrideLines } from '../../../shared/package/completeness-notes';
import { exportImportLog, exportLogRows, importPackages, importStatus } from './use-cases';

const OUTCOME: Record<ImportResult['outcome'], string> = { accepted: 'ĐÃ NHẬN ', duplicate: 'ĐÃ CÓ   ', refused: 'TỪ CHỐI ' };
const INDENT = '         ';

function lines(r: ImportResult, dryRun: boolean): string[] {
  const file = printable(r.file);
  const what = r.commune ? `${printable(r.communeName ?? '')} (${printable(r.commune)})${r.year ? ` năm ${r.year}` : ''}${r.revision ? `, lần ${r.revision}` : ''}` : '';
  const label = dryRun && r.outcome === 'accepted' ? 'SẼ NHẬN ' : OUTCOME[r.outcome];
  if (r.outcome === 'refused') {
    const details = formatDetails(r.details);
    return [`${label} ${file}  [${printable(r.code ?? '')}] ${printable(r.message ?? '')}`, ...(details ? [`${INDENT}Chi tiết: ${details}`] : [])];
  }
  const flag = r.mismatch ? `  CẢNH BÁO: điểm tính lại khác điểm xã kê khai (${printable(differenceText(r.differences ?? [], 'vi'))})` : '';
  const dup = r.outcome !== 'duplicate' ? '' : r.sameChoice ? '  (trùng với một tệp phía trên; chỉ nhận một lần)' : '  (gói này đã được nhập trước đây; không có gì thay đổi)';
  return [`${label} ${file}  ${what}${dup}${flag}`];
}

const STATE: Record<BoardRow['state'], string> = { 'not-received': 'CHƯA NHẬN', received: 'ĐÃ NHẬN', flagged: 'CẦN XEM' };

export function boardLine(r: BoardRow): string {
  // On time is judged on the first revision received: a later one says when the first came.
  const first = r.firstReceivedAt && r.revision !== null && r.revision > 1 && vietnamDay(r.firstReceivedAt) !== vietnamDay(r.receivedAt ?? r.firstReceivedAt) ? `lần đầu nhận ${viDate(vietnamDay(r.firstReceivedAt))}` : '';
  const judged = [first, r.onTime === null ? '' : r.onTime ? 'đúng hạn' : 'trễ hạn'].filter(Boolean).join(', ');
  const when = r.receivedAt ? `lần ${r.revision}, nhận ${viDate(vietnamDay(r.receivedAt))}${judged ? ` (${judged})` : ''}` : '';
  const flags = [r.mismatch ? 'điểm tính lại khác kê khai' : '', r.refusedAttempts > 0 ? `${r.refusedAttempts} tệp bị từ chối` : ''].filter(Boolean).join('; ');
  return `${r.code}  ${printable(r.name).padEnd(28)} ${STATE[r.state].padEnd(10)} ${when}${flags ? `  [${flags}]` : ''}`;
}

function progressLine(p: ImportProgress): string {
  const eta = p.etaMs >= 1000 ? ` · còn khoảng ${Math.ceil(p.etaMs / 1000)} giây` : '';
  return `${p.done}/${p.total} tệp · nhận ${p.accepted} · đã có ${p.duplicates} · từ chối ${p.refused}${eta}`;
}

type Env = Parameters<Commands[string]['run']>[1];

async function importLog(args: string[], env: Env): Promise<number> {
  const { io } = env;
  const { values } = parseArgs({ args, strict: true, options: { db: { type: 'string' }, xlsx: { type: 'string' }, csv: { type: 'string' } } });
  const path = dbPath(values, io, { mustExist: true });
  return withApp(env, path, async (app) => {
    const written: string[] = [];
    for (const format of ['xlsx', 'csv'] as const) {
      const target = values[format];
      if (!target) continue;
      const r = await app.perform(exportImportLog, { format, path: async () => resolve(io.cwd, target) });
      written.push(`${printable(r!.path)} (${r!.rows} dòng)`);
    }
    if (written.length > 0) for (const w of written) io.out(`Đã ghi nhật ký nhập: ${w}`);
    else {
      const rows = await app.perform(exportLogRows, undefined);
      for (const r of rows) io.out(`${r.at}  ${printable(r.actor)}  ${r.outcome.padEnd(9)} ${printable(r.code ?? '').padEnd(22)} ${printable(r.commune ?? '—')} ${r.revision === null ? '' : `r${r.revision}`}  ${printable(r.file)}`);
      io.out(`${rows.length} dòng nhật ký.`);
    }
    return 0;
  });
}

export const importCommands: Commands = {
  import: {
    help: `chiso import --db REVIEWER.sqlite [--dry-run] [--json] PATH...
chiso import log --db REVIEWER.sqlite [--xlsx FILE] [--csv FILE]
  Nhập gói hồ sơ của xã (tệp, hoặc thư mục: mọi tệp *.json, kể cả thư mục con). Mỗi tệp một kết
  quả: ĐÃ NHẬN, ĐÃ CÓ (đã nhập trước đây, không phải lỗi) hoặc TỪ CHỐI kèm mã và lý do; một tệp
  hỏng không làm dừng các tệp khác. --dry-run: cho biết điều sẽ xảy ra, không ghi gì.
  --json: mảng {file, outcome: accepted|duplicate|refused, code, commune, revision, ...}.
  Thoát 0 khi không tệp nào bị từ chối, 1 nếu có. Tiến độ hiện trên stderr khi đó là màn hình;
  Ctrl-C dừng sau tệp đang ghi: các tệp đã xử lý được giữ, các tệp còn lại chưa xử lý (thoát 1).
  "import log": nhật ký nhập (mọi tệp, kết quả, mã lỗi, xã, lần gửi, ai, khi nào); --xlsx / --csv
  ghi ra tệp Excel hoặc CSV (UTF-8 có BOM). Thư mục tên "log" thì viết ./log.`,
    async run(args, env) {
      const { io } = env;
      if (args[0] === 'log') return importLog(args.slice(1), env);
      const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { json: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, db: { type: 'string' } } });
      if (positionals.length === 0) throw new UsageError('import cần ít nhất một tệp hoặc thư mục');
      const path = dbPath(values, io, { mustExist: true });
      const dryRun = values['dry-run'] === true;
      const paths = positionals.map((p) => resolve(io.cwd, p));
      // Ctrl-C cancels cleanly: the files finished stay imported, the rest are listed as not done.
      const cancel = new AbortController();
      const onInterrupt = () => cancel.abort();
      process.once('SIGINT', onInterrupt);
      const status = io.status;
      let batch;
      try {
        batch = await withApp(env, path, (app) =>
          app.perform(importPackages, { paths, dryRun, signal: cancel.signal, ...(status ? { onProgress: (p: ImportProgress) => status(progressLine(p)) } : {}) }),
        );
      } finally {
        process.removeListener('SIGINT', onInterrupt);
        status?.('');
      }
      const { results } = batch;
      const left = batch.total - results.length;
      if (batch.notice) io.err(`Ghi chú: ${printable(batch.notice)}`);
      if (values.json) io.out(printableJson(JSON.stringify(results, null, 2)));
      else {
        if (dryRun) io.out('Chạy thử: chưa ghi gì vào cơ sở dữ liệu.');
        for (const r of results) for (const l of lines(r, dryRun)) io.out(l);
        const n = (o: ImportResult['outcome']) => results.filter((r) => r.outcome === o).length;
        io.out(`Tổng: ${results.length} tệp · ${dryRun ? 'sẽ nhận' : 'đã nhận'} ${n('accepted')} · đã có ${n('duplicate')} · từ chối ${n('refused')}.`);
      }
      if (batch.stopped) io.err(`Đã dừng: ${left} tệp chưa xử lý (các tệp đã xử lý được giữ nguyên; chạy lại lệnh để nhập nốt).`);
      return batch.stopped || results.some((r) => r.outcome === 'refused') ? 1 : 0;
    },
  },
  status: {
    help: `chiso status --db REVIEWER.sqlite --year YYYY [--json]
  Bảng theo dõi hồ sơ của năm: mọi xã trong danh sách: CHƯA NHẬN, ĐÃ NHẬN (lần gửi, ngày nhận, đúng
  hạn hay trễ hạn) hoặc CẦN XEM (điểm tính lại khác kê khai, hoặc có tệp bị từ chối); dưới mỗi xã,
  các cảnh báo xã đã xác nhận khi gửi (gửi muộn, chưa đủ số phiếu, bộ tiêu chí mẫu) kèm lý do của xã.
  --json: thêm "completeness" (số mục, số phiếu, "overrides": mã và lý do) của lần gửi mới nhất.`,
    async run(args, env) {
      const { io } = env;
      const { values } = parseArgs({ args, strict: true, options: { json: { type: 'boolean' }, db: { type: 'string' }, year: { type: 'string' } } });
      const path = dbPath(values, io, { mustExist: true });
      if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError('thiếu hoặc sai --year YYYY');
      const year = Number(values.year);
      if (year < 2000 || year > 2100) throw new UsageError('--year phải trong khoảng 2000–2100');
      const board = await withApp(env, path, (app) => app.perform(importStatus, { year }));
      if (values.json) io.out(printableJson(JSON.stringify(board, null, 2)));
      else {
        io.out(`Năm ${board.year} · hạn nộp: ${board.deadline ? viDate(board.deadline) : '(chưa đặt)'} · ${board.rows.length} xã`);
        for (const r of board.rows) {
          io.out(boardLine(r));
          for (const l of overrideLines(r.completeness, 'vi')) io.out(`       ${l}`);
        }
      }
      return 0;
    },
  },
};
