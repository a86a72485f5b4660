/**
 * Reading a roster file (CSV or xlsx) into table rows with their line numbers: the kernel's table
 * reader (kernel/files/table-file.ts) with the roster's size limit.
 */
import type { TableCell, TableRow } from '../../kernel/files/table-file';
import { readTableFile, tableRowsFromCsv, tableRowsFromXlsx } from '../../kernel/files/table-file';

export type RosterCell = TableCell;
export type RosterTableRow = TableRow;
export const rosterRowsFromCsv = tableRowsFromCsv;
export const rosterRowsFromXlsx = tableRowsFromXlsx;

/** A roster file by its extension (.csv or .xlsx), read through the bounded reader. */
export function readRosterFile(path: string): Promise<RosterTableRow[]> {
  return readTableFile(path, 'roster');
}
