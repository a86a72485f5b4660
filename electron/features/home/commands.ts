import { parseArgs } from 'node:util';
import { printable } from '../../../shared/text';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, withApp } from '../../kernel/commands/command';
import { deadlineSentence } from '../settings/sentences';
import { checklistLine } from './sentences';
import { checklist } from './use-cases';

export const homeCommands: Commands = {
  checklist: {
    help: `chiso checklist --db FILE [--json]
  Việc cần làm trong năm của xã: bộ tiêu chí, tự đánh giá, điều tra, chốt số liệu, khóa ký và bản sao lưu,
  đăng ký khóa, gửi hồ sơ; rồi danh sách kiểm tra trước khi gửi (dừng / lưu ý).`,
    async run(args, env) {
      const { io } = env;
      const { values } = parseArgs({ args, strict: true, options: { db: { type: 'string' }, json: { type: 'boolean' } } });
      const path = dbPath(values, io, { mustExist: true });
      return withApp(env, path, async (app) => {
        const c = await app.perform(checklist, undefined);
        if (values.json) {
          io.out(JSON.stringify(c));
          return 0;
        }
        io.out(`Việc cần làm năm ${c.year}`);
        io.out(c.deadline ? `Hạn gửi hồ sơ: ${deadlineSentence(c.deadline)}` : 'Hạn gửi hồ sơ: chưa có (nạp bộ tiêu chí Sở phát hành hoặc nhập: chiso deadline set)');
        for (const r of c.steps) io.out(checklistLine(r));
        for (const p of c.exportCheck.stops) io.out(`  Dừng: ${printable(p.message)}`);
        for (const p of c.exportCheck.warnings) io.out(`  Lưu ý: ${printable(p.message)}`);
        return 0;
      });
    },
  },
};
