/**
 * A table a person keeps in a spreadsheet or a CSV file (a roster, last year's results), read
 * into rows of cells with their line numbers, through the bounded reader and the workbook loader.
 * Cells are text as the file says it: an xlsx formula is read as its formula ("=…"), never as the
 * value Excel cached for it. A number cell also keeps its number (a code typed as a number has
 * lost its leading zeros) and whether it was formatted as a percentage (83,52% is stored 0.8352).
 */
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../../shared/errors';
import type { UserFileKind } from './user-file';
import { readUserFile } from './user-file';
import { loadUserWorkbook } from './workbook';

export interface TableCell {
  text: string;
  /** An xlsx number cell. */
  number?: number;
  /** The number cell is formatted as a percentage (present only when it is). */
  percent?: true;
}

export interface TableRow {
  line: number;
  cells: TableCell[];
}

function xlsxCell(cell: ExcelJS.Cell): TableCell {
  const v = cell.value;
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'number') return /%/u.test(cell.numFmt ?? '') ? { text: String(v), number: v, percent: true } : { text: String(v), number: v };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
  if (typeof v !== 'object') return { text: String(v) };
  if ('richText' in v) return { text: v.richText.map((r) => r.text).join('') };
  if ('formula' in v || 'sharedFormula' in v) {
    const f = (v as { formula?: string; sharedFormula?: string }).formula ?? (v as { sharedFormula?: string }).sharedFormula ?? '';
    return { text: `=${f}` };
  }
  if ('text' in v) return { text: String(v.text) };
  if ('error' in v) return { text: String(v.error) };
  return { text: '' };
}

export function tableRowsFromCsv(text: string): TableRow[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/u, ''), { skipEmptyLines: false });
  return parsed.data.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => ({ text: String(c ?? '') })) }));
}

/** The first sheet's rows (empty rows skipped, their numbers kept). */
export async function tableRowsFromXlsx(buffer: Buffer): Promise<TableRow[]> {
  const ws = (await loadUserWorkbook(buffer)).worksheets[0];
  if (!ws) return [];
  const rows: TableRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: TableCell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(xlsxCell(row.getCell(c)));
    rows.push({ line: n, cells });
  });
  return rows;
}

/** A table file by its extension (.csv or .xlsx), read through the bounded reader with `kind`'s limit. */
export async function readTableFile(path: string, kind: UserFileKind): Promise<TableRow[]> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new AppError('FILE_UNREADABLE', `unsupported extension ${ext}`, { reason: 'EXTENSION' });
  const buffer = readUserFile(path, { kind });
  return ext === '.xlsx' ? tableRowsFromXlsx(buffer) : tableRowsFromCsv(buffer.toString('utf8'));
}
