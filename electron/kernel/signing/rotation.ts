/**
 * Key rotation (docs/package-format.md §6). Whoever steals a commune's private key can make a
 * new key and sign a statement with both, so the old key's signature is continuity evidence,
 * never authority. Rotation needs the same out-of-band proof as enrolment:
 *
 * 1. The commune makes a new key (kept aside, not used yet) and a statement naming it, signed by
 *    the old key and the new key, and prints the rotation form with the new fingerprint, which is
 *    signed and stamped.
 * 2. The reviewing unit checks the statement (the old key registered, active and the commune's;
 *    the new key proven by its own signature) and holds it as pending. A person compares the new
 *    fingerprint with the stamped form; only then is it approved: the reviewing unit answers with
 *    a rotation approval signed by its key, bound to the exact statement bytes.
 * 3. The commune verifies the approval with the reviewing unit key it pinned and only then
 *    switches its signing key.
 */
import { toBase64Url, fromBase64Url } from '../../../shared/package/base64url';
import type { KeyRotation, KeyRotationApproval } from '../../../shared/package/envelope';
import { AppError } from '../../../shared/errors';
import { fingerprintOf, keyIdOf, sha256Hex } from './ed25519';
import { mismatch, type EnrolmentResult } from './enrolment';
import { serializeEnvelope, signPackage, verifyEnvelope, type KeyResolver, type ResolvedKey } from './package-signer';
import type { Signer } from './signer';

/** Commune side: the rotation statement, signed by the old key and by the new key. */
export function buildKeyRotation(input: { communeCode: string; effectiveFrom: string; now: Date }, oldSigner: Signer, newSigner: Signer): string {
  if (oldSigner.keyId === newSigner.keyId) throw new AppError('INVALID_INPUT', 'The new key must differ from the old key.');
  const payload: KeyRotation = {
    communeCode: input.communeCode,
    oldKeyId: oldSigner.keyId,
    newKey: { alg: 'Ed25519', publicKey: toBase64Url(newSigner.publicKey), keyId: newSigner.keyId },
    effectiveFrom: input.effectiveFrom,
    createdAt: input.now.toISOString(),
  };
  return serializeEnvelope(signPackage('key-rotation', payload, [oldSigner, newSigner]));
}

export interface RegisteredKey extends ResolvedKey {
  communeCode: string;
}

export interface VerifiedRotation {
  rotation: KeyRotation;
  newPublicKey: Uint8Array;
  /** For the person approving: compare with the stamped rotation form before approving. */
  newFingerprint: string;
  /** SHA-256 (hex) of the statement's signed bytes; the rotation approval repeats it. */
  statementSha256: string;
}

/**
 * Reviewing side: the old key must be registered, active and the commune's; the new key is the
 * one the statement names, proven by its own signature (never looked up in the registry: whether
 * the registry may take it is the caller's question). Verified is not approved: the caller holds
 * the statement as pending until a person has compared `newFingerprint` with the paper form.
 */
export function verifyKeyRotation(text: string | Uint8Array, registry: (keyId: string) => RegisteredKey | undefined): EnrolmentResult<VerifiedRotation> {
  // The embedded key is offered only for the signature whose key id it hashes to (the new key);
  // the other signature must come from the registry.
  const resolveKey: KeyResolver = (keyId, ctx) => (ctx.embeddedPublicKey ? { publicKey: ctx.embeddedPublicKey, status: 'active', kind: 'commune' } : registry(keyId));
  const r = verifyEnvelope(text, { resolveKey, accept: ['key-rotation'] });
  if (!r.ok) return r;
  const rotation = r.payload as KeyRotation;
  const newPublicKey = fromBase64Url(rotation.newKey.publicKey)!;
  const oldRegistered = registry(rotation.oldKeyId);
  if (
    rotation.newKey.keyId !== keyIdOf(newPublicKey) ||
    rotation.oldKeyId === rotation.newKey.keyId ||
    r.keyIds[0] !== rotation.oldKeyId ||
    r.keyIds[1] !== rotation.newKey.keyId ||
    !oldRegistered
  ) {
    return mismatch('Văn bản đổi khóa không được ký bởi đúng khóa cũ đã đăng ký và khóa mới. Hãy đề nghị xã lập lại văn bản đổi khóa.');
  }
  if (oldRegistered.communeCode !== rotation.communeCode) {
    return mismatch('Khóa cũ đã đăng ký cho một xã khác với xã ghi trong văn bản đổi khóa. Không dùng tệp này.', { communeCode: rotation.communeCode });
  }
  return { ok: true, rotation, newPublicKey, newFingerprint: fingerprintOf(newPublicKey), statementSha256: sha256Hex(r.signedBytes) };
}

/**
 * Reviewing side, AFTER a person compared `verified.newFingerprint` with the stamped rotation
 * form: the signed rotation approval. The caller enrols the new key and retires the old one in
 * the same transaction.
 */
export function approveRotation(verified: VerifiedRotation, input: { reviewer: { code: string; name: string }; approvedAt: Date }, reviewerSigner: Signer): string {
  const payload: KeyRotationApproval = {
    reviewer: { ...input.reviewer, keyId: reviewerSigner.keyId },
    approved: {
      rotationSha256: verified.statementSha256,
      communeCode: verified.rotation.communeCode,
      oldKeyId: verified.rotation.oldKeyId,
      newKeyId: verified.rotation.newKey.keyId,
      newFingerprint: verified.newFingerprint,
      effectiveFrom: verified.rotation.effectiveFrom,
    },
    approvedAt: input.approvedAt.toISOString(),
  };
  return serializeEnvelope(signPackage('key-rotation-approval', payload, [reviewerSigner]));
}

/**
 * Commune side: the approval must be signed by the reviewing unit key the commune pinned and
 * answer exactly its statement (same statement hash, commune, keys, fingerprint and date).
 */
export function verifyRotationApproval(
  text: string | Uint8Array,
  mine: { pinnedReviewerKey: Uint8Array; statementSha256: string; rotation: KeyRotation },
): EnrolmentResult<{ approval: KeyRotationApproval }> {
  const pinned = mine.pinnedReviewerKey;
  const resolveKey: KeyResolver = (keyId) => (keyIdOf(pinned) === keyId ? { publicKey: pinned, status: 'active', kind: 'reviewer' } : undefined);
  const r = verifyEnvelope(text, { resolveKey, accept: ['key-rotation-approval'] });
  if (!r.ok) return r;
  const approval = r.payload as KeyRotationApproval;
  const a = approval.approved;
  const rot = mine.rotation;
  if (
    approval.reviewer.keyId !== r.keyIds[0] ||
    a.rotationSha256 !== mine.statementSha256 ||
    a.communeCode !== rot.communeCode ||
    a.oldKeyId !== rot.oldKeyId ||
    a.newKeyId !== rot.newKey.keyId ||
    a.newFingerprint !== fingerprintOf(fromBase64Url(rot.newKey.publicKey)!) ||
    a.effectiveFrom !== rot.effectiveFrom
  ) {
    return mismatch('Tệp duyệt đổi khóa này không trả lời đúng văn bản đổi khóa của máy này (khác xã, khác khóa hoặc khác lần đổi). Hãy kiểm tra lại tệp nhận được.', {
      communeCode: a.communeCode,
      newKeyId: a.newKeyId,
    });
  }
  return { ok: true, approval };
}
