import { describe, expect, it } from 'vitest';
import { buildReport } from './report';
import { reportJson } from './json';
import { reportParagraphs } from './sentences';
import { SEED_000, seed000 } from './test-fixtures';

/**
 * Seed 000 (Thăng Bình, 2016): 22 xã, thị trấn; mean 76.01%, +1.11 on 2015; highest Bình Đào
 * 83.52%, lowest Bình An 64.06%, ratio 1.30; groups 5 / 15 / 2. The seed's "7.44% above the
 * mean" does not reproduce: 83.52 − 76.01 = 7.51.
 */
describe('seed 000 reproduced', () => {
  const report = buildReport(seed000(), { year: 2016 });

  it('gives every figure the seed publishes, and the gap recomputed', () => {
    const f = report.figures;
    expect(f.communes).toBe(22);
    expect(f.mean).toBe(7601);
    expect(f.meanChange).toBe(111);
    expect(f.highest).toMatchObject({ name: 'Bình Đào', index: 8352 });
    expect(f.lowest).toMatchObject({ name: 'Bình An', index: 6406 });
    expect(f.highestGapToMean).toBe(751);
    expect(f.highestGapToMean).not.toBe(744);
    expect(f.ratio).toBe(130);
    expect(f.groups.map((g) => g.members.length)).toEqual([5, 15, 2, 0]);
    expect(f.forms).toMatchObject({ collected: 440, target: 440, share: 10000, belowTarget: [] });
  });

  it('lists the groups in the seed’s order (rank order)', () => {
    const byCode = new Map(report.ranking.communes.map((c) => [c.code, c.name]));
    const names = report.figures.groups.map((g) => g.members.map((code) => byCode.get(code)));
    expect(names).toEqual([SEED_000.slice(0, 5).map(([n]) => n), SEED_000.slice(5, 20).map(([n]) => n), SEED_000.slice(20).map(([n]) => n), []]);
  });

  it('computes last year’s mean from the rows as 74.90% too', () => {
    const input = seed000();
    const rows = input.lastYear?.rows ?? [];
    expect(buildReport({ ...input, lastYear: { year: 2015, rows } }, { year: 2016 }).figures).toMatchObject({
      lastYearMean: 7490,
      lastYearMeanSource: 'computed',
      meanChange: 111,
    });
  });

  it('prints the JSON of `chiso report --json`', () => {
    const json = reportJson(report);
    expect(Object.keys(json)).toEqual(['communes', 'mean', 'meanChange', 'highest', 'lowest', 'highestGapToMean', 'ratio', 'groups']);
    expect(json).toMatchObject({
      mean: 76.01,
      meanChange: 1.11,
      highest: { code: '20401', name: 'Bình Đào', index: 83.52 },
      lowest: { name: 'Bình An', index: 64.06 },
      highestGapToMean: 7.51,
      ratio: 1.3,
    });
    expect(json.communes[0]).toEqual({
      code: '20401',
      name: 'Bình Đào',
      type: 'xa',
      index: 83.52,
      selfIndex: 85.02,
      rank: 1,
      group: 'Nhóm 1: từ 80% trở lên',
      change: 1.51,
    });
    expect(json.communes[2]).toMatchObject({ name: 'Hà Lam', type: 'thi-tran', rank: 3 });
    expect(json.groups.map((g) => [g.label, g.members.length])).toEqual([
      ['Nhóm 1: từ 80% trở lên', 5],
      ['Nhóm 2: từ 70% đến dưới 80%', 15],
      ['Nhóm 3: từ 60% đến dưới 70%', 2],
      ['Nhóm 4: dưới 60%', 0],
    ]);
    expect(JSON.stringify(json)).toContain('"mean":76.01,"meanChange":1.11');
  });

  it('writes the paragraphs the way the seed phrases them, with the recomputed gap', () => {
    const { paragraphs, footnote } = reportParagraphs(report);
    expect(paragraphs[0]).toBe(
      'Chỉ số CCHC trung bình của các xã, thị trấn năm 2016 đạt 76,01%, tăng 1,11 điểm % so với năm 2015; ' +
        'cao nhất là xã Bình Đào (83,52%), cao hơn mức trung bình 7,51 điểm %; ' +
        'thấp nhất là xã Bình An (64,06%), thấp hơn mức trung bình 11,95 điểm %; ' +
        'chênh lệch giữa cao nhất và thấp nhất 1,30 lần.',
    );
    expect(paragraphs.slice(1, 5)).toEqual([
      'Kết quả Chỉ số CCHC năm 2016 của các xã, thị trấn chia thành 03 nhóm:',
      '- Nhóm 1: từ 80% trở lên, gồm 05 xã, thị trấn: Bình Đào, Bình Triều, Hà Lam, Bình Phú, Bình Sa;',
      '- Nhóm 2: từ 70% đến dưới 80%, gồm 15 xã: Bình Tú, Bình Trung, Bình Quý, Bình Chánh, Bình Dương, Bình Trị, Bình Minh, Bình Nguyên, Bình Giang, Bình Quế, Bình Định Nam, Bình Định Bắc, Bình Nam, Bình Hải, Bình Lãnh;',
      '- Nhóm 3: từ 60% đến dưới 70%, gồm 02 xã: Bình Phục, Bình An.',
    ]);
    expect(paragraphs).toContain('Điều tra xã hội học: thu về 440/440 phiếu (100,00%).');
    expect(paragraphs.join('\n')).not.toContain('7,44');
    expect(footnote).toMatch(/^Ghi chú: Chỉ số của từng đơn vị tính theo điểm thẩm định, lấy 2 chữ số thập phân theo quy tắc làm tròn nửa lên/u);
    expect(footnote).toContain('chỉ số trung bình năm trước lấy theo số đã công bố');
  });
});
