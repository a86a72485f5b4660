import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divRoundHalfUp, formatPercent, formatPoints, parsePoints, roundHalfUpBig } from './points';

describe('points', () => {
  it('formats hundredths the Vietnamese way', () => {
    expect(formatPoints(375)).toBe('3,75');
    expect(formatPoints(50)).toBe('0,50');
    expect(formatPoints(123456)).toBe('1.234,56');
    expect(formatPoints(375, 'en')).toBe('3.75');
  });

  it('formats percentages', () => {
    expect(formatPercent(7601)).toBe('76,01%');
    expect(formatPercent(10000)).toBe('100,00%');
    expect(formatPercent(8945, 'en')).toBe('89.45%');
  });

  it('parses what a clerk types', () => {
    expect(parsePoints('3,75')).toBe(375);
    expect(parsePoints('3.75')).toBe(375);
    expect(parsePoints(' 0,5 ')).toBe(50);
    expect(parsePoints('4')).toBe(400);
    expect(parsePoints('0,05')).toBe(5);
  });

  it('refuses what it cannot read exactly', () => {
    for (const bad of ['', 'abc', '3,755', '-1', '1.234,5', '3,', ',5', '1e3']) expect(parsePoints(bad)).toBeNull();
  });

  it('parse ∘ format is the identity for any points value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (h) => {
        expect(parsePoints(formatPoints(h, 'en'))).toBe(h);
        expect(parsePoints(formatPoints(h).replace(/\./gu, ''))).toBe(h);
      }),
    );
  });

  it('rounds half up exactly', () => {
    expect(divRoundHalfUp(1875, 10)).toBe(188);
    expect(divRoundHalfUp(1874, 10)).toBe(187);
    expect(divRoundHalfUp(5, 2)).toBe(3);
    expect(roundHalfUpBig(3n, 2n)).toBe(2);
    expect(() => divRoundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => divRoundHalfUp(-1, 2)).toThrow(RangeError);
  });

  it('divRoundHalfUp agrees with the definition floor(n/d + 1/2)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 10_000 }), (n, d) => {
        const q = divRoundHalfUp(n, d);
        // q − 1/2 ≤ n/d < q + 1/2
        expect(2 * q * d - d).toBeLessThanOrEqual(2 * n);
        expect(2 * n).toBeLessThan(2 * q * d + d);
      }),
    );
  });
});
