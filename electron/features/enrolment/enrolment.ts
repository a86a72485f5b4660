/**
 * Enrolment in the database, both sides (docs/package-format.md §6). The cryptography is in
 * crypto/enrolment.ts; this module records what it decided, with an audit row, in one transaction.
 *
 * Commune side: enrolment_requests (every request made, as signed) and reviewer_pin (the reviewing
 * unit's key, pinned when its approval of one of our requests is accepted).
 * Reviewing side: enrolled_keys (commune code, name, key, status active/revoked, from date).
 */
import { AppError } from '../../../shared/errors';
import { fromBase64Url, toBase64Url } from '../../../shared/package/base64url';
import type { EnrolmentRequest } from '../../../shared/package/envelope';
import { parseStrictJson } from '../../../shared/package/strict-json';
import { refusalError, type VerifyFailure } from '../../../shared/package/verify-steps';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import { approveEnrolment, buildEnrolmentRequest, verifyEnrolmentApproval, verifyEnrolmentRequest, verifyKeyRotation, type RegisteredKey } from '../../kernel/signing/enrolment';
import { keyIdOf } from '../../kernel/signing/ed25519';
import type { KeyResolver } from '../../kernel/signing/package-signer';
import type { Signer } from '../../kernel/signing/signer';
import { requireIdentity } from '../setup/identity';

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
 * The commune imports the reviewing unit's approval: it must answer one of OUR requests (the id
 * is read from the unverified file only to find which request to check against). Pins the
 * reviewing unit's key; once pinned, only that key may sign approvals.
 */
export function checkEnrolmentApproval(ctx: ServiceContext, text: string | Uint8Array): { pin: PinnedReviewer; previous: PinnedReviewer | null } {
  requireRole(ctx, 'commune');
  const parsed = parseStrictJson(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
  const claimedId = parsed.ok ? (parsed.value as { payload?: { approved?: { requestId?: unknown } } })?.payload?.approved?.requestId : undefined;
  const row = typeof claimedId === 'string' ? (ctx.db.prepare('SELECT * FROM enrolment_requests WHERE request_id = ?').get(claimedId) as RequestRow | undefined) : undefined;
  if (parsed.ok && !row) throw new AppError('ENROLMENT_NOT_FOUND', 'no such request here');
  const state = enrolmentState(ctx, null);
  const mine = row ? toRequest(row) : null;
  const r = verifyEnrolmentApproval(text, {
    request: mine?.request ?? ({} as EnrolmentRequest),
    requestSha256: mine?.requestSha256 ?? '',
    ...(state.pinned ? { pinnedReviewerKey: fromBase64Url(state.pinned.publicKey)! } : {}),
  });
  if (!r.ok) throw failure(r);
  const a = r.approval;
  const pin: PinnedReviewer = {
    unitCode: a.reviewer.code, unitName: a.reviewer.name, keyId: a.reviewer.key.keyId, fingerprint: r.reviewerFingerprint, publicKey: a.reviewer.key.publicKey,
    requestId: a.approved.requestId, approvedAt: a.approvedAt, validFrom: a.validFrom, pinnedAt: isoNow(ctx),
  };
  return { pin, previous: state.pinned };
}

export function acceptEnrolmentApproval(ctx: ServiceContext, text: string | Uint8Array): PinnedReviewer {
  const { pin, previous } = checkEnrolmentApproval(ctx, text);
  const approvalText = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO reviewer_pin (id, unit_code, unit_name, key_id, public_key, fingerprint, request_id, approval_text, approved_at, valid_from, pinned_at)
         VALUES (1, @unitCode, @unitName, @keyId, @publicKey, @fingerprint, @requestId, @approvalText, @approvedAt, @validFrom, @pinnedAt)
         ON CONFLICT(id) DO UPDATE SET unit_code = excluded.unit_code, unit_name = excluded.unit_name, request_id = excluded.request_id,
           approval_text = excluded.approval_text, approved_at = excluded.approved_at, valid_from = excluded.valid_from, pinned_at = excluded.pinned_at`,
      )
      .run({ ...pin, approvalText });
    audit(ctx, 'enrolment.accept', 'enrolment', pin.requestId, previous, pin);
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

/** Step 4 for the reviewing unit: only keys it enrolled; never the key a package carries. */
export function registryResolver(ctx: ServiceContext): KeyResolver & ((keyId: string) => RegisteredKey | undefined) {
  return (keyId: string) => {
    const k = enrolledKey(ctx, keyId);
    const raw = k ? fromBase64Url(k.publicKey) : undefined;
    return k && raw ? { publicKey: raw, status: k.status, communeCode: k.communeCode } : undefined;
  };
}

/**
 * The reviewing unit approves a request, AFTER a person compared the fingerprint with the stamped
 * paper form: writes nothing to disk, returns the signed approval, and enrols the key (active).
 */
export function approveEnrolmentRequest(ctx: ServiceContext, requestText: string | Uint8Array, reviewerSigner: Signer): { approvalText: string; enrolled: EnrolledKey } {
  const identity = requireRole(ctx, 'reviewer');
  const v = verifyEnrolmentRequest(requestText);
  if (!v.ok) throw failure(v);
  const now = ctx.clock.now();
  const validFrom = now.toISOString().slice(0, 10);
  const approvalText = approveEnrolment(v, { reviewer: { code: identity.unitCode, name: identity.unitName }, approvedAt: now, validFrom }, reviewerSigner);
  const req = v.request;
  const enrolled: EnrolledKey = {
    keyId: req.key.keyId, communeCode: req.commune.code, communeName: req.commune.name, publicKey: req.key.publicKey, fingerprint: v.fingerprint,
    status: 'active', validFrom, revokedFrom: null, approvedAt: now.toISOString(),
  };
  ctx.db.transaction(() => {
    const old = enrolledKey(ctx, enrolled.keyId);
    ctx.db
      .prepare(
        `INSERT INTO enrolled_keys (key_id, commune_code, commune_name, public_key, fingerprint, status, valid_from, revoked_from, request_id, request_sha256, approved_at)
         VALUES (@keyId, @communeCode, @communeName, @publicKey, @fingerprint, 'active', @validFrom, NULL, @requestId, @requestSha256, @approvedAt)
         ON CONFLICT(key_id) DO UPDATE SET commune_code = excluded.commune_code, commune_name = excluded.commune_name, status = 'active', revoked_from = NULL,
           request_id = excluded.request_id, request_sha256 = excluded.request_sha256, approved_at = excluded.approved_at`,
      )
      .run({ ...enrolled, requestId: req.requestId, requestSha256: v.requestSha256 });
    audit(ctx, 'enrolment.approve', 'enrolled_key', enrolled.keyId, old ?? null, enrolled);
  })();
  return { approvalText, enrolled };
}

/** Lost or stolen key: packages signed with it are refused (KEY_REVOKED) from now on. */
export function revokeEnrolledKey(ctx: ServiceContext, keyId: string, from: string): EnrolledKey {
  requireRole(ctx, 'reviewer');
  return ctx.db.transaction(() => {
    const old = enrolledKey(ctx, keyId);
    if (!old) throw new AppError('KEY_UNKNOWN', 'no such enrolled key', { keyId });
    ctx.db.prepare("UPDATE enrolled_keys SET status = 'revoked', revoked_from = ? WHERE key_id = ?").run(from, keyId);
    const now = enrolledKey(ctx, keyId)!;
    audit(ctx, 'enrolment.revoke', 'enrolled_key', keyId, old, now);
    return now;
  })();
}

/** A rotation statement signed by the registered old key and the new key: enrol new, retire old. */
export function acceptKeyRotation(ctx: ServiceContext, text: string | Uint8Array): EnrolledKey {
  requireRole(ctx, 'reviewer');
  const registry = registryResolver(ctx);
  const r = verifyKeyRotation(text, registry);
  if (!r.ok) throw failure(r);
  const old = enrolledKey(ctx, r.rotation.oldKeyId)!;
  const next: EnrolledKey = {
    keyId: keyIdOf(r.newPublicKey), communeCode: old.communeCode, communeName: old.communeName, publicKey: toBase64Url(r.newPublicKey), fingerprint: r.newFingerprint,
    status: 'active', validFrom: r.rotation.effectiveFrom, revokedFrom: null, approvedAt: isoNow(ctx),
  };
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO enrolled_keys (key_id, commune_code, commune_name, public_key, fingerprint, status, valid_from, revoked_from, request_id, request_sha256, approved_at)
         VALUES (@keyId, @communeCode, @communeName, @publicKey, @fingerprint, 'active', @validFrom, NULL, NULL, NULL, @approvedAt)`,
      )
      .run(next);
    ctx.db.prepare("UPDATE enrolled_keys SET status = 'revoked', revoked_from = ? WHERE key_id = ?").run(r.rotation.effectiveFrom, old.keyId);
    audit(ctx, 'enrolment.rotate', 'enrolled_key', next.keyId, old, next);
  })();
  return next;
}
