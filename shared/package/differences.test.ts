import { describe, expect, it } from 'vitest';
import { differenceText } from './differences';

describe('differenceText', () => {
  it('names items as items and totals by name, in the order found, in either language', () => {
    expect(differenceText(['1.1', 'selfAssessment', 'total', 'indexPercent', 'surveyCounts'], 'vi')).toBe('tiêu chí 1.1, điểm tự đánh giá, tổng điểm, chỉ số, số đếm phiếu điều tra (khác với các phiếu gửi kèm)');
    expect(differenceText(['8.2.4', 'fields'], 'en')).toBe('item 8.2.4, points by field');
    expect(differenceText([], 'vi')).toBe('');
  });

  it('an item code that spells an inherited property is still an item', () => {
    expect(differenceText(['constructor', 'toString'], 'vi')).toBe('tiêu chí constructor, tiêu chí toString');
  });
});
