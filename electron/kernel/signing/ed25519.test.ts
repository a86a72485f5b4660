import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertStrongPublicKey, fingerprintOf, generateKeyPair, isStrongPublicKey, keyIdOf, privateKeyFromSeed, publicKeyFromRaw, rawPublicKeyOf, sign, verify } from './ed25519';
import { FINGERPRINT_PATTERN, KEY_ID_PATTERN } from '../../../shared/package/envelope';

interface Rfc8032Vector {
  secretKey: string;
  publicKey: string;
  message: string;
  signature: string;
}
const file = fileURLToPath(new URL('../../../test/vectors/ed25519-rfc8032.json', import.meta.url));
const { vectors } = JSON.parse(readFileSync(file, 'utf8')) as { vectors: Rfc8032Vector[] };
const fromHex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('Ed25519 against RFC 8032 §7.1', () => {
  it('has the three vectors', () => expect(vectors).toHaveLength(3));
  vectors.forEach((v, i) => {
    it(`test ${i + 1}: public key, signature and verification`, () => {
      const key = privateKeyFromSeed(fromHex(v.secretKey));
      expect(toHex(rawPublicKeyOf(key))).toBe(v.publicKey);
      expect(toHex(sign(key, fromHex(v.message)))).toBe(v.signature);
      expect(verify(fromHex(v.publicKey), fromHex(v.message), fromHex(v.signature))).toBe(true);
      expect(toHex(rawPublicKeyOf(publicKeyFromRaw(fromHex(v.publicKey))))).toBe(v.publicKey);
    });
    it(`test ${i + 1}: any flipped bit in message or signature fails`, () => {
      fc.assert(
        fc.property(fc.nat(), fc.integer({ min: 0, max: 7 }), fc.boolean(), (at, bit, inSig) => {
          const msg = fromHex(v.message);
          const sig = fromHex(v.signature);
          const target = inSig || msg.length === 0 ? sig : msg;
          target[at % target.length]! ^= 1 << bit;
          expect(verify(fromHex(v.publicKey), msg, sig)).toBe(false);
        }),
        { numRuns: 50 },
      );
    });
  });
  it('verify returns false, never throws, on malformed input', () => {
    const { publicKey } = generateKeyPair();
    expect(verify(publicKey, new Uint8Array(1), new Uint8Array(63))).toBe(false);
    expect(verify(new Uint8Array(31), new Uint8Array(1), new Uint8Array(64))).toBe(false);
  });
});

describe('key ids and fingerprints', () => {
  it('are derived from SHA-256 of the raw key, the key id being the fingerprint’s first 16 characters', () => {
    const pub = fromHex(vectors[0]!.publicKey);
    const fp = fingerprintOf(pub);
    expect(fp).toMatch(FINGERPRINT_PATTERN);
    expect(keyIdOf(pub)).toMatch(KEY_ID_PATTERN);
    expect(fp.replaceAll('-', '').slice(0, 16)).toBe(keyIdOf(pub));
    // Pinned (computed independently in Python): a change of encoding would orphan every enrolled key.
    expect(fp).toBe('47Z3-3QX1-AJH6-2RKB-Z1A0-8VYJ-4WDQ-QVAB-DAZ4-BAJR-GXZF-8ZWQ-46WG');
    expect(keyIdOf(pub)).toBe('47Z33QX1AJH62RKB');
    expect(fp.split('-')).toHaveLength(13);
  });
  it('differ for different keys', () => {
    const a = generateKeyPair().publicKey;
    const b = generateKeyPair().publicKey;
    expect(keyIdOf(a)).not.toBe(keyIdOf(b));
  });
});

describe('weak keys and non-canonical signatures never verify', () => {
  const identity = fromHex('0100000000000000000000000000000000000000000000000000000000000000');
  // R = identity, S = 0: [0]B = identity + [k]·identity holds for any message under the identity key.
  const trivial = fromHex('01'.padEnd(128, '0'));
  const message = new TextEncoder().encode('bất kỳ nội dung nào');
  it('the identity key with the trivial signature is refused (OpenSSL alone accepts it)', () => {
    expect(verify(identity, message, trivial)).toBe(false);
    expect(isStrongPublicKey(identity)).toBe(false);
  });
  it('the identity key spelled y = p + 1 is refused too', () => {
    const p1 = fromHex('eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f');
    expect(verify(p1, message, trivial)).toBe(false);
    expect(isStrongPublicKey(p1)).toBe(false);
  });
  it('S ≥ L is refused before OpenSSL: S + L of a valid RFC 8032 signature', () => {
    const v = vectors[1]!;
    const sig = fromHex(v.signature);
    let s = 0n;
    for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(sig[i]!);
    s += 2n ** 252n + 27742317777372353535851937790883648493n;
    for (let i = 32; i < 64; i++) {
      sig[i] = Number(s & 0xffn);
      s >>= 8n;
    }
    expect(verify(fromHex(v.publicKey), fromHex(v.message), sig)).toBe(false);
    expect(verify(fromHex(v.publicKey), fromHex(v.message), fromHex(v.signature))).toBe(true);
  });
  it('assertStrongPublicKey throws KEY_WEAK, with the reason', () => {
    expect(() => assertStrongPublicKey(identity)).toThrowError(expect.objectContaining({ code: 'KEY_WEAK', details: { reason: 'small-order' } }) as Error);
    expect(() => assertStrongPublicKey(fromHex(vectors[0]!.publicKey))).not.toThrow();
  });
});
