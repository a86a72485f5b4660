/**
 * The report as an xlsx workbook: "Xếp hạng" (the ranking), "Lĩnh vực" (per field), "Tiêu chí"
 * (the item matrix: one row per commune, one column per item, points on the report's basis) and
 * "Tổng hợp" (the unit's figures). Real numbers with number formats, Vietnamese headers, the
 * header row frozen and repeated on every printed page.
 */
import ExcelJS from 'exceljs';
import type { Report } from '../../../shared/report/report';
import type { ReportData } from './report-data';
import { hundredths, RANKING_HEADERS, rankingCells, rankingRows } from './report-table';

const PCT = '0.00';
const PTS = '#,##0.00';
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

function sheet(wb: ExcelJS.Workbook, name: string, headers: readonly string[], widths: readonly number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.columns = widths.map((width) => ({ width }));
  const header = ws.addRow([...headers]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((c) => {
    c.border = BORDER;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };
  });
  return ws;
}

function formats(ws: ExcelJS.Worksheet, columns: Record<number, string>): void {
  for (const [col, fmt] of Object.entries(columns)) ws.getColumn(Number(col)).numFmt = fmt;
  ws.getRow(1).eachCell((c) => {
    c.numFmt = '@';
  });
}

export async function reportXlsx(report: Report, data: ReportData): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chỉ số CCHC';
  const basisWord = report.ranking.options.basis === 'self' ? 'tự đánh giá' : 'thẩm định';

  const ranking = sheet(wb, 'Xếp hạng', RANKING_HEADERS, [9, 8, 28, 10, 14, 14, 14, 30, 14, 13]);
  for (const r of rankingRows(report)) ranking.addRow(rankingCells(r));
  formats(ranking, { 5: PCT, 6: PCT, 9: PCT, 10: '+0.00;-0.00;0.00' });

  const fields = sheet(wb, 'Lĩnh vực', ['Mã', 'Lĩnh vực', 'Số đơn vị', 'Điểm bình quân', 'Điểm tối đa bình quân', 'Tỷ lệ đạt (%)'], [7, 50, 10, 14, 14, 12]);
  for (const f of report.figures.fields) fields.addRow([f.code, f.title ?? '', f.communes, hundredths(f.averagePoints), hundredths(f.averageMax), hundredths(f.share)]);
  formats(fields, { 4: PTS, 5: PTS, 6: PCT });

  const ranked = report.ranking.communes;
  const codes = [...new Set(ranked.flatMap((c) => (c.row.items ?? []).map((i) => i.code)))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const maxOf = new Map<string, number>();
  for (const c of ranked) for (const i of c.row.items ?? []) if (!maxOf.has(i.code)) maxOf.set(i.code, i.max);
  const titles = data.input.itemTitles ?? {};
  const matrix = sheet(
    wb,
    'Tiêu chí',
    ['Thứ hạng', 'Mã', 'Tên đơn vị', ...codes.map((c) => `${c} (tối đa ${((maxOf.get(c) ?? 0) / 100).toFixed(2).replace('.', ',')})`)],
    [9, 8, 28, ...codes.map(() => 11)],
  );
  for (const c of ranked) {
    const points = new Map((c.row.items ?? []).map((i) => [i.code, i.points]));
    matrix.addRow([c.rank, c.code, c.name, ...codes.map((code) => hundredths(points.get(code) ?? null))]);
  }
  const matrixFormats: Record<number, string> = {};
  codes.forEach((_, i) => (matrixFormats[4 + i] = PTS));
  formats(matrix, matrixFormats);
  codes.forEach((code, i) => {
    const title = titles[code];
    if (title) matrix.getRow(1).getCell(4 + i).note = title;
  });

  const f = report.figures;
  const summary = sheet(wb, 'Tổng hợp', ['Chỉ tiêu', 'Giá trị', 'Ghi chú'], [44, 16, 50]);
  const row = (label: string, value: number | string | null, note = '', fmt?: string): void => {
    const r = summary.addRow([label, value, note]);
    if (fmt) r.getCell(2).numFmt = fmt;
  };
  row('Năm', data.year, `Chỉ số ${basisWord}`);
  row('Số đơn vị được xếp hạng', f.communes);
  row('Chỉ số trung bình (%)', hundredths(f.mean), '', PCT);
  row(`Chỉ số trung bình năm ${f.lastYear ?? 'trước'} (%)`, hundredths(f.lastYearMean), f.lastYearMeanSource === 'published' ? 'theo số đã công bố' : f.lastYearMeanSource === 'computed' ? 'tính từ chỉ số từng đơn vị' : 'không có số liệu', PCT);
  row('Tăng, giảm so với năm trước (điểm %)', hundredths(f.meanChange), '', '+0.00;-0.00;0.00');
  row('Cao nhất (%)', hundredths(f.highest?.index ?? null), f.highest ? `${f.highest.name} (${f.highest.code})` : '', PCT);
  row('Thấp nhất (%)', hundredths(f.lowest?.index ?? null), f.lowest ? `${f.lowest.name} (${f.lowest.code})` : '', PCT);
  row('Cao nhất cao hơn trung bình (điểm %)', hundredths(f.highestGapToMean), '', PCT);
  row('Thấp nhất thấp hơn trung bình (điểm %)', hundredths(f.lowestGapToMean), '', PCT);
  row('Cao nhất / thấp nhất (lần)', hundredths(f.ratio), '', PCT);
  for (const g of f.groups) row(g.label, g.members.length, 'số đơn vị');
  if (f.survey) row('Điểm điều tra xã hội học bình quân', hundredths(f.survey.averagePoints), `trên tối đa ${((f.survey.averageMax) / 100).toFixed(2).replace('.', ',')}`, PTS);
  if (f.forms) row('Phiếu điều tra đã thu / chỉ tiêu', f.forms.collected, `chỉ tiêu ${f.forms.target}; ${f.forms.belowTarget.length} đơn vị chưa đủ`);
  if (f.submissions) row('Đơn vị nộp trễ hạn', f.submissions.late.length, f.submissions.deadline ? `hạn ${f.submissions.deadline}; chưa nộp: ${f.submissions.notReceived.length}` : 'chưa đặt hạn nộp');
  row('Đơn vị còn tiêu chí giữ điểm tự chấm', f.pendingAppraisal.communes.length, `${f.pendingAppraisal.items} tiêu chí chưa được thẩm định lại`);

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
