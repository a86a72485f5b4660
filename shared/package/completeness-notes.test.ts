import { describe, expect, it } from 'vitest';
import { lateReason, overrideLines, type PackageCompleteness } from './completeness-notes';

const block = (overrides: PackageCompleteness['overrides'], minimum: number | null = 20): PackageCompleteness => ({
  items: { total: 50, entered: 50, required: 40, requiredEntered: 40 }, forms: { saved: 18, minimum, target: 30 }, overrides,
});

describe('override sentences for the reviewing unit', () => {
  it('late first, the forms counted against the minimum, the reason escaped; English beside', () => {
    const c = block([
      { code: 'SAMPLE_FRAMEWORK', reason: 'Tỉnh chưa ban hành' },
      { code: 'SURVEY_BELOW_MINIMUM', reason: 'Mưa lũ\u202e' },
      { code: 'DEADLINE_PASSED', reason: 'Chờ UBND huyện ký văn bản' },
    ]);
    expect(overrideLines(c, 'vi')).toEqual([
      'Xã gửi muộn (sau hạn gửi hồ sơ) và đã xác nhận gửi, lý do: Chờ UBND huyện ký văn bản',
      'Xã đã xác nhận gửi khi chưa đủ số phiếu tối thiểu (18/20), lý do: Mưa lũ\\u202e',
      'Xã đã xác nhận gửi khi đang dùng bộ tiêu chí mẫu, không phải bộ tiêu chí của tỉnh, lý do: Tỉnh chưa ban hành',
    ]);
    expect(overrideLines(c, 'en')[1]).toBe('The commune confirmed sending with fewer survey forms than the minimum (18/20), reason: Mưa lũ\\u202e');
    expect(lateReason(c)).toBe('Chờ UBND huyện ký văn bản');
  });

  it('an unknown code (a newer version\'s warning) still reads as a sentence, its code escaped; no minimum, no count', () => {
    expect(overrideLines(block([{ code: 'NEW\u0007', reason: 'x' }, { code: 'SURVEY_BELOW_MINIMUM', reason: 'y' }], null), 'vi')).toEqual([
      'Xã đã xác nhận gửi khi chưa đủ số phiếu tối thiểu, lý do: y',
      'Xã đã xác nhận gửi dù có cảnh báo NEW\\x07, lý do: x',
    ]);
    expect(overrideLines(null, 'en')).toEqual([]);
    expect(lateReason(block([]))).toBeNull();
  });
});
