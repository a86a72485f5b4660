/**
 * Table rows of last year's published results → rows by commune code, every bad row with its line
 * and a Vietnamese reason. Pure. Headers in Vietnamese ("Mã", "Tên", "Chỉ số", "Nhóm") or English
 * (code, name, index, group); the group column is optional. An index is a percentage with at most
 * two decimals, written 83,52 or 83.52 (a trailing % allowed), or an xlsx number (83.52, or 0.8352
 * in a cell formatted as a percentage); it is turned into hundredths without floating point.
 */
import { CODE_PATTERN, looksLikeFormula } from '../roster/roster-rows';
import type { HistoryCell, HistoryTableRow } from './history-file';

export interface HistoryEntry {
  line: number;
  code: string;
  name: string;
  /** Hundredths of a percent. */
  index: number;
  group: string | null;
}

export interface HistoryIssue {
  /** The file line (1 = the header), null for the file as a whole. */
  line: number | null;
  code: string | null;
  message: string;
}

const HEADERS: Record<'code' | 'name' | 'index' | 'group', readonly string[]> = {
  code: ['mã', 'ma', 'code', 'mã xã', 'ma xa', 'mã đơn vị', 'ma don vi'],
  name: ['tên', 'ten', 'name', 'tên xã', 'ten xa', 'tên đơn vị', 'ten don vi'],
  index: ['chỉ số', 'chi so', 'index', 'chỉ số cchc', 'chi so cchc', 'chỉ số (%)', 'chi so (%)', 'index (%)'],
  group: ['nhóm', 'nhom', 'group', 'xếp loại', 'xep loai', 'nhóm xếp loại'],
};

const norm = (s: string): string => s.normalize('NFC').replace(/^\uFEFF/u, '').trim().toLowerCase().replace(/\s+/gu, ' ');

function codeOf(cell: HistoryCell | undefined): string {
  if (!cell) return '';
  if (cell.number !== undefined && Number.isInteger(cell.number) && cell.number >= 0 && cell.number < 100000) return String(cell.number).padStart(5, '0');
  return cell.text.normalize('NFC').trim();
}

/** A percentage → hundredths of a percent, or a reason it is not one. */
export function indexOf(cell: HistoryCell | undefined): number | string {
  if (!cell || cell.text.trim() === '') return 'thiếu chỉ số';
  if (cell.number !== undefined) {
    const scaled = cell.number * (cell.percent ? 10000 : 100);
    const h = Math.round(scaled);
    if (Math.abs(scaled - h) > 1e-6) return `chỉ số ${cell.text} có quá hai chữ số thập phân`;
    if (h < 0 || h > 10000) return `chỉ số ${cell.text} phải từ 0 đến 100 (%)`;
    return h;
  }
  const text = cell.text.trim().replace(/\s*%$/u, '');
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/u.exec(text);
  if (!m) return `chỉ số "${cell.text.trim()}" không phải một số phần trăm (ví dụ 83,52)`;
  const h = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (h > 10000) return `chỉ số ${cell.text.trim()} lớn hơn 100%`;
  return h;
}

export function parseHistoryRows(table: readonly HistoryTableRow[]): { entries: HistoryEntry[]; issues: HistoryIssue[] } {
  const header = table[0];
  if (!header) return { entries: [], issues: [{ line: null, code: null, message: 'tệp trống: cần dòng tiêu đề "Mã", "Tên", "Chỉ số" (có thể thêm "Nhóm") và một dòng cho mỗi xã' }] };
  const names = header.cells.map((c) => norm(c.text));
  const col = { code: -1, name: -1, index: -1, group: -1 };
  for (const k of ['code', 'name', 'index', 'group'] as const) col[k] = names.findIndex((h) => HEADERS[k].includes(h));
  const missing = (['code', 'name', 'index'] as const).filter((k) => col[k] < 0);
  if (missing.length > 0) {
    const label = { code: '"Mã" (code)', name: '"Tên" (name)', index: '"Chỉ số" (index)' };
    return { entries: [], issues: [{ line: header.line, code: null, message: `dòng tiêu đề thiếu cột ${missing.map((k) => label[k]).join(', ')}` }] };
  }
  const entries: HistoryEntry[] = [];
  const issues: HistoryIssue[] = [];
  const seen = new Map<string, number>();
  for (const row of table.slice(1)) {
    if (row.cells.every((c) => c.text.trim() === '')) continue;
    const code = codeOf(row.cells[col.code]);
    const name = (row.cells[col.name]?.text ?? '').normalize('NFC').trim().replace(/\s+/gu, ' ');
    const group = col.group < 0 ? '' : (row.cells[col.group]?.text ?? '').normalize('NFC').trim().replace(/\s+/gu, ' ');
    const index = indexOf(row.cells[col.index]);
    const problems: string[] = [];
    if (code === '') problems.push('thiếu mã xã');
    else if (looksLikeFormula(code)) problems.push(`mã "${code}" là công thức, không phải mã xã (mã gồm đúng 5 chữ số)`);
    else if (!CODE_PATTERN.test(code)) problems.push(`mã "${code}" không hợp lệ: mã xã gồm đúng 5 chữ số (ví dụ 00004)`);
    else if (seen.has(code)) problems.push(`mã ${code} trùng với dòng ${seen.get(code)!}`);
    if (name === '') problems.push('thiếu tên');
    else if (looksLikeFormula(name)) problems.push(`tên "${name}" trông như công thức bảng tính (bắt đầu bằng =, +, - hoặc @): không nhận; hãy sửa tên`);
    else if (name.length > 200) problems.push('tên dài quá 200 ký tự');
    if (typeof index === 'string') problems.push(looksLikeFormula(row.cells[col.index]?.text ?? '') ? `chỉ số "${row.cells[col.index]!.text}" là công thức: hãy ghi giá trị` : index);
    if (group.length > 200) problems.push('nhóm dài quá 200 ký tự');
    else if (group !== '' && looksLikeFormula(group)) problems.push(`nhóm "${group}" trông như công thức bảng tính: không nhận`);
    if (CODE_PATTERN.test(code) && !seen.has(code)) seen.set(code, row.line);
    if (problems.length > 0) issues.push({ line: row.line, code: code || null, message: problems.join('; ') });
    else entries.push({ line: row.line, code, name, index: index as number, group: group || null });
  }
  if (entries.length === 0 && issues.length === 0) issues.push({ line: null, code: null, message: 'tệp không có dòng xã nào dưới dòng tiêu đề' });
  return { entries, issues };
}
