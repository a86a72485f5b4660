/**
 * Reading a file of last year's published results (CSV or xlsx) into table rows with their line
 * numbers: the kernel's table reader with the history size limit. An xlsx number cell keeps
 * whether it was formatted as a percentage (Excel stores 83,52% as 0.8352).
 */
import type { TableCell, TableRow } from '../../kernel/files/table-file';
import { readTableFile } from '../../kernel/files/table-file';

export type HistoryCell = TableCell;
export type HistoryTableRow = TableRow;

/** A results file by its extension (.csv or .xlsx), read through the bounded reader. */
export function readHistoryFile(path: string): Promise<HistoryTableRow[]> {
  return readTableFile(path, 'history');
}
