/**
 * The checks on Ed25519 public keys and signatures that OpenSSL does not make for us, in plain
 * BigInt arithmetic (RFC 8032 §5.1). OpenSSL happily verifies a signature under the identity
 * point: with A = identity, R = identity and S = 0 the equation [S]B = R + [k]A holds for every
 * message, so an enrolled small-order key lets anyone sign anything. A key is accepted only if:
 *
 *  - it is 32 bytes and its y coordinate is canonical (y < p), and x = 0 is not given a sign bit;
 *  - it decodes to a point on the curve;
 *  - the point is not of small order ([8]P ≠ identity: refuses all eight torsion points);
 *  - the point lies in the prime-order subgroup ([L]P = identity), as every key made by key
 *    generation does (A = [a]B), so a torsion component cannot be smuggled in either.
 *
 * A signature is accepted for OpenSSL only if S < L (one encoding per signature: no malleability)
 * and R's y coordinate is canonical.
 *
 * Small order is decided on the encoding, with no arithmetic: a point has order dividing 8 exactly
 * when its y (mod p) is one of five values (the eight torsion points: y = 1, p − 1, 0 and the two
 * y of the order-8 points, each with either x), so the 32 bytes are compared to that list
 * (the test derives it again from [8]P = identity). The subgroup test ([L]P = identity) has no
 * such shortcut: it costs ~252 doublings, done without the T coordinate except before an addition.
 * The caller (ed25519.ts) caches the answer per key bytes; an import worker meets each key once.
 */

const P = 2n ** 255n - 19n;
/** Order of the prime-order subgroup (RFC 8032 §5.1). */
export const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const D = 37095705934669439343138083508754565189542113879843219016388785533085940283555n;
const SQRT_M1 = 19681161376707505956807079304988542015446066515923890162744021073123829784752n;

const mod = (a: bigint): bigint => {
  const r = a % P;
  return r >= 0n ? r : r + P;
};

const MASK_255 = (1n << 255n) - 1n;
/** a mod p for 0 ≤ a < 2^510 (a product of two reduced values), by 2^255 ≡ 19: no division. */
function reduce(a: bigint): bigint {
  let r = (a & MASK_255) + 19n * (a >> 255n);
  r = (r & MASK_255) + 19n * (r >> 255n);
  return r >= P ? r - P : r;
}

function pow(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = reduce(result * b);
    b = reduce(b * b);
    e >>= 1n;
  }
  return result;
}

/** Little-endian bytes → integer. */
export function littleEndian(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!);
  return n;
}

/** Extended homogeneous coordinates (X : Y : Z : T), x = X/Z, y = Y/Z, xy = T/Z. */
interface Point {
  X: bigint;
  Y: bigint;
  Z: bigint;
  T: bigint;
}

// RFC 8032 §5.1.4, a = −1.
function add(p: Point, q: Point): Point {
  const a = mod((p.Y - p.X) * (q.Y - q.X));
  const b = mod((p.Y + p.X) * (q.Y + q.X));
  const c = mod(2n * D * p.T * q.T);
  const d = mod(2n * p.Z * q.Z);
  const e = b - a;
  const f = d - c;
  const g = d + c;
  const h = b + a;
  return { X: mod(e * f), Y: mod(g * h), Z: mod(f * g), T: mod(e * h) };
}

function double(p: Point): Point {
  const a = mod(p.X * p.X);
  const b = mod(p.Y * p.Y);
  const c = mod(2n * p.Z * p.Z);
  const h = a + b;
  const e = mod(h - (p.X + p.Y) * (p.X + p.Y));
  const g = a - b;
  const f = c + g;
  return { X: mod(e * f), Y: mod(g * h), Z: mod(f * g), T: mod(e * h) };
}

/** Doubling in projective (X : Y : Z), the T of the result left out (T is read only by add). */
function doubleXYZ(p: Point, withT: boolean): Point {
  const a = reduce(p.X * p.X);
  const b = reduce(p.Y * p.Y);
  const c = reduce(2n * reduce(p.Z * p.Z));
  const h = a + b;
  const s = p.X + p.Y;
  const e = mod(h - s * s);
  const g = a - b;
  const f = c + g;
  return { X: mod(e * f), Y: mod(g * h), Z: mod(f * g), T: withT ? mod(e * h) : 0n };
}

/** [n]P, left to right over n's bits. */
function multiply(p: Point, n: bigint): Point {
  const bits = n.toString(2);
  let result = p;
  for (let i = 1; i < bits.length; i++) {
    const adding = bits[i] === '1';
    result = doubleXYZ(result, adding);
    if (adding) result = add(result, p);
  }
  return result;
}

function isIdentity(p: Point): boolean {
  return mod(p.X) === 0n && mod(p.Y - p.Z) === 0n;
}

export type PublicKeyProblem = 'length' | 'non-canonical' | 'not-on-curve' | 'small-order' | 'not-in-subgroup';

type Decoded = { ok: true; point: Point } | { ok: false; problem: 'length' | 'non-canonical' | 'not-on-curve' };

/** RFC 8032 §5.1.3 decoding, strict: y ≥ p and a signed x = 0 are refused, not reduced. */
function decode(bytes: Uint8Array): Decoded {
  if (bytes.length !== 32) return { ok: false, problem: 'length' };
  const n = littleEndian(bytes);
  const sign = n >> 255n;
  const y = n & ((1n << 255n) - 1n);
  if (y >= P) return { ok: false, problem: 'non-canonical' };
  const y2 = (y * y) % P;
  const u = mod(y2 - 1n);
  const v = mod(D * y2 + 1n);
  // x = u v³ (u v⁷)^((p−5)/8), then fix the square root's sign by √−1 if needed.
  const v3 = (v * v * v) % P;
  let x = (u * v3 * pow(u * v3 * v3 * v, (P - 5n) / 8n)) % P;
  const vx2 = (v * x * x) % P;
  if (vx2 !== u) {
    if (vx2 !== mod(-u)) return { ok: false, problem: 'not-on-curve' };
    x = (x * SQRT_M1) % P;
  }
  if (x === 0n && sign === 1n) return { ok: false, problem: 'non-canonical' };
  if ((x & 1n) !== sign) x = P - x;
  return { ok: true, point: { X: x, Y: y, Z: 1n, T: (x * y) % P } };
}

/**
 * The y (sign bit cleared, little-endian, canonical) of the eight points of order 1, 2, 4 and 8:
 * y = 1 (identity), y = p − 1 (order 2), y = 0 (order 4, x = ±√−1), and y₈, p − y₈ (order 8,
 * x either sign). The same list libsodium refuses; ed25519-point.test.ts derives it again.
 */
const SMALL_ORDER_Y: readonly Uint8Array[] = [
  '0100000000000000000000000000000000000000000000000000000000000000',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  '0000000000000000000000000000000000000000000000000000000000000000',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
].map((hex) => Uint8Array.from(Buffer.from(hex, 'hex')));

/** y ≥ p for the 255-bit y of a 32-byte encoding: y = p + k, k = 0…18 (bytes ff…ff 7f, low byte ≥ 0xed). */
function yIsNonCanonical(b: Uint8Array): boolean {
  if ((b[31]! & 0x7f) !== 0x7f || b[0]! < 0xed) return false;
  for (let i = 1; i < 31; i++) if (b[i] !== 0xff) return false;
  return true;
}

/**
 * Whether a 32-byte encoding names a point of small order (order 1, 2, 4 or 8), either sign bit,
 * y reduced mod p (so a non-canonical spelling y + p is caught too). Exact, no arithmetic.
 */
export function isSmallOrderEncoding(b: Uint8Array): boolean {
  if (b.length !== 32) return false;
  // y = p + k reduces to k ≤ 18: small order only for k = 0 (y = 0) and k = 1 (y = 1).
  if (yIsNonCanonical(b)) return b[0]! - 0xed <= 1;
  outer: for (const y of SMALL_ORDER_Y) {
    for (let i = 0; i < 31; i++) if (b[i] !== y[i]) continue outer;
    if ((b[31]! & 0x7f) === y[31]) return true;
  }
  return false;
}

/**
 * The part of publicKeyProblem that needs no curve arithmetic: length, canonical y, not of small
 * order (byte comparisons). Enough for a key that already passed publicKeyProblem when it entered
 * a registry (a vetted key, package-signer.ts), where the rest would only be repeated.
 */
export function encodingProblem(raw: Uint8Array): 'length' | 'non-canonical' | 'small-order' | null {
  if (raw.length !== 32) return 'length';
  if (yIsNonCanonical(raw)) return 'non-canonical';
  if (isSmallOrderEncoding(raw)) return 'small-order';
  return null;
}

/** Why a raw public key must be refused, or null when it is a sound Ed25519 key. */
export function publicKeyProblem(raw: Uint8Array): PublicKeyProblem | null {
  if (raw.length !== 32) return 'length';
  if (yIsNonCanonical(raw)) return 'non-canonical';
  const decoded = decode(raw);
  if (!decoded.ok) return decoded.problem;
  if (isSmallOrderEncoding(raw)) return 'small-order';
  if (!isIdentity(multiply(decoded.point, L))) return 'not-in-subgroup';
  return null;
}

/** L as 32 little-endian bytes, for S < L without BigInt. */
const L_BYTES = Uint8Array.from({ length: 32 }, (_, i) => Number((L >> BigInt(8 * i)) & 0xffn));

/** S < L, both little-endian 32 bytes, compared from the most significant byte. */
function belowL(s: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) {
    if (s[i]! !== L_BYTES[i]!) return s[i]! < L_BYTES[i]!;
  }
  return false;
}

/**
 * Why a 64-byte signature R ‖ S must be refused before any curve arithmetic, or null: S ≥ L,
 * R's y not canonical, or R of small order (no honest signer makes one: R = [r]B).
 */
export function signatureProblem(sig: Uint8Array): 'length' | 'non-canonical-s' | 'non-canonical-r' | 'small-order-r' | null {
  if (sig.length !== 64) return 'length';
  if (!belowL(sig.subarray(32))) return 'non-canonical-s';
  const r = sig.subarray(0, 32);
  if (yIsNonCanonical(r)) return 'non-canonical-r';
  if (isSmallOrderEncoding(r)) return 'small-order-r';
  return null;
}

/** The arithmetic behind the checks, for the tests' oracle only. */
export const pointArithmeticForTests = { decode, double, isIdentity, add };
