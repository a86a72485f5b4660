import { describe, expect, it } from 'vitest';
import { buildReport } from '../report';
import { reportParagraphs } from '../sentences';
import { handFixture, seed000, syntheticUnit } from '../test-fixtures';
import type { ReportInput } from '../types';
import { changeBars, fieldShares, niceBound, rankedBars, ROWS_PER_FIGURE, signed } from './charts';
import { reportDocument, shortLabel } from './document';
import { cssString, esc } from './html';
import { DOCUMENT_META, documentFixture } from './test-fixture';

const report = (input: ReportInput = documentFixture(), year = 2026) => buildReport(input, { year, deadline: '2026-10-05' });

/** The text of the ranking table's body rows, cell by cell. */
function rankingRows(html: string): string[][] {
  const table = html.match(/<table class="data ranking">[\s\S]*?<\/table>/u)?.[0] ?? '';
  const body = table.split('<tbody>')[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gu)].map((m) => [...(m[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/gu)].map((c) => c[1] ?? ''));
}

describe('the printed report (one self-contained HTML document)', () => {
  const html = reportDocument(report(), DOCUMENT_META);

  it('is self-contained: no script, no external resource, no URL at all', () => {
    expect(html).toMatch(/^<!doctype html>/u);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\(|\bsrc=|\bhref=|https?:|javascript:/iu);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<html lang="vi">');
  });

  it('prints on A4 portrait with the header and page numbers in the page margins', () => {
    expect(html).toContain('size: A4 portrait');
    expect(html).toContain('content: "Trang " counter(page) "/" counter(pages)');
    expect(html).toContain('@top-right { content: "Sở Nội vụ tỉnh Thử Nghiệm · Chỉ số CCHC năm 2026 · theo chỉ số thẩm định"');
    expect(html).toMatch(/font-family: "Times New Roman", "Liberation Serif"/u);
    // Rows and figures are never cut; a table's header repeats on each page.
    expect(html).toContain('table.data tr { break-inside: avoid;');
    expect(html).toContain('figure { margin: 2mm 0 4mm; break-inside: avoid;');
    expect(html).toContain('table.data thead { display: table-header-group; }');
  });

  it('states the figures in the sentences of reportParagraphs, in order, with the footnote', () => {
    const text = reportParagraphs(report());
    let at = 0;
    for (const p of text.paragraphs) {
      const found = html.indexOf(esc(p), at);
      expect(found, p).toBeGreaterThan(at);
      at = found;
    }
    expect(html).toContain(esc(text.footnote));
    expect(html).toContain('Chỉ số CCHC trung bình của các xã, phường, đặc khu năm 2026 đạt 75,32%, tăng 1,12 điểm % so với năm 2025');
    expect(html).toContain('<p class="dash">- Nhóm 2: từ 70% đến dưới 80%, gồm 02 xã: Bình An, Bình Đào;</p>');
  });

  it('has the masthead, the title with the unit types and the basis', () => {
    expect(html).toContain('<td class="unit">Sở Nội vụ tỉnh Thử Nghiệm</td>');
    expect(html).toContain('Tam Kỳ, ngày 15 tháng 12 năm 2026');
    expect(html).toContain('Kết quả Chỉ số cải cách hành chính của các xã, phường, đặc khu năm 2026');
    expect(html).toContain('Xếp hạng theo chỉ số thẩm định');
    const self = reportDocument(buildReport(documentFixture(), { year: 2026, basis: 'self', types: ['xa'] }));
    expect(self).toContain('Xếp hạng theo chỉ số tự đánh giá (chưa thẩm định); chỉ gồm: xã</p>');
    expect(self).toContain('Kết quả Chỉ số cải cách hành chính của các xã năm 2026</p>');
    expect(html).toContain('<p class="basis">Xếp hạng theo chỉ số thẩm định</p>');
    expect(self).toContain('<td class="unit"></td>');
    expect(self).not.toContain('ngày ');
  });

  it('lists the ranking: ties share a rank in Vietnamese order, no last year shown as —, the unranked last', () => {
    const rows = rankingRows(html);
    // Hạng, Mã, Tên, Loại, Thẩm định, Tự đánh giá, Nhóm, Năm 2025, Tăng/giảm
    expect(rows).toEqual([
      ['1', '30001', 'Phường Hải Châu', 'Phường', '85,40', '86,00', 'Nhóm 1', '84,00', '+1,40'],
      ['2', '30003', 'Bình An', 'Xã', '78,25', '78,25', 'Nhóm 2', '—', '—'],
      ['2', '30002', 'Bình Đào', 'Xã', '78,25', '79,00', 'Nhóm 2', '79,00', '-0,75'],
      ['4', '30004', 'Hòa Tiến', 'Xã', '69,90', '71,00', 'Nhóm 3', '69,90', '0,00'],
      ['5', '30005', 'Lý Sơn', 'Đặc khu', '64,80*', '69,00', 'Nhóm 3', '63,00', '+1,80'],
      ['—', '30006', 'Tam Hải', 'Xã', 'chưa có', '70,00', '—', '71,00', '—'],
    ]);
    expect(html).toContain('* Còn tiêu chí giữ nguyên điểm tự chấm');
  });

  it('has the key figures table with recomputed numbers', () => {
    const keys = html.match(/<table class="data keyfigures">[\s\S]*?<\/table>/u)?.[0] ?? '';
    for (const cell of ['75,32%', '74,20% (số đã công bố)', '+1,12 điểm %', 'Phường Hải Châu: 85,40%', 'Đặc khu Lý Sơn: 64,80%', '+10,08 điểm %', '-10,52 điểm %', '1,32 lần', '116/120 (96,67%)', '05/06; sau hạn 05/10/2026: 01']) {
      expect(keys).toContain(`<td>${esc(cell)}</td>`);
    }
    expect(keys).toContain('<td>Nhóm 3: từ 60% đến dưới 70%</td><td>02 xã, đặc khu</td>');
    expect(keys).toContain('<td>Nhóm 4: dưới 60%</td><td>00 đơn vị</td>');
  });

  it('tabulates the fields and the items where most points were lost', () => {
    expect(html).toContain('<td>Chính quyền điện tử, chính quyền số</td><td class="num">9,00</td><td class="num">15,00</td><td class="num">60,00%</td>');
    expect(html).toContain('<td class="c">3.1</td><td>Hồ sơ trực tuyến toàn trình</td><td class="num">30,00</td><td class="num">05/05</td>');
  });

  it('escapes every text from the data, in the body and in the page margin', () => {
    const input = documentFixture();
    const evil: ReportInput = { ...input, communes: input.communes.map((c) => (c.code === '30001' ? { ...c, name: 'A <b>"x"</b> & \'y\'' } : c)) };
    const out = reportDocument(report(evil), { unitName: 'Sở "Nội vụ" \\ </style><script>' });
    expect(out).not.toContain('<b>');
    expect(out).not.toContain('<script>');
    expect(out).toContain('A &#60;b&#62;&#34;x&#34;&#60;/b&#62; &#38; &#39;y&#39;');
    expect(out.match(/<\/style>/gu)).toHaveLength(1);
    expect(cssString('a"b\\c</style>\n')).toBe('"a\\22 b\\5c c\\3c /style\\3e \\a "');
  });

  it('still prints a report where nothing is ranked yet: the sentence says so, no chart, every commune listed', () => {
    const input = documentFixture();
    const none: ReportInput = { ...input, communes: input.communes.map((c) => ({ ...c, appraisedIndex: null })) };
    const out = reportDocument(report(none), DOCUMENT_META);
    expect(out).toContain('Năm 2026 chưa có xã, phường, đặc khu nào có chỉ số thẩm định để xếp hạng.');
    expect(out).not.toContain('<svg viewBox');
    expect(out).not.toContain('BIỂU ĐỒ');
    expect(out).not.toContain('ĐIỂM THEO LĨNH VỰC'); // the fields are over ranked communes
    expect(rankingRows(out)).toHaveLength(6);
    expect(rankingRows(out).every((r) => r[0] === '—')).toBe(true);
  });

  it('is a pure function: the same report gives the same bytes', () => {
    expect(reportDocument(report(), DOCUMENT_META)).toBe(html);
  });

  it('reproduces seed 000 in its sentences and its bar chart', () => {
    const seed = reportDocument(buildReport(seed000(), { year: 2016 }), { unitName: 'Phòng Nội vụ huyện Thăng Bình' });
    expect(seed).toContain('đạt 76,01%, tăng 1,11 điểm % so với năm 2015; cao nhất là xã Bình Đào (83,52%), cao hơn mức trung bình 7,51 điểm %');
    expect(seed).toContain('Trung bình 76,01%');
    expect(seed).toContain('Hình 1. Chỉ số CCHC năm 2016 theo thứ tự xếp hạng');
  });
});

describe('the charts (inline SVG)', () => {
  it('draws one bar per ranked commune, in rank order, coloured by group, with the mean line', () => {
    const [svg, ...more] = rankedBars(report());
    expect(more).toEqual([]);
    const bars = [...(svg ?? '').matchAll(/<rect x="215" y="[\d.]+" width="([\d.]+)" height="8" fill="(#[0-9a-f]{6})"\/>/gu)];
    // 0–100% over 385 px: 85.40% → 328.8 px; the tie draws two equal bars.
    expect(bars.map((b) => [b[1], b[2]])).toEqual([
      ['328.8', '#1b5e20'],
      ['301.3', '#1565c0'],
      ['301.3', '#1565c0'],
      ['269.1', '#ef8f00'],
      ['249.5', '#ef8f00'],
    ]);
    // The mean, 75.32%, at 215 + 385 × 0.7532 = 504.98.
    expect(svg).toContain('<line x1="505.0" y1="22"');
    expect(svg).toContain('Trung bình 75,32%');
    expect(svg).not.toContain('Tam Hải');
  });

  it('cuts long rankings into figures of at most 60 rows, the mean labelled once', () => {
    const big = buildReport(syntheticUnit(170, 3), { year: 2026 });
    const parts = rankedBars(big);
    expect(parts).toHaveLength(Math.ceil(big.ranking.rankedCount / ROWS_PER_FIGURE));
    expect(parts.map((p) => (p.match(/<rect /gu) ?? []).length).reduce((a, b) => a + b, 0)).toBe(big.ranking.rankedCount);
    expect(parts.filter((p) => p.includes('Trung bình ')).length).toBe(1);
    const doc = reportDocument(big);
    expect(doc).toContain(`(phần ${parts.length}/${parts.length})`);
  });

  it('shows each field as a share of its maximum', () => {
    const svg = fieldShares(report()) ?? '';
    expect([...svg.matchAll(/<text [^>]*>([^<]*%)<\/text>/gu)].map((m) => m[1]).filter((t) => t?.includes(','))).toEqual(['87,00%', '83,50%', '60,00%']);
    expect(fieldShares(buildReport(seed000(), { year: 2016 }))).toBeNull();
  });

  it('shows the change from last year only for communes that have one, on a round scale', () => {
    const [svg] = changeBars(report());
    const values = [...(svg ?? '').matchAll(/text-anchor="end" font-size="9">([+-]?\d+,\d\d)<\/text>/gu)].map((m) => m[1]);
    expect(values).toEqual(['+1,40', '-0,75', '0,00', '+1,80']);
    expect(svg).toContain('fill="#c62828"'); // the fall
    expect(svg).toContain('>+2,00</text>'); // the axis bound for a largest change of 1.80
    const none = handFixture();
    expect(changeBars(buildReport({ ...none, lastYear: null }, { year: 2026 }))).toEqual([]);
    expect(reportDocument(buildReport({ ...none, lastYear: null }, { year: 2026 }))).not.toContain('Tăng, giảm chỉ số so với năm');
  });

  it('rounds the change axis up to 1, 2, 5 × 10ⁿ points and signs numbers as the tables do', () => {
    expect([1, 100, 101, 180, 201, 500, 501, 1999, 2001].map(niceBound)).toEqual([100, 100, 200, 200, 500, 500, 1000, 2000, 5000]);
    expect([signed(151), signed(-75), signed(0)]).toEqual(['+1,51', '-0,75', '0,00']);
    expect([shortLabel('Nhóm 1: từ 80% trở lên'), shortLabel('Xuất sắc'), shortLabel(': x')]).toEqual(['Nhóm 1', 'Xuất sắc', ': x']);
  });
});
