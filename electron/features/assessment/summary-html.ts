/**
 * The summary as one self-contained A4 HTML document (a pure function): printed to PDF by
 * Chromium through Runtime.pdf. No script, no external resource.
 */
import { formatDeduction } from '../../../shared/scoring/breakdown';
import { formatPercent, formatPoints } from '../../../shared/framework/points';
import type { SummaryData, SummaryRow } from './summary-model';
import { escapeHtml as esc } from '../../kernel/files/html';
import { pointsText } from './summary-model';

function row(r: SummaryRow): string {
  const cls = r.kind === 'item' || r.kind === 'adjustment' ? '' : ` class="${r.kind}"`;
  if (r.kind === 'adjustment-head') return `<tr class="field"><td></td><td colspan="5">${esc(r.title)}</td></tr>`;
  const note = r.note ? `<div class="note">${esc(r.note)}</div>` : '';
  return `<tr${cls}><td class="code">${esc(r.code)}</td><td>${esc(r.title)}${note}</td><td class="num">${pointsText(r.max)}</td><td class="num">${pointsText(r.points)}</td><td class="ev">${esc(r.evidence)}</td><td class="ev">${esc(r.explanation)}</td></tr>`;
}

/**
 * The place in the date line, as Nghị định 30/2020/NĐ-CP writes it: the commune's own name
 * without its kind ("Xã Bình Đào" → "Bình Đào"). The signature block is the collective's:
 * "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH".
 */
export function placeName(unitName: string): string {
  return unitName.replace(/^(xã|phường|đặc khu|thị trấn)\s+/iu, '');
}

export function summaryHtml(d: SummaryData): string {
  const index = d.indexPercent === null ? '—' : formatPercent(d.indexPercent);
  const status = d.finalised ? `Đã chốt số liệu (lần ${d.revision})` : 'Bản nháp — chưa chốt số liệu';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Bảng tổng hợp kết quả tự đánh giá ${d.year} — ${esc(d.unitName)}</title>
<style>
@page { size: A4; margin: 15mm 12mm 15mm 15mm; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 10.5pt; color: #000; margin: 0; }
.head { display: flex; justify-content: space-between; text-align: center; font-size: 11pt; }
.head div { width: 48%; }
.head .u { text-decoration: underline; }
h1 { text-align: center; font-size: 13pt; margin: 14pt 0 2pt; }
.sub { text-align: center; margin: 0 0 8pt; font-style: italic; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.6pt solid #000; padding: 2pt 3pt; vertical-align: top; }
th { background: #eee; font-weight: bold; text-align: center; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
.num { text-align: right; white-space: nowrap; width: 14mm; }
.code { white-space: nowrap; width: 10mm; }
.ev { font-size: 9pt; width: 40mm; }
td.ev + td.ev, th:nth-child(6) { width: 30mm; }
th:nth-child(5) { width: 40mm; }
.field td { font-weight: bold; background: #f3f3f3; }
.criterion td { font-weight: bold; }
.note { font-size: 8.5pt; font-style: italic; }
.totals td { font-weight: bold; }
.sign { display: flex; justify-content: space-between; margin-top: 14pt; text-align: center; page-break-inside: avoid; }
.sign div { width: 45%; }
.sign .space { height: 60pt; }
.status { font-size: 9pt; text-align: right; margin-top: 4pt; }
</style></head><body>
<div class="head"><div>ỦY BAN NHÂN DÂN<br><b>${esc(d.unitName.toUpperCase())}</b><br>Mã đơn vị: ${esc(d.unitCode)}</div>
<div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b class="u">Độc lập - Tự do - Hạnh phúc</b></div></div>
<h1>BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ<br>CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${d.year}</h1>
<p class="sub">Theo ${esc(d.frameworkTitle)} (phiên bản ${esc(d.frameworkVersion)})</p>
<table>
<thead><tr><th>Mã</th><th>Lĩnh vực, tiêu chí, tiêu chí thành phần</th><th>Điểm tối đa</th><th>Điểm tự đánh giá</th><th>Tài liệu kiểm chứng</th><th>Giải trình</th></tr></thead>
<tbody>
${d.rows.map(row).join('\n')}
</tbody>
<tbody class="totals">
<tr><td></td><td>Tổng điểm các lĩnh vực</td><td class="num">${formatPoints(d.totalMax)}</td><td class="num" data-total>${formatPoints(d.totalPoints)}</td><td colspan="2">Điểm tối đa áp dụng: ${formatPoints(d.applicableMax)}</td></tr>
<tr><td></td><td>Điểm thưởng / điểm trừ</td><td></td><td class="num">+${formatPoints(d.bonus)} / ${formatDeduction(d.penalty)}</td><td colspan="2"></td></tr>
<tr><td></td><td>Chỉ số cải cách hành chính</td><td></td><td class="num" data-index>${index}</td><td colspan="2">${esc(d.group ?? '')}${d.provisional ? ' (tạm tính: chưa đủ phiếu điều tra)' : ''}</td></tr>
<tr><td></td><td colspan="5" data-breakdown>Cách tính: ${esc(d.breakdownLine)}</td></tr>
</tbody></table>
<p class="status">${status}</p>
<div class="sign">
<div><b>NGƯỜI LẬP BIỂU</b><br><i>(Ký, ghi rõ họ tên)</i><div class="space"></div>${esc(d.officerName ?? '')}</div>
<div><i>${esc(placeName(d.unitName))}, ngày ..... tháng ..... năm ${d.year}</i><br><b>TM. ỦY BAN NHÂN DÂN</b><br><b>CHỦ TỊCH</b><br><i>(Ký tên, đóng dấu)</i><div class="space"></div></div>
</div>
</body></html>`;
}
