/**
 * Key rotation in the database, both sides (docs/package-format.md §6; the cryptography is in
 * crypto/rotation.ts). The old key's signature is continuity evidence, never authority: nothing
 * changes until a person has compared the new key's fingerprint with the stamped rotation form.
 *
 * Commune: `startKeyRotation` makes the new key (kept in the pending key file, never used to sign
 * before approval) and the statement, held as pending in key_rotations; the app prints the
 * rotation form from it. `acceptRotationApproval` checks the reviewing unit's signed answer with
 * the pinned key and only then makes the new key the signing key (the old key file is kept aside).
 *
 * Reviewing unit: `receiveKeyRotation` checks a statement and holds it as pending;
 * `approveKeyRotation`, with the new fingerprint typed from the stamped form, enrols the new key,
 * retires the old one from the effective date and returns the signed rotation approval.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { safeFileName } from '../../../shared/file-name';
import { dayOf, isCalendarDate } from '../../../shared/calendar-date';
import { fromBase64Url } from '../../../shared/package/base64url';
import { signedBytes } from '../../../shared/package/canonical';
import type { KeyRotation, KeyRotationApproval } from '../../../shared/package/envelope';
import { sameFingerprint } from '../../../shared/package/fingerprint';
import { refusalError } from '../../../shared/package/verify-steps';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import { generateKeyPair, sha256Hex } from '../../kernel/signing/ed25519';
import type { KeyStatus, KeyStore } from '../../kernel/signing/key-store';
import { approveRotation, buildKeyRotation, verifyKeyRotation, verifyRotationApproval, type VerifiedRotation } from '../../kernel/signing/rotation';
import { UnlockedKey, type Signer } from '../../kernel/signing/signer';
import { verifyEnvelope } from '../../kernel/signing/package-signer';
import { enrolmentState, pinnedReviewerResolver } from './commune-enrolment';
import { listEnrolledKeys, registryResolver, type EnrolledKey } from './reviewer-enrolment';
import { unlockKey } from '../keys/keys';
import { requireIdentity } from '../setup/identity';
import { enrolRotatedKey, insertPendingRotation, markRotationApproved, markRotationCancelled, readRotation, readRotations, type KeyRotationRecord } from './rotation-repo';

export type { KeyRotationRecord } from './rotation-repo';

function requireRole(ctx: ServiceContext, role: 'commune' | 'reviewer') {
  const identity = requireIdentity(ctx);
  if (identity.role !== role) throw new AppError('WRONG_ROLE', `needs the ${role} role`);
  return identity;
}

export function listKeyRotations(ctx: ServiceContext, filter: { status?: KeyRotationRecord['status'] } = {}): KeyRotationRecord[] {
  return readRotations(ctx.db, filter);
}

function rotationBySha(ctx: ServiceContext, sha: string): KeyRotationRecord | null {
  return readRotation(ctx.db, sha);
}

function insertPending(ctx: ServiceContext, sha: string, rotation: KeyRotation, newFingerprint: string, text: string): void {
  insertPendingRotation(ctx.db, sha, rotation, newFingerprint, text, isoNow(ctx));
}

/** SHA-256 (hex) of a statement's signed bytes, from our own statement text. */
function statementSha256(text: string): string {
  return sha256Hex(signedBytes('key-rotation', (JSON.parse(text) as { payload: unknown }).payload));
}

// ------------------------------------------------------------------ commune side

/** The commune's rotation waiting for the reviewing unit's approval, if any. */
export function pendingKeyRotation(ctx: ServiceContext): KeyRotationRecord | null {
  return listKeyRotations(ctx, { status: 'pending' })[0] ?? null;
}

/** File names of what the commune sends: the signed statement and its printed form. */
export function rotationFileNames(record: Pick<KeyRotationRecord, 'communeCode' | 'newKeyId'>): { json: string; pdf: string } {
  const base = `CCHC-ROTATE-${record.communeCode}-${record.newKeyId}`;
  return { json: safeFileName(`${base}.json`), pdf: safeFileName(`${base}.pdf`) };
}

/** A commune may start a rotation once enrolled (its reviewing unit key pinned), one at a time. */
export function assertCanRotate(ctx: ServiceContext, store: KeyStore) {
  const identity = requireRole(ctx, 'commune');
  if (!enrolmentState(ctx, null).pinned) throw new AppError('NOT_ENROLLED', 'no pinned reviewing unit key');
  if (pendingKeyRotation(ctx) || store.pending().status()) throw new AppError('ROTATION_PENDING', 'a rotation is waiting for approval');
  return identity;
}

/**
 * The commune starts a rotation: a new key in the pending key file (the current key keeps signing
 * packages), the statement signed by the old and the new key, handed to `write` (the file, the
 * printed form), and recorded as pending only once `write` succeeded. A failed write leaves no
 * pending key and no record.
 */
export async function startKeyRotation<T>(
  ctx: ServiceContext,
  store: KeyStore,
  input: { oldPassphrase?: string | undefined; newPassphrase?: string | undefined; effectiveFrom?: string | undefined },
  write: (statement: { text: string; record: KeyRotationRecord }) => Promise<T> | T,
): Promise<{ record: KeyRotationRecord; pendingKey: KeyStatus; written: T }> {
  const identity = assertCanRotate(ctx, store);
  const pendingStore = store.pending();
  const today = dayOf(ctx.clock.now());
  const effectiveFrom = input.effectiveFrom ?? today;
  if (!isCalendarDate(effectiveFrom)) throw new AppError('INVALID_INPUT', 'effective date', { fields: { effectiveFrom: 'ISO_DATE' } });
  if (effectiveFrom < today) throw new AppError('INVALID_INPUT', 'effective date in the past', { fields: { effectiveFrom: 'DATE_PAST' } });
  const oldKey = await unlockKey(store, input.oldPassphrase);
  const next = new UnlockedKey(generateKeyPair().privateKey);
  const text = buildKeyRotation({ communeCode: identity.unitCode, effectiveFrom, now: ctx.clock.now() }, oldKey, next);
  const rotation = (JSON.parse(text) as { payload: KeyRotation }).payload;
  const sha = statementSha256(text);
  const record: KeyRotationRecord = {
    statementSha256: sha, communeCode: identity.unitCode, oldKeyId: oldKey.keyId, newKeyId: next.keyId, newFingerprint: next.fingerprint,
    effectiveFrom, status: 'pending', createdAt: isoNow(ctx), decidedAt: null, text, rotation,
  };
  await pendingStore.vaultForNewKey(input.newPassphrase).store(next.privateKeyObject(), input.newPassphrase ? { passphrase: input.newPassphrase } : {});
  let written: T;
  try {
    written = await write({ text, record });
    ctx.db.transaction(() => {
      insertPending(ctx, sha, rotation, next.fingerprint, text);
      audit(ctx, 'key.rotate.start', 'key', next.keyId, { keyId: oldKey.keyId }, { keyId: next.keyId, fingerprint: next.fingerprint, effectiveFrom, statementSha256: sha });
    })();
  } catch (err) {
    rmSync(pendingStore.path, { force: true });
    throw err;
  }
  return { record, pendingKey: pendingStore.status()!, written };
}

/** What a rotation approval says, checked, before the key is switched (for the screen). */
export interface RotationApprovalCheck {
  record: KeyRotationRecord;
  unitCode: string;
  unitName: string;
  approvedAt: string;
}

/**
 * The commune reads the reviewing unit's rotation approval: signed by the pinned key, answering
 * the pending statement of this commune, with the pending key and the current key in place.
 */
export function checkRotationApproval(ctx: ServiceContext, store: KeyStore, text: string | Uint8Array): RotationApprovalCheck {
  requireRole(ctx, 'commune');
  const pin = enrolmentState(ctx, null).pinned;
  if (!pin) throw new AppError('NOT_ENROLLED', 'no pinned reviewing unit key');
  // The signature (pinned key) and the payload rules first: nothing in the file is used before.
  const v = verifyEnvelope(text, { resolveKey: pinnedReviewerResolver(ctx), accept: ['key-rotation-approval'] });
  if (!v.ok) {
    if (v.code === 'KEY_UNKNOWN') throw new AppError('REVIEWER_KEY_CHANGED', 'rotation approval signed by another key', { pinnedFingerprint: pin.fingerprint });
    throw refusalError(v);
  }
  const rec = rotationBySha(ctx, (v.payload as KeyRotationApproval).approved.rotationSha256);
  if (!rec) throw new AppError('ROTATION_NOT_FOUND', 'no such rotation here');
  const r = verifyRotationApproval(text, { pinnedReviewerKey: fromBase64Url(pin.publicKey)!, statementSha256: rec.statementSha256, rotation: rec.rotation });
  if (!r.ok) throw r.code === 'ENROLMENT_MISMATCH' ? new AppError('ROTATION_MISMATCH', r.message, r.details) : refusalError(r);
  if (rec.status !== 'pending') throw new AppError('ROTATION_NOT_PENDING', 'rotation already decided', { status: rec.status });
  if (store.pending().status()?.keyId !== rec.newKeyId) throw new AppError('KEY_MISSING', 'the pending key of this rotation is missing', { keyId: rec.newKeyId });
  if (store.status()?.keyId !== rec.oldKeyId) throw new AppError('ENROLMENT_MISMATCH', 'the key in use is not the rotated one', { keyId: rec.oldKeyId });
  const a = r.approval;
  return { record: rec, unitCode: a.reviewer.code, unitName: a.reviewer.name, approvedAt: a.approvedAt };
}

/**
 * The commune switches to the new key, only after the reviewing unit's approval checked above:
 * the old key file is kept aside (renamed), the pending key becomes the signing key.
 */
export function acceptRotationApproval(ctx: ServiceContext, store: KeyStore, text: string | Uint8Array): KeyStatus {
  const { record } = checkRotationApproval(ctx, store, text);
  const approvalText = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
  const retired = `${store.path}.retired-${record.oldKeyId}`;
  const pendingPath = store.pending().path;
  renameSync(store.path, retired);
  try {
    renameSync(pendingPath, store.path);
    ctx.db.transaction(() => {
      markRotationApproved(ctx.db, record.statementSha256, isoNow(ctx), approvalText);
      audit(ctx, 'key.rotate.accept', 'key', record.newKeyId, { keyId: record.oldKeyId }, { keyId: record.newKeyId, fingerprint: record.newFingerprint, effectiveFrom: record.effectiveFrom });
    })();
  } catch (err) {
    if (existsSync(store.path) && !existsSync(pendingPath)) renameSync(store.path, pendingPath);
    if (!existsSync(store.path)) renameSync(retired, store.path);
    throw err;
  }
  return store.status()!;
}

/** The commune gives up a pending rotation (statement lost, refused): the new key is put aside. */
export function cancelKeyRotation(ctx: ServiceContext, store: KeyStore): KeyRotationRecord {
  requireRole(ctx, 'commune');
  const record = pendingKeyRotation(ctx);
  if (!record) throw new AppError('ROTATION_NOT_FOUND', 'no pending rotation');
  const pendingPath = store.pending().path;
  if (existsSync(pendingPath)) renameSync(pendingPath, `${store.path}.cancelled-${record.newKeyId}`);
  ctx.db.transaction(() => {
    markRotationCancelled(ctx.db, record.statementSha256, isoNow(ctx));
    audit(ctx, 'key.rotate.cancel', 'key', record.newKeyId, { status: 'pending' }, { status: 'cancelled' });
  })();
  return { ...record, status: 'cancelled', decidedAt: isoNow(ctx) };
}

// ------------------------------------------------------------------ reviewing side

export interface ReceivedRotation {
  record: KeyRotationRecord;
  verified: VerifiedRotation;
  /** The commune's current (old) key in the registry. */
  old: EnrolledKey;
}

/**
 * The reviewing unit reads a rotation statement and holds it as pending (once; reading it again
 * changes nothing). Refused: an old key that is not this commune's active key, a new key the
 * registry already knows (another commune's, a revoked one, one already enrolled).
 */
export function receiveKeyRotation(ctx: ServiceContext, text: string | Uint8Array): ReceivedRotation {
  requireRole(ctx, 'reviewer');
  const r = verifyKeyRotation(text, registryResolver(ctx));
  if (!r.ok) throw r.code === 'ENROLMENT_MISMATCH' ? new AppError('ENROLMENT_MISMATCH', r.message, r.details) : refusalError(r);
  const keys = listEnrolledKeys(ctx);
  const old = keys.find((k) => k.keyId === r.rotation.oldKeyId)!;
  // An old key already retired by an earlier rotation (even from a later date) rotates no more.
  if (old.status !== 'active') throw new AppError('KEY_ALREADY_REVOKED', 'the old key is already retired', { keyId: old.keyId, revokedFrom: old.revokedFrom });
  const known = keys.find((k) => k.keyId === r.rotation.newKey.keyId);
  if (known) {
    const details = { keyId: known.keyId, enrolledCommuneCode: known.communeCode, claimedCommuneCode: r.rotation.communeCode };
    if (known.communeCode !== r.rotation.communeCode) throw new AppError('KEY_OTHER_COMMUNE', 'new key enrolled for another commune', details);
    if (known.status === 'revoked') throw new AppError('KEY_ALREADY_REVOKED', 'new key revoked', details);
    throw new AppError('KEY_ALREADY_ENROLLED', 'new key already enrolled', details);
  }
  const existing = rotationBySha(ctx, r.statementSha256);
  if (existing) return { record: existing, verified: r, old };
  ctx.db.transaction(() => {
    insertPending(ctx, r.statementSha256, r.rotation, r.newFingerprint, typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
    audit(ctx, 'rotation.receive', 'enrolled_key', r.rotation.newKey.keyId, null, { communeCode: r.rotation.communeCode, oldKeyId: old.keyId, newKeyId: r.rotation.newKey.keyId, effectiveFrom: r.rotation.effectiveFrom });
  })();
  return { record: rotationBySha(ctx, r.statementSha256)!, verified: r, old };
}

/**
 * The reviewing unit approves a pending rotation, with the new key's fingerprint as a person
 * typed it from the stamped rotation form: the new key is enrolled (active), the old one retired
 * from the effective date, and the signed rotation approval is returned for the commune.
 */
export function approveKeyRotation(
  ctx: ServiceContext,
  text: string | Uint8Array,
  opts: { fingerprint: string },
  reviewerSigner: Signer,
): { approvalText: string; enrolled: EnrolledKey; retired: EnrolledKey } {
  const identity = requireRole(ctx, 'reviewer');
  const { record, verified, old } = receiveKeyRotation(ctx, text);
  if (record.status !== 'pending') throw new AppError('ROTATION_NOT_PENDING', 'rotation already decided', { status: record.status });
  if (!opts.fingerprint.trim()) throw new AppError('FINGERPRINT_REQUIRED', 'type the new fingerprint from the form', { fileFingerprint: verified.newFingerprint });
  if (!sameFingerprint(opts.fingerprint, verified.newFingerprint)) throw new AppError('FINGERPRINT_MISMATCH', 'fingerprint differs', { fileFingerprint: verified.newFingerprint });
  const now = ctx.clock.now();
  const approvalText = approveRotation(verified, { reviewer: { code: identity.unitCode, name: identity.unitName }, approvedAt: now }, reviewerSigner);
  const rot = verified.rotation;
  const result = ctx.db.transaction(() => {
    const current = listEnrolledKeys(ctx).find((k) => k.keyId === old.keyId);
    if (current?.status !== 'active') throw new AppError('ROTATION_NOT_PENDING', 'the old key changed meanwhile', { keyId: old.keyId });
    enrolRotatedKey(ctx.db, {
      newKeyId: rot.newKey.keyId, communeCode: old.communeCode, communeName: old.communeName, publicKey: rot.newKey.publicKey, fingerprint: verified.newFingerprint,
      effectiveFrom: rot.effectiveFrom, statementSha256: record.statementSha256, approvedAt: now.toISOString(), oldKeyId: old.keyId,
    });
    markRotationApproved(ctx.db, record.statementSha256, now.toISOString(), approvalText);
    const keys = listEnrolledKeys(ctx);
    const enrolled = keys.find((k) => k.keyId === rot.newKey.keyId)!;
    const retired = keys.find((k) => k.keyId === old.keyId)!;
    audit(ctx, 'enrolment.rotate', 'enrolled_key', enrolled.keyId, old, { enrolled, retired, statementSha256: record.statementSha256 });
    return { enrolled, retired };
  })();
  return { approvalText, ...result };
}
