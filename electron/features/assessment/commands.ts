import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { printable } from '../../../shared/text';
import { formatPercent, formatPoints } from '../../../shared/framework/points';
import { assessmentSnapshot } from './snapshot';
import { surveyTallyFor } from '../survey/snapshot';
import { loadEntriesText } from './entries-load';
import { readUserFile } from '../../kernel/files/user-file';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';
import { openServices } from '../../app/cli/open';

export const loadHelp = `chiso load --db FILE ENTRIES.json
  Nạp số liệu tự đánh giá (kết quả từng tiêu chí, giải trình, tài liệu kiểm chứng) từ tệp JSON
  (định dạng: docs/entries-format.md). Tệp có lỗi thì không nạp gì, in ra dòng và lý do.`;

export async function loadCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { db: { type: 'string' } } });
  if (!values.db) throw new UsageError('thiếu --db FILE');
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('load cần đúng một tệp số liệu');
  const text = readUserFile(resolve(io.cwd, file), { kind: 'entries' }).toString('utf8');
  const services = openServices(resolve(io.cwd, values.db));
  try {
    const report = loadEntriesText(services.ctx, text);
    for (const s of report.sections) io.out(`Đã nạp ${s.count} ${printable(s.label)} (phần "${printable(s.name)}").`);
    const snap = assessmentSnapshot(services.ctx, surveyTallyFor(services.ctx));
    const sc = snap.scores;
    io.out(
      `Tổng điểm: ${formatPoints(sc.total.points)}/${formatPoints(sc.total.applicableMax)} · chỉ số ${sc.indexPercent === null ? '—' : formatPercent(sc.indexPercent)} · ${sc.group ? printable(sc.group.label) : 'chưa xếp nhóm'}`,
    );
    return 0;
  } finally {
    services.close();
  }
}
