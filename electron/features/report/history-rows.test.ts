import { describe, expect, it } from 'vitest';
import type { HistoryTableRow } from './history-file';
import { indexOf, parseHistoryRows } from './history-rows';

const text = (s: string) => ({ text: s });
const table = (...lines: string[]): HistoryTableRow[] => lines.map((l, i) => ({ line: i + 1, cells: l.split(';').map(text) }));

describe('history rows', () => {
  it('reads indices written the Vietnamese or the English way, without floating point', () => {
    expect(indexOf(text('83,52'))).toBe(8352);
    expect(indexOf(text('83.5'))).toBe(8350);
    expect(indexOf(text(' 76,01 %'))).toBe(7601);
    expect(indexOf(text('100'))).toBe(10000);
    expect(indexOf(text('0,07'))).toBe(7);
    expect(indexOf({ text: '83.52', number: 83.52 })).toBe(8352);
    expect(indexOf({ text: '0.8352', number: 0.8352, percent: true })).toBe(8352);
    expect(indexOf({ text: '50.115', number: 50.115 })).toMatch(/quá hai chữ số thập phân/u);
    expect(indexOf(text('83,521'))).toMatch(/không phải một số phần trăm/u);
    expect(indexOf(text('1.234,5'))).toMatch(/không phải một số phần trăm/u);
    expect(indexOf(text('100,01'))).toMatch(/lớn hơn 100%/u);
    expect(indexOf(text(''))).toBe('thiếu chỉ số');
  });

  it('takes Vietnamese or English headers in any order, the group optional', () => {
    const r = parseHistoryRows(table('Chỉ số;Nhóm;Tên;Mã', '80;Nhóm 1;Bình Đào;20401', '64,06;;Bình An;20446'));
    expect(r.issues).toEqual([]);
    expect(r.entries).toEqual([
      { line: 2, code: '20401', name: 'Bình Đào', index: 8000, group: 'Nhóm 1' },
      { line: 3, code: '20446', name: 'Bình An', index: 6406, group: null },
    ]);
  });

  it('names every bad row by line: a missing column, a formula, a duplicate code', () => {
    expect(parseHistoryRows(table('code;name', '20401;A')).issues).toEqual([{ line: 1, code: null, message: 'dòng tiêu đề thiếu cột "Chỉ số" (index)' }]);
    const r = parseHistoryRows(table('code;name;index', '20401;=HYPERLINK("x");80', '20401;B;=A1', '20402;C;70'));
    expect(r.issues.map((i) => [i.line, i.message])).toEqual([
      [2, 'tên "=HYPERLINK("x")" trông như công thức bảng tính (bắt đầu bằng =, +, - hoặc @): không nhận; hãy sửa tên'],
      [3, 'mã 20401 trùng với dòng 2; chỉ số "=A1" là công thức: hãy ghi giá trị'],
    ]);
    expect(r.entries.map((e) => e.code)).toEqual(['20402']);
    expect(parseHistoryRows([]).issues[0]!.message).toMatch(/^tệp trống/u);
  });
});
