/**
 * Key enrolment and rotation (docs/package-format.md, "Enrolment and rotation").
 *
 * 1. The commune generates its key and signs an enrolment request with it (self-signed: proves
 *    possession, not identity). It prints the form with the fingerprint, stamped and signed.
 * 2. The reviewing unit verifies the request, compares the fingerprint with the paper form, and
 *    answers with an approval signed by its own key, bound to the exact request bytes.
 * 3. The commune verifies the approval against its own request and pins the reviewing unit's key
 *    (after comparing that fingerprint out of band too, the first time).
 * Rotation (rotation.ts): the same paper check for the new key, answered by a signed approval.
 */
import { randomUUID } from 'node:crypto';
import { toBase64Url, fromBase64Url } from '../../../shared/package/base64url';
import type { EnrolmentApproval, EnrolmentRequest, SignerKind } from '../../../shared/package/envelope';
import { refuse, type VerifyFailure } from '../../../shared/package/verify-steps';
import { fingerprintOf, keyIdOf, sha256Hex } from './ed25519';
import { serializeEnvelope, signPackage, verifyEnvelope, type KeyResolver } from './package-signer';
import type { Signer } from './signer';

export interface EnrolmentRequestInput {
  commune: { code: string; name: string; provinceCode: string };
  officer: { name: string; title: string };
  validFrom: string;
  appVersion: string;
  now: Date;
  requestId?: string;
}

/** Commune side: the request file's text and the fingerprint to print on the paper form. */
export function buildEnrolmentRequest(input: EnrolmentRequestInput, signer: Signer): { text: string; fingerprint: string } {
  const payload: EnrolmentRequest = {
    requestId: input.requestId ?? randomUUID(),
    commune: input.commune,
    officer: input.officer,
    key: { alg: 'Ed25519', publicKey: toBase64Url(signer.publicKey), keyId: signer.keyId },
    createdAt: input.now.toISOString(),
    validFrom: input.validFrom,
    appVersion: input.appVersion,
  };
  return { text: serializeEnvelope(signPackage('enrolment-request', payload, [signer])), fingerprint: fingerprintOf(signer.publicKey) };
}

export type EnrolmentResult<T> = ({ ok: true } & T) | VerifyFailure | { ok: false; code: 'ENROLMENT_MISMATCH'; message: string; details?: Record<string, unknown> };

export function mismatch(message: string, details?: Record<string, unknown>): { ok: false; code: 'ENROLMENT_MISMATCH'; message: string; details?: Record<string, unknown> } {
  return { ok: false, code: 'ENROLMENT_MISMATCH', message, ...(details ? { details } : {}) };
}

/**
 * The key the package names for its own signer, as the given kind: only where trust comes from
 * elsewhere (a person compares the fingerprint with a stamped paper before anything is recorded).
 */
const selfSigned =
  (kind: SignerKind): KeyResolver =>
  (_keyId, ctx) =>
    ctx.embeddedPublicKey ? { publicKey: ctx.embeddedPublicKey, status: 'active', kind } : undefined;

export interface VerifiedRequest {
  request: EnrolmentRequest;
  /** For the person approving: compare with the stamped paper form before approving. */
  fingerprint: string;
  /** SHA-256 (hex) of the request's signed bytes; the approval repeats it. */
  requestSha256: string;
}

/** Reviewing side: checks the request is well formed and signed by the key it names. */
export function verifyEnrolmentRequest(text: string | Uint8Array): EnrolmentResult<VerifiedRequest> {
  const r = verifyEnvelope(text, { resolveKey: selfSigned('commune'), accept: ['enrolment-request'] });
  if (!r.ok) return r;
  const request = r.payload as EnrolmentRequest;
  if (request.key.keyId !== r.keyIds[0]) return refuse('PAYLOAD_INVALID', { field: 'key.keyId' });
  return { ok: true, request, fingerprint: fingerprintOf(fromBase64Url(request.key.publicKey)!), requestSha256: sha256Hex(r.signedBytes) };
}

export interface ApprovalInput {
  reviewer: { code: string; name: string };
  approvedAt: Date;
  validFrom: string;
}

/**
 * Reviewing side, after a person compared `verified.fingerprint` with the paper form: the signed
 * approval. The caller records the commune key as active in its registry in the same transaction.
 */
export function approveEnrolment(verified: VerifiedRequest, input: ApprovalInput, reviewerSigner: Signer): string {
  const payload: EnrolmentApproval = {
    reviewer: { ...input.reviewer, key: { alg: 'Ed25519', publicKey: toBase64Url(reviewerSigner.publicKey), keyId: reviewerSigner.keyId } },
    approved: {
      requestId: verified.request.requestId,
      requestSha256: verified.requestSha256,
      communeCode: verified.request.commune.code,
      keyId: verified.request.key.keyId,
      fingerprint: verified.fingerprint,
    },
    approvedAt: input.approvedAt.toISOString(),
    validFrom: input.validFrom,
  };
  return serializeEnvelope(signPackage('enrolment-approval', payload, [reviewerSigner]));
}

export interface VerifiedApproval {
  approval: EnrolmentApproval;
  /** The reviewing unit's key to pin, and its fingerprint to compare out of band the first time. */
  reviewerPublicKey: Uint8Array;
  reviewerFingerprint: string;
}

/**
 * Commune side: the approval must answer OUR request (same request bytes, commune and key). With
 * `pinnedReviewerKey` (set at an earlier setup) only that key may sign; without it the approval's
 * own key is used and its fingerprint returned for the person to compare before pinning it.
 */
export function verifyEnrolmentApproval(
  text: string | Uint8Array,
  mine: { request: EnrolmentRequest; requestSha256: string; pinnedReviewerKey?: Uint8Array },
): EnrolmentResult<VerifiedApproval> {
  const pinned = mine.pinnedReviewerKey;
  const resolveKey: KeyResolver = pinned
    ? (keyId) => (keyIdOf(pinned) === keyId ? { publicKey: pinned, status: 'active', kind: 'reviewer' } : undefined)
    : selfSigned('reviewer');
  const r = verifyEnvelope(text, { resolveKey, accept: ['enrolment-approval'] });
  if (!r.ok) return r;
  const approval = r.payload as EnrolmentApproval;
  const reviewerPublicKey = fromBase64Url(approval.reviewer.key.publicKey)!;
  if (keyIdOf(reviewerPublicKey) !== r.keyIds[0] || approval.reviewer.key.keyId !== r.keyIds[0]) {
    return mismatch('Khóa ghi trong quyết định duyệt không phải khóa đã ký nó. Không dùng tệp này; hãy liên hệ đơn vị thẩm định.');
  }
  const a = approval.approved;
  const ownFingerprint = fingerprintOf(fromBase64Url(mine.request.key.publicKey)!);
  if (a.requestSha256 !== mine.requestSha256 || a.requestId !== mine.request.requestId || a.communeCode !== mine.request.commune.code || a.keyId !== mine.request.key.keyId || a.fingerprint !== ownFingerprint) {
    return mismatch('Quyết định duyệt này không phải trả lời cho đề nghị đăng ký khóa của máy này (khác xã, khác khóa hoặc khác lần đề nghị). Hãy kiểm tra lại tệp nhận được.', {
      requestId: a.requestId,
      communeCode: a.communeCode,
      keyId: a.keyId,
    });
  }
  return { ok: true, approval, reviewerPublicKey, reviewerFingerprint: fingerprintOf(reviewerPublicKey) };
}
