import { AppError } from '../../../shared/errors';
import { errorMessages, fieldMessage } from '../../../shared/i18n/errors';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';

/** Print an app error the way the UI would say it, with details a clerk can act on. */
export function reportError(io: CliIO, err: unknown): void {
  if (err instanceof UsageError) {
    io.err(`Lỗi cú pháp lệnh: ${err.message}`);
    io.err('Xem hướng dẫn: chiso help');
    return;
  }
  const e = err instanceof AppError ? err : new AppError('INTERNAL', String(err));
  io.err(`Lỗi [${e.code}]: ${errorMessages.vi[e.code]}`);
  const fields = e.details?.['fields'] as Record<string, string> | undefined;
  if (fields) for (const [k, v] of Object.entries(fields)) io.err(`  - ${k}: ${fieldMessage('vi', v)}`);
  const issues = e.details?.['issues'] as { path: string; message: string }[] | undefined;
  if (issues) for (const i of issues) io.err(`  - ${i.path || '(gốc)'}: ${i.message}`);
  const items = e.details?.['items'] as string[] | undefined;
  if (Array.isArray(items)) io.err(`  Tiêu chí: ${items.join(', ')}`);
  if (e.code === 'INTERNAL') io.err(`  (${e.message})`);
}
