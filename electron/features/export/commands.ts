import { parseArgs } from 'node:util';
import { exportContract } from '../../../shared/ipc/export';
import { printable } from '../../../shared/text';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, outArg, withApp } from '../../kernel/commands/command';
import { parseInput } from '../../kernel/validation';
import { keyPassphrase } from '../keys/commands';
import { EMAIL_SIZE_LIMIT } from './export';
import { exportPackage } from './use-cases';

export const exportCommands: Commands = {
  export: {
    help: `chiso export --db FILE --out DIR
  Xuất hồ sơ tự đánh giá đã ký (CCHC-<năm>-<mã xã>-r<lần>.json) vào thư mục/USB; in đường dẫn.`,
    async run(args, env) {
      const { io } = env;
      const { values } = parseArgs({ args, strict: true, options: { db: { type: 'string' }, out: { type: 'string' } } });
      const path = dbPath(values, io);
      const folder = outArg(io, values.out);
      return withApp(env, path, async (app) => {
        const input = parseInput(exportContract['package:export'].input, { keyPassphrase: await keyPassphrase(app, io) });
        const r = (await app.perform(exportPackage, { ...input, folder }))!;
        io.out(printable(r.path));
        io.err(`Lần gửi ${r.revision} · ${r.size} byte · SHA-256 ${r.sha256}`);
        if (r.tooLargeForEmail) io.err(`Gói lớn hơn ${EMAIL_SIZE_LIMIT / 1024 / 1024} MB: thư điện tử thường từ chối; hãy chép bằng USB.`);
        return 0;
      });
    },
  },
};
