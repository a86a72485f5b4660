import type { HomeChannel } from '../../../shared/ipc/home';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { checklist } from './use-cases';

export function homeHandlers(app: AppContext): HandlerTable<HomeChannel> {
  return { 'home:checklist': handler(app, checklist) };
}
