/**
 * Reading a file of last year's published results (CSV or xlsx) into table rows with their line
 * numbers, through the bounded reader. CSV is read as the roster's is; an xlsx number cell keeps
 * whether it was formatted as a percentage (Excel stores 83,52% as 0.8352).
 */
import { loadUserWorkbook } from '../../kernel/files/workbook';
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { readUserFile } from '../../kernel/files/user-file';
import { rosterRowsFromCsv } from '../roster/roster-file';

export interface HistoryCell {
  text: string;
  /** An xlsx number cell. */
  number?: number;
  /** The number cell is formatted as a percentage (0.8352 shown as 83,52%). */
  percent?: boolean;
}

export interface HistoryTableRow {
  line: number;
  cells: HistoryCell[];
}

function xlsxCell(cell: ExcelJS.Cell): HistoryCell {
  const v = cell.value;
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'number') return { text: String(v), number: v, percent: /%/u.test(cell.numFmt ?? '') };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
  if (typeof v !== 'object') return { text: String(v) };
  if ('richText' in v) return { text: v.richText.map((r) => r.text).join('') };
  // A formula is read as its formula, never as the value Excel cached: what is checked is what the file says.
  if ('formula' in v || 'sharedFormula' in v) {
    const f = (v as { formula?: string; sharedFormula?: string }).formula ?? (v as { sharedFormula?: string }).sharedFormula ?? '';
    return { text: `=${f}` };
  }
  if ('text' in v) return { text: String(v.text) };
  return { text: '' };
}

export async function historyRowsFromXlsx(buffer: Buffer): Promise<HistoryTableRow[]> {
  const wb = await loadUserWorkbook(buffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: HistoryTableRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: HistoryCell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(xlsxCell(row.getCell(c)));
    rows.push({ line: n, cells });
  });
  return rows;
}

/** A results file by its extension (.csv or .xlsx), read through the bounded reader. */
export async function readHistoryFile(path: string): Promise<HistoryTableRow[]> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new AppError('FILE_UNREADABLE', `unsupported extension ${ext}`, { reason: 'EXTENSION' });
  const buffer = readUserFile(path, { kind: 'history' });
  return ext === '.xlsx' ? historyRowsFromXlsx(buffer) : rosterRowsFromCsv(buffer.toString('utf8'));
}
