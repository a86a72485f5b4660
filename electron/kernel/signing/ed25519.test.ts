import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fingerprintOf, generateKeyPair, keyIdOf, privateKeyFromSeed, publicKeyFromRaw, rawPublicKeyOf, sign, verify } from './ed25519';
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
