import { AppError } from '../../../shared/errors';
import type { ApprovalChoice, EnrolmentStatus } from '../../../shared/ipc/enrolment';
import { writeFileSafely } from '../../kernel/files/package-file';
import { ANY_ROLE } from '../../kernel/policy';
import type { Destination } from '../../kernel/ports';
import { verifyEnrolmentRequest } from '../../kernel/signing/enrolment';
import type { AppContext } from '../../kernel/use-case';
import { useCase } from '../../kernel/use-case';
import { unlockKey } from '../keys/keys';
import {
  acceptEnrolmentApproval, acceptKeyRotation, approveEnrolmentRequest, checkEnrolmentApproval, enrolmentState, listEnrolledKeys, revokeEnrolledKey,
} from './enrolment';
import type { RequestInput } from './request';
import { approvalFileName, requestEnrolment } from './request';

function status(app: AppContext): EnrolmentStatus {
  const s = enrolmentState(app.ctx, app.keys.status()?.keyId ?? null);
  return {
    request: s.request
      ? { requestId: s.request.requestId, keyId: s.request.keyId, createdAt: s.request.createdAt, officerName: s.request.request.officer.name, officerTitle: s.request.request.officer.title }
      : null,
    pinned: s.pinned
      ? { unitCode: s.pinned.unitCode, unitName: s.pinned.unitName, keyId: s.pinned.keyId, fingerprint: s.pinned.fingerprint, approvedAt: s.pinned.approvedAt, pinnedAt: s.pinned.pinnedAt }
      : null,
  };
}

// ---------------------------------------------------------------- commune side

export const enrolmentStatus = useCase('enrolment.status', { roles: ANY_ROLE }, (app) => status(app));

/** The signed request and its printed form, written to the folder chosen (request.ts). */
export const requestKeyEnrolment = useCase('enrolment.request', { roles: ['commune'] }, (app, input: RequestInput) => requestEnrolment(app, input));

/** What an approval file says, checked against our own request, before the commune accepts it. */
export const inspectApproval = useCase('enrolment.inspectApproval', { roles: ['commune'] }, (app, input: { bytes: Uint8Array }): Omit<ApprovalChoice, 'token'> => {
  const { pin, previous } = checkEnrolmentApproval(app.ctx, input.bytes);
  return { unitCode: pin.unitCode, unitName: pin.unitName, fingerprint: pin.fingerprint, approvedAt: pin.approvedAt, alreadyPinned: previous !== null };
});

/** Pins the reviewing unit's key from its approval of one of our requests. */
export const acceptApproval = useCase('enrolment.accept', { roles: ['commune'] }, (app, input: { bytes: Uint8Array }) => acceptEnrolmentApproval(app.ctx, input.bytes));

// ---------------------------------------------------------------- reviewing side

/** A request file as the person approving sees it: who asks, and the fingerprint to compare with the stamped form. */
export const inspectRequest = useCase('enrolment.inspectRequest', { roles: ['reviewer'] }, (_app, input: { bytes: Uint8Array }) => {
  const v = verifyEnrolmentRequest(input.bytes);
  if (!v.ok) throw new AppError(v.code, v.message, v.details);
  return v;
});

/**
 * Approve a request AFTER a person compared its fingerprint with the stamped paper form: the
 * commune's key is enrolled (active) and the signed approval is written to the folder chosen.
 */
export const approveRequest = useCase(
  'enrolment.approve',
  { roles: ['reviewer'] },
  async (app, input: { bytes: Uint8Array; keyPassphrase?: string | undefined; folder: Destination }) => {
    const signer = await unlockKey(app.keys, input.keyPassphrase);
    const folder = await input.folder();
    if (folder === null) return null;
    const { approvalText, enrolled } = approveEnrolmentRequest(app.ctx, input.bytes, signer);
    const written = writeFileSafely(folder, approvalFileName(enrolled), Buffer.from(approvalText, 'utf8'), () => undefined);
    return { path: written.path, enrolled };
  },
);

/** A rotation statement signed by the enrolled old key and the new one: enrol the new, retire the old. */
export const acceptRotation = useCase('enrolment.rotate', { roles: ['reviewer'] }, (app, input: { bytes: Uint8Array }) => acceptKeyRotation(app.ctx, input.bytes));

/** A lost or stolen key: packages signed with it are refused from `from` (today when absent). */
export const revokeKey = useCase('enrolment.revoke', { roles: ['reviewer'] }, (app, input: { keyId: string; from?: string | undefined }) =>
  revokeEnrolledKey(app.ctx, input.keyId, input.from ?? app.ctx.clock.now().toISOString().slice(0, 10)),
);

export const enrolledKeys = useCase('enrolment.list', { roles: ['reviewer'] }, (app) => listEnrolledKeys(app.ctx));
