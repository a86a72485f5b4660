import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { printable } from '../../../shared/text';
import { indexBreakdown, indexLine } from '../../../shared/scoring/breakdown';
import { assessmentContract } from '../../../shared/ipc/assessment';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, withApp } from '../../kernel/commands/command';
import { UsageError } from '../../kernel/commands/io';
import { readUserText } from '../../kernel/files/user-files';
import { parseInput } from '../../kernel/validation';
import { previewEntries, assessmentScores, finaliseAssessment, loadEntries, reopenAssessment } from './use-cases';

export const assessmentCommands: Commands = {
  load: {
    help: `chiso load --db FILE [--dry-run] ENTRIES.json
  Nạp số liệu tự đánh giá (kết quả từng tiêu chí, giải trình, tài liệu kiểm chứng) từ tệp JSON
  (định dạng: docs/entries-format.md). Tệp có lỗi thì không nạp gì, in ra dòng và lý do.
  --dry-run: chỉ in những gì sẽ thay đổi (từng mục: mới / thay đổi / giữ nguyên), không ghi gì.`,
    async run(args, env) {
      const { io } = env;
      const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { db: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
      const path = dbPath(values, io);
      const file = positionals[0];
      if (!file || positionals.length > 1) throw new UsageError('load cần đúng một tệp số liệu');
      const text = readUserText(resolve(io.cwd, file), 'entries');
      return withApp(env, path, async (app) => {
        if (values['dry-run']) {
          const p = await app.perform(previewEntries, { text });
          for (const i of p.items) if (i.change !== 'same') io.out(`Mục ${printable(i.code)}: ${i.change === 'new' ? 'mới' : 'thay đổi (ghi đè số liệu đã có)'}`);
          io.out(`Sẽ nạp: ${p.counts.new} mục mới, ${p.counts.changed} mục thay đổi, ${p.counts.same} mục giữ nguyên, ${p.forms} phiếu mới. Chưa ghi gì.`);
          return 0;
        }
        const report = await app.perform(loadEntries, { file: basename(file), text });
        for (const s of report.sections) io.out(`Đã nạp ${s.count} ${printable(s.label)} (phần "${printable(s.name)}").`);
        const sc = await app.perform(assessmentScores, undefined);
        io.out(`Điểm: ${printable(indexLine(indexBreakdown(sc)))}`);
        return 0;
      });
    },
  },
  finalise: {
    help: `chiso finalise --db FILE
chiso reopen --db FILE --reason "LÝ DO"
  Chốt số liệu tự đánh giá (khóa để xuất hồ sơ; từ chối khi còn tiêu chí có lỗi), hoặc mở lại
  để sửa (bắt buộc ghi lý do; được ghi vào nhật ký; lần xuất sau là một lần gửi mới).`,
    async run(args, env) {
      const { values } = parseArgs({ args, strict: true, options: { db: { type: 'string' } } });
      return withApp(env, dbPath(values, env.io), async (app) => {
        const lock = await app.perform(finaliseAssessment, undefined);
        env.io.out(`Đã chốt số liệu (lần chốt thứ ${lock.revision}).`);
        return 0;
      });
    },
  },
  reopen: {
    help: '',
    async run(args, env) {
      const { values } = parseArgs({ args, strict: true, options: { db: { type: 'string' }, reason: { type: 'string' } } });
      const path = dbPath(values, env.io);
      if (!values.reason) throw new UsageError('mở lại cần --reason "LÝ DO"');
      const input = parseInput(assessmentContract['assessment:reopen'].input, { reason: values.reason });
      return withApp(env, path, async (app) => {
        await app.perform(reopenAssessment, input);
        env.io.out('Đã mở lại số liệu để sửa. Nhớ chốt lại trước khi xuất hồ sơ.');
        return 0;
      });
    },
  },
};
