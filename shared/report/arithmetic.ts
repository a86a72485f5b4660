/**
 * Exact integer arithmetic for the report's figures. Every quantity is an integer:
 * indices are hundredths of a percent (76.01% = 7601), points hundredths of a point,
 * a ratio hundredths (1.30× = 130). Division is the only place a rule is needed, and it is
 * done on integers with a remainder, never through a float quotient: 7601.5 rounds half up to
 * 7602 whereas (76.01 + 76.02) / 2 in floating point is 76.01499… and would print 76.01.
 */

/** How a quotient becomes an integer: the framework's index rounding today is half up. */
export type RoundingRule = 'half-up' | 'truncate';

export const ROUNDING_RULES: readonly RoundingRule[] = ['half-up', 'truncate'];

function assertSafe(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer, got ${value}`);
}

/**
 * num / den as an integer under the rule; num ≥ 0, den > 0, both safe integers.
 * half-up: floor(num/den + 1/2); truncate: floor(num/den).
 */
export function divRound(num: number, den: number, rule: RoundingRule): number {
  assertSafe('num', num);
  assertSafe('den', den);
  if (num < 0 || den <= 0) throw new RangeError(`divRound(${num}, ${den}): needs num ≥ 0 and den > 0`);
  const rest = num % den; // exact for safe integers
  const quotient = (num - rest) / den; // an exact multiple: the division is exact too
  if (rule === 'truncate') return quotient;
  // 2·rest < 2·den ≤ 2^54: compare rest with den − rest instead of doubling.
  return rest >= den - rest ? quotient + 1 : quotient;
}

/** Σ values, checked to stay a safe integer. */
export function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  assertSafe('sum', total);
  return total;
}

/**
 * Whether points / max ≥ minPercent (hundredths of a percent), compared as fractions:
 * points × 10000 ≥ minPercent × max. BigInt keeps it exact for any safe inputs.
 */
export function fractionAtLeast(points: number, max: number, minPercent: number): boolean {
  return BigInt(points) * 10000n >= BigInt(minPercent) * BigInt(max);
}

/** The index of points / max in hundredths of a percent, rounded by the rule. */
export function indexFromFraction(points: number, max: number, rule: RoundingRule): number {
  assertSafe('points', points);
  assertSafe('max', max);
  if (points < 0 || max <= 0) throw new RangeError(`indexFromFraction(${points}, ${max}): needs points ≥ 0, max > 0`);
  const num = BigInt(points) * 10000n;
  const den = BigInt(max);
  const q = num / den;
  const rest = num - q * den;
  return Number(rule === 'half-up' && rest * 2n >= den ? q + 1n : q);
}

/** Hundredths as the JSON number a reader expects: 7601 → 76.01 (the double nearest, printed as such). */
export function hundredthsToNumber(hundredths: number): number {
  return hundredths / 100;
}
