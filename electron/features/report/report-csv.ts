/**
 * The ranking as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads the file as
 * the system code page and garbles Vietnamese), comma-separated, CRLF line ends, numbers with a
 * dot and two decimals, every text cell quoted. A text cell that a spreadsheet would run as a
 * formula (=, +, -, @ first) is prefixed with an apostrophe.
 */
import type { Report } from '../../../shared/report/report';
import { RANKING_HEADERS, rankingCells, rankingRows } from './report-table';

function cell(v: string | number | null, numeric: boolean): string {
  if (v === null) return '';
  if (typeof v === 'number') return numeric ? v.toFixed(2) : String(v);
  const text = /^[=+\-@\t\r]/u.test(v) ? `'${v}` : v;
  return `"${text.replace(/"/gu, '""')}"`;
}

/** Columns written with two decimals (the indices and the change). */
const DECIMAL = new Set([4, 5, 8, 9]);

export function rankingCsv(report: Report): string {
  const lines = [RANKING_HEADERS.map((h) => cell(h, false)).join(',')];
  for (const r of rankingRows(report)) lines.push(rankingCells(r).map((v, i) => cell(v, DECIMAL.has(i))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
