/**
 * The ranking as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads the file as
 * the system code page and garbles Vietnamese), comma-separated, CRLF line ends, numbers with a
 * dot and two decimals, every text cell quoted. A text cell that a spreadsheet would run as a
 * formula (=, +, -, @, a tab or a carriage return first) is prefixed with an apostrophe
 * (kernel/files/spreadsheet-text.ts).
 */
import type { Report } from '../../../shared/report/report';
import { csvField } from '../../kernel/files/spreadsheet-text';
import { RANKING_HEADERS, rankingCells, rankingRows } from './report-table';

function cell(v: string | number | null, numeric: boolean): string {
  return csvField(v, numeric ? { quoteAll: true, decimals: 2 } : { quoteAll: true });
}

/** Columns written with two decimals (the indices and the change). */
const DECIMAL = new Set([4, 5, 8, 9]);

export function rankingCsv(report: Report): string {
  const lines = [RANKING_HEADERS.map((h) => cell(h, false)).join(',')];
  for (const r of rankingRows(report)) lines.push(rankingCells(r).map((v, i) => cell(v, DECIMAL.has(i))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
