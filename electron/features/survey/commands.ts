import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { printable } from '../../../shared/text';
import { indexLine } from '../../../shared/scoring/breakdown';
import { formatPoints } from '../../../shared/framework/points';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, withApp } from '../../kernel/commands/command';
import { UsageError } from '../../kernel/commands/io';
import { readSurveyFile } from './survey-file';
import { importSurvey, readSurveyResults, surveyTemplate } from './use-cases';

export const surveyCommands: Commands = {
  survey: {
    help: `chiso survey import --db FILE PHIEU.xlsx|PHIEU.csv|PHIEU.json
  Nhập phiếu điều tra xã hội học từ bảng tính (mẫu: chiso survey template) hoặc JSON.
  Có dòng lỗi thì không nhập phiếu nào và liệt kê mọi lỗi theo số dòng (thoát mã 1).
chiso survey template --db FILE MAU.xlsx
  Ghi bảng tính mẫu: mỗi câu hỏi một cột, trang thứ hai giải thích mã phương án.
chiso survey results --db FILE
  In số phiếu đã nhập, điểm từng tiêu chí điều tra và tổng điểm điều tra.`,
    async run(args, env) {
      const { io } = env;
      const [sub, ...rest] = args;
      if (sub !== 'import' && sub !== 'template' && sub !== 'results') throw new UsageError('lệnh con của survey: import, template, results');
      const { values, positionals } = parseArgs({ args: rest, strict: true, allowPositionals: true, options: { db: { type: 'string' } } });
      const path = dbPath(values, io);
      if (sub !== 'results' && positionals.length !== 1) throw new UsageError(`survey ${sub} cần đúng một tệp`);
      const file = sub === 'results' ? '' : resolve(io.cwd, positionals[0]!);
      return withApp(env, path, async (app) => {
        if (sub === 'import') {
          const { imported } = await app.perform(importSurvey, { rows: await readSurveyFile(file) });
          io.out(`Đã nhập ${imported} phiếu điều tra.`);
          return 0;
        }
        if (sub === 'template') {
          await app.perform(surveyTemplate, { path: async () => file });
          io.out(`Đã ghi bảng tính mẫu: ${printable(positionals[0]!)}`);
          return 0;
        }
        const r = await app.perform(readSurveyResults, undefined);
        const { saved, target, min } = r.progress;
        const reached = saved > target
          ? `; đủ chỉ tiêu, vượt ${saved - target} phiếu: vẫn được tính vào kết quả và gửi trong hồ sơ`
          : saved === target ? '; đủ chỉ tiêu' : saved < min ? `; chưa đủ tối thiểu ${min} phiếu` : '';
        io.out(`Phiếu đã nhập: ${saved}/${target} (đã kiểm tra hai lần: ${r.progress.verified}${reached})`);
        for (const i of r.items) io.out(`  ${printable(i.code)} ${printable(i.title)}: ${i.points === null ? 'chưa có' : formatPoints(i.points)}/${formatPoints(i.max)}`);
        io.out(`Điểm điều tra: ${formatPoints(r.survey.points)}/${formatPoints(r.survey.max)}`);
        io.out(`Tự đánh giá: ${formatPoints(r.selfAssessment.points)}/${formatPoints(r.selfAssessment.max)}`);
        io.out(`Chỉ số: ${printable(indexLine(r.breakdown))}`);
        return 0;
      });
    },
  },
};
