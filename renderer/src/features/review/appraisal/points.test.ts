import { describe, expect, it } from 'vitest';
import { parsePoints, viPoints } from './points';

describe('parsePoints', () => {
  it('reads a comma or a dot, up to two decimals, within 0..max', () => {
    expect(parsePoints('0,5', 100)).toBe(50);
    expect(parsePoints(' 1.25 ', 200)).toBe(125);
    expect(parsePoints('2', 200)).toBe(200);
    expect(parsePoints('2,01', 200)).toBeNull();
    expect(parsePoints('-1', 200)).toBeNull();
    expect(parsePoints('1,234', 200)).toBeNull();
    expect(parsePoints('abc', 200)).toBeNull();
    expect(viPoints(50)).toBe('0,50');
  });
});
