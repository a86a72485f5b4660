import type { SettingsChannel } from '../../../shared/ipc/settings';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { deadline, setDeadline } from './use-cases';

export function settingsHandlers(app: AppContext): HandlerTable<SettingsChannel> {
  return {
    'settings:deadline': handler(app, deadline),
    'settings:setDeadline': handler(app, setDeadline),
  };
}
