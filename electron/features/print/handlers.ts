import type { PrintChannel } from '../../../shared/ipc/print';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { printReport, printSummary } from './use-cases';

export function printHandlers(app: AppContext): HandlerTable<PrintChannel> {
  return {
    'print:summary': handler(app, printSummary),
    'print:report': handler(app, printReport),
  };
}
