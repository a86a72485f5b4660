/**
 * Enrolment, the reviewing unit's side (docs/package-format.md §6): check and approve a commune's
 * request (enrolling its key), list the registry, revoke a key, and resolve keys for verification.
 * Rejection is in rejection.ts, rotation in rotation-service.ts; the tables in enrolment-repo.ts.
 */
import { AppError } from '../../../shared/errors';
import { fromBase64Url } from '../../../shared/package/base64url';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { approveEnrolment, verifyEnrolmentRequest, type VerifiedRequest } from '../../kernel/signing/enrolment';
import type { RegisteredKey } from '../../kernel/signing/rotation';
import { dayOf, isCalendarDate } from '../../../shared/calendar-date';
import type { KeyResolver } from '../../kernel/signing/package-signer';
import type { Signer } from '../../kernel/signing/signer';
import { insertEnrolledKey, readEnrolledKey, readEnrolledKeys, reapproveEnrolledKey, revokeKeyFrom, type EnrolledKey } from './enrolment-repo';
import { refuseRejected } from './rejection';
import { failure, requireRole } from './refusals';
import { hasApprovedRotation } from './rotation-repo';

export type { EnrolledKey } from './enrolment-repo';

export function listEnrolledKeys(ctx: ServiceContext): EnrolledKey[] {
  return readEnrolledKeys(ctx.db);
}

/**
 * Step 4 for the reviewing unit: only keys it enrolled, as commune keys; never the key a package
 * carries. A revoked key is refused whatever its date (no signing time in a package can be
 * trusted). The one exception: the old key of an approved rotation whose effective date has not
 * come yet stays usable until that date, so the commune can switch keys in between.
 */
export function registryResolver(ctx: ServiceContext): KeyResolver & ((keyId: string) => RegisteredKey | undefined) {
  return (keyId: string) => {
    const k = readEnrolledKey(ctx.db, keyId);
    const raw = k ? fromBase64Url(k.publicKey) : undefined;
    if (!k || !raw) return undefined;
    const retiredLater =
      k.status === 'revoked' &&
      k.revokedFrom !== null &&
      isCalendarDate(k.revokedFrom) &&
      k.revokedFrom > dayOf(ctx.clock.now()) &&
      hasApprovedRotation(ctx.db, k.keyId, k.revokedFrom);
    // vetted: the key passed the full check as it entered the registry (admit-key.ts, migration 013).
    return { publicKey: raw, status: retiredLater ? 'active' : k.status, communeCode: k.communeCode, kind: 'commune', vetted: k.vetted };
  };
}

/**
 * The reviewing unit reads a request before a person compares its fingerprint: signed by the key
 * it names, and a key the registry may take. A key belongs to one commune for ever
 * (KEY_OTHER_COMMUNE) and a revoked key never comes back (KEY_ALREADY_REVOKED). `enrolled` is the
 * key's row when it is already active for this very commune (the approval may be given again).
 */
export function checkEnrolmentRequest(ctx: ServiceContext, requestText: string | Uint8Array): { verified: VerifiedRequest; enrolled: EnrolledKey | null } {
  requireRole(ctx, 'reviewer');
  const v = verifyEnrolmentRequest(requestText);
  if (!v.ok) throw failure(v);
  const existing = readEnrolledKey(ctx.db, v.request.key.keyId);
  refuseKnownKey(existing, v.request.commune.code);
  return { verified: v, enrolled: existing };
}

/** The registry's answer to "may this key be enrolled for this commune?" (throws when not). */
function refuseKnownKey(existing: EnrolledKey | null, communeCode: string): void {
  if (!existing) return;
  const details = { keyId: existing.keyId, enrolledCommuneCode: existing.communeCode, claimedCommuneCode: communeCode };
  if (existing.communeCode !== communeCode) throw new AppError('KEY_OTHER_COMMUNE', 'key enrolled for another commune', details);
  if (existing.status === 'revoked') throw new AppError('KEY_ALREADY_REVOKED', 'key revoked', { ...details, revokedFrom: existing.revokedFrom });
}

/**
 * The reviewing unit approves a request, AFTER a person compared the fingerprint with the stamped
 * paper form: writes nothing to disk, returns the signed approval, and enrols the key (active).
 */
export function approveEnrolmentRequest(ctx: ServiceContext, requestText: string | Uint8Array, reviewerSigner: Signer): { approvalText: string; enrolled: EnrolledKey } {
  const identity = requireRole(ctx, 'reviewer');
  const v = checkEnrolmentRequest(ctx, requestText).verified;
  refuseRejected(ctx, v.request.requestId);
  const now = ctx.clock.now();
  const validFrom = dayOf(now);
  const approvalText = approveEnrolment(v, { reviewer: { code: identity.unitCode, name: identity.unitName }, approvedAt: now, validFrom }, reviewerSigner);
  const req = v.request;
  const enrolled = ctx.db.transaction((): EnrolledKey => {
    // Checked again inside the transaction: the registry decides, not what was read before.
    const old = readEnrolledKey(ctx.db, req.key.keyId);
    refuseKnownKey(old, req.commune.code);
    refuseRejected(ctx, req.requestId);
    const row = { requestId: req.requestId, requestSha256: v.requestSha256, approvedAt: now.toISOString() };
    if (old) reapproveEnrolledKey(ctx.db, old.keyId, row);
    else insertEnrolledKey(ctx.db, { keyId: req.key.keyId, communeCode: req.commune.code, communeName: req.commune.name, publicKey: req.key.publicKey, fingerprint: v.fingerprint, validFrom, ...row });
    const now_ = readEnrolledKey(ctx.db, req.key.keyId)!;
    audit(ctx, 'enrolment.approve', 'enrolled_key', now_.keyId, old, now_);
    return now_;
  })();
  return { approvalText, enrolled };
}

/**
 * Lost or stolen key: packages signed with it are refused (KEY_REVOKED) from now on, for ever.
 * `from` is the day the key is known or suspected lost: a real date, not after today. Revoking
 * again may only move that date earlier.
 */
export function revokeEnrolledKey(ctx: ServiceContext, keyId: string, from: string): EnrolledKey {
  requireRole(ctx, 'reviewer');
  if (!isCalendarDate(from)) throw new AppError('INVALID_INPUT', 'revocation date', { fields: { from: 'ISO_DATE' } });
  if (from > dayOf(ctx.clock.now())) throw new AppError('INVALID_INPUT', 'revocation date in the future', { fields: { from: 'DATE_FUTURE' } });
  return ctx.db.transaction(() => {
    const old = readEnrolledKey(ctx.db, keyId);
    if (!old) throw new AppError('KEY_UNKNOWN', 'no such enrolled key', { keyId });
    const date = old.revokedFrom !== null && old.revokedFrom < from ? old.revokedFrom : from;
    revokeKeyFrom(ctx.db, keyId, date);
    const now = readEnrolledKey(ctx.db, keyId)!;
    audit(ctx, 'enrolment.revoke', 'enrolled_key', keyId, old, now);
    return now;
  })();
}
