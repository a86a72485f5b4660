/**
 * A vetted key (ResolvedKey.vetted: the registry admitted it only after the full check) has only
 * its encoding checked again at verification; everything else is unchanged: a small-order or
 * non-canonical key is still KEY_WEAK, a key the package embeds is never vetted, and a key imported
 * on a registry's word is never taken for one that passed the full check here.
 */
import { describe, expect, it } from 'vitest';
import { frameworkPayload } from '../../../test/fixtures/framework-payload';
import { testKey } from '../../../test/fixtures/test-keys';
import { buildEnrolmentRequest } from './enrolment';
import { forgetKeyCache, keyIdOf, keyProblem, verify, weakPublicKeyReason } from './ed25519';
import { serializeEnvelope, signPackage, verifyEnvelope } from './package-signer';
import type { Signer } from './signer';
import { mixedOrder, WEAK_KEYS } from '../../../test/fixtures/weak-keys';

const fromHex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
const weakSigner = (publicKey: Uint8Array): Signer => ({ keyId: keyIdOf(publicKey), publicKey, sign: () => fromHex('01'.padEnd(128, '0')) });
const code = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code);

describe('a vetted key', () => {
  const torsioned = mixedOrder(testKey('commune').publicKey);

  it('the torsioned key is what the full check refuses, and only the full check', () => {
    expect(weakPublicKeyReason(torsioned)).toBe('not-in-subgroup');
    expect(keyProblem(torsioned, true)).toBeNull();
    expect(keyProblem(torsioned, false)).toBe('not-in-subgroup');
  });

  it.each(WEAK_KEYS.filter(([name]) => !name.startsWith('off the curve')))('small order or non-canonical ("%s") is KEY_WEAK even when the registry vouches for it', (_name, weak) => {
    const text = serializeEnvelope(signPackage('framework', frameworkPayload(), [weakSigner(weak)]));
    const r = verifyEnvelope(text, { resolveKey: () => ({ publicKey: weak, status: 'active', kind: 'reviewer', vetted: true }) });
    expect(code(r)).toBe('KEY_WEAK');
  });

  it('a key the package embeds is never vetted, whatever the resolver says', () => {
    const { text } = buildEnrolmentRequest(
      { commune: { code: '26734', name: 'Xã Hòa Bình', provinceCode: '26' }, officer: { name: 'Nguyễn Thị Hường', title: 'Công chức' }, validFrom: '2026-01-05', appVersion: '0.1.0', now: new Date('2026-01-05T08:00:00.000Z') },
      weakSigner(torsioned),
    );
    const r = verifyEnvelope(text, { resolveKey: (_id, ctx) => (ctx.embeddedPublicKey ? { publicKey: ctx.embeddedPublicKey, status: 'active', kind: 'commune', vetted: true } : undefined) });
    expect(r).toMatchObject({ ok: false, code: 'KEY_WEAK', details: { reason: 'not-in-subgroup' } });
  });

  it('a key verified on a registry\'s word is not remembered as strong', () => {
    forgetKeyCache();
    expect(verify(torsioned, new Uint8Array([1, 2, 3]), fromHex('01'.padEnd(128, '0')), true)).toBe(false);
    expect(weakPublicKeyReason(torsioned)).toBe('not-in-subgroup');
    expect(verify(torsioned, new Uint8Array([1, 2, 3]), fromHex('01'.padEnd(128, '0')))).toBe(false);
  });

  it('a genuine signature verifies the same vetted or not', () => {
    const key = testKey('commune');
    const bytes = new TextEncoder().encode('Chỉ số CCHC');
    const sig = key.sign(bytes);
    forgetKeyCache();
    expect(verify(key.publicKey, bytes, sig, true)).toBe(true);
    expect(verify(key.publicKey, bytes, sig, false)).toBe(true);
    expect(verify(key.publicKey, bytes.subarray(1), sig, true)).toBe(false);
  });
});
