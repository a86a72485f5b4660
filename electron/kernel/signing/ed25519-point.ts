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
 * Speed is not a concern: a key is checked once and the answer cached by the caller (ed25519.ts).
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

function pow(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
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
const IDENTITY: Point = { X: 0n, Y: 1n, Z: 1n, T: 0n };

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

function multiply(p: Point, n: bigint): Point {
  let result = IDENTITY;
  let addend = p;
  for (let k = n; k > 0n; k >>= 1n) {
    if (k & 1n) result = add(result, addend);
    addend = double(addend);
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

/** Why a raw public key must be refused, or null when it is a sound Ed25519 key. */
export function publicKeyProblem(raw: Uint8Array): PublicKeyProblem | null {
  const decoded = decode(raw);
  if (!decoded.ok) return decoded.problem;
  const p = decoded.point;
  if (isIdentity(double(double(double(p))))) return 'small-order';
  if (!isIdentity(multiply(p, L))) return 'not-in-subgroup';
  return null;
}

/** Why a 64-byte signature R ‖ S must be refused before any curve arithmetic, or null. */
export function signatureProblem(sig: Uint8Array): 'length' | 'non-canonical-s' | 'non-canonical-r' | null {
  if (sig.length !== 64) return 'length';
  if (littleEndian(sig.subarray(32)) >= L) return 'non-canonical-s';
  if ((littleEndian(sig.subarray(0, 32)) & ((1n << 255n) - 1n)) >= P) return 'non-canonical-r';
  return null;
}
