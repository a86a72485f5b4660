import { parseArgs } from 'node:util';
import { exportContract } from '../../../shared/ipc/export';
import { printable } from '../../../shared/text';
import type { Commands } from '../../kernel/commands/command';
import { dbPath, outArg, withApp } from '../../kernel/commands/command';
import { parseInput } from '../../kernel/validation';
import { keyPassphrase } from '../keys/commands';
import { EMAIL_SIZE_LIMIT } from './export';
import { exportPackage, packageCheck } from './use-cases';

export const exportCommands: Commands = {
  export: {
    help: `chiso export --db FILE --out DIR [--override-reason TEXT]
  Xuất hồ sơ tự đánh giá đã ký (CCHC-<năm>-<mã xã>-r<lần>.json) vào thư mục/USB; in đường dẫn.
  Trước khi xuất, kiểm tra: chưa chốt số liệu, chưa có khóa, tiêu chí có lỗi hoặc bắt buộc chưa nhập
  thì dừng; bộ tiêu chí mẫu, chưa đủ phiếu tối thiểu, quá hạn gửi hồ sơ thì cần --override-reason (ghi
  nhật ký, gửi kèm hồ sơ); còn 3 ngày trở xuống đến hạn gửi thì chỉ báo để biết.`,
    async run(args, env) {
      const { io } = env;
      const { values } = parseArgs({ args, strict: true, options: { db: { type: 'string' }, out: { type: 'string' }, 'override-reason': { type: 'string' } } });
      const path = dbPath(values, io);
      const folder = outArg(io, values.out);
      return withApp(env, path, async (app) => {
        // The check's findings, one line each, before the refusal's sentence (stops first).
        const check = await app.perform(packageCheck, undefined);
        for (const p of check.stops) io.err(`Dừng: ${printable(p.message)}`);
        if (check.stops.length === 0) for (const p of check.warnings) io.err(`${values['override-reason'] ? 'Bỏ qua (có lý do)' : 'Lưu ý'}: ${printable(p.message)}`);
        for (const p of check.notes) io.err(`Thông tin: ${printable(p.message)}`);
        const overrideReason = values['override-reason'];
        const input = parseInput(exportContract['package:export'].input, { ...(overrideReason !== undefined ? { overrideReason } : {}), keyPassphrase: check.stops.length === 0 ? await keyPassphrase(app, io) : undefined });
        const r = (await app.perform(exportPackage, { ...input, folder }))!;
        io.out(printable(r.path));
        io.err(`Lần gửi ${r.revision} · ${r.size} byte · SHA-256 ${r.sha256}`);
        if (r.tooLargeForEmail) io.err(`Gói lớn hơn ${EMAIL_SIZE_LIMIT / 1024 / 1024} MB: thư điện tử thường từ chối; hãy chép bằng USB.`);
        return 0;
      });
    },
  },
};
