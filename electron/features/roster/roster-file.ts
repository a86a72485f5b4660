/**
 * Reading a roster file (CSV or xlsx) into table rows with their line numbers, through the
 * bounded reader. Cells are text: an xlsx formula is read as its formula ("=…"), never as the
 * value Excel cached for it, so what is checked is what the file says.
 */
import { loadUserWorkbook } from '../../kernel/files/workbook';
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../../shared/errors';
import { readUserFile } from '../../kernel/files/user-file';

export interface RosterCell {
  text: string;
  /** An xlsx number cell (a code typed as a number loses its leading zeros). */
  number?: number;
}

export interface RosterTableRow {
  line: number;
  cells: RosterCell[];
}

function xlsxCell(v: ExcelJS.CellValue): RosterCell {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'number') return { text: String(v), number: v };
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

export function rosterRowsFromCsv(text: string): RosterTableRow[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/u, ''), { skipEmptyLines: false });
  return parsed.data.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => ({ text: String(c ?? '') })) }));
}

export async function rosterRowsFromXlsx(buffer: Buffer): Promise<RosterTableRow[]> {
  const wb = await loadUserWorkbook(buffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: RosterTableRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    rows.push({ line: n, cells: (row.values as ExcelJS.CellValue[]).slice(1).map(xlsxCell) });
  });
  return rows;
}

/** A roster file by its extension (.csv or .xlsx), read through the bounded reader. */
export async function readRosterFile(path: string): Promise<RosterTableRow[]> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new AppError('FILE_UNREADABLE', `unsupported extension ${ext}`, { reason: 'EXTENSION' });
  const buffer = readUserFile(path, { kind: 'roster' });
  return ext === '.xlsx' ? rosterRowsFromXlsx(buffer) : rosterRowsFromCsv(buffer.toString('utf8'));
}
