import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { EnrolmentChannel } from '../../../shared/ipc/enrolment';
import { readUserFile } from '../../kernel/files/user-file';
import { ChosenFile } from '../../kernel/ipc/chosen-file';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import type { EnrolledKey } from './enrolment-repo';
import type { KeyRotationRecord } from './rotation-repo';
import {
  acceptApproval, approveRequest, approveRotation, describeInboxRequest, enrolledKeys, enrolmentInbox, enrolmentStatus, inspectApproval, pendingRotations,
  pendingRotationText, rejectRequest, requestKeyEnrolment, revokeKey,
} from './use-cases';

const keyRow = (k: EnrolledKey) => ({
  keyId: k.keyId, communeCode: k.communeCode, communeName: k.communeName, fingerprint: k.fingerprint, status: k.status, validFrom: k.validFrom, revokedFrom: k.revokedFrom, approvedAt: k.approvedAt,
});
const rotationRow = (r: KeyRotationRecord) => ({
  statementSha256: r.statementSha256, communeCode: r.communeCode, oldKeyId: r.oldKeyId, newKeyId: r.newKeyId, newFingerprint: r.newFingerprint, effectiveFrom: r.effectiveFrom, createdAt: r.createdAt,
});

export function enrolmentHandlers(app: AppContext): HandlerTable<EnrolmentChannel> {
  // The approval chosen in the dialog waits here until the user confirms, having seen its fingerprint.
  const approval = new ChosenFile<Buffer>(() => new AppError('FILE_NOT_FOUND', 'approval token expired'));
  // Reviewer: the request files of the inbox last read, by token (the renderer never sends a path).
  let inbox = new Map<string, { file: string; bytes: Buffer }>();
  const held = (token: string) => {
    const f = inbox.get(token);
    if (!f) throw new AppError('FILE_NOT_FOUND', 'inbox token expired');
    return f;
  };
  const folderDialog = () => app.dialogs.chooseFolder({ titleKey: 'dialogs.chooseFolder' });
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
    'enrolment:inbox': handler(app, enrolmentInbox, async (input: { from: 'files' | 'folder' }, run) => {
      const paths =
        input.from === 'folder'
          ? [await app.dialogs.chooseFolder({ titleKey: 'dialogs.chooseEnrolmentFolder' })].filter((p): p is string => p !== null)
          : await app.dialogs.openFiles({ titleKey: 'dialogs.chooseEnrolmentRequests', filters: [{ name: 'JSON', extensions: ['json'] }] });
      if (paths.length === 0) return null;
      const read = await run({ paths });
      inbox = new Map();
      return read.map(({ item, bytes }) => {
        if (bytes === null) return { ...item, token: null };
        const token = randomUUID();
        inbox.set(token, { file: item.file, bytes });
        return { ...item, token };
      });
    }),
    // The fingerprint as the person typed it from the stamped paper form, never from the file.
    'enrolment:approve': handler(app, approveRequest, async ({ token, fingerprint, keyPassphrase }, run) => {
      const f = held(token);
      const done = await run({ bytes: f.bytes, fingerprint, keyPassphrase, folder: folderDialog });
      if (done === null) return null;
      return { path: done.path, item: { ...(await app.perform(describeInboxRequest, f)), token } };
    }),
    'enrolment:reject': handler(app, rejectRequest, async ({ token, reason }, run) => {
      const f = held(token);
      await run({ bytes: f.bytes, reason });
      return { ...(await app.perform(describeInboxRequest, f)), token };
    }),
    'enrolment:keys': handler(app, enrolledKeys, async (_input: undefined, run) => (await run(undefined)).map(keyRow)),
    'enrolment:revoke': handler(app, revokeKey, async (input: { keyId: string; from: string }, run) => keyRow(await run(input))),
    'enrolment:rotations': handler(app, pendingRotations, async (_input: undefined, run) => (await run(undefined)).map(rotationRow)),
    'enrolment:approveRotation': handler(app, approveRotation, async ({ statementSha256, fingerprint, keyPassphrase }, run) => {
      const text = await app.perform(pendingRotationText, { statementSha256 });
      const done = await run({ bytes: Buffer.from(text, 'utf8'), fingerprint, keyPassphrase, folder: folderDialog });
      return done === null ? null : { path: done.path };
    }),
  };
}
