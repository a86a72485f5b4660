/**
 * A weak Ed25519 public key (small order, non-canonical, off the curve, torsion component) is
 * refused wherever a key enters: the enrolment request, the rotation's new key, the reviewing
 * unit's key a commune would pin, a key backup, and at verification of any package.
 */
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../../shared/package/base64url';
import { frameworkPayload } from '../../../test/fixtures/framework-payload';
import { testKey } from '../../../test/fixtures/test-keys';
import { keyIdOf } from './ed25519';
import { approveEnrolment, buildEnrolmentRequest, verifyEnrolmentApproval, verifyEnrolmentRequest } from './enrolment';
import { buildKeyRotation, verifyKeyRotation } from './rotation';
import { createKeyBackup, readKeyBackupInfo, restoreKeyBackup } from './key-backup';
import { serializeEnvelope, signPackage, verifyEnvelope } from './package-signer';
import type { Signer } from './signer';
import { WEAK_KEYS } from '../../../test/fixtures/weak-keys';

const fromHex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
const le = (n: bigint) => Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn));

/** A "signer" for a weak key: R = identity, S = 0, which OpenSSL accepts under the identity key. */
function weakSigner(publicKey: Uint8Array): Signer {
  return { keyId: keyIdOf(publicKey), publicKey, sign: () => fromHex('01'.padEnd(128, '0')) };
}

const now = new Date('2026-01-05T08:00:00.000Z');
const requestInput = {
  commune: { code: '26734', name: 'Xã Hòa Bình', provinceCode: '26' },
  officer: { name: 'Nguyễn Thị Hường', title: 'Công chức' },
  validFrom: '2026-01-05',
  appVersion: '0.1.0',
  now,
};
const code = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code);

describe.each(WEAK_KEYS)('the weak key "%s"', (_name, weak) => {
  it('enrolment request signed "by" it: KEY_WEAK', () => {
    expect(code(verifyEnrolmentRequest(buildEnrolmentRequest(requestInput, weakSigner(weak)).text))).toBe('KEY_WEAK');
  });
  it('as the new key of a rotation: KEY_WEAK', () => {
    const commune = testKey('commune');
    const text = buildKeyRotation({ communeCode: '26734', effectiveFrom: '2026-06-01', now }, commune, weakSigner(weak));
    const registry = (id: string) => (id === commune.keyId ? { publicKey: commune.publicKey, status: 'active' as const, communeCode: '26734', kind: 'commune' as const } : undefined);
    expect(code(verifyKeyRotation(text, registry))).toBe('KEY_WEAK');
  });
  it('as the reviewing unit key in an approval (what a commune would pin): KEY_WEAK', () => {
    const verified = verifyEnrolmentRequest(buildEnrolmentRequest(requestInput, testKey('commune')).text);
    if (!verified.ok) throw new Error(verified.code);
    const approval = approveEnrolment(verified, { reviewer: { code: '26', name: 'Sở Nội vụ' }, approvedAt: now, validFrom: '2026-01-05' }, weakSigner(weak));
    expect(code(verifyEnrolmentApproval(approval, { request: verified.request, requestSha256: verified.requestSha256 }))).toBe('KEY_WEAK');
  });
  it('in a registry (a database from before this check): a report signed "by" it is KEY_WEAK', () => {
    const text = serializeEnvelope(signPackage('framework', frameworkPayload(), [weakSigner(weak)]));
    const r = verifyEnvelope(text, { resolveKey: () => ({ publicKey: weak, status: 'active', kind: 'reviewer' }) });
    expect(code(r)).toBe('KEY_WEAK');
  });
});

describe('a key backup whose public key was replaced by a weak one', () => {
  it('is refused before the passphrase is asked (preview) and at restore', async () => {
    const backup = JSON.parse(await createKeyBackup(testKey('commune'), 'sao lưu 2026', { scrypt: { N: 2 ** 10, r: 8, p: 1 } })) as Record<string, unknown>;
    const weak = WEAK_KEYS[0]![1];
    const { fingerprintOf } = await import('./ed25519');
    const forged = JSON.stringify({ ...backup, publicKey: toBase64Url(weak), keyId: keyIdOf(weak), fingerprint: fingerprintOf(weak) });
    expect(() => readKeyBackupInfo(forged)).toThrowError(expect.objectContaining({ code: 'KEY_WEAK' }) as Error);
    await expect(restoreKeyBackup(forged, 'sao lưu 2026')).rejects.toMatchObject({ code: 'KEY_WEAK' });
  });
  it('a header whose key id or fingerprint does not belong to its public key is KEY_FILE_INVALID', async () => {
    const backup = JSON.parse(await createKeyBackup(testKey('commune'), 'sao lưu 2026', { scrypt: { N: 2 ** 10, r: 8, p: 1 } })) as Record<string, unknown>;
    expect(() => readKeyBackupInfo(JSON.stringify({ ...backup, fingerprint: testKey('stranger').fingerprint }))).toThrowError(expect.objectContaining({ code: 'KEY_FILE_INVALID' }) as Error);
    expect(() => readKeyBackupInfo(JSON.stringify({ ...backup, keyId: testKey('stranger').keyId }))).toThrowError(expect.objectContaining({ code: 'KEY_FILE_INVALID' }) as Error);
  });
});

describe('a non-canonical signature (S ≥ L) is refused as SIGNATURE_INVALID before OpenSSL', () => {
  it('S + L of a genuine enrolment request signature', () => {
    const { text } = buildEnrolmentRequest(requestInput, testKey('commune'));
    const env = JSON.parse(text) as { signatures: { sig: string }[] };
    const sig = new Uint8Array(Buffer.from(env.signatures[0]!.sig, 'base64url'));
    let s = 0n;
    for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(sig[i]!);
    s += 2n ** 252n + 27742317777372353535851937790883648493n;
    if (s >= 2n ** 256n) return; // cannot be spelled in 32 bytes: nothing to test for this key
    sig.set(le(s), 32);
    env.signatures[0]!.sig = toBase64Url(sig);
    expect(verifyEnrolmentRequest(JSON.stringify(env))).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID', details: { reason: 'non-canonical-s' } });
  });
});
