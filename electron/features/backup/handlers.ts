import type { BackupChannel } from '../../../shared/ipc/backup';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { WHOLE_FILE_EXTENSION } from './whole-file';
import { backupState, createManualBackup, exportAll, importAll, recover, restore, verifyEvidence } from './use-cases';

/** The renderer never sends a path: backups by name in the backups folder, files chosen in main's dialogs. */
export function backupHandlers(app: AppContext): HandlerTable<BackupChannel> {
  return {
    'backup:state': handler(app, backupState),
    'backup:create': handler(app, createManualBackup),
    'backup:restore': handler(app, restore),
    'backup:recover': handler(app, recover),
    'backup:exportAll': handler(app, exportAll, async (_input: undefined, run) => {
      const r = await run({ folder: () => app.dialogs.chooseFolder({ titleKey: 'dialogs.chooseFolder' }) });
      return r ? { path: r.path, size: r.size } : null;
    }),
    'backup:importAll': handler(app, importAll, async (_input: undefined, run) => {
      const file = await app.dialogs.openFile({ titleKey: 'dialogs.chooseWholeData', filters: [{ name: 'Chỉ số CCHC', extensions: [WHOLE_FILE_EXTENSION] }] });
      return file === null ? null : run({ file });
    }),
    'backup:checkEvidence': handler(app, verifyEvidence),
  };
}
