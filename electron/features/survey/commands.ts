import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { printable } from '../../../shared/text';
import { formatPercent, formatPoints } from '../../../shared/framework/points';
import { activeSurvey } from './keying';
import { importSurveyFile } from './import';
import { surveyResults } from './results';
import { writeSurveyTemplate } from './template';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';
import { openServices } from '../../app/cli/open';

export const surveyHelp = `chiso survey import --db FILE PHIEU.xlsx|PHIEU.csv|PHIEU.json
  Nhập phiếu điều tra xã hội học từ bảng tính (mẫu: chiso survey template) hoặc JSON.
  Có dòng lỗi thì không nhập phiếu nào và liệt kê mọi lỗi theo số dòng (thoát mã 1).
chiso survey template --db FILE MAU.xlsx
  Ghi bảng tính mẫu: mỗi câu hỏi một cột, trang thứ hai giải thích mã phương án.
chiso survey results --db FILE
  In số phiếu đã nhập, điểm từng tiêu chí điều tra và tổng điểm điều tra.`;

export async function surveyCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'import' && sub !== 'template' && sub !== 'results') throw new UsageError('lệnh con của survey: import, template, results');
  const { values, positionals } = parseArgs({ args: rest, strict: true, allowPositionals: true, options: { db: { type: 'string' } } });
  if (!values.db) throw new UsageError('thiếu --db FILE');
  if (sub !== 'results' && positionals.length !== 1) throw new UsageError(`survey ${sub} cần đúng một tệp`);
  const services = openServices(resolve(io.cwd, values.db));
  try {
    const { ctx } = services;
    if (sub === 'import') {
      const { imported } = await importSurveyFile(ctx, resolve(io.cwd, positionals[0]!));
      io.out(`Đã nhập ${imported} phiếu điều tra.`);
      return 0;
    }
    if (sub === 'template') {
      await writeSurveyTemplate(activeSurvey(ctx).def, resolve(io.cwd, positionals[0]!));
      io.out(`Đã ghi bảng tính mẫu: ${printable(positionals[0]!)}`);
      return 0;
    }
    const r = surveyResults(ctx);
    io.out(`Phiếu đã nhập: ${r.progress.saved}/${r.progress.target} (đã kiểm tra hai lần: ${r.progress.verified})`);
    for (const i of r.items) io.out(`  ${printable(i.code)} ${printable(i.title)}: ${i.points === null ? 'chưa có' : formatPoints(i.points)}/${formatPoints(i.max)}`);
    io.out(`Điểm điều tra: ${formatPoints(r.survey.points)}/${formatPoints(r.survey.max)}`);
    io.out(`Tự đánh giá: ${formatPoints(r.selfAssessment.points)}/${formatPoints(r.selfAssessment.max)} · Chỉ số: ${r.indexPercent === null ? '—' : formatPercent(r.indexPercent)}`);
    return 0;
  } finally {
    services.close();
  }
}
