/**
 * The framework workbook (docs/framework-spreadsheet.md) through exceljs: rows of plain cells in
 * and out; the layout and its meaning live in shared/framework/sheet. The template the app
 * writes is a framework written out whole (the sample, or any framework), so reading it back
 * gives the same framework and the same SHA-256.
 */
import { loadUserWorkbook } from '../../kernel/files/workbook';
import ExcelJS from 'exceljs';
import type { Framework } from '../../../shared/framework/schema';
import type { CellValue, SheetData } from '../../../shared/framework/sheet/layout';
import { COLUMNS, SHEET } from '../../../shared/framework/sheet/layout';
import { frameworkToSheets } from '../../../shared/framework/sheet/write';
import { writeFileAtomic } from '../../kernel/files/atomic-write';

/** Columns typed as text in the template, so Excel keeps "1.10" and "01" as typed. */
const TEXT_COLUMNS = new Set(['code', 'numbering', 'item', 'feeds', 'value', 'id', 'key', 'unitTypes', 'variant', 'section']);

function cell(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    // A formula (a sum a person typed) counts by the value Excel computed and saved.
    const result = (v as { result?: unknown }).result;
    if (typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean') return result;
    return `=${(v as { formula?: string }).formula ?? ''}`;
  }
  if ('text' in v) return String((v as { text: unknown }).text);
  return null;
}

export async function workbookSheets(bytes: Uint8Array): Promise<SheetData[]> {
  const wb = await loadUserWorkbook(bytes);
  return wb.worksheets.map((ws) => {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cell);
      rows[n - 1] = values;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return { name: ws.name, rows };
  });
}

const GUIDE: string[] = [
  'Bộ tiêu chí viết bằng bảng tính. Ứng dụng đọc các trang theo tên và các cột theo tiêu đề (được đổi thứ tự cột, không đổi tên cột).',
  `${SHEET.info}: mã, tên, tỉnh, năm, loại đơn vị, phiên bản, tổng điểm, mức thưởng/trừ tối đa, cách làm tròn, số phiếu khảo sát. Cột "Khóa" không sửa.`,
  `${SHEET.tree}: mỗi dòng một Lĩnh vực, Tiêu chí, Thành phần (tiêu chí thành phần), Thưởng hoặc Trừ, theo thứ tự. Tiêu chí chấm trực tiếp: một dòng Tiêu chí và ngay dưới một dòng Thành phần cùng mã.`,
  'Điểm ghi bằng số điểm, tối đa hai chữ số thập phân (3,75). Tỷ lệ và trọng số ghi bằng phần trăm (80 nghĩa là 80%).',
  `Quy tắc: manual (nhập điểm theo bước), binary (đạt/không đạt), tiered (các mức, ở trang ${SHEET.ruleRows}), bands (các khoảng tỷ lệ, ở trang ${SHEET.ruleRows}), ratio, ratio-target, deduction (trừ mỗi lần), increment (cộng mỗi đơn vị), formula (biến ở trang ${SHEET.ruleRows}), survey (điểm khảo sát).`,
  'Không áp dụng: not-allowed (không được), exclude (loại khỏi điểm tối đa), full (tính đủ điểm), points (tính số điểm ghi ở cột bên cạnh).',
  `${SHEET.groups}: các nhóm xếp loại từ cao xuống thấp; nhóm cuối từ 0%.`,
  `${SHEET.survey}: mỗi câu hỏi một dòng, các phương án ở các dòng ngay dưới (cột Giá trị, Phương án, Trọng số). Phần "Người trả lời": thông tin người trả lời, không tính điểm.`,
  `${SHEET.variants}: điều khác đi với một số loại đơn vị (điểm tối đa, quy tắc, tổng điểm, nhóm, số phiếu).`,
  'Kiểm tra: chiso framework validate TỆP.xlsx, hoặc màn hình Bộ tiêu chí của đơn vị thẩm định: mọi lỗi được chỉ ra theo trang, dòng và cột.',
  'Định dạng đầy đủ: docs/framework-spreadsheet.md.',
];

export function buildFrameworkWorkbook(fw: Framework): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chỉ số CCHC';
  const keys = Object.keys(SHEET).filter((k) => k !== 'guide') as Exclude<keyof typeof SHEET, 'guide'>[];
  const sheets = frameworkToSheets(fw);
  keys.forEach((key, n) => {
    const data = sheets[n]!;
    const ws = wb.addWorksheet(data.name);
    const cols = COLUMNS[key];
    cols.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width;
      if (TEXT_COLUMNS.has(c.key)) col.numFmt = '@';
    });
    for (const r of data.rows) ws.addRow(r.map((v) => (v === null ? null : v)));
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: 'top' };
    cols.forEach((c, i) => {
      if (c.note) ws.getCell(1, i + 1).note = c.note;
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  });
  const guide = wb.addWorksheet(SHEET.guide);
  guide.getColumn(1).width = 120;
  for (const line of GUIDE) guide.addRow([line]).alignment = { wrapText: true };
  return wb;
}

export async function frameworkWorkbookBytes(fw: Framework): Promise<Uint8Array> {
  return new Uint8Array(await buildFrameworkWorkbook(fw).xlsx.writeBuffer());
}

export async function writeFrameworkWorkbook(fw: Framework, path: string): Promise<void> {
  writeFileAtomic(path, await frameworkWorkbookBytes(fw));
}
