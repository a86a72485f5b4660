import type { AuditChannel } from '../../../shared/ipc/audit';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { readAuditLog } from './use-cases';

export function auditHandlers(app: AppContext): HandlerTable<AuditChannel> {
  return { 'audit:list': handler(app, readAuditLog) };
}
