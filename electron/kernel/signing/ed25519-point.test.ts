import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vectorsPath } from '../../../test/helpers/vectors';
import fc from 'fast-check';
import { isSmallOrderEncoding, L, littleEndian, pointArithmeticForTests, publicKeyProblem, signatureProblem } from './ed25519-point';
import { generateKeyPair, privateKeyFromSeed, rawPublicKeyOf } from './ed25519';

const fromHex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
const P = 2n ** 255n - 19n;
/** 32 little-endian bytes of n (n < 2^256). */
const le = (n: bigint) => {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
};
const withSign = (b: Uint8Array) => {
  const c = Uint8Array.from(b);
  c[31]! |= 0x80;
  return c;
};

/**
 * The eight points of order 1, 2, 4 and 8, canonically encoded (computed independently in
 * Python from y of the order-8 point; the same list libsodium blocks).
 */
const TORSION = [
  ['identity (order 1)', '0100000000000000000000000000000000000000000000000000000000000000'],
  ['order 2 (0, −1)', 'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'],
  ['order 4, x even', '0000000000000000000000000000000000000000000000000000000000000000'],
  ['order 4, x odd', '0000000000000000000000000000000000000000000000000000000000000080'],
  ['order 8 a', '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05'],
  ['order 8 a, other x', '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85'],
  ['order 8 b', 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a'],
  ['order 8 b, other x', 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa'],
] as const;

interface Rfc8032Vector {
  secretKey: string;
  publicKey: string;
}
const vectorsFile = vectorsPath('ed25519-rfc8032.json');
const { vectors } = JSON.parse(readFileSync(vectorsFile, 'utf8')) as { vectors: Rfc8032Vector[] };

describe('Ed25519 public key checks', () => {
  it.each(TORSION)('refuses the torsion point %s as small-order', (_name, hex) => {
    expect(publicKeyProblem(fromHex(hex))).toBe('small-order');
  });

  it('refuses non-canonical encodings y = p + k (k = 0…18), with and without the sign bit', () => {
    for (let k = 0n; k < 2n ** 255n - P; k++) {
      expect(publicKeyProblem(le(P + k)), `y = p + ${k}`).toBe('non-canonical');
      expect(publicKeyProblem(withSign(le(P + k))), `y = p + ${k}, sign`).toBe('non-canonical');
    }
    // y = p and y = p + 1 are the non-canonical spellings of the torsion points y = 0 and y = 1.
    expect(publicKeyProblem(le(P))).toBe('non-canonical');
    expect(publicKeyProblem(le(P + 1n))).toBe('non-canonical');
  });

  it('refuses x = 0 with the sign bit set (the identity and the order-2 point spelled "negative")', () => {
    expect(publicKeyProblem(withSign(fromHex(TORSION[0][1])))).toBe('non-canonical');
    expect(publicKeyProblem(fromHex('ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff'))).toBe('non-canonical');
  });

  it('refuses a y that is on no point of the curve, and a wrong length', () => {
    // y = 2: (y² − 1)/(d y² + 1) is not a square mod p.
    expect(publicKeyProblem(le(2n))).toBe('not-on-curve');
    expect(publicKeyProblem(new Uint8Array(31))).toBe('length');
    expect(publicKeyProblem(new Uint8Array(33))).toBe('length');
  });

  it('refuses a genuine key with a torsion component added (not in the prime-order subgroup)', () => {
    // Found by search: the RFC 8032 test 1 key plus the order-2 point has y' = −y, x' = −x.
    const a = fromHex(vectors[0]!.publicKey);
    const n = littleEndian(a);
    const y = n & ((1n << 255n) - 1n);
    const negated = le((P - y) | ((n >> 255n) ^ 1n) << 255n);
    expect(publicKeyProblem(negated)).toBe('not-in-subgroup');
  });

  it('accepts the RFC 8032 public keys and every generated key', () => {
    for (const v of vectors) expect(publicKeyProblem(fromHex(v.publicKey))).toBeNull();
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (seed) => {
        expect(publicKeyProblem(rawPublicKeyOf(privateKeyFromSeed(seed)))).toBeNull();
      }),
      { numRuns: 25 },
    );
    expect(publicKeyProblem(generateKeyPair().publicKey)).toBeNull();
  });
});

describe('Ed25519 signature encoding checks', () => {
  const valid = fromHex('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b');
  const withS = (s: bigint) => {
    const sig = Uint8Array.from(valid);
    sig.set(le(s), 32);
    return sig;
  };
  it('accepts the RFC 8032 test 1 signature (S < L)', () => {
    expect(signatureProblem(valid)).toBeNull();
    expect(signatureProblem(withS(L - 1n))).toBeNull();
  });
  it('refuses S = L, S = L + 1 and S + L of a valid signature', () => {
    expect(signatureProblem(withS(L))).toBe('non-canonical-s');
    expect(signatureProblem(withS(L + 1n))).toBe('non-canonical-s');
    expect(signatureProblem(withS(littleEndian(valid.subarray(32)) + L))).toBe('non-canonical-s');
    expect(signatureProblem(withS(2n ** 256n - 1n))).toBe('non-canonical-s');
  });
  it('refuses an R whose y is not canonical, and a wrong length', () => {
    const sig = Uint8Array.from(valid);
    sig.set(le(P + 1n), 0);
    expect(signatureProblem(sig)).toBe('non-canonical-r');
    expect(signatureProblem(valid.subarray(0, 63))).toBe('length');
  });
});

/**
 * The oracle: small order by arithmetic ([8]P = identity) on the encoding read leniently (y
 * reduced mod p, either sign bit, a "negative" x = 0 read as x = 0). False off the curve.
 */
function smallOrderByArithmetic(b: Uint8Array): boolean {
  const { decode, double, isIdentity } = pointArithmeticForTests;
  const n = littleEndian(b);
  const sign = n >> 255n;
  const y = (n & ((1n << 255n) - 1n)) % P;
  let d = decode(le(y | (sign << 255n)));
  if (!d.ok && d.problem === 'non-canonical') d = decode(le(y));
  return d.ok && isIdentity(double(double(double(d.point))));
}

describe('small order decided on the encoding (isSmallOrderEncoding) agrees with [8]P = identity', () => {
  const variants = (hex: string) => {
    const b = fromHex(hex);
    const y = littleEndian(b) & ((1n << 255n) - 1n);
    const out = [b, withSign(b)];
    if (y + P < 2n ** 255n) out.push(le(y + P), withSign(le(y + P)));
    return out;
  };

  it('on the eight torsion points, both sign bits and the y + p spellings: all small order', () => {
    let n = 0;
    for (const [, hex] of TORSION) {
      for (const b of variants(hex)) {
        expect(smallOrderByArithmetic(b), Buffer.from(b).toString('hex')).toBe(true);
        expect(isSmallOrderEncoding(b), Buffer.from(b).toString('hex')).toBe(true);
        n++;
      }
    }
    expect(n).toBe(8 * 2 + 3 * 2); // y = 0 (two points) and y = 1 alone have a y + p below 2^255
  });

  it('the list is complete: every y that makes [8]P = identity is one of the five', () => {
    // The torsion points' y are the roots of the division polynomial; here: the eight points
    // found by the oracle among ±x for the five y, and no other y among their neighbours.
    for (const [, hex] of TORSION) {
      const y = littleEndian(fromHex(hex)) & ((1n << 255n) - 1n);
      for (const k of [-2n, -1n, 1n, 2n]) {
        const b = le((y + k + P) % P);
        expect(isSmallOrderEncoding(b)).toBe(smallOrderByArithmetic(b));
      }
    }
  });

  it('on the RFC 8032 public keys and signatures\' R: none small order', () => {
    const all = JSON.parse(readFileSync(vectorsFile, 'utf8')) as { vectors: (Rfc8032Vector & { signature?: string })[] };
    for (const v of all.vectors) {
      const pk = fromHex(v.publicKey);
      expect(isSmallOrderEncoding(pk)).toBe(false);
      expect(smallOrderByArithmetic(pk)).toBe(false);
      if (v.signature) {
        const r = fromHex(v.signature).subarray(0, 32);
        expect(isSmallOrderEncoding(r)).toBe(smallOrderByArithmetic(r));
      }
    }
  });

  it('on 10,000 random 32-byte strings (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (b) => {
        expect(isSmallOrderEncoding(b)).toBe(smallOrderByArithmetic(b));
      }),
      { numRuns: 10_000 },
    );
  });

  it('a signature whose R is a torsion point is refused as small-order-r, before OpenSSL', () => {
    for (const [, hex] of TORSION) {
      const sig = new Uint8Array(64);
      sig.set(fromHex(hex), 0);
      expect(signatureProblem(sig)).toBe('small-order-r');
    }
  });
});
