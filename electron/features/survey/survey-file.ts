/**
 * Reading questionnaires from a file into rows with their line numbers: a spreadsheet
 * (xlsx, one row per form, header row of question codes), a CSV of the same layout, or the
 * JSON section format ({ "forms": [{ "formNo", "answers" }] }). See docs/survey-format.md.
 */
import { loadUserWorkbook } from '../../kernel/files/workbook';
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../../shared/errors';
import type { ImportIssue } from '../../../shared/survey/types';
import { parseUserJson } from '../../kernel/files/json-lines';
import { readUserFile } from '../../kernel/files/user-file';

export interface RawRow {
  line: number | null;
  formNo: unknown;
  answers: Record<string, unknown>;
}

export interface RawRows {
  rows: RawRow[];
  /** Problems with the file's layout (unknown column, missing form-number column…). */
  issues: ImportIssue[];
}

/** Header names accepted for the form-number column. */
export const FORM_NO_HEADERS = ['so_phieu', 'số phiếu', 'so phieu', 'formno'];

const isFormNoHeader = (h: string): boolean => FORM_NO_HEADERS.includes(h.normalize('NFC').trim().toLowerCase());

/** Table rows (header first) → form rows; `firstLine` is the file line of the header. */
export function rowsFromTable(table: unknown[][], firstLine = 1): RawRows {
  const header = (table[0] ?? []).map((h) => String(h ?? '').normalize('NFC').trim());
  const formCol = header.findIndex(isFormNoHeader);
  if (formCol < 0) {
    return { rows: [], issues: [{ line: firstLine, formNo: null, message: 'thiếu cột "so_phieu" (số phiếu) ở dòng tiêu đề' }] };
  }
  const rows: RawRow[] = [];
  for (let i = 1; i < table.length; i++) {
    const cells = table[i] ?? [];
    // Trailing blank lines of a spreadsheet are not forms.
    if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
    const answers: Record<string, unknown> = {};
    header.forEach((h, col) => {
      if (col === formCol || h === '') return;
      answers[h] = cells[col] ?? null;
    });
    rows.push({ line: firstLine + i, formNo: cells[formCol] ?? null, answers });
  }
  return { rows, issues: [] };
}

export function rowsFromCsv(text: string): RawRows {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/u, ''), { skipEmptyLines: false });
  return rowsFromTable(parsed.data);
}

/** JSON lines: the n-th `"formNo"` in the text is the n-th form (good enough to point at). */
export function rowsFromJson(json: unknown, text?: string): RawRows {
  const forms = Array.isArray(json) ? json : (json as { forms?: unknown } | null)?.forms;
  if (!Array.isArray(forms)) return { rows: [], issues: [{ line: 1, formNo: null, message: 'cần một đối tượng { "forms": [ … ] }' }] };
  const lines: number[] = [];
  if (text !== undefined) {
    const re = /"formNo"\s*:/gu;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) lines.push(text.slice(0, m.index).split('\n').length);
  }
  const rows = forms.map((f: unknown, i): RawRow => {
    const o = (f ?? {}) as { formNo?: unknown; answers?: unknown };
    const answers = o.answers && typeof o.answers === 'object' && !Array.isArray(o.answers) ? (o.answers as Record<string, unknown>) : {};
    return { line: lines[i] ?? null, formNo: o.formNo ?? null, answers };
  });
  return { rows, issues: [] };
}

/** Cell values of exceljs → plain values (rich text, formulas, hyperlinks flattened). */
function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v !== 'object') return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return v.result ?? null;
  if ('text' in v) return v.text;
  return String(v as unknown);
}

export async function rowsFromXlsx(buffer: Buffer): Promise<RawRows> {
  const wb = await loadUserWorkbook(buffer);
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], issues: [{ line: null, formNo: null, message: 'bảng tính không có trang nào' }] };
  const table: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
    table[n - 1] = values;
  });
  for (let i = 0; i < table.length; i++) table[i] ??= [];
  return rowsFromTable(table);
}

/** Read any supported file by its extension, through the bounded reader. */
export async function readSurveyFile(path: string): Promise<RawRows> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv' && ext !== '.json') throw new AppError('FILE_UNREADABLE', `unsupported extension ${ext}`, { reason: 'EXTENSION' });
  const buffer = readUserFile(path, { kind: 'survey' });
  if (ext === '.xlsx') return rowsFromXlsx(buffer);
  const text = buffer.toString('utf8');
  if (ext === '.csv') return rowsFromCsv(text);
  const parsed = parseUserJson(text.replace(/^\uFEFF/u, ''));
  if (!parsed.ok) throw new AppError('FILE_UNREADABLE', 'not JSON', { reason: 'NOT_JSON', ...parsed.details });
  return rowsFromJson(parsed.value, text);
}
