import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divRound, fractionAtLeast, hundredthsToNumber, indexFromFraction, sum } from './arithmetic';

/** The definition, in BigInt: floor(n/d + 1/2) = floor((2n + d) / 2d); truncate = floor(n/d). */
function reference(num: number, den: number, rule: 'half-up' | 'truncate'): number {
  const n = BigInt(num);
  const d = BigInt(den);
  return Number(rule === 'half-up' ? (2n * n + d) / (2n * d) : n / d);
}

describe('divRound', () => {
  it('rounds an exact half up, where floating point would round it down', () => {
    // The mean of 50.11% and 50.12% is 50.115%: in floating point 50.114999…, which prints 50,11.
    expect(((50.11 + 50.12) / 2).toFixed(2)).toBe('50.11');
    expect(Math.round(((50.11 + 50.12) / 2) * 100)).toBe(5011);
    expect(divRound(5011 + 5012, 2, 'half-up')).toBe(5012);
    expect(divRound(5011 + 5012, 2, 'truncate')).toBe(5011);
    // 1.005 as a double is 1.00499…: the ratio 80.40 / 80.00 must still print 1,01.
    expect(Math.round((8040 / 8000) * 100)).toBe(100);
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(divRound(8040 * 100, 8000, 'half-up')).toBe(101);
    expect(divRound(8040 * 100, 8000, 'truncate')).toBe(100);
  });

  it('rounds just below a half down and a third of a hundredth away', () => {
    expect(divRound(15_222_199, 2000, 'half-up')).toBe(7611); // 7611.0995
    expect(divRound(1001, 3, 'half-up')).toBe(334); // 333.67
    expect(divRound(1000, 3, 'half-up')).toBe(333); // 333.33
    expect(divRound(1001, 3, 'truncate')).toBe(333);
    expect(divRound(0, 7, 'half-up')).toBe(0);
  });

  it('refuses what it cannot divide exactly', () => {
    expect(() => divRound(-1, 2, 'half-up')).toThrow(RangeError);
    expect(() => divRound(1, 0, 'half-up')).toThrow(RangeError);
    expect(() => divRound(1.5, 2, 'half-up')).toThrow(RangeError);
    expect(() => divRound(2 ** 53, 3, 'truncate')).toThrow(RangeError);
  });

  it('agrees with the BigInt definition for any safe integers', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom('half-up' as const, 'truncate' as const), (n, d, rule) => {
        expect(divRound(n, d, rule)).toBe(reference(n, d, rule));
      }),
    );
  });

  it('half-up is truncate or one more, and one more exactly from the half', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.integer({ min: 1, max: 100_000 }), (n, d) => {
        const t = divRound(n, d, 'truncate');
        const h = divRound(n, d, 'half-up');
        expect(h - t).toBe(2 * (n % d) >= d ? 1 : 0);
      }),
    );
  });
});

describe('exact fractions', () => {
  it('compares a fraction with a band bound without rounding it', () => {
    expect(fractionAtLeast(15999, 20000, 8000)).toBe(false); // 79.995%
    expect(fractionAtLeast(16000, 20000, 8000)).toBe(true);
    expect(indexFromFraction(15999, 20000, 'half-up')).toBe(8000);
    expect(indexFromFraction(15999, 20000, 'truncate')).toBe(7999);
    expect(indexFromFraction(6262, 7000, 'half-up')).toBe(8946); // 89.457…%: the seed's 89.45 does not reproduce
  });

  it('sums and refuses a sum that is no longer exact', () => {
    expect(sum([1, 2, 3])).toBe(6);
    expect(() => sum([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('hundredthsToNumber', () => {
  it('prints every hundredth with at most two decimals in JSON', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000, max: 2_000_000 }), (h) => {
        const text = JSON.stringify(hundredthsToNumber(h));
        expect(text).toMatch(/^-?\d+(?:\.\d{1,2})?$/u);
        expect(Math.round(Number(text) * 100)).toBe(h);
      }),
    );
    expect(JSON.stringify([hundredthsToNumber(7601), hundredthsToNumber(130), hundredthsToNumber(-111)])).toBe('[76.01,1.3,-1.11]');
  });
});
