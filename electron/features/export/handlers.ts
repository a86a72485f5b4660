import type { ExportChannel } from '../../../shared/ipc/export';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { emailDraft, exportPackage, packageCheck, packageStatus } from './use-cases';

export function exportHandlers(app: AppContext): HandlerTable<ExportChannel> {
  return {
    'package:status': handler(app, packageStatus),
    'package:check': handler(app, packageCheck),
    'package:export': handler(app, exportPackage, (input, run) => run({ ...input, folder: () => app.dialogs.chooseFolder({ titleKey: 'dialogs.chooseFolder' }) })),
    'package:email': handler(app, emailDraft, async (input, run) => {
      const draft = await run(input);
      await app.dialogs.openPath(draft.emlPath);
      return draft;
    }),
  };
}
