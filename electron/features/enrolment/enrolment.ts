/**
 * Enrolment in the database, both sides (docs/package-format.md §6). The cryptography is in
 * crypto/enrolment.ts; this module records what it decided, with an audit row, in one transaction.
 *
 * Commune side: enrolment_requests (every request made, as signed) and reviewer_pin (the reviewing
 * unit's key, pinned when its approval of one of our requests is accepted).
 * Reviewing side: enrolled_keys (commune code, name, key, status active/revoked, from date).
 */
import { AppError } from '../../../shared/errors';
import { fromBase64Url } from '../../../shared/package/base64url';
import type { EnrolmentRequest } from '../../../shared/package/envelope';
import { parseStrictJson } from '../../../shared/package/strict-json';
import { sameFingerprint } from '../../../shared/package/fingerprint';
import { refusalError, type VerifyFailure } from '../../../shared/package/verify-steps';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import { approveEnrolment, buildEnrolmentRequest, verifyEnrolmentApproval, verifyEnrolmentRequest, type VerifiedRequest } from '../../kernel/signing/enrolment';
import type { RegisteredKey } from '../../kernel/signing/rotation';
import { dayOf, isCalendarDate } from '../../../shared/calendar-date';
import type { KeyResolver } from '../../kernel/signing/package-signer';
import type { Signer } from '../../kernel/signing/signer';
import { requireIdentity } from '../setup/identity';
import { refuseRejected } from './rejection';

function failure(r: VerifyFailure | { ok: false; code: 'ENROLMENT_MISMATCH'; message: string; details?: Record<string, unknown> }): AppError {
  return r.code === 'ENROLMENT_MISMATCH' ? new AppError('ENROLMENT_MISMATCH', r.message, r.details) : refusalError(r);
}

function requireRole(ctx: ServiceContext, role: 'commune' | 'reviewer') {
  const identity = requireIdentity(ctx);
  if (identity.role !== role) throw new AppError('WRONG_ROLE', `needs the ${role} role`);
  return identity;
}

// ------------------------------------------------------------------ commune side

export interface EnrolmentRequestRecord {
  requestId: string;
  keyId: string;
  requestSha256: string;
  text: string;
  createdAt: string;
  request: EnrolmentRequest;
}

export interface PinnedReviewer {
  unitCode: string;
  unitName: string;
  keyId: string;
  fingerprint: string;
  publicKey: string;
  requestId: string;
  approvedAt: string;
  validFrom: string;
  pinnedAt: string;
}

export interface EnrolmentState {
  /** The newest request made with the current key, if any. */
  request: EnrolmentRequestRecord | null;
  pinned: PinnedReviewer | null;
}

interface RequestRow {
  request_id: string;
  key_id: string;
  request_sha256: string;
  text: string;
  created_at: string;
}
const toRequest = (r: RequestRow): EnrolmentRequestRecord => ({
  requestId: r.request_id,
  keyId: r.key_id,
  requestSha256: r.request_sha256,
  text: r.text,
  createdAt: r.created_at,
  request: (JSON.parse(r.text) as { payload: EnrolmentRequest }).payload,
});

export function enrolmentState(ctx: ServiceContext, keyId: string | null): EnrolmentState {
  const row = keyId === null ? undefined : (ctx.db.prepare('SELECT * FROM enrolment_requests WHERE key_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(keyId) as RequestRow | undefined);
  const pin = ctx.db.prepare('SELECT * FROM reviewer_pin WHERE id = 1').get() as Record<string, string> | undefined;
  return {
    request: row ? toRequest(row) : null,
    pinned: pin
      ? {
          unitCode: pin['unit_code']!, unitName: pin['unit_name']!, keyId: pin['key_id']!, fingerprint: pin['fingerprint']!, publicKey: pin['public_key']!,
          requestId: pin['request_id']!, approvedAt: pin['approved_at']!, validFrom: pin['valid_from']!, pinnedAt: pin['pinned_at']!,
        }
      : null,
  };
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
    ctx.db.prepare('INSERT INTO enrolment_requests (request_id, key_id, request_sha256, text, created_at) VALUES (?, ?, ?, ?, ?)').run(record.requestId, record.keyId, record.requestSha256, record.text, record.createdAt);
    audit(ctx, 'enrolment.request', 'enrolment', record.requestId, null, { keyId: record.keyId, requestSha256: record.requestSha256 });
  })();
}

/** File names of what the commune sends: the signed request and its printed form. */
export function enrolmentFileNames(record: EnrolmentRequestRecord): { json: string; pdf: string } {
  const base = `CCHC-ENROL-${record.request.commune.code}-${record.keyId}`;
  return { json: `${base}.json`, pdf: `${base}.pdf` };
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
  const row = typeof claimedId === 'string' ? (ctx.db.prepare('SELECT * FROM enrolment_requests WHERE request_id = ?').get(claimedId) as RequestRow | undefined) : undefined;
  if (parsed.ok && !row) throw new AppError('ENROLMENT_NOT_FOUND', 'no such request here');
  const previous = enrolmentState(ctx, null).pinned;
  const mine = row ? toRequest(row) : null;
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
    const pin = enrolmentState(ctx, null).pinned;
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
    if (keyChanged) {
      // A re-pin is a delete and an insert: an UPDATE of the key is refused by the database.
      ctx.db.prepare('DELETE FROM reviewer_pin WHERE id = 1').run();
    }
    if (previous && !keyChanged) {
      ctx.db
        .prepare(
          `UPDATE reviewer_pin SET unit_code = @unitCode, unit_name = @unitName, request_id = @requestId, approval_text = @approvalText,
             approved_at = @approvedAt, valid_from = @validFrom, pinned_at = @pinnedAt WHERE id = 1`,
        )
        .run(row);
    } else {
      ctx.db
        .prepare(
          `INSERT INTO reviewer_pin (id, unit_code, unit_name, key_id, public_key, fingerprint, request_id, approval_text, approved_at, valid_from, pinned_at)
           VALUES (1, @unitCode, @unitName, @keyId, @publicKey, @fingerprint, @requestId, @approvalText, @approvedAt, @validFrom, @pinnedAt)`,
        )
        .run(row);
    }
    audit(ctx, keyChanged ? 'enrolment.repin' : 'enrolment.accept', 'enrolment', pin.requestId, previous, pin);
  })();
  return pin;
}

// ------------------------------------------------------------------ reviewing side

export interface EnrolledKey {
  keyId: string;
  communeCode: string;
  communeName: string;
  publicKey: string;
  fingerprint: string;
  status: 'active' | 'revoked';
  validFrom: string;
  revokedFrom: string | null;
  approvedAt: string;
}

export function listEnrolledKeys(ctx: ServiceContext): EnrolledKey[] {
  const rows = ctx.db.prepare('SELECT * FROM enrolled_keys ORDER BY commune_code, approved_at').all() as Record<string, string | null>[];
  return rows.map((r) => ({
    keyId: r['key_id']!, communeCode: r['commune_code']!, communeName: r['commune_name']!, publicKey: r['public_key']!, fingerprint: r['fingerprint']!,
    status: r['status'] as 'active' | 'revoked', validFrom: r['valid_from']!, revokedFrom: r['revoked_from'] ?? null, approvedAt: r['approved_at']!,
  }));
}

function enrolledKey(ctx: ServiceContext, keyId: string): EnrolledKey | undefined {
  return listEnrolledKeys(ctx).find((k) => k.keyId === keyId);
}

/**
 * Step 4 for the reviewing unit: only keys it enrolled, as commune keys; never the key a package
 * carries. A revoked key is refused whatever its date (no signing time in a package can be
 * trusted). The one exception: the old key of an approved rotation whose effective date has not
 * come yet stays usable until that date, so the commune can switch keys in between.
 */
export function registryResolver(ctx: ServiceContext): KeyResolver & ((keyId: string) => RegisteredKey | undefined) {
  return (keyId: string) => {
    const k = enrolledKey(ctx, keyId);
    const raw = k ? fromBase64Url(k.publicKey) : undefined;
    if (!k || !raw) return undefined;
    const retiredLater =
      k.status === 'revoked' &&
      k.revokedFrom !== null &&
      isCalendarDate(k.revokedFrom) &&
      k.revokedFrom > dayOf(ctx.clock.now()) &&
      ctx.db.prepare(`SELECT 1 FROM key_rotations WHERE old_key_id = ? AND status = 'approved' AND effective_from = ?`).get(k.keyId, k.revokedFrom) !== undefined;
    return { publicKey: raw, status: retiredLater ? 'active' : k.status, communeCode: k.communeCode, kind: 'commune' };
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
  const existing = enrolledKey(ctx, v.request.key.keyId) ?? null;
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
    const old = enrolledKey(ctx, req.key.keyId) ?? null;
    refuseKnownKey(old, req.commune.code);
    refuseRejected(ctx, req.requestId);
    const row = { requestId: req.requestId, requestSha256: v.requestSha256, approvedAt: now.toISOString() };
    if (old) {
      // The same key, the same commune, still active: a new answer to a new request, nothing else changes.
      ctx.db.prepare('UPDATE enrolled_keys SET request_id = @requestId, request_sha256 = @requestSha256, approved_at = @approvedAt WHERE key_id = @keyId').run({ ...row, keyId: old.keyId });
    } else {
      ctx.db
        .prepare(
          `INSERT INTO enrolled_keys (key_id, commune_code, commune_name, public_key, fingerprint, status, valid_from, revoked_from, request_id, request_sha256, approved_at)
           VALUES (@keyId, @communeCode, @communeName, @publicKey, @fingerprint, 'active', @validFrom, NULL, @requestId, @requestSha256, @approvedAt)`,
        )
        .run({ keyId: req.key.keyId, communeCode: req.commune.code, communeName: req.commune.name, publicKey: req.key.publicKey, fingerprint: v.fingerprint, validFrom, ...row });
    }
    const now_ = enrolledKey(ctx, req.key.keyId)!;
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
    const old = enrolledKey(ctx, keyId);
    if (!old) throw new AppError('KEY_UNKNOWN', 'no such enrolled key', { keyId });
    const date = old.revokedFrom !== null && old.revokedFrom < from ? old.revokedFrom : from;
    ctx.db.prepare("UPDATE enrolled_keys SET status = 'revoked', revoked_from = ? WHERE key_id = ?").run(date, keyId);
    const now = enrolledKey(ctx, keyId)!;
    audit(ctx, 'enrolment.revoke', 'enrolled_key', keyId, old, now);
    return now;
  })();
}
