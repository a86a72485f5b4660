import { describe, expect, it } from 'vitest';
import { groupMatches, normaliseFingerprint, sameFingerprint } from './fingerprint';

const FP = '47Z3-3QX1-AJH6-2RKB-Z1A0-8VYJ-4WDQ-QVAB-DAZ4-BAJR-GXZF-8ZWQ-46WG';

describe('a typed fingerprint', () => {
  it('matches with or without dashes or spaces, in any case, with Crockford look-alikes', () => {
    expect(sameFingerprint(FP, FP)).toBe(true);
    expect(sameFingerprint(FP.replaceAll('-', ' ').toLowerCase(), FP)).toBe(true);
    expect(sameFingerprint(FP.replaceAll('-', ''), FP)).toBe(true);
    expect(sameFingerprint(FP.replace('Z1A0', 'ZlAO'), FP)).toBe(true);
    expect(normaliseFingerprint(' 47z3–3qx1 ')).toBe('47Z33QX1');
  });
  it('does not match with one character changed, a group missing or extra text', () => {
    expect(sameFingerprint(FP.replace('47Z3', '47Z4'), FP)).toBe(false);
    expect(sameFingerprint(FP.slice(0, -5), FP)).toBe(false);
    expect(sameFingerprint(`${FP}-0000`, FP)).toBe(false);
    expect(sameFingerprint('', FP)).toBe(false);
    expect(sameFingerprint('', '')).toBe(false);
  });
  it('is compared group by group as it is typed', () => {
    expect(groupMatches('', FP)).toEqual(Array(13).fill(null));
    expect(groupMatches('47z3 3QX', FP).slice(0, 3)).toEqual([true, null, null]);
    expect(groupMatches('47z3 3QY', FP).slice(0, 3)).toEqual([true, false, null]);
    expect(groupMatches('47Z4', FP)[0]).toBe(false);
    expect(groupMatches(FP, FP).every((g) => g === true)).toBe(true);
  });
});
