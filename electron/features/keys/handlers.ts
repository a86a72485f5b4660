import { AppError } from '../../../shared/errors';
import type { KeysChannel } from '../../../shared/ipc/keys';
import { readUserFile } from '../../kernel/files/user-file';
import { ChosenFile } from '../../kernel/ipc/chosen-file';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { acceptRotation, backUpKey, createKey, inspectBackup, inspectRotationApproval, keyStatus, restoreBackup, rotate, rotationForm } from './use-cases';

export function keysHandlers(app: AppContext): HandlerTable<KeysChannel> {
  // The backup chosen in the dialog waits here until the user confirms, having seen its fingerprint.
  const backup = new ChosenFile<string>(() => new AppError('FILE_NOT_FOUND', 'backup token expired'));
  // Likewise the reviewing unit's rotation approval, until the user confirms the switch.
  const rotationApproval = new ChosenFile<Buffer>(() => new AppError('FILE_NOT_FOUND', 'approval token expired'));
  const chooseFolder = () => app.dialogs.chooseFolder({ titleKey: 'dialogs.chooseFolder' });
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
    'keys:rotate': handler(app, rotate, async (input, run) => {
      const written = await run({ ...input, folder: chooseFolder });
      if (written) await app.dialogs.openPath(written.formPath);
      return written;
    }),
    'keys:rotationForm': handler(app, rotationForm, async (_input, run) => {
      const written = await run({ folder: chooseFolder });
      if (written) await app.dialogs.openPath(written.formPath);
      return written;
    }),
    'keys:chooseRotationApproval': handler(app, inspectRotationApproval, async (_input, run) => {
      const path = await app.dialogs.openFile({ titleKey: 'dialogs.chooseApproval', filters: [{ name: 'JSON', extensions: ['json'] }] });
      if (path === null) return null;
      const bytes = readUserFile(path, { kind: 'enrolment' });
      const choice = await run({ bytes });
      return { token: rotationApproval.hold(bytes), ...choice };
    }),
    'keys:acceptRotation': handler(app, acceptRotation, async ({ token }, run) => {
      const { status } = await run({ bytes: rotationApproval.get(token) });
      rotationApproval.release();
      return status;
    }),
  };
}
