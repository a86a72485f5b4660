/**
 * Key rotation needs the same out-of-band proof as enrolment: the statement (signed by the old
 * and the new key) is held as pending until a person compares the new key's fingerprint with the
 * stamped form; the commune switches its export key only after the signed rotation approval.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshStore, parsedSetup, provinceSetup, type TestStore } from '../../../test/helpers/context';
import { codeOf } from '../../../test/helpers/errors';
import { testKey } from '../../../test/fixtures/test-keys';
import { goldenSources, setUpCommune } from '../../../test/fixtures/commune-report';
import { KeyStore } from '../../kernel/signing/key-store';
import { buildKeyRotation } from '../../kernel/signing/rotation';
import { acceptEnrolmentApproval, prepareEnrolmentRequest, recordEnrolmentRequest } from './commune-enrolment';
import { approveEnrolmentRequest, listEnrolledKeys, registryResolver, revokeEnrolledKey } from './reviewer-enrolment';
import { exportReport } from '../export/export';
import { createKey, enrolledKeyId, unlockKey } from '../keys/keys';
import { acceptRotationApproval, approveKeyRotation, cancelKeyRotation, checkRotationApproval, listKeyRotations, pendingKeyRotation, receiveKeyRotation, startKeyRotation } from './rotation-service';
import { completeSetup } from '../setup/identity';
import { verifyPackageBytes } from '../verify/verify';

const reviewer = testKey('reviewer');
const stranger = testKey('stranger');
const scrypt = { N: 2 ** 10, r: 8, p: 1 };
const PASS = 'mật khẩu khóa cũ 2026';
const NEW_PASS = 'mật khẩu khóa mới 2026';
let xa: TestStore;
let so: TestStore;
let keys: KeyStore;
beforeEach(async () => {
  xa = freshStore();
  so = freshStore();
  setUpCommune(xa.ctx);
  completeSetup(so.ctx, parsedSetup(provinceSetup));
  keys = new KeyStore(join(xa.dir, 'xa.signing-key.json'), { scrypt });
  await createKey(xa.ctx, keys, PASS);
  const { record } = prepareEnrolmentRequest(xa.ctx, await unlockKey(keys, PASS), { appVersion: '0.1.0' });
  recordEnrolmentRequest(xa.ctx, record);
  acceptEnrolmentApproval(xa.ctx, approveEnrolmentRequest(so.ctx, record.text, reviewer).approvalText, { fingerprint: reviewer.fingerprint });
});
afterEach(() => {
  xa.cleanup();
  so.cleanup();
});

async function start(effectiveFrom?: string): Promise<{ text: string; newKeyId: string; newFingerprint: string; oldKeyId: string }> {
  let text = '';
  const r = await startKeyRotation(xa.ctx, keys, { oldPassphrase: PASS, newPassphrase: NEW_PASS, effectiveFrom }, (s) => {
    text = s.text;
  });
  return { text, newKeyId: r.record.newKeyId, newFingerprint: r.record.newFingerprint, oldKeyId: r.record.oldKeyId };
}

async function exported(): Promise<Buffer> {
  const out = join(xa.dir, 'usb');
  mkdirSync(out, { recursive: true });
  return readFileSync(exportReport(xa.ctx, { folder: out, signer: await unlockKey(keys, PASS).catch(() => unlockKey(keys, NEW_PASS)), sources: goldenSources(), appVersion: '0.1.0' }).path);
}

describe('the rotation statement is held as pending until a person checks the paper form', () => {
  it('nothing changes in the registry when it arrives; approval needs the new fingerprint typed', async () => {
    const rot = await start();
    expect(keys.status()?.keyId).toBe(rot.oldKeyId); // the commune keeps signing with the old key
    expect(keys.pending().status()?.keyId).toBe(rot.newKeyId);
    const received = receiveKeyRotation(so.ctx, rot.text);
    expect(received.record).toMatchObject({ status: 'pending', newKeyId: rot.newKeyId, newFingerprint: rot.newFingerprint });
    expect(receiveKeyRotation(so.ctx, rot.text).record.status).toBe('pending'); // reading it again changes nothing
    expect(listEnrolledKeys(so.ctx)).toEqual([expect.objectContaining({ keyId: rot.oldKeyId, status: 'active' })]);

    expect(codeOf(() => approveKeyRotation(so.ctx, rot.text, { fingerprint: '' }, reviewer))).toBe('FINGERPRINT_REQUIRED');
    expect(codeOf(() => approveKeyRotation(so.ctx, rot.text, { fingerprint: stranger.fingerprint }, reviewer))).toBe('FINGERPRINT_MISMATCH');
    expect(listEnrolledKeys(so.ctx)).toHaveLength(1);

    const { enrolled, retired } = approveKeyRotation(so.ctx, rot.text, { fingerprint: rot.newFingerprint.toLowerCase() }, reviewer);
    expect(enrolled).toMatchObject({ keyId: rot.newKeyId, communeCode: '26734', status: 'active' });
    expect(retired).toMatchObject({ keyId: rot.oldKeyId, status: 'revoked', revokedFrom: '2026-11-22' });
    expect(listKeyRotations(so.ctx)).toEqual([expect.objectContaining({ status: 'approved' })]);
  });

  it('a thief holding the old private key rotates to a key of their own: held as pending, never active without the paper', () => {
    // The thief uses the commune's enrolled key (a TEST key here) and a key of their own.
    const victim = testKey('commune');
    const other = freshStore();
    try {
      completeSetup(other.ctx, parsedSetup(provinceSetup));
      const xb = freshStore();
      setUpCommune(xb.ctx);
      const { record } = prepareEnrolmentRequest(xb.ctx, victim, { appVersion: '0.1.0' });
      approveEnrolmentRequest(other.ctx, record.text, reviewer);
      xb.cleanup();
      const theft = buildKeyRotation({ communeCode: '26734', effectiveFrom: '2026-11-22', now: new Date('2026-11-22T08:00:00Z') }, victim, stranger);
      expect(receiveKeyRotation(other.ctx, theft).record.status).toBe('pending');
      // The registry still trusts only the commune's key: the thief's key signs nothing, the commune is not locked out.
      const lookup = registryResolver(other.ctx);
      expect(lookup(stranger.keyId)).toBeUndefined();
      expect(lookup(victim.keyId)).toMatchObject({ status: 'active' });
      // The commune never sent a stamped form for this key; the person has none to type from.
      expect(codeOf(() => approveKeyRotation(other.ctx, theft, { fingerprint: '' }, reviewer))).toBe('FINGERPRINT_REQUIRED');
      expect(codeOf(() => approveKeyRotation(other.ctx, theft, { fingerprint: victim.fingerprint }, reviewer))).toBe('FINGERPRINT_MISMATCH');
      expect(lookup(stranger.keyId)).toBeUndefined();
    } finally {
      other.cleanup();
    }
  });
});

describe('the commune switches its export key only after the signed rotation approval', () => {
  it('exports stay signed by the old key until the approval is accepted, then by the new key', async () => {
    const rot = await start();
    const registry = { kind: 'registry' as const, lookup: registryResolver(so.ctx) };
    receiveKeyRotation(so.ctx, rot.text);
    expect(verifyPackageBytes(await exported(), registry)).toMatchObject({ ok: true, keyId: rot.oldKeyId });
    const { approvalText } = approveKeyRotation(so.ctx, rot.text, { fingerprint: rot.newFingerprint }, reviewer);
    expect(checkRotationApproval(xa.ctx, keys, approvalText).record.newKeyId).toBe(rot.newKeyId);
    const now = acceptRotationApproval(xa.ctx, keys, approvalText);
    expect(now.keyId).toBe(rot.newKeyId);
    expect(keys.pending().status()).toBeNull();
    expect(existsSync(`${keys.path}.retired-${rot.oldKeyId}`)).toBe(true);
    expect(enrolledKeyId(xa.ctx)).toBe(rot.newKeyId);
    expect(pendingKeyRotation(xa.ctx)).toBeNull();
    const after = await exported();
    expect(verifyPackageBytes(after, registry)).toMatchObject({ ok: true, keyId: rot.newKeyId, communeCode: '26734' });
    // The approval cannot be applied twice.
    expect(codeOf(() => checkRotationApproval(xa.ctx, keys, approvalText))).toBe('ROTATION_NOT_PENDING');
  });

  it('an approval signed by any other key than the pinned one is refused; the key is not switched', async () => {
    const rot = await start();
    const rogue = freshStore();
    try {
      completeSetup(rogue.ctx, parsedSetup(provinceSetup));
      const xb = freshStore();
      setUpCommune(xb.ctx);
      const { record } = prepareEnrolmentRequest(xb.ctx, await unlockKey(keys, PASS), { appVersion: '0.1.0' });
      approveEnrolmentRequest(rogue.ctx, record.text, stranger);
      xb.cleanup();
      const { approvalText } = approveKeyRotation(rogue.ctx, rot.text, { fingerprint: rot.newFingerprint }, stranger);
      expect(codeOf(() => acceptRotationApproval(xa.ctx, keys, approvalText))).toBe('REVIEWER_KEY_CHANGED');
      expect(keys.status()?.keyId).toBe(rot.oldKeyId);
    } finally {
      rogue.cleanup();
    }
  });

  it('an approval of another statement is ROTATION_NOT_FOUND; an enrolment approval is not a rotation approval (refused by its format)', async () => {
    const first = await start();
    cancelKeyRotation(xa.ctx, keys);
    const second = await start();
    receiveKeyRotation(so.ctx, first.text);
    const { approvalText } = approveKeyRotation(so.ctx, first.text, { fingerprint: first.newFingerprint }, reviewer);
    expect(codeOf(() => acceptRotationApproval(xa.ctx, keys, approvalText))).toBe('ROTATION_NOT_PENDING'); // cancelled here
    expect(keys.status()?.keyId).toBe(second.oldKeyId);
    const enrolmentApproval = xa.db.prepare('SELECT approval_text FROM reviewer_pin').get() as { approval_text: string };
    expect(codeOf(() => acceptRotationApproval(xa.ctx, keys, enrolmentApproval.approval_text))).toBe('FORMAT_UNKNOWN');
  });
});

describe('the old key is retired from the effective date', () => {
  it('a later effective date keeps the old key usable until then; a plain revocation is immediate, whatever its date', async () => {
    const rot = await start('2026-12-01');
    receiveKeyRotation(so.ctx, rot.text);
    approveKeyRotation(so.ctx, rot.text, { fingerprint: rot.newFingerprint }, reviewer);
    const lookup = registryResolver(so.ctx);
    expect(lookup(rot.oldKeyId)).toMatchObject({ status: 'active' });
    expect(lookup(rot.newKeyId)).toMatchObject({ status: 'active' });
    so.clock.advance(9 * 24 * 3600 * 1000); // 2026-12-01
    expect(lookup(rot.oldKeyId)).toMatchObject({ status: 'revoked' });
    // A revocation dated later (a database written before dates were checked) is still a revocation now.
    const victim = testKey('commune');
    const other = freshStore();
    try {
      setUpCommune(other.ctx);
      other.db.prepare(`UPDATE identity SET unit_code = '26735'`).run();
      approveEnrolmentRequest(so.ctx, prepareEnrolmentRequest(other.ctx, victim, { appVersion: '0.1.0' }).record.text, reviewer);
    } finally {
      other.cleanup();
    }
    so.db.prepare(`UPDATE enrolled_keys SET status = 'revoked', revoked_from = '2099-01-01' WHERE key_id = ?`).run(victim.keyId);
    expect(lookup(victim.keyId)).toMatchObject({ status: 'revoked' });
  });
});

describe('what a rotation may not do', () => {
  it('one rotation at a time; not before enrolment; not from a date already past', async () => {
    await start();
    await expect(start()).rejects.toMatchObject({ code: 'ROTATION_PENDING' });
    cancelKeyRotation(xa.ctx, keys);
    await expect(start('2026-11-21')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(start('2026-02-30')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const fresh = freshStore();
    try {
      setUpCommune(fresh.ctx);
      const k = new KeyStore(join(fresh.dir, 'k.json'), { scrypt });
      await createKey(fresh.ctx, k, PASS);
      await expect(startKeyRotation(fresh.ctx, k, { oldPassphrase: PASS, newPassphrase: NEW_PASS }, () => undefined)).rejects.toMatchObject({ code: 'NOT_ENROLLED' });
    } finally {
      fresh.cleanup();
    }
  });

  it('a failed write of the statement leaves no pending key and no record', async () => {
    await expect(
      startKeyRotation(xa.ctx, keys, { oldPassphrase: PASS, newPassphrase: NEW_PASS }, () => {
        throw new Error('USB stick removed');
      }),
    ).rejects.toThrow('USB stick removed');
    expect(keys.pending().status()).toBeNull();
    expect(listKeyRotations(xa.ctx)).toEqual([]);
  });

  it('a new key the registry already knows (another commune, revoked) is refused; a retired old key rotates no more', async () => {
    const victim = testKey('commune');
    const rot = await start();
    // The other commune's key is enrolled first; then a statement naming it as the new key.
    const other = freshStore();
    try {
      setUpCommune(other.ctx);
      other.db.prepare(`UPDATE identity SET unit_code = '26735'`).run();
      const { record } = prepareEnrolmentRequest(other.ctx, victim, { appVersion: '0.1.0' });
      approveEnrolmentRequest(so.ctx, record.text, reviewer);
    } finally {
      other.cleanup();
    }
    const old = await unlockKey(keys, PASS);
    const onto = buildKeyRotation({ communeCode: '26734', effectiveFrom: '2026-11-22', now: new Date('2026-11-22T08:00:00Z') }, old, victim);
    expect(codeOf(() => receiveKeyRotation(so.ctx, onto))).toBe('KEY_OTHER_COMMUNE');
    // A key of this very commune that was revoked never comes back as a "new" key.
    const lost = testKey('communeNext');
    const { record: lostRequest } = prepareEnrolmentRequest(xa.ctx, lost, { appVersion: '0.1.0' });
    approveEnrolmentRequest(so.ctx, lostRequest.text, reviewer);
    revokeEnrolledKey(so.ctx, lost.keyId, '2026-11-01');
    const back = buildKeyRotation({ communeCode: '26734', effectiveFrom: '2026-11-22', now: new Date('2026-11-22T08:00:00Z') }, old, lost);
    expect(codeOf(() => receiveKeyRotation(so.ctx, back))).toBe('KEY_ALREADY_REVOKED');
    // After an approved rotation, the old key cannot start another one.
    approveKeyRotation(so.ctx, rot.text, { fingerprint: rot.newFingerprint }, reviewer);
    const again = buildKeyRotation({ communeCode: '26734', effectiveFrom: '2026-11-22', now: new Date('2026-11-22T08:00:00Z') }, old, stranger);
    expect(codeOf(() => receiveKeyRotation(so.ctx, again))).toBe('KEY_REVOKED');
  });
});
