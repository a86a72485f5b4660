import type { DiagnosticsChannel } from '../../../shared/ipc/diagnostics';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { supportBundle } from './use-cases';

export function diagnosticsHandlers(app: AppContext): HandlerTable<DiagnosticsChannel> {
  return {
    'diagnostics:supportBundle': handler(app, supportBundle, (_input: undefined, run) =>
      run({ folder: () => app.dialogs.chooseFolder({ titleKey: 'dialogs.chooseSupportFolder' }) })),
  };
}
