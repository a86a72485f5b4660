import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communeSetup, freshStore, provinceSetup, type TestStore } from '../../../test/helpers/context';
import { testKey } from '../../../test/fixtures/test-keys';
import { listAudit } from '../../kernel/audit';
import { KeyStore } from '../../kernel/signing/key-store';
import { acceptEnrolmentApproval, approveEnrolmentRequest, enrolmentState, listEnrolledKeys, pinnedReviewerResolver, prepareEnrolmentRequest, recordEnrolmentRequest, registryResolver, revokeEnrolledKey } from './enrolment';
import { serializeEnvelope, signPackage, verifyEnvelope } from '../../kernel/signing/package-signer';
import { backupKey, createKey, enrolledKeyId, previewBackup, restoreKey, unlockKey } from '../keys/keys';
import { completeSetup } from '../setup/identity';
import { verifyPackageBytes } from '../verify/verify';
import { exportReport } from '../export/export';
import { goldenSources, setUpCommune } from '../../../test/fixtures/commune-report';

const commune = testKey('commune');
const reviewer = testKey('reviewer');
const stranger = testKey('stranger');
let xa: TestStore;
let so: TestStore;
beforeEach(() => {
  xa = freshStore();
  so = freshStore();
  setUpCommune(xa.ctx);
  completeSetup(so.ctx, provinceSetup);
});
afterEach(() => {
  xa.cleanup();
  so.cleanup();
});

function enrol(signer = commune) {
  const { record } = prepareEnrolmentRequest(xa.ctx, signer, { appVersion: '0.1.0' });
  recordEnrolmentRequest(xa.ctx, record);
  const { approvalText } = approveEnrolmentRequest(so.ctx, record.text, reviewer);
  return { record, approvalText };
}

describe('enrolment in the database', () => {
  it('request → approval (key enrolled active) → accepted (reviewer key pinned), each with an audit row', () => {
    const { approvalText } = enrol();
    expect(listEnrolledKeys(so.ctx)).toEqual([expect.objectContaining({ keyId: commune.keyId, communeCode: '26734', status: 'active', fingerprint: commune.fingerprint })]);
    const pin = acceptEnrolmentApproval(xa.ctx, approvalText, { fingerprint: reviewer.fingerprint });
    expect(pin).toMatchObject({ unitCode: '49', keyId: reviewer.keyId, fingerprint: reviewer.fingerprint });
    expect(enrolmentState(xa.ctx, commune.keyId).pinned?.keyId).toBe(reviewer.keyId);
    expect(enrolledKeyId(xa.ctx)).toBe(commune.keyId);
    expect(listAudit(xa.ctx, { entity: 'enrolment' }).map((a) => a.action)).toEqual(['enrolment.accept', 'enrolment.request']);
    expect(listAudit(so.ctx, { entity: 'enrolled_key' }).map((a) => a.action)).toEqual(['enrolment.approve']);
  });

  it('refuses an approval for a request this commune never made, and one signed by another key once pinned', () => {
    const other = freshStore();
    try {
      completeSetup(other.ctx, { ...communeSetup, unitCode: '26735' });
      const { record } = prepareEnrolmentRequest(other.ctx, stranger, { appVersion: '0.1.0' });
      const { approvalText } = approveEnrolmentRequest(so.ctx, record.text, reviewer);
      expect(() => acceptEnrolmentApproval(xa.ctx, approvalText, { fingerprint: reviewer.fingerprint })).toThrowError(expect.objectContaining({ code: 'ENROLMENT_NOT_FOUND' }) as Error);
    } finally {
      other.cleanup();
    }
    const first = enrol();
    acceptEnrolmentApproval(xa.ctx, first.approvalText, { fingerprint: reviewer.fingerprint });
    // A second request approved by an impostor "reviewing unit" key: refused, the pin stays.
    const { record } = prepareEnrolmentRequest(xa.ctx, commune, { appVersion: '0.1.0' });
    recordEnrolmentRequest(xa.ctx, record);
    const { approvalText } = approveEnrolmentRequest(so.ctx, record.text, stranger);
    expect(() => acceptEnrolmentApproval(xa.ctx, approvalText, { fingerprint: stranger.fingerprint })).toThrowError(expect.objectContaining({ code: 'REVIEWER_KEY_CHANGED' }) as Error);
    expect(enrolmentState(xa.ctx, null).pinned?.keyId).toBe(reviewer.keyId);
  });

  it('verifies reports against enrolled, unknown and revoked keys', () => {
    enrol();
    const out = join(xa.dir, 'usb');
    mkdirSync(out);
    const bytes = readFileSync(exportReport(xa.ctx, { folder: out, signer: commune, sources: goldenSources(), appVersion: '0.1.0' }).path);
    const registry = { kind: 'registry' as const, lookup: registryResolver(so.ctx) };
    expect(verifyPackageBytes(bytes, registry)).toMatchObject({ ok: true, enrolmentChecked: true });
    const forged = readFileSync(exportReport(xa.ctx, { folder: out, signer: stranger, sources: goldenSources(), appVersion: '0.1.0' }).path);
    expect(verifyPackageBytes(forged, registry)).toMatchObject({ ok: false, code: 'KEY_UNKNOWN', details: { claimedCommuneCode: '26734' } });
    expect(verifyPackageBytes(forged, { kind: 'self' })).toMatchObject({ ok: true, enrolmentChecked: false }); // intact, but whose key?
    revokeEnrolledKey(so.ctx, commune.keyId, '2026-11-22');
    expect(verifyPackageBytes(bytes, registry)).toMatchObject({ ok: false, code: 'KEY_REVOKED' });
  });

  it('a report signed by a key enrolled for ANOTHER commune is refused (ISSUER_MISMATCH)', () => {
    const other = freshStore();
    try {
      completeSetup(other.ctx, { ...communeSetup, unitCode: '26735', unitName: 'Xã Khác' });
      const { record } = prepareEnrolmentRequest(other.ctx, stranger, { appVersion: '0.1.0' });
      approveEnrolmentRequest(so.ctx, record.text, reviewer);
      const out = join(xa.dir, 'usb');
      mkdirSync(out);
      const bytes = readFileSync(exportReport(xa.ctx, { folder: out, signer: stranger, sources: goldenSources(), appVersion: '0.1.0' }).path);
      expect(verifyPackageBytes(bytes, { kind: 'registry', lookup: registryResolver(so.ctx) })).toMatchObject({ ok: false, code: 'ISSUER_MISMATCH' });
    } finally {
      other.cleanup();
    }
  });

});

describe('who may sign what, against real registries', () => {
  it('the reviewing unit refuses a framework or an appraisal result signed by an enrolled commune key (KEY_WRONG_KIND)', () => {
    enrol();
    const registry = { kind: 'registry' as const, lookup: registryResolver(so.ctx) };
    for (const type of ['framework', 'appraisal'] as const) {
      const forged = Buffer.from(serializeEnvelope(signPackage(type, { id: 'bo-tieu-chi-2026' }, [commune])));
      // `chiso verify --db` takes commune reports only (FORMAT_UNKNOWN); the key kind is refused underneath.
      expect(verifyPackageBytes(forged, registry), type).toMatchObject({ ok: false, code: 'FORMAT_UNKNOWN' });
      const underneath = verifyEnvelope(forged, { resolveKey: (keyId) => registry.lookup(keyId) });
      expect(underneath, type).toMatchObject({ ok: false, code: 'KEY_WRONG_KIND' });
    }
  });
  it('a commune accepts a framework signed by the pinned reviewing unit key, and no other', () => {
    const { approvalText } = enrol();
    acceptEnrolmentApproval(xa.ctx, approvalText, { fingerprint: reviewer.fingerprint });
    const resolveKey = pinnedReviewerResolver(xa.ctx);
    expect(verifyEnvelope(serializeEnvelope(signPackage('framework', { id: 'x' }, [reviewer])), { resolveKey }).ok).toBe(true);
    expect(verifyEnvelope(serializeEnvelope(signPackage('appraisal', { id: 'x' }, [stranger])), { resolveKey })).toMatchObject({ ok: false, code: 'KEY_UNKNOWN' });
    // A report "signed by the reviewing unit" is not a report.
    const report = signPackage('framework', { id: 'x' }, [reviewer]);
    expect(verifyEnvelope(JSON.stringify({ ...report, format: 'chiso-cchc/commune-report' }), { resolveKey })).toMatchObject({ ok: false, code: 'KEY_WRONG_KIND' });
  });
});

describe('key service', () => {
  const scrypt = { N: 2 ** 12, r: 8, p: 1 };
  it('restoring a backup of a key other than the enrolled one needs confirmation; the old key file is kept aside', async () => {
    const keys = new KeyStore(join(xa.dir, 'test.signing-key.json'), { scrypt });
    const first = await createKey(xa.ctx, keys, 'mật khẩu một 123');
    const signer = await unlockKey(keys, 'mật khẩu một 123');
    const { record } = prepareEnrolmentRequest(xa.ctx, signer, { appVersion: '0.1.0' });
    recordEnrolmentRequest(xa.ctx, record);
    acceptEnrolmentApproval(xa.ctx, approveEnrolmentRequest(so.ctx, record.text, reviewer).approvalText, { fingerprint: reviewer.fingerprint });

    // A backup of some other key (made on another installation).
    const otherKeys = new KeyStore(join(so.dir, 'other.signing-key.json'), { scrypt });
    await createKey(so.ctx, otherKeys, 'mật khẩu hai 456');
    const { path } = await backupKey(so.ctx, otherKeys, { folder: so.dir, keyPassphrase: 'mật khẩu hai 456', backupPassphrase: 'sao lưu 789' });
    expect(previewBackup(xa.ctx, keys, path)).toMatchObject({ sameAsCurrent: false, differsFromEnrolled: true });
    await expect(restoreKey(xa.ctx, keys, { path, backupPassphrase: 'sao lưu 789', newPassphrase: 'mới 12345678' })).rejects.toMatchObject({ code: 'KEY_NOT_ENROLLED_KEY' });
    expect(keys.status()?.keyId).toBe(first.keyId);
    await expect(restoreKey(xa.ctx, keys, { path, backupPassphrase: 'sai', newPassphrase: 'mới 12345678', confirmDifferent: true })).rejects.toMatchObject({ code: 'PASSPHRASE_WRONG' });
    expect(keys.status()?.keyId).toBe(first.keyId);
    const restored = await restoreKey(xa.ctx, keys, { path, backupPassphrase: 'sao lưu 789', newPassphrase: 'mới 12345678', confirmDifferent: true });
    expect(restored.keyId).toBe(otherKeys.status()?.keyId);
    expect(readFileSync(join(xa.dir, (await import('node:fs')).readdirSync(xa.dir).find((n) => n.includes('.replaced-'))!), 'utf8')).toContain(first.keyId);
  }, 60_000); // several scrypt derivations at the real cost, on a shared machine

  it('never writes an unprotected key: no passphrase and no OS storage is refused', async () => {
    const keys = new KeyStore(join(xa.dir, 'k.json'), { scrypt });
    await expect(createKey(xa.ctx, keys, undefined)).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    expect(keys.status()).toBeNull();
    const refusing = new KeyStore(join(xa.dir, 'k2.json'), { protector: { available: () => false, encrypt: (b) => b, decrypt: (b) => b } });
    expect(refusing.osStorageAvailable()).toBe(false);
    const real = new KeyStore(join(xa.dir, 'k3.json'), { protector: { available: () => true, encrypt: (b) => b.map((x) => x ^ 0x5a), decrypt: (b) => b.map((x) => x ^ 0x5a) } });
    const k = await createKey(xa.ctx, real, undefined);
    expect(k.protection).toBe('os');
    expect((await unlockKey(real, undefined)).keyId).toBe(k.keyId);
  });
});
