/**
 * Enrolment, the commune's side (docs/package-format.md §6): sign and record a request, then read
 * the reviewing unit's approval and pin its key. The cryptography is in kernel/signing/enrolment.ts;
 * the tables in enrolment-repo.ts. What is recorded gets an audit row in the same transaction.
 */
import { AppError } from '../../../shared/errors';
import { safeFileName } from '../../../shared/file-name';
import { fromBase64Url } from '../../../shared/package/base64url';
import type { EnrolmentRequest } from '../../../shared/package/envelope';
import { parseStrictJson } from '../../../shared/package/strict-json';
import { sameFingerprint } from '../../../shared/package/fingerprint';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import { buildEnrolmentRequest, verifyEnrolmentApproval, verifyEnrolmentRequest } from '../../kernel/signing/enrolment';
import type { KeyResolver } from '../../kernel/signing/package-signer';
import type { Signer } from '../../kernel/signing/signer';
import { deletePin, insertPin, insertRequest, latestRequestForKey, readPin, refreshPin, requestById, type EnrolmentRequestRecord, type PinnedReviewer } from './enrolment-repo';
import { failure, requireRole } from './refusals';

export type { EnrolmentRequestRecord, PinnedReviewer } from './enrolment-repo';

export interface EnrolmentState {
  /** The newest request made with the current key, if any. */
  request: EnrolmentRequestRecord | null;
  pinned: PinnedReviewer | null;
}

export function enrolmentState(ctx: ServiceContext, keyId: string | null): EnrolmentState {
  return { request: keyId === null ? null : latestRequestForKey(ctx.db, keyId), pinned: readPin(ctx.db) };
}

/** The commune signs a request with its key; the officer defaults to the one set up. Not recorded yet. */
export function prepareEnrolmentRequest(
  ctx: ServiceContext,
  signer: Signer,
  input: { appVersion: string; officerName?: string | undefined; officerTitle?: string | undefined },
): { record: EnrolmentRequestRecord; fingerprint: string } {
  const identity = requireRole(ctx, 'commune');
  const officer = { name: (input.officerName ?? identity.officerName ?? '').trim(), title: (input.officerTitle ?? identity.officerTitle ?? '').trim() };
  if (!officer.name || !officer.title) {
    throw new AppError('INVALID_INPUT', 'officer name and title are required', { fields: { ...(officer.name ? {} : { officerName: 'REQUIRED' }), ...(officer.title ? {} : { officerTitle: 'REQUIRED' }) } });
  }
  const now = ctx.clock.now();
  const built = buildEnrolmentRequest(
    { commune: { code: identity.unitCode, name: identity.unitName, provinceCode: identity.provinceCode }, officer, validFrom: now.toISOString().slice(0, 10), appVersion: input.appVersion, now },
    signer,
  );
  const verified = verifyEnrolmentRequest(built.text);
  if (!verified.ok) throw failure(verified);
  const record: EnrolmentRequestRecord = {
    requestId: verified.request.requestId,
    keyId: signer.keyId,
    requestSha256: verified.requestSha256,
    text: built.text,
    createdAt: now.toISOString(),
    request: verified.request,
  };
  return { record, fingerprint: built.fingerprint };
}

/** Records a request once its file is safely written (a failed write records nothing). */
export function recordEnrolmentRequest(ctx: ServiceContext, record: EnrolmentRequestRecord): void {
  ctx.db.transaction(() => {
    insertRequest(ctx.db, record);
    audit(ctx, 'enrolment.request', 'enrolment', record.requestId, null, { keyId: record.keyId, requestSha256: record.requestSha256 });
  })();
}

/** File names of what the commune sends: the signed request and its printed form. */
export function enrolmentFileNames(record: EnrolmentRequestRecord): { json: string; pdf: string } {
  const base = `CCHC-ENROL-${record.request.commune.code}-${record.keyId}`;
  return { json: safeFileName(`${base}.json`), pdf: safeFileName(`${base}.pdf`) };
}

/**
 * The commune reads the reviewing unit's approval: it must answer one of OUR requests (the id is
 * read from the unverified file only to find which request to check against). Once a key is
 * pinned, only that key may sign; an approval signed by another key is REVIEWER_KEY_CHANGED
 * (with both fingerprints), unless `repin` asks to replace the pinned key deliberately.
 */
export function checkEnrolmentApproval(
  ctx: ServiceContext,
  text: string | Uint8Array,
  opts: { repin?: boolean | undefined } = {},
): { pin: PinnedReviewer; previous: PinnedReviewer | null; keyChanged: boolean } {
  requireRole(ctx, 'commune');
  const parsed = parseStrictJson(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
  const claimedId = parsed.ok ? (parsed.value as { payload?: { approved?: { requestId?: unknown } } })?.payload?.approved?.requestId : undefined;
  const mine = typeof claimedId === 'string' ? requestById(ctx.db, claimedId) : null;
  if (parsed.ok && !mine) throw new AppError('ENROLMENT_NOT_FOUND', 'no such request here');
  const previous = readPin(ctx.db);
  const against = { request: mine?.request ?? ({} as EnrolmentRequest), requestSha256: mine?.requestSha256 ?? '' };
  let r = verifyEnrolmentApproval(text, { ...against, ...(previous ? { pinnedReviewerKey: fromBase64Url(previous.publicKey)! } : {}) });
  let keyChanged = false;
  if (!r.ok && r.code === 'KEY_UNKNOWN' && previous) {
    // Signed by some other key: say so plainly (with both fingerprints), never pin it quietly.
    const other = verifyEnrolmentApproval(text, against);
    if (!other.ok) throw failure(other);
    if (!opts.repin) {
      throw new AppError('REVIEWER_KEY_CHANGED', 'approval signed by another reviewing unit key', { pinnedFingerprint: previous.fingerprint, fileFingerprint: other.reviewerFingerprint });
    }
    r = other;
    keyChanged = true;
  }
  if (!r.ok) throw failure(r);
  const a = r.approval;
  const pin: PinnedReviewer = {
    unitCode: a.reviewer.code, unitName: a.reviewer.name, keyId: a.reviewer.key.keyId, fingerprint: r.reviewerFingerprint, publicKey: a.reviewer.key.publicKey,
    requestId: a.approved.requestId, approvedAt: a.approvedAt, validFrom: a.validFrom, pinnedAt: isoNow(ctx),
  };
  return { pin, previous, keyChanged };
}

/**
 * Step 4 for a commune: the reviewing unit's key it pinned, as a reviewer key (approvals,
 * frameworks, appraisal results). Nothing else is trusted.
 */
export function pinnedReviewerResolver(ctx: ServiceContext): KeyResolver {
  return (keyId) => {
    const pin = readPin(ctx.db);
    const raw = pin && pin.keyId === keyId ? fromBase64Url(pin.publicKey) : undefined;
    return raw ? { publicKey: raw, status: 'active', kind: 'reviewer' } : undefined;
  };
}

export interface AcceptApprovalOptions {
  /**
   * The reviewing unit's fingerprint as a person read it from the unit's published letter or
   * paper (not from the file): required, and must match the key that signed the approval.
   */
  fingerprint: string;
  /** Replace an already pinned reviewing unit key by the one that signed this approval. */
  repin?: boolean | undefined;
}

/** Pins the reviewing unit's key (first time, or deliberately re-pinned), or refreshes the approval. */
export function acceptEnrolmentApproval(ctx: ServiceContext, text: string | Uint8Array, opts: AcceptApprovalOptions): PinnedReviewer {
  const { pin, previous, keyChanged } = checkEnrolmentApproval(ctx, text, { repin: opts.repin });
  if (!opts.fingerprint.trim()) throw new AppError('FINGERPRINT_REQUIRED', 'type the reviewing unit fingerprint', { fileFingerprint: pin.fingerprint });
  if (!sameFingerprint(opts.fingerprint, pin.fingerprint)) throw new AppError('FINGERPRINT_MISMATCH', 'fingerprint differs', { fileFingerprint: pin.fingerprint });
  const approvalText = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
  ctx.db.transaction(() => {
    const row = { ...pin, approvalText };
    if (keyChanged) deletePin(ctx.db);
    if (previous && !keyChanged) refreshPin(ctx.db, row);
    else insertPin(ctx.db, row);
    audit(ctx, keyChanged ? 'enrolment.repin' : 'enrolment.accept', 'enrolment', pin.requestId, previous, pin);
  })();
  return pin;
}
