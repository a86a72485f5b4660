import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divRound, roundingFootnote, roundingOf } from './rounding';

describe('rounding as the framework states it', () => {
  it('Nam Định 2020: 62,62 of 70 is 89,45% cut to two decimals, 89,46% rounded half up', () => {
    expect(divRound(6262n * 10000n, 7000n, 'truncate')).toBe(8945);
    expect(divRound(6262n * 10000n, 7000n, 'half-up')).toBe(8946);
    // the district block's 61,46 of 70 is exactly 87,80% either way
    expect(divRound(6146n * 10000n, 7000n, 'truncate')).toBe(8780);
    expect(divRound(6146n * 10000n, 7000n, 'half-up')).toBe(8780);
  });

  it('a half goes away from zero; truncation goes toward zero', () => {
    expect(divRound(125n, 100n, 'half-up')).toBe(1); // 1.25 → 1
    expect(divRound(1n, 8n, 'half-up')).toBe(0);
    expect(divRound(5n, 10n, 'half-up')).toBe(1);
    expect(divRound(-5n, 10n, 'half-up')).toBe(-1);
    expect(divRound(-19n, 10n, 'truncate')).toBe(-1);
    expect(divRound(19n, 10n, 'truncate')).toBe(1);
  });

  it('agrees with a decimal oracle on any fraction', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (num, den) => {
        const neg = num < 0n;
        const a = neg ? -num : num;
        const q = a / den;
        const rem = a % den;
        const t = neg ? -q : q;
        expect(divRound(num, den, 'truncate')).toBe(Number(t));
        const up = 2n * rem >= den ? q + 1n : q;
        expect(divRound(num, den, 'half-up')).toBe(Number(neg ? -up : up));
        // truncation never moves away from zero, and differs from half up by at most one
        expect(Math.abs(divRound(num, den, 'truncate'))).toBeLessThanOrEqual(Math.abs(divRound(num, den, 'half-up')));
        expect(Math.abs(divRound(num, den, 'half-up') - divRound(num, den, 'truncate'))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('fills defaults, and says in one sentence how the framework rounds and groups', () => {
    expect(roundingOf({})).toEqual({ points: 'half-up', index: 'half-up', groupOn: 'rounded' });
    expect(roundingOf({ rounding: { index: 'truncate' } })).toEqual({ points: 'half-up', index: 'truncate', groupOn: 'rounded' });
    expect(roundingFootnote({ rounding: { index: 'truncate', points: 'truncate', groupOn: 'exact' } })).toBe(
      'Chỉ số lấy đến hai chữ số thập phân, bỏ các chữ số sau (không làm tròn); điểm tính theo tỷ lệ lấy đến hai chữ số thập phân, bỏ các chữ số sau; xếp nhóm theo chỉ số chính xác trước khi làm tròn.',
    );
    expect(roundingFootnote({})).toBe(
      'Chỉ số được làm tròn đến hai chữ số thập phân (chữ số thứ ba từ 5 trở lên thì làm tròn lên); điểm tính theo tỷ lệ được làm tròn đến hai chữ số thập phân; xếp nhóm theo chỉ số đã làm tròn như in trong báo cáo.',
    );
    expect(roundingFootnote({}, 'en')).toMatch(/^The index is rounded to two decimals \(half up\)/u);
  });
});
