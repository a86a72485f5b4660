import { AppError } from '../../../shared/errors';
import type { ApprovalChoice, EnrolmentStatus } from '../../../shared/ipc/enrolment';
import { dayOf } from '../../../shared/calendar-date';
import { sameFingerprint } from '../../../shared/package/fingerprint';
import { writeFileSafely } from '../../kernel/files/package-file';
import { ANY_ROLE } from '../../kernel/policy';
import type { Destination } from '../../kernel/ports';
import type { AppContext } from '../../kernel/use-case';
import { useCase } from '../../kernel/use-case';
import { unlockKey } from '../keys/keys';
import { acceptEnrolmentApproval, checkEnrolmentApproval, enrolmentState } from './commune-enrolment';
import { approveEnrolmentRequest, checkEnrolmentRequest, listEnrolledKeys, revokeEnrolledKey } from './reviewer-enrolment';
import type { RequestInput } from './request';
import { approvalFileName, requestEnrolment } from './request';
import { rejectEnrolmentRequest, refuseRejected, listRejections } from './rejection';
import { approveKeyRotation, listKeyRotations, receiveKeyRotation } from './rotation-service';
import { describeRequest, readInbox } from './inbox';

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

/** The fingerprint a person typed from a stamped paper (never read from the file) must be the file's. */
function confirmFingerprint(typed: string | undefined, fileFingerprint: string): void {
  if (!typed?.trim()) throw new AppError('FINGERPRINT_REQUIRED', 'type the fingerprint from the paper form', { fileFingerprint });
  if (!sameFingerprint(typed, fileFingerprint)) throw new AppError('FINGERPRINT_MISMATCH', 'fingerprint differs', { fileFingerprint });
}

// ---------------------------------------------------------------- commune side

export const enrolmentStatus = useCase('enrolment.status', { roles: ANY_ROLE }, (app) => status(app));

/** The signed request and its printed form, written to the folder chosen (request.ts). */
export const requestKeyEnrolment = useCase('enrolment.request', { roles: ['commune'] }, (app, input: RequestInput) => requestEnrolment(app, input));

/**
 * What an approval file says, checked against our own request, before the commune accepts it.
 * Signed by another key than the one pinned: REVIEWER_KEY_CHANGED (both fingerprints in its
 * details), unless `repin` asks to replace the pinned key deliberately.
 */
export const inspectApproval = useCase(
  'enrolment.inspectApproval',
  { roles: ['commune'] },
  (app, input: { bytes: Uint8Array; repin?: boolean | undefined }): Omit<ApprovalChoice, 'token'> => {
    const { pin, previous } = checkEnrolmentApproval(app.ctx, input.bytes, { repin: input.repin });
    return { unitCode: pin.unitCode, unitName: pin.unitName, fingerprint: pin.fingerprint, approvedAt: pin.approvedAt, alreadyPinned: previous !== null };
  },
);

/**
 * Pins the reviewing unit's key from its approval of one of our requests, only with the unit's
 * fingerprint as a person typed it from the unit's letter (FINGERPRINT_REQUIRED, FINGERPRINT_MISMATCH).
 */
export const acceptApproval = useCase(
  'enrolment.accept',
  { roles: ['commune'] },
  (app, input: { bytes: Uint8Array; fingerprint: string; repin?: boolean | undefined }) =>
    acceptEnrolmentApproval(app.ctx, input.bytes, { fingerprint: input.fingerprint, repin: input.repin }),
);

// ---------------------------------------------------------------- reviewing side

/**
 * A request file as the person approving sees it: who asks, and the fingerprint to compare with
 * the stamped form. Refused before any fingerprint is asked: a bad signature or weak key, a key
 * enrolled for another commune (KEY_OTHER_COMMUNE), a revoked key (KEY_ALREADY_REVOKED).
 */
export const inspectRequest = useCase('enrolment.inspectRequest', { roles: ['reviewer'] }, (app, input: { bytes: Uint8Array }) => checkEnrolmentRequest(app.ctx, input.bytes).verified);

/**
 * Approve a request AFTER a person compared its fingerprint with the stamped paper form (the
 * `fingerprint` typed from it): the commune's key is enrolled (active) and the signed approval is
 * written to the folder chosen.
 */
export const approveRequest = useCase(
  'enrolment.approve',
  { roles: ['reviewer'] },
  async (app, input: { bytes: Uint8Array; fingerprint: string; keyPassphrase?: string | undefined; folder: Destination }) => {
    const { verified } = checkEnrolmentRequest(app.ctx, input.bytes);
    // A rejected request is refused before any fingerprint or passphrase is asked.
    refuseRejected(app.ctx, verified.request.requestId);
    confirmFingerprint(input.fingerprint, verified.fingerprint);
    const signer = await unlockKey(app.keys, input.keyPassphrase);
    const folder = await input.folder();
    if (folder === null) return null;
    const { approvalText, enrolled } = approveEnrolmentRequest(app.ctx, input.bytes, signer);
    const written = writeFileSafely(folder, approvalFileName(enrolled), Buffer.from(approvalText, 'utf8'), () => undefined);
    return { path: written.path, enrolled };
  },
);

/**
 * A commune's rotation statement, checked and held as pending: nothing changes in the registry
 * before a person compared the new key's fingerprint with the stamped rotation form.
 */
export const receiveRotation = useCase('enrolment.receiveRotation', { roles: ['reviewer'] }, (app, input: { bytes: Uint8Array }) => {
  const { record, old } = receiveKeyRotation(app.ctx, input.bytes);
  return { record, old };
});

/**
 * Approve a pending rotation with the NEW key's fingerprint typed from the stamped rotation form
 * (the old key's signature is not enough: whoever stole the old key could make it): the new key
 * is enrolled, the old one retired from the effective date, and the signed rotation approval is
 * written to the folder chosen, for the commune.
 */
export const approveRotation = useCase(
  'enrolment.approveRotation',
  { roles: ['reviewer'] },
  async (app, input: { bytes: Uint8Array; fingerprint: string; keyPassphrase?: string | undefined; folder: Destination }) => {
    confirmFingerprint(input.fingerprint, receiveKeyRotation(app.ctx, input.bytes).record.newFingerprint);
    const signer = await unlockKey(app.keys, input.keyPassphrase);
    const folder = await input.folder();
    if (folder === null) return null;
    const { approvalText, enrolled, retired } = approveKeyRotation(app.ctx, input.bytes, { fingerprint: input.fingerprint }, signer);
    const written = writeFileSafely(folder, `CCHC-ROTATE-APPROVAL-${enrolled.communeCode}-${enrolled.keyId}.json`, Buffer.from(approvalText, 'utf8'), () => undefined);
    return { path: written.path, enrolled, retired };
  },
);

/**
 * A lost or stolen key: packages signed with it are refused from `from` (today when absent), a
 * real day not after today (revokeEnrolledKey checks it).
 */
export const revokeKey = useCase('enrolment.revoke', { roles: ['reviewer'] }, (app, input: { keyId: string; from?: string | undefined }) =>
  revokeEnrolledKey(app.ctx, input.keyId, input.from ?? dayOf(app.ctx.clock.now())),
);

export const enrolledKeys = useCase('enrolment.list', { roles: ['reviewer'] }, (app) => listEnrolledKeys(app.ctx));

/** Rotation statements received and waiting for the paper check. */
export const pendingRotations = useCase('enrolment.pendingRotations', { roles: ['reviewer'] }, (app) => listKeyRotations(app.ctx, { status: 'pending' }));

/**
 * Reject a request with a reason (who and when recorded, for ever): the same request can never be
 * approved afterwards; the commune makes a new one.
 */
export const rejectRequest = useCase('enrolment.reject', { roles: ['reviewer'] }, (app, input: { bytes: Uint8Array; reason: string }) =>
  rejectEnrolmentRequest(app.ctx, input.bytes, input.reason),
);

export const rejectedRequests = useCase('enrolment.rejected', { roles: ['reviewer'] }, (app) => listRejections(app.ctx));

// ---------------------------------------------------------------- the inbox on screen

/** Request files (and rotation statements) under the paths chosen, each described (inbox.ts). */
export const enrolmentInbox = useCase('enrolment.inbox', { roles: ['reviewer'] }, (app, input: { paths: readonly string[] }) => readInbox(app.ctx, input.paths));

/** One request file described again, after a decision. */
export const describeInboxRequest = useCase('enrolment.describe', { roles: ['reviewer'] }, (app, input: { file: string; bytes: Buffer }) =>
  describeRequest(app.ctx, input.file, input.bytes),
);

/** The text of a rotation statement held as pending (ROTATION_NOT_PENDING otherwise). */
export const pendingRotationText = useCase('enrolment.pendingRotation', { roles: ['reviewer'] }, (app, input: { statementSha256: string }) => {
  const record = listKeyRotations(app.ctx, { status: 'pending' }).find((r) => r.statementSha256 === input.statementSha256);
  if (!record) throw new AppError('ROTATION_NOT_PENDING', 'no such pending rotation', { statementSha256: input.statementSha256 });
  return record.text;
});
