import { AppError } from '../../../shared/errors';
import { errorMessages, fieldMessage } from '../../../shared/i18n/errors';
import { printable } from '../../../shared/text';
import type { CliIO } from '../../kernel/commands/io';
import { UsageError } from '../../kernel/commands/io';
import { formatDetails } from '../../features/setup/identity-lines';

/**
 * Print an app error the way the UI would say it, with details a clerk can act on. Details often
 * carry text from a file (a key, a cell, a file name): all of it is printed through printable().
 */
export function reportError(io: CliIO, err: unknown): void {
  if (err instanceof UsageError) {
    io.err(`Lỗi cú pháp lệnh: ${printable(err.message)}`);
    io.err('Xem hướng dẫn: chiso help');
    return;
  }
  const e = err instanceof AppError ? err : new AppError('INTERNAL', String(err));
  io.err(`Lỗi [${e.code}]: ${errorMessages.vi[e.code]}`);
  const fields = e.details?.['fields'] as Record<string, string> | undefined;
  if (fields) for (const [k, v] of Object.entries(fields)) io.err(`  - ${printable(k)}: ${printable(fieldMessage('vi', String(v)))}`);
  const issues = e.details?.['issues'] as ({ path?: unknown; message?: unknown } | string)[] | undefined;
  if (Array.isArray(issues)) {
    for (const i of issues) {
      if (typeof i === 'string' || i === null || typeof i !== 'object') io.err(`  - ${printable(String(i))}`);
      else io.err(`  - ${printable(String(i.path ?? '')) || '(gốc)'}: ${printable(String(i.message ?? ''))}`);
    }
  }
  const items = e.details?.['items'] as string[] | undefined;
  if (Array.isArray(items)) io.err(`  Tiêu chí: ${items.map((i) => printable(String(i))).join(', ')}`);
  const rest = formatDetails(e.details, ['fields', 'issues', 'items']);
  if (rest) io.err(`  Chi tiết: ${rest}`);
  if (e.code === 'INTERNAL') io.err(`  (${printable(e.message)})`);
}
