/** The summary as an xlsx: real numbers (points, not text) with a 2-decimal format, A4 print setup. */
import { placeName } from './summary-html';
import ExcelJS from 'exceljs';
import type { SummaryData } from './summary-model';

const NUM = '#,##0.00';
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

export async function summaryXlsx(d: SummaryData): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chỉ số CCHC';
  const ws = wb.addWorksheet('Tự đánh giá', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:5' },
  });
  ws.columns = [{ width: 8 }, { width: 60 }, { width: 11 }, { width: 12 }, { width: 40 }, { width: 36 }];
  ws.addRow([`ỦY BAN NHÂN DÂN ${d.unitName.toUpperCase()} (mã ${d.unitCode})`]);
  ws.addRow([`BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${d.year}`]);
  ws.addRow([`Theo ${d.frameworkTitle} (phiên bản ${d.frameworkVersion})`]);
  ws.addRow([d.finalised ? `Đã chốt số liệu (lần ${d.revision})` : 'Bản nháp — chưa chốt số liệu']);
  for (const r of [1, 2, 3, 4]) ws.mergeCells(r, 1, r, 6);
  ws.getRow(2).font = { bold: true, size: 13 };
  ws.getRow(1).font = { bold: true };
  const header = ws.addRow(['Mã', 'Lĩnh vực, tiêu chí, tiêu chí thành phần', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng', 'Giải trình']);
  header.font = { bold: true };
  const num = (v: number | null): number | null => (v === null ? null : v / 100);
  const style = (row: ExcelJS.Row, bold: boolean): void => {
    row.eachCell({ includeEmpty: true }, (c, col) => {
      if (col > 6) return;
      c.border = BORDER;
      c.alignment = { vertical: 'top', wrapText: true, ...(col === 3 || col === 4 ? { horizontal: 'right' } : {}) };
      if (col === 3 || col === 4) c.numFmt = NUM;
    });
    if (bold) row.font = { bold: true };
  };
  style(header, true);
  for (const r of d.rows) {
    const title = r.note ? `${r.title} (${r.note})` : r.title;
    const row = ws.addRow([r.code, title, num(r.max), num(r.points), r.evidence, r.explanation]);
    style(row, r.kind !== 'item' && r.kind !== 'adjustment');
  }
  const total = ws.addRow(['', 'Tổng điểm các lĩnh vực', num(d.totalMax), num(d.totalPoints), `Điểm tối đa áp dụng: ${(d.applicableMax / 100).toFixed(2).replace('.', ',')}`, '']);
  style(total, true);
  const adj = ws.addRow(['', 'Điểm thưởng (+) / điểm trừ (−)', null, num(d.bonus - d.penalty), '', '']);
  style(adj, true);
  const idx = ws.addRow(['', 'Chỉ số cải cách hành chính (%)', null, d.indexPercent === null ? null : d.indexPercent / 100, `${d.group ?? ''}${d.provisional ? ' (tạm tính: chưa đủ phiếu điều tra)' : ''}`, '']);
  style(idx, true);
  ws.addRow(['', `Cách tính: ${d.breakdownLine}`, null, null, '', '']);
  ws.addRow([]);
  const sign = ws.addRow(['', 'NGƯỜI LẬP BIỂU', '', '', `${placeName(d.unitName)}, ngày ..... tháng ..... năm ${d.year}`]);
  sign.font = { bold: true };
  ws.addRow(['', '(Ký, ghi rõ họ tên)', '', '', 'TM. ỦY BAN NHÂN DÂN']);
  ws.addRow(['', '', '', '', 'CHỦ TỊCH (Ký tên, đóng dấu)']);
  ws.addRow([]);
  ws.addRow([]);
  ws.addRow(['', d.officerName ?? '']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
