/**
 * The reviewing unit's published report as ONE self-contained HTML document, A4 portrait, in
 * Vietnamese: the seeds' sentences (reportParagraphs), the key figures and the ranking as tables,
 * the charts as inline SVG, the rounding footnote. No script, no external resource (the charts are
 * inline, the fonts the system's: Times New Roman on Windows, its metric twin Liberation Serif or
 * DejaVu Serif on Linux, each with every Vietnamese glyph). Chromium's print engine (Electron's
 * printToPDF, or headless Chromium for the command line) turns it into the PDF: the page margins
 * carry a running header (unit, year, basis) and "Trang n/N"; table rows and figures are never cut
 * across pages and a table's header row repeats on every page it spans.
 *
 *   reportDocument(buildReport(input, { year: 2026 }), { unitName: 'Sở Nội vụ tỉnh Quảng Nam' })
 *
 * Pure: the same report and meta always give the same bytes (no clock: the date is passed in).
 */
import { viCount, viDate, viHundredths, viPercent } from '../format';
import { namedUnit, reportParagraphs, unitNoun } from '../sentences';
import type { Figures, RankedCommune, Report } from '../types';
import { changeBars, fieldShares, rankedBars, signed } from './charts';
import { cssString, esc, groupColour, TYPE_LABEL } from './html';

export interface DocumentMeta {
  /** The reviewing unit, as set up ("Sở Nội vụ tỉnh Quảng Nam"); printed at the top left. */
  unitName?: string | null;
  /** The report's date, 'YYYY-MM-DD' ("…, ngày 05 tháng 12 năm 2026"); left out when absent. */
  date?: string | null;
  /** Place name before the date ("Tam Kỳ"). */
  place?: string | null;
}

const STYLE = `
@page { size: A4 portrait; margin: 20mm 15mm 18mm 25mm;
  @bottom-center { content: "Trang " counter(page) "/" counter(pages); font: 9pt "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; color: #444; } }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { font-family: "Times New Roman", "Liberation Serif", Tinos, "Noto Serif", "DejaVu Serif", serif; font-size: 12pt; line-height: 1.35; color: #000; }
body { margin: 0; }
.masthead { width: 100%; border-collapse: collapse; margin-bottom: 6mm; }
.masthead td { vertical-align: top; text-align: center; padding: 0; border: none; font-size: 11pt; }
.masthead .unit { font-weight: bold; text-transform: uppercase; width: 42%; }
.masthead .nation { font-weight: bold; }
.masthead .motto { font-weight: bold; text-decoration: underline; }
.masthead .date { font-style: italic; padding-top: 3mm; }
h1 { font-size: 14pt; text-align: center; margin: 4mm 0 1mm; text-transform: uppercase; }
.subtitle { text-align: center; font-weight: bold; margin: 0 0 1mm; }
.basis { text-align: center; font-style: italic; margin: 0 0 5mm; }
h2 { font-size: 12.5pt; margin: 2mm 0 2mm; padding-top: 3mm; line-height: 1.6; break-after: avoid; page-break-after: avoid; }
h1, .subtitle, .masthead td { line-height: 1.5; }
p { margin: 0 0 2mm; text-align: justify; text-indent: 10mm; orphans: 3; widows: 3; }
p.dash { text-indent: 0; padding-left: 10mm; }
p.note { text-indent: 0; font-size: 10pt; font-style: italic; }
table.data { width: 100%; border-collapse: collapse; font-size: 9.5pt; margin: 1mm 0 3mm; }
table.data th, table.data td { border: 0.6pt solid #555; padding: 0.6mm 1.2mm; vertical-align: top; }
table.data th { background: #eceff1; font-weight: bold; text-align: center; }
table.data thead { display: table-header-group; }
table.data tr { break-inside: avoid; page-break-inside: avoid; }
th.name { width: 26%; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.c { text-align: center; white-space: nowrap; }
tr.unranked td { color: #555; font-style: italic; }
figure { margin: 2mm 0 4mm; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 10pt; font-style: italic; text-align: center; margin-top: 1mm; }
svg { display: block; font-family: inherit; }
.legend { font-size: 9.5pt; margin: 0 0 1mm; text-align: center; }
.legend span { margin: 0 2.5mm; white-space: nowrap; }
.legend svg { display: inline; vertical-align: -1px; }
.footnote { break-inside: avoid; page-break-inside: avoid; margin-top: 5mm; border-top: 0.6pt solid #777; padding-top: 2mm; font-size: 9.5pt; font-style: italic; text-indent: 0; }
`;

const BASIS_TEXT = { appraised: 'theo chỉ số thẩm định', self: 'theo chỉ số tự đánh giá (chưa thẩm định)' } as const;

/** "…, ngày 05 tháng 12 năm 2026", as a Vietnamese document dates itself. */
function dateLine(meta: DocumentMeta): string | null {
  if (!meta.date || !/^\d{4}-\d{2}-\d{2}$/u.test(meta.date)) return null;
  const [y, m, d] = meta.date.split('-');
  return `${meta.place ? `${meta.place}, ` : ''}ngày ${d} tháng ${m} năm ${y}`;
}

function masthead(meta: DocumentMeta): string {
  const date = dateLine(meta);
  return `<table class="masthead"><tr><td class="unit">${esc(meta.unitName ?? '')}</td><td><div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto">Độc lập - Tự do - Hạnh phúc</div>${date ? `<div class="date">${esc(date)}</div>` : ''}</td></tr></table>`;
}

function row(cells: string[]): string {
  return `<tr>${cells.join('')}</tr>`;
}

const td = (text: string, cls = ''): string => `<td${cls ? ` class="${cls}"` : ''}>${esc(text)}</td>`;

/** "đặc khu Lý Sơn" → "Đặc khu Lý Sơn" at the start of a table cell. */
function capital(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

function keyFigures(report: Report, nouns: string): string {
  const f = report.figures;
  const typeOf = new Map(report.ranking.communes.map((c) => [c.code, c.type]));
  const rows: [string, string][] = [[`Số ${nouns} được xếp hạng`, viCount(f.communes)]];
  if (f.mean !== null) rows.push(['Chỉ số trung bình', viPercent(f.mean)]);
  if (f.lastYear !== null && f.lastYearMean !== null) {
    rows.push([`Chỉ số trung bình năm ${f.lastYear}`, `${viPercent(f.lastYearMean)} (${f.lastYearMeanSource === 'published' ? 'số đã công bố' : 'tính lại'})`]);
  }
  if (f.meanChange !== null) rows.push(['Tăng, giảm so với năm trước', `${signed(f.meanChange)} điểm %`]);
  if (f.highest) rows.push(['Cao nhất', `${capital(f.highest.tied.map(namedUnit).join(', '))}: ${viPercent(f.highest.index)}`]);
  if (f.lowest) rows.push(['Thấp nhất', `${capital(f.lowest.tied.map(namedUnit).join(', '))}: ${viPercent(f.lowest.index)}`]);
  if (f.highestGapToMean !== null) rows.push(['Cao nhất so với trung bình', `${signed(f.highestGapToMean)} điểm %`]);
  if (f.lowestGapToMean !== null) rows.push(['Thấp nhất so với trung bình', `${signed(-f.lowestGapToMean)} điểm %`]);
  if (f.ratio !== null) rows.push(['Cao nhất / thấp nhất', `${viHundredths(f.ratio)} lần`]);
  if (f.lastYear !== null && f.communes > 0) {
    const c = f.changes;
    rows.push([`So với năm ${f.lastYear}`, `tăng ${viCount(c.up)}, giảm ${viCount(c.down)}, giữ nguyên ${viCount(c.same)}, chưa có số năm trước ${viCount(c.unknown)}`]);
  }
  for (const g of f.groups) rows.push([g.label, `${viCount(g.members.length)} ${g.members.length > 0 ? unitNoun(g.members.map((c) => typeOf.get(c) ?? 'xa')) : 'đơn vị'}`]);
  if (f.forms) rows.push(['Phiếu điều tra thu về / chỉ tiêu', `${viCount(f.forms.collected)}/${viCount(f.forms.target)}${f.forms.share === null ? '' : ` (${viPercent(f.forms.share)})`}`]);
  if (f.survey) rows.push(['Điểm điều tra xã hội học bình quân', `${viHundredths(f.survey.averagePoints)}/${viHundredths(f.survey.averageMax)} điểm${f.survey.share === null ? '' : ` (${viPercent(f.survey.share)})`}`]);
  if (f.submissions) {
    const s = f.submissions;
    rows.push(['Hồ sơ đã nhận', `${viCount(s.received)}/${viCount(s.tracked)}${s.deadline ? `; sau hạn ${viDate(s.deadline)}: ${viCount(s.late.length)}` : ''}`]);
  }
  return `<table class="data keyfigures"><thead><tr><th style="width:45%">Nội dung</th><th>Kết quả</th></tr></thead><tbody>${rows.map(([k, v]) => row([td(k), td(v)])).join('')}</tbody></table>`;
}

/** "Nhóm 1: từ 80% trở lên" → "Nhóm 1" in the ranking table (the full labels are in the key figures). */
export function shortLabel(label: string): string {
  const head = label.split(':')[0]?.trim() ?? '';
  return head.length > 0 && head.length < label.length ? head : label;
}

function rankingTable(report: Report): string {
  const { ranking, figures: f } = report;
  const basis = ranking.options.basis;
  const types = new Set(ranking.communes.map((c) => c.type));
  const showType = types.size > 1;
  const hasLast = f.lastYear !== null;
  const other = basis === 'appraised' ? 'Tự đánh giá (%)' : 'Thẩm định (%)';
  const head = [
    'Hạng',
    'Mã',
    'Tên đơn vị',
    ...(showType ? ['Loại'] : []),
    `Chỉ số ${basis === 'appraised' ? 'thẩm định' : 'tự đánh giá'} (%)`,
    other,
    'Nhóm',
    ...(hasLast ? [`Năm ${f.lastYear} (%)`, 'Tăng, giảm (điểm %)'] : []),
  ];
  let starred = false;
  const body = ranking.communes.map((c: RankedCommune) => {
    const pending = basis === 'appraised' && (c.itemsAtSelfScore ?? 0) > 0;
    starred ||= pending;
    const otherIndex = basis === 'appraised' ? c.selfIndex : c.appraisedIndex;
    const cells = [
      td(c.rank === null ? '—' : String(c.rank), 'c'),
      td(c.code, 'c'),
      td(c.name),
      ...(showType ? [td(TYPE_LABEL[c.type])] : []),
      td(c.index === null ? 'chưa có' : `${viHundredths(c.index)}${pending ? '*' : ''}`, 'num'),
      td(otherIndex === null ? '—' : viHundredths(otherIndex), 'num'),
      td(c.group ? shortLabel(c.group.label) : '—', 'c'),
      ...(hasLast ? [td(c.lastYear?.index == null ? '—' : viHundredths(c.lastYear.index), 'num'), td(c.change === null ? '—' : signed(c.change), 'num')] : []),
    ];
    return `<tr${c.rank === null ? ' class="unranked"' : ''}>${cells.join('')}</tr>`;
  });
  const note = starred ? '<p class="note">* Còn tiêu chí giữ nguyên điểm tự chấm, chưa được thẩm định lại.</p>' : '';
  return `<table class="data ranking"><thead><tr>${head.map((h, i) => `<th${i === 2 ? ' class="name"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>${note}`;
}

function fieldsTable(f: Figures): string {
  if (f.fields.length === 0) return '';
  const body = f.fields.map((x) => row([td(x.code, 'c'), td(x.title ?? `Lĩnh vực ${x.code}`), td(viHundredths(x.averagePoints), 'num'), td(viHundredths(x.averageMax), 'num'), td(x.share === null ? '—' : viPercent(x.share), 'num')]));
  return `<table class="data fields"><thead><tr><th>TT</th><th>Lĩnh vực</th><th>Điểm bình quân</th><th>Điểm tối đa</th><th>Tỷ lệ</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function lostTable(f: Figures, nouns: string): string {
  if (f.lostItems.length === 0) return '';
  const body = f.lostItems.map((i) => row([td(i.code, 'c'), td(i.title ?? ''), td(viHundredths(i.lost), 'num'), td(`${viCount(i.communesLosing)}/${viCount(i.communes)}`, 'num')]));
  return `<table class="data lost"><thead><tr><th>Mã</th><th>Nội dung</th><th>Tổng điểm bị trừ</th><th>Số ${esc(nouns)} bị trừ</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function legend(report: Report): string {
  const used = report.figures.groups.map((g, i) => ({ g, i })).filter(({ g }) => g.members.length > 0);
  const items = used.map(({ g, i }) => `<span><svg width="10" height="10" viewBox="0 0 10 10"><rect width="10" height="10" fill="${groupColour(i)}"/></svg> ${esc(g.label)}</span>`);
  return `<div class="legend">${items.join('')}<span><svg width="16" height="10" viewBox="0 0 16 10"><line x1="0" y1="5" x2="16" y2="5" stroke="#000" stroke-dasharray="4 2"/></svg> Trung bình</span></div>`;
}

function figures(report: Report): string {
  const out: string[] = [];
  let n = 0;
  const bars = rankedBars(report);
  bars.forEach((svg, i) => {
    n += i === 0 ? 1 : 0;
    const part = bars.length > 1 ? ` (phần ${i + 1}/${bars.length})` : '';
    out.push(`<figure>${i === 0 ? legend(report) : ''}${svg}<figcaption>Hình ${n}. Chỉ số CCHC năm ${report.ranking.options.year} theo thứ tự xếp hạng, màu theo nhóm${part}</figcaption></figure>`);
  });
  const fields = fieldShares(report);
  if (fields) out.push(`<figure>${fields}<figcaption>Hình ${++n}. Điểm bình quân theo lĩnh vực, tính theo tỷ lệ so với điểm tối đa</figcaption></figure>`);
  const change = changeBars(report);
  if (change.length > 0) n += 1;
  change.forEach((svg, i) => {
    const part = change.length > 1 ? ` (phần ${i + 1}/${change.length})` : '';
    out.push(`<figure>${svg}<figcaption>Hình ${n}. Tăng, giảm chỉ số so với năm ${report.figures.lastYear ?? ''} (điểm %)${part}</figcaption></figure>`);
  });
  return out.join('');
}

/** The whole report as one HTML document (UTF-8), to print on A4. */
export function reportDocument(report: Report, meta: DocumentMeta = {}): string {
  const { ranking, figures: f } = report;
  const { year, basis, types } = ranking.options;
  const nouns = unitNoun(ranking.communes.map((c) => c.type));
  const text = reportParagraphs(report);
  const running = [meta.unitName, `Chỉ số CCHC năm ${year}`, BASIS_TEXT[basis]].filter(Boolean).join(' · ');
  // A type filter is said in the basis line: the province has other kinds of units the report leaves out.
  const scope = types ? `; chỉ gồm: ${unitNoun(types)}` : '';
  const style = `${STYLE}@page { @top-right { content: ${cssString(running)}; font: italic 8.5pt "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; color: #444; } }\n@page :first { @top-right { content: none; } }`;
  const paragraphs = text.paragraphs.map((p) => (p.startsWith('- ') ? `<p class="dash">${esc(p)}</p>` : `<p>${esc(p)}</p>`));
  const sections = [
    `<h2>I. KẾT QUẢ CHUNG</h2>${paragraphs.join('')}`,
    `<h2>II. CÁC SỐ LIỆU CHÍNH</h2>${keyFigures(report, nouns)}`,
    `<h2>III. KẾT QUẢ XẾP HẠNG</h2>${rankingTable(report)}`,
  ];
  const charts = figures(report);
  if (charts) sections.push(`<h2>IV. BIỂU ĐỒ</h2>${charts}`);
  const byField = fieldsTable(f);
  const lost = lostTable(f, nouns);
  if (byField || lost) sections.push(`<h2>${charts ? 'V' : 'IV'}. ĐIỂM THEO LĨNH VỰC VÀ NỘI DUNG BỊ TRỪ ĐIỂM</h2>${byField}${lost}`);
  return [
    '<!doctype html>',
    '<html lang="vi"><head><meta charset="utf-8">',
    `<title>${esc(`Báo cáo Chỉ số CCHC năm ${year}${meta.unitName ? ` - ${meta.unitName}` : ''}`)}</title>`,
    `<style>${style}</style></head><body>`,
    masthead(meta),
    '<h1>Báo cáo</h1>',
    `<p class="subtitle">Kết quả Chỉ số cải cách hành chính của các ${esc(nouns)} năm ${year}</p>`,
    `<p class="basis">Xếp hạng ${esc(BASIS_TEXT[basis])}${esc(scope)}</p>`,
    ...sections,
    `<p class="footnote">${esc(text.footnote)}</p>`,
    '</body></html>',
  ].join('\n');
}
