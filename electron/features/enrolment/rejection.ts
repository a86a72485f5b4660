/**
 * Rejecting an enrolment request (a fingerprint that does not match the stamped form, an officer
 * nobody knows, a commune outside the unit): who, when and why, recorded in the append-only audit
 * log, which is the record itself, so a rejection can never be edited or removed afterwards. The
 * same request (its requestId) can then never be approved: the commune makes a new request, with
 * a new file and a new stamped form.
 */
import { AppError } from '../../../shared/errors';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import { verifyEnrolmentRequest } from '../../kernel/signing/enrolment';
import { failure, requireRole } from './refusals';
import { allRejectionJson, keyApprovedFrom, REJECTION_ACTION, REJECTION_ENTITY, rejectionJson } from './rejection-repo';

export interface EnrolmentRejection {
  requestId: string;
  keyId: string;
  communeCode: string;
  communeName: string;
  officerName: string;
  fingerprint: string;
  requestSha256: string;
  reason: string;
  rejectedBy: string;
  rejectedAt: string;
}

export function rejectionOf(ctx: ServiceContext, requestId: string): EnrolmentRejection | null {
  const json = rejectionJson(ctx, requestId);
  return json === null ? null : (JSON.parse(json) as EnrolmentRejection);
}

export function listRejections(ctx: ServiceContext): EnrolmentRejection[] {
  return allRejectionJson(ctx).map((j) => JSON.parse(j) as EnrolmentRejection);
}

/** ENROLMENT_REJECTED when this request was rejected before (called before approving). */
export function refuseRejected(ctx: ServiceContext, requestId: string): void {
  const r = rejectionOf(ctx, requestId);
  if (r) throw new AppError('ENROLMENT_REJECTED', 'request rejected', { requestId, reason: r.reason, rejectedBy: r.rejectedBy, rejectedAt: r.rejectedAt });
}

/**
 * Reject a request file with a reason (at least 5 characters). The file is verified first, and
 * refused as `chiso enrol approve` refuses it; then the reason. Only its signature is checked: a
 * request whose key belongs to another commune may be rejected too. Rejecting the same request
 * again returns the first rejection; an approved request cannot be rejected (revoke its key).
 */
export function rejectEnrolmentRequest(ctx: ServiceContext, requestText: string | Uint8Array, reason: string): EnrolmentRejection {
  requireRole(ctx, 'reviewer');
  // The file first, as approving and the inbox read it: a damaged or hostile file gets its own
  // refusal (NOT_JSON, SIGNATURE_INVALID, KEY_WEAK…) whatever reason was typed.
  const v = verifyEnrolmentRequest(requestText);
  if (!v.ok) throw failure(v);
  const why = reason.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (why.length < 5) throw new AppError('INVALID_INPUT', 'reason required', { fields: { reason: 'REASON_REQUIRED' } });
  if (why.length > 1000) throw new AppError('INVALID_INPUT', 'reason too long', { fields: { reason: 'TEXT_TOO_LONG' } });
  const req = v.request;
  return ctx.db.transaction((): EnrolmentRejection => {
    const earlier = rejectionOf(ctx, req.requestId);
    if (earlier) return earlier;
    const approved = keyApprovedFrom(ctx, req.requestId);
    if (approved !== null) throw new AppError('ENROLMENT_ALREADY_APPROVED', 'request approved', { requestId: req.requestId, keyId: approved });
    const rejection: EnrolmentRejection = {
      requestId: req.requestId, keyId: req.key.keyId, communeCode: req.commune.code, communeName: req.commune.name, officerName: req.officer.name,
      fingerprint: v.fingerprint, requestSha256: v.requestSha256, reason: why, rejectedBy: ctx.actor(), rejectedAt: isoNow(ctx),
    };
    audit(ctx, REJECTION_ACTION, REJECTION_ENTITY, req.requestId, null, rejection);
    return rejection;
  })();
}
