import { parseArgs } from 'node:util';
import { printable } from '../../../shared/text';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, outArg, withApp } from '../../kernel/commands/command';
import { supportBundle } from './use-cases';

export const diagnosticsCommands: Commands = {
  'support-bundle': {
    help: `chiso support-bundle --db FILE --out DIR
  Gói hỗ trợ: nhật ký, phiên bản, số liệu thống kê cơ sở dữ liệu (số dòng mỗi bảng, kiểm tra
  quick_check) trong một tệp JSON để gửi bộ phận hỗ trợ. Không chứa khóa, mật khẩu hay dữ liệu cá nhân.`,
    async run(args, env) {
      const { io } = env;
      const { values } = parseArgs({ args, strict: true, allowPositionals: false, options: { db: { type: 'string' }, out: { type: 'string' } } });
      const path = dbPath(values, io, { mustExist: true });
      const folder = outArg(io, values.out);
      return withApp(env, path, async (app) => {
        const written = await app.perform(supportBundle, { folder });
        io.out(`Đã ghi gói hỗ trợ: ${printable(written?.path ?? '')} (${(written?.bytes ?? 0).toLocaleString('vi-VN')} byte).`);
        return 0;
      });
    },
  },
};
