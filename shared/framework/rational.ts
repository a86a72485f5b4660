/**
 * Exact fractions (BigInt numerator / positive BigInt denominator, always reduced) for the
 * formula rule: a framework's expression is evaluated without any floating point, so
 * 2 × 23 / 28 gives the same hundredths on every machine.
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('rational: zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO = rational(0n);
export const ONE = rational(1n);

const DECIMAL = /^([+-]?)(\d+)(?:[.,](\d+))?(?:e([+-]?\d+))?$/iu;

/** "0,5", "12.75", "3" (and a JS number's own spelling, "1e-7") → exact fraction; null if not a plain decimal. */
export function parseDecimal(text: string): Rational | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const digits = (m[2] ?? '') + (m[3] ?? '');
  if (digits.length > 30) return null;
  const exp = -(m[3] ?? '').length + Number(m[4] ?? '0');
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 40) return null;
  let n = BigInt(digits);
  let d = 1n;
  if (exp >= 0) n *= 10n ** BigInt(exp);
  else d = 10n ** BigInt(-exp);
  return rational(m[1] === '-' ? -n : n, d);
}

/** A finite JS number, exactly as it prints (0.1 → 1/10, not the binary double). */
export function fromNumber(v: number): Rational | null {
  if (!Number.isFinite(v)) return null;
  return parseDecimal(String(v));
}

export const add = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
/** null when b is zero. */
export const div = (a: Rational, b: Rational): Rational | null => (b.n === 0n ? null : rational(a.n * b.d, a.d * b.n));
export const neg = (a: Rational): Rational => ({ n: -a.n, d: a.d });
/** −1, 0 or 1. */
export function compare(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
