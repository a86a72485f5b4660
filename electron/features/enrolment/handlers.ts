import { AppError } from '../../../shared/errors';
import type { EnrolmentChannel } from '../../../shared/ipc/enrolment';
import { readUserFile } from '../../kernel/files/user-file';
import { ChosenFile } from '../../kernel/ipc/chosen-file';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { acceptApproval, enrolmentStatus, inspectApproval, requestKeyEnrolment } from './use-cases';

export function enrolmentHandlers(app: AppContext): HandlerTable<EnrolmentChannel> {
  // The approval chosen in the dialog waits here until the user confirms, having seen its fingerprint.
  const approval = new ChosenFile<Buffer>(() => new AppError('FILE_NOT_FOUND', 'approval token expired'));
  return {
    'enrolment:status': handler(app, enrolmentStatus),
    'enrolment:request': handler(app, requestKeyEnrolment, async (input, run) => {
      const written = await run({ ...input, folder: () => app.dialogs.chooseFolder({ titleKey: 'dialogs.chooseFolder' }) });
      if (written) await app.dialogs.openPath(written.formPath);
      return written;
    }),
    'enrolment:chooseApproval': handler(app, inspectApproval, async (_input, run) => {
      const path = await app.dialogs.openFile({ titleKey: 'dialogs.chooseApproval', filters: [{ name: 'JSON', extensions: ['json'] }] });
      if (path === null) return null;
      const bytes = readUserFile(path, { kind: 'enrolment' });
      const choice = await run({ bytes });
      return { token: approval.hold(bytes), ...choice };
    }),
    // The fingerprint as the person typed it from the reviewing unit's letter, never from the file.
    'enrolment:accept': handler(app, acceptApproval, async ({ token, fingerprint }, run) => {
      await run({ bytes: approval.get(token), fingerprint });
      approval.release();
      return app.perform(enrolmentStatus, undefined);
    }),
  };
}
