import { AppError } from '../../../shared/errors';
import type { KeysChannel } from '../../../shared/ipc/keys';
import { ChosenFile } from '../../kernel/ipc/chosen-file';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { backUpKey, createKey, inspectBackup, keyStatus, restoreBackup } from './use-cases';

export function keysHandlers(app: AppContext): HandlerTable<KeysChannel> {
  // The backup chosen in the dialog waits here until the user confirms, having seen its fingerprint.
  const backup = new ChosenFile<string>(() => new AppError('FILE_NOT_FOUND', 'backup token expired'));
  return {
    'keys:status': handler(app, keyStatus),
    'keys:create': handler(app, createKey),
    'keys:backup': handler(app, backUpKey, (input, run) => run({ ...input, folder: () => app.dialogs.chooseFolder({ titleKey: 'dialogs.chooseBackupFolder' }) })),
    'keys:chooseBackup': handler(app, inspectBackup, async (_input, run) => {
      const path = await app.dialogs.openFile({ titleKey: 'dialogs.chooseKeyBackup', filters: [{ name: 'JSON', extensions: ['json'] }] });
      if (path === null) return null;
      const preview = await run({ path });
      return { token: backup.hold(path), ...preview };
    }),
    'keys:restore': handler(app, restoreBackup, async ({ token, ...input }, run) => {
      const key = await run({ path: backup.get(token), ...input });
      backup.release();
      return key;
    }),
  };
}
