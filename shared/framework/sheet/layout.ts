/**
 * The spreadsheet layout of a criteria framework (docs/framework-spreadsheet.md): which sheets,
 * which columns, and how a cell's text becomes a value of the JSON model. Pure: the workbook
 * itself is read and written by electron/features/framework/xlsx.ts, which hands over plain
 * rows of cells (SheetData). Columns are found by their header, so a person may reorder them.
 */
import type { RuleType } from '../schema';

/** One cell as the reader sees it: text, a number, a boolean, or nothing. */
export type CellValue = string | number | boolean | null;

export interface SheetData {
  name: string;
  /** Row 1 (index 0) is the header. */
  rows: CellValue[][];
}

export interface ColumnSpec {
  key: string;
  header: string;
  /** Column width in the written workbook. */
  width: number;
  /** A short explanation written as the header cell's note. */
  note?: string;
}

export const SHEET = {
  info: 'Thông tin',
  tree: 'Cấu trúc',
  ruleRows: 'Mức điểm',
  groups: 'Nhóm',
  survey: 'Phiếu khảo sát',
  variants: 'Biến thể',
  guide: 'Hướng dẫn',
} as const;
export type SheetKey = keyof typeof SHEET;

/** The rule parameters held in their own column, shared by the tree and the variants sheet. */
const RULE_COLUMNS: ColumnSpec[] = [
  { key: 'rule', header: 'Quy tắc', width: 13, note: 'manual, binary, tiered, bands, ratio, ratio-target, deduction, increment, formula, survey' },
  { key: 'step', header: 'Bước điểm', width: 8, note: 'manual và survey (nhập điểm): điểm nhập là bội số của bước' },
  { key: 'perUnit', header: 'Điểm mỗi lần', width: 8, note: 'deduction: điểm trừ mỗi lần; increment: điểm cộng mỗi đơn vị' },
  { key: 'notDonePoints', header: 'Điểm khi không đạt', width: 9, note: 'binary: 0 hoặc số âm (bị trừ điểm)' },
  { key: 'percent', header: 'Ngưỡng (%)', width: 8, note: 'ratio: dưới ngưỡng được 0 điểm; ratio-target: tỷ lệ mục tiêu' },
  { key: 'label1', header: 'Nhãn số liệu', width: 28, note: 'bands/ratio/ratio-target: tử số; deduction: sự việc bị trừ; increment: đơn vị được cộng' },
  { key: 'label2', header: 'Nhãn mẫu số', width: 24, note: 'bands/ratio/ratio-target' },
  { key: 'label3', header: 'Nhãn phần bù', width: 20, note: 'bands/ratio/ratio-target, không bắt buộc: tử số + phần bù = mẫu số' },
  { key: 'expression', header: 'Công thức', width: 24, note: 'formula: biểu thức theo các biến khai ở trang Mức điểm' },
  { key: 'source', header: 'Nguồn điểm khảo sát', width: 10, note: 'survey: forms (tính từ phiếu, mặc định) hoặc entered (nhập điểm)' },
];

export const COLUMNS: Record<Exclude<SheetKey, 'guide'>, ColumnSpec[]> = {
  info: [
    { key: 'label', header: 'Mục', width: 40 },
    { key: 'value', header: 'Giá trị', width: 60 },
    { key: 'key', header: 'Khóa', width: 26, note: 'Tên khóa trong tệp JSON: không sửa cột này' },
  ],
  tree: [
    { key: 'level', header: 'Cấp', width: 11, note: 'Lĩnh vực, Tiêu chí, Thành phần, Thưởng, Trừ' },
    { key: 'code', header: 'Mã', width: 8, note: 'Chữ, số và dấu chấm: 1, 3.3, 8.1.2' },
    { key: 'numbering', header: 'Số thứ tự in', width: 10 },
    { key: 'title', header: 'Tên', width: 48 },
    { key: 'maxPoints', header: 'Điểm tối đa', width: 8, note: 'Điểm, hai chữ số thập phân (3,75). Thưởng/Trừ: mức tối đa của khoản đó' },
    { key: 'floor', header: 'Điểm sàn', width: 8, note: 'Lĩnh vực, tiêu chí: điểm thấp nhất; thành phần deduction/formula: điểm thấp nhất của quy tắc' },
    { key: 'scoringText', header: 'Cách chấm', width: 48 },
    ...RULE_COLUMNS,
    { key: 'evidence', header: 'Tài liệu kiểm chứng', width: 40, note: 'Mỗi tài liệu một dòng trong ô (Alt+Enter)' },
    { key: 'notApplicable', header: 'Không áp dụng', width: 11, note: 'Thành phần: not-allowed, exclude, full, points. Tiêu chí: exclude, full, points hoặc để trống' },
    { key: 'notApplicablePoints', header: 'Điểm khi không áp dụng', width: 9, note: 'Chỉ với points' },
    { key: 'notApplicableWhen', header: 'Điều kiện không áp dụng', width: 24, note: 'Tiêu chí: điều kiện như văn bản ghi' },
    { key: 'required', header: 'Bắt buộc', width: 8, note: 'Có / Không (để trống: Có)' },
    { key: 'unitTypes', header: 'Loại đơn vị', width: 14, note: 'xa, phuong, dac-khu, thi-tran, cách nhau bằng dấu phẩy; để trống: như cấp trên' },
  ],
  ruleRows: [
    { key: 'item', header: 'Mã thành phần', width: 10 },
    { key: 'variant', header: 'Biến thể', width: 12, note: 'Để trống: quy tắc chính; hoặc loại đơn vị của dòng biến thể' },
    { key: 'kind', header: 'Loại dòng', width: 10, note: 'Mức (tiered), Khoảng (bands), Biến (formula)' },
    { key: 'id', header: 'Mã mức / tên biến', width: 14 },
    { key: 'label', header: 'Nhãn', width: 48 },
    { key: 'points', header: 'Điểm', width: 8 },
    { key: 'minPercent', header: 'Từ (%)', width: 8 },
    { key: 'inputKind', header: 'Kiểu biến', width: 9, note: 'count (số đếm, mặc định) hoặc number' },
  ],
  groups: [
    { key: 'code', header: 'Mã nhóm', width: 12 },
    { key: 'label', header: 'Tên nhóm', width: 40 },
    { key: 'minPercent', header: 'Từ (%)', width: 8, note: 'Chỉ số từ mức này trở lên; nhóm cuối từ 0' },
    { key: 'variant', header: 'Biến thể', width: 12, note: 'Để trống: nhóm chung; hoặc loại đơn vị của dòng biến thể Bộ tiêu chí' },
  ],
  survey: [
    { key: 'section', header: 'Phần', width: 14, note: '"Người trả lời" cho thông tin người trả lời; hoặc mã phần' },
    { key: 'sectionTitle', header: 'Tên phần', width: 28 },
    { key: 'code', header: 'Mã câu', width: 8 },
    { key: 'text', header: 'Câu hỏi', width: 50 },
    { key: 'type', header: 'Loại câu', width: 9, note: 'likert5, yesno, single, number, text, date' },
    { key: 'required', header: 'Bắt buộc', width: 8 },
    { key: 'feeds', header: 'Tính điểm cho', width: 10, note: 'Mã thành phần có quy tắc survey' },
    { key: 'value', header: 'Giá trị', width: 7, note: 'Một chữ số 1–9: phím nhập phiếu' },
    { key: 'label', header: 'Phương án', width: 28 },
    { key: 'weight', header: 'Trọng số (%)', width: 9, note: '0–100; để trống: không tính điểm' },
  ],
  variants: [
    { key: 'level', header: 'Cấp', width: 12, note: 'Bộ tiêu chí, Phiếu khảo sát, Lĩnh vực, Tiêu chí, Thành phần' },
    { key: 'code', header: 'Mã', width: 8 },
    { key: 'unitTypes', header: 'Loại đơn vị', width: 14 },
    { key: 'maxPoints', header: 'Điểm tối đa', width: 8, note: 'Bộ tiêu chí: tổng điểm tối đa' },
    { key: 'floor', header: 'Điểm sàn', width: 8 },
    { key: 'scoringText', header: 'Cách chấm', width: 40 },
    ...RULE_COLUMNS,
    { key: 'notApplicable', header: 'Không áp dụng', width: 11 },
    { key: 'notApplicablePoints', header: 'Điểm khi không áp dụng', width: 9 },
    { key: 'targetForms', header: 'Số phiếu', width: 8 },
    { key: 'minForms', header: 'Số phiếu tối thiểu', width: 8 },
  ],
};

export type Kind = 'text' | 'points' | 'signed' | 'percent' | 'int' | 'bool' | 'list' | 'lines' | 'raw';

/** The framework's own settings on the "Thông tin" sheet: JSON key, label, kind. */
export const INFO_ROWS: { key: string; label: string; kind: Kind }[] = [
  { key: 'id', label: 'Mã bộ tiêu chí (chữ thường không dấu, số, gạch nối)', kind: 'text' },
  { key: 'title', label: 'Tên bộ tiêu chí', kind: 'text' },
  { key: 'sample', label: 'Bộ mẫu tham khảo (Có/Không)', kind: 'bool' },
  { key: 'province.code', label: 'Mã tỉnh (2 chữ số)', kind: 'text' },
  { key: 'province.name', label: 'Tên tỉnh', kind: 'text' },
  { key: 'year', label: 'Năm đánh giá', kind: 'int' },
  { key: 'unitTypes', label: 'Loại đơn vị áp dụng (xa, phuong, dac-khu, thi-tran)', kind: 'list' },
  { key: 'version', label: 'Phiên bản (1.0, 1.1…)', kind: 'text' },
  { key: 'issuedBy', label: 'Cơ quan ban hành', kind: 'text' },
  { key: 'decision', label: 'Quyết định (số, ngày)', kind: 'text' },
  { key: 'totalMax', label: 'Tổng điểm tối đa', kind: 'points' },
  { key: 'adjustmentCaps.bonus', label: 'Tổng điểm thưởng tối đa', kind: 'points' },
  { key: 'adjustmentCaps.penalty', label: 'Tổng điểm trừ tối đa', kind: 'points' },
  { key: 'rounding.points', label: 'Làm tròn điểm (half-up, truncate)', kind: 'text' },
  { key: 'rounding.index', label: 'Làm tròn chỉ số (half-up, truncate)', kind: 'text' },
  { key: 'rounding.groupOn', label: 'Xếp nhóm theo chỉ số (rounded, exact)', kind: 'text' },
  { key: 'surveyPolicy.whenMissing', label: 'Khi chưa có khảo sát (count-zero, rescale)', kind: 'text' },
  { key: 'surveyPolicy.belowMinimum', label: 'Khi thiếu phiếu (warn, block, scale)', kind: 'text' },
  { key: 'survey.targetForms', label: 'Số phiếu khảo sát mỗi đơn vị', kind: 'int' },
  { key: 'survey.minForms', label: 'Số phiếu tối thiểu', kind: 'int' },
];

/** Levels of the tree sheet, as written and as accepted (lower case, NFC). */
export const TREE_LEVELS = {
  field: 'Lĩnh vực',
  criterion: 'Tiêu chí',
  item: 'Thành phần',
  bonus: 'Thưởng',
  penalty: 'Trừ',
} as const;
export type TreeLevel = keyof typeof TREE_LEVELS;

export const VARIANT_LEVELS = {
  framework: 'Bộ tiêu chí',
  survey: 'Phiếu khảo sát',
  field: 'Lĩnh vực',
  criterion: 'Tiêu chí',
  item: 'Thành phần',
} as const;
export type VariantLevel = keyof typeof VARIANT_LEVELS;

export const RULE_ROW_KINDS = { level: 'Mức', band: 'Khoảng', input: 'Biến' } as const;
export type RuleRowKind = keyof typeof RULE_ROW_KINDS;

/** The survey sheet's word for the respondent questions (not a code: it has a space). */
export const RESPONDENT = 'Người trả lời';

/** Which rule keys each rule type keeps in which column (its list parts go to "Mức điểm"). */
export const RULE_PARAMS: Record<RuleType, { key: string; column: string; kind: Kind }[]> = {
  manual: [{ key: 'step', column: 'step', kind: 'points' }],
  binary: [{ key: 'notDonePoints', column: 'notDonePoints', kind: 'signed' }],
  tiered: [],
  bands: [
    { key: 'numeratorLabel', column: 'label1', kind: 'text' },
    { key: 'denominatorLabel', column: 'label2', kind: 'text' },
    { key: 'complementLabel', column: 'label3', kind: 'text' },
  ],
  ratio: [
    { key: 'numeratorLabel', column: 'label1', kind: 'text' },
    { key: 'denominatorLabel', column: 'label2', kind: 'text' },
    { key: 'complementLabel', column: 'label3', kind: 'text' },
    { key: 'zeroBelowPercent', column: 'percent', kind: 'percent' },
  ],
  'ratio-target': [
    { key: 'targetPercent', column: 'percent', kind: 'percent' },
    { key: 'numeratorLabel', column: 'label1', kind: 'text' },
    { key: 'denominatorLabel', column: 'label2', kind: 'text' },
    { key: 'complementLabel', column: 'label3', kind: 'text' },
  ],
  deduction: [
    { key: 'perEvent', column: 'perUnit', kind: 'points' },
    { key: 'floor', column: 'floor', kind: 'signed' },
    { key: 'eventLabel', column: 'label1', kind: 'text' },
  ],
  increment: [
    { key: 'perUnit', column: 'perUnit', kind: 'points' },
    { key: 'unitLabel', column: 'label1', kind: 'text' },
  ],
  formula: [
    { key: 'expression', column: 'expression', kind: 'raw' },
    { key: 'floor', column: 'floor', kind: 'signed' },
  ],
  survey: [
    { key: 'source', column: 'source', kind: 'text' },
    { key: 'step', column: 'step', kind: 'points' },
  ],
};

/** The list part of a rule kept on "Mức điểm". */
export const RULE_LIST: Partial<Record<RuleType, { key: 'levels' | 'bands' | 'inputs'; kind: RuleRowKind }>> = {
  tiered: { key: 'levels', kind: 'level' },
  bands: { key: 'bands', kind: 'band' },
  formula: { key: 'inputs', kind: 'input' },
};

/** Excel's column letter of a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// ---- cell values ------------------------------------------------------------------------

/** Text of a cell, trimmed and NFC; null when blank. */
export function cellText(v: CellValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = (typeof v === 'string' ? v : String(v)).normalize('NFC').trim();
  return s === '' ? null : s;
}

/** A word compared without case: "lĩnh vực" = "Lĩnh vực". */
export const word = (s: string): string => s.normalize('NFC').trim().toLocaleLowerCase('vi');

/** "3,75", "3.75", 3.75 → 375; "-0,25" → -25. null with a reason when it is not such a number. */
export function hundredthsOf(v: CellValue): { ok: true; value: number } | { ok: false; message: string } {
  let n: number;
  if (typeof v === 'number') n = v;
  else {
    const s = cellText(v)?.replace(/\s/gu, '').replace(/%$/u, '') ?? '';
    if (!/^[-−]?\d+(?:[.,]\d+)?$/u.test(s)) return { ok: false, message: `"${String(v)}" không phải là số (viết 3,75 hoặc 3.75).` };
    n = Number(s.replace('−', '-').replace(',', '.'));
  }
  const h = Math.round(n * 100);
  if (!Number.isFinite(n) || Math.abs(n * 100 - h) > 1e-6) return { ok: false, message: `${String(v)}: chỉ được hai chữ số thập phân.` };
  return { ok: true, value: h === 0 ? 0 : h };
}

export function integerOf(v: CellValue): { ok: true; value: number } | { ok: false; message: string } {
  const s = typeof v === 'number' ? String(v) : (cellText(v) ?? '');
  if (!/^-?\d+$/u.test(s)) return { ok: false, message: `"${String(v)}" không phải là số nguyên.` };
  return { ok: true, value: Number(s) };
}

const YES = new Set(['có', 'co', 'x', 'true', 'đúng', '1']);
const NO = new Set(['không', 'khong', 'false', 'sai', '0']);
export function booleanOf(v: CellValue): { ok: true; value: boolean } | { ok: false; message: string } {
  if (typeof v === 'boolean') return { ok: true, value: v };
  const s = word(String(v));
  if (YES.has(s)) return { ok: true, value: true };
  if (NO.has(s)) return { ok: true, value: false };
  return { ok: false, message: `"${String(v)}": ghi Có hoặc Không.` };
}

/** Hundredths as the number a person types: 375 → 3.75. */
export const pointsCell = (h: number): number => h / 100;
export const yesNo = (b: boolean): string => (b ? 'Có' : 'Không');
