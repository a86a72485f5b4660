import { describe, expect, it } from 'vitest';
import { viCount, viDate, viHundredths, viPercent } from './format';
import { buildReport } from './report';
import { listAnd, namedUnit, reportParagraphs, unitNoun } from './sentences';
import { handFixture, SEED_BANDS } from './test-fixtures';
import type { CommuneRow, ReportInput } from './types';

describe('vi-VN formatting', () => {
  it('writes comma decimals, dot thousands, two-digit counts and dd/mm/yyyy', () => {
    expect([viHundredths(7601), viHundredths(123456), viHundredths(-111), viHundredths(5)]).toEqual(['76,01', '1.234,56', '-1,11', '0,05']);
    expect(viPercent(10000)).toBe('100,00%');
    expect([viCount(3), viCount(15), viCount(3321)]).toEqual(['03', '15', '3.321']);
    expect(viDate('2026-10-05')).toBe('05/10/2026');
  });

  it('names units by kind', () => {
    expect(unitNoun(['thi-tran', 'xa', 'xa'])).toBe('xã, thị trấn');
    expect(unitNoun(['dac-khu', 'phuong', 'xa'])).toBe('xã, phường, đặc khu');
    expect(namedUnit({ name: 'Bình Đào', type: 'xa' })).toBe('xã Bình Đào');
    expect(namedUnit({ name: 'Phường 1', type: 'phuong' })).toBe('Phường 1');
    expect(namedUnit({ name: 'Côn Đảo', type: 'dac-khu' })).toBe('đặc khu Côn Đảo');
    expect(listAnd(['A', 'B', 'C'])).toBe('A, B và C');
  });
});

describe('reportParagraphs on the hand fixture', () => {
  it('names the mean’s rise, ties at the top, the unranked commune and the footnote', () => {
    const { paragraphs, footnote } = reportParagraphs(buildReport(handFixture(), { year: 2026 }));
    expect(paragraphs[0]).toBe(
      'Chỉ số CCHC trung bình của các xã, phường, đặc khu năm 2026 đạt 74,00%, tăng 1,50 điểm % so với năm 2025; ' +
        'cao nhất là xã Bình Dương (82,50%), cao hơn mức trung bình 8,50 điểm %; ' +
        'thấp nhất là đặc khu Côn Đảo (59,99%), thấp hơn mức trung bình 14,01 điểm %; ' +
        'chênh lệch giữa cao nhất và thấp nhất 1,38 lần.',
    );
    expect(paragraphs[1]).toBe('Kết quả Chỉ số CCHC năm 2026 của các xã, phường, đặc khu chia thành 04 nhóm:');
    expect(paragraphs[2]).toBe('- Nhóm 1: từ 80% trở lên, gồm 04 xã, phường: Bình Dương, Bình An, Bình Đào, Bình Minh;');
    expect(paragraphs[5]).toBe('- Nhóm 4: dưới 60%, gồm 01 đặc khu: Côn Đảo.');
    expect(paragraphs[6]).toBe('01 xã chưa có chỉ số thẩm định nên chưa xếp hạng: An Phú.');
    expect(footnote).toContain('nhóm xếp theo chỉ số đã làm tròn');
  });

  it('says a fall, a truncation rule, exact groups and the self basis', () => {
    const input = handFixture({ exact: true });
    const fall: ReportInput = { ...input, lastYear: { year: 2025, rows: [], publishedMean: 7512 } };
    const text = reportParagraphs(buildReport(fall, { year: 2026, groupOn: 'exact' }));
    expect(text.paragraphs[0]).toContain('đạt 74,00%, giảm 1,12 điểm % so với năm 2025;');
    expect(text.footnote).toContain('nhóm xếp theo chỉ số chưa làm tròn');
    const self = reportParagraphs(buildReport(handFixture(), { year: 2026, basis: 'self', rounding: 'truncate' }));
    expect(self.paragraphs[0]).toMatch(/^Chỉ số CCHC tự đánh giá trung bình của các xã, phường, đặc khu năm 2026 đạt /u);
    expect(self.footnote).toContain('theo điểm tự đánh giá (chưa thẩm định)');
    expect(self.footnote).toContain('bỏ các chữ số sau chữ số thập phân thứ hai');
    expect(self.paragraphs.join(' ')).not.toContain('chưa xếp hạng');
  });

  it('names every commune tied at the top, and says when the mean did not move', () => {
    const row = (code: string, name: string, index: number): CommuneRow => ({ code, name, type: 'xa', appraisedIndex: index, selfIndex: index });
    const input: ReportInput = {
      bands: SEED_BANDS,
      communes: [row('1', 'Bình Đào', 9000), row('2', 'Bình Dương', 9000), row('3', 'An Hòa', 7500)],
      lastYear: { year: 2025, rows: [], publishedMean: 8500 },
    };
    const [first] = reportParagraphs(buildReport(input, { year: 2026 })).paragraphs;
    expect(first).toBe(
      'Chỉ số CCHC trung bình của các xã năm 2026 đạt 85,00%, bằng năm 2025; cao nhất là xã Bình Dương và xã Bình Đào (90,00%), cao hơn mức trung bình 5,00 điểm %; ' +
        'thấp nhất là xã An Hòa (75,00%), thấp hơn mức trung bình 10,00 điểm %; chênh lệch giữa cao nhất và thấp nhất 1,20 lần.',
    );
  });

  it('says so when nothing can be ranked, or a single commune is', () => {
    const input = handFixture();
    const one = { ...input, lastYear: null, communes: input.communes.filter((c) => c.code === '00105') };
    expect(reportParagraphs(buildReport(one, { year: 2026 })).paragraphs[0]).toBe(
      'Chỉ số CCHC trung bình của các xã năm 2026 đạt 70,00% (chỉ có xã Tân Hòa được xếp hạng).',
    );
    const none = { ...input, communes: input.communes.filter((c) => c.code === '00107') };
    expect(reportParagraphs(buildReport(none, { year: 2026 })).paragraphs[0]).toBe('Năm 2026 chưa có xã nào có chỉ số thẩm định để xếp hạng.');
  });

  it('writes the survey, field, lost-points, receipt and pending-appraisal paragraphs', () => {
    const row = (code: string, name: string, index: number | null, extra: Partial<CommuneRow>): CommuneRow => ({ code, name, type: 'xa', appraisedIndex: index, selfIndex: index, ...extra });
    const input: ReportInput = {
      bands: SEED_BANDS,
      fieldTitles: { '3': 'Cải cách thủ tục hành chính' },
      itemTitles: { '3.3': 'Tỷ lệ hồ sơ giải quyết đúng hạn' },
      communes: [
        row('1', 'Bình Minh', 8000, {
          fields: [{ code: '3', points: 1200, max: 1600 }],
          items: [{ code: '3.3', points: 200, max: 400 }],
          survey: { points: 2049, max: 2450 },
          forms: { collected: 20, target: 20 },
          receivedOn: '2026-10-07',
          itemsAtSelfScore: 2,
        }),
        row('2', 'Bình An', null, { forms: { collected: 12, target: 20 }, receivedOn: null }),
      ],
    };
    const { paragraphs } = reportParagraphs(buildReport(input, { year: 2026, deadline: '2026-10-05' }));
    expect(paragraphs).toEqual([
      'Chỉ số CCHC trung bình của các xã năm 2026 đạt 80,00% (chỉ có xã Bình Minh được xếp hạng).',
      'Kết quả Chỉ số CCHC năm 2026 của các xã chia thành 01 nhóm:',
      '- Nhóm 1: từ 80% trở lên, gồm 01 xã: Bình Minh.',
      '01 xã chưa có chỉ số thẩm định nên chưa xếp hạng: Bình An.',
      'Còn 02 tiêu chí của 01 đơn vị giữ nguyên điểm tự chấm, chưa được thẩm định lại: Bình Minh.',
      'Điều tra xã hội học: thu về 32/40 phiếu (80,00%), chưa đủ phiếu: Bình An; điểm điều tra bình quân 20,49/24,50 điểm (đạt 83,63% số điểm tối đa).',
      'Điểm bình quân theo lĩnh vực: Cải cách thủ tục hành chính 12,00/16,00 điểm (75,00%).',
      'Các nội dung bị trừ nhiều điểm nhất: 3.3 Tỷ lệ hồ sơ giải quyết đúng hạn (bị trừ tổng cộng 2,00 điểm, 01/01 xã).',
      'Đã nhận hồ sơ của 01/02 đơn vị; gửi sau hạn 05/10/2026: Bình Minh; chưa gửi: Bình An.',
    ]);
  });
});
