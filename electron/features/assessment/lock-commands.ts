import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { finalise, reopen } from './assessment';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';
import { openServices } from '../../app/cli/open';

export const finaliseHelp = `chiso finalise --db FILE
chiso reopen --db FILE --reason "LÝ DO"
  Chốt số liệu tự đánh giá (khóa để xuất hồ sơ; từ chối khi còn tiêu chí có lỗi), hoặc mở lại
  để sửa (bắt buộc ghi lý do; được ghi vào nhật ký; lần xuất sau là một lần gửi mới).`;

export async function finaliseCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { db: { type: 'string' } } });
  if (!values.db) throw new UsageError('thiếu --db FILE');
  const services = openServices(resolve(io.cwd, values.db));
  try {
    const lock = finalise(services.ctx);
    io.out(`Đã chốt số liệu (lần chốt thứ ${lock.revision}).`);
    return 0;
  } finally {
    services.close();
  }
}

export async function reopenCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { db: { type: 'string' }, reason: { type: 'string' } } });
  if (!values.db) throw new UsageError('thiếu --db FILE');
  if (!values.reason) throw new UsageError('mở lại cần --reason "LÝ DO"');
  const services = openServices(resolve(io.cwd, values.db));
  try {
    reopen(services.ctx, values.reason);
    io.out('Đã mở lại số liệu để sửa. Nhớ chốt lại trước khi xuất hồ sơ.');
    return 0;
  } finally {
    services.close();
  }
}
