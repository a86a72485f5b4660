/**
 * Table rows of a roster file → communes, every bad row with its line and a Vietnamese reason.
 * Pure: the store is compared in roster.ts. Headers in Vietnamese ("Mã", "Tên", "Loại") or
 * English (code, name, type); type words with or without diacritics.
 */
import type { RosterCell, RosterTableRow } from './roster-file';

import type { CommuneType } from '../../../shared/ipc/roster';

export { COMMUNE_TYPES } from '../../../shared/ipc/roster';
export type { CommuneType } from '../../../shared/ipc/roster';

export interface RosterEntry {
  line: number;
  code: string;
  name: string;
  type: CommuneType;
}

export interface RosterIssue {
  /** The file line (1 = the header), null for the file as a whole. */
  line: number | null;
  code: string | null;
  /** The row's name as the file gives it (NFC), to show beside the reason. */
  name?: string | null;
  message: string;
}

/** A type word as people write it → the stored type; lower case, NFC, spaces collapsed. */
const TYPE_WORDS: Record<string, CommuneType> = {
  'xã': 'xa', xa: 'xa',
  'phường': 'phuong', phuong: 'phuong',
  'đặc khu': 'dac-khu', 'dac khu': 'dac-khu', 'dac-khu': 'dac-khu',
  'thị trấn': 'thi-tran', 'thi tran': 'thi-tran', 'thi-tran': 'thi-tran',
};

export function communeType(word: string): CommuneType | null {
  const key = word.normalize('NFC').trim().toLowerCase().replace(/\s+/gu, ' ');
  return Object.hasOwn(TYPE_WORDS, key) ? TYPE_WORDS[key]! : null;
}

const HEADERS: Record<'code' | 'name' | 'type', readonly string[]> = {
  code: ['mã', 'ma', 'code', 'mã xã', 'ma xa'],
  name: ['tên', 'ten', 'name', 'tên xã', 'ten xa'],
  type: ['loại', 'loai', 'type', 'loại đơn vị', 'loai don vi'],
};

const norm = (s: string): string => s.normalize('NFC').replace(/^\uFEFF/u, '').trim().toLowerCase().replace(/\s+/gu, ' ');

/** A cell a spreadsheet would run as a formula if the file were opened or exported again. */
export const looksLikeFormula = (s: string): boolean => /^[=+\-@\t\r]/u.test(s);

export const CODE_PATTERN = /^\d{5}$/u;

/**
 * A code cell: exactly 5 digits as text. An xlsx number cell is a code typed without the text
 * format, whose leading zeros Excel dropped (00004 shown as 4): an integer below 100000 is padded,
 * which cannot change which commune it names.
 */
function codeOf(cell: RosterCell | undefined): string {
  if (!cell) return '';
  if (cell.number !== undefined && Number.isInteger(cell.number) && cell.number >= 0 && cell.number < 100000) return String(cell.number).padStart(5, '0');
  return cell.text.normalize('NFC').trim();
}

export function parseRosterRows(table: readonly RosterTableRow[]): { entries: RosterEntry[]; issues: RosterIssue[] } {
  const header = table[0];
  if (!header) return { entries: [], issues: [{ line: null, code: null, message: 'tệp trống: cần dòng tiêu đề "Mã", "Tên", "Loại" và một dòng cho mỗi xã' }] };
  const names = header.cells.map((c) => norm(c.text));
  const col = { code: -1, name: -1, type: -1 };
  for (const k of ['code', 'name', 'type'] as const) col[k] = names.findIndex((h) => HEADERS[k].includes(h));
  const missing = (['code', 'name', 'type'] as const).filter((k) => col[k] < 0);
  if (missing.length > 0) {
    const label = { code: '"Mã" (code)', name: '"Tên" (name)', type: '"Loại" (type)' };
    return { entries: [], issues: [{ line: header.line, code: null, message: `dòng tiêu đề thiếu cột ${missing.map((k) => label[k]).join(', ')}` }] };
  }
  const entries: RosterEntry[] = [];
  const issues: RosterIssue[] = [];
  const seen = new Map<string, number>();
  for (const row of table.slice(1)) {
    if (row.cells.every((c) => c.text.trim() === '')) continue;
    const code = codeOf(row.cells[col.code]);
    const name = (row.cells[col.name]?.text ?? '').normalize('NFC').trim().replace(/\s+/gu, ' ');
    const typeText = row.cells[col.type]?.text ?? '';
    const problems: string[] = [];
    if (code === '') problems.push('thiếu mã xã');
    else if (looksLikeFormula(code)) problems.push(`mã "${code}" là công thức, không phải mã xã (mã gồm đúng 5 chữ số)`);
    else if (!CODE_PATTERN.test(code)) problems.push(`mã "${code}" không hợp lệ: mã xã gồm đúng 5 chữ số (ví dụ 00004)`);
    else if (seen.has(code)) problems.push(`mã ${code} trùng với dòng ${seen.get(code)!}`);
    if (name === '') problems.push('thiếu tên');
    else if (looksLikeFormula(name)) problems.push(`tên "${name}" trông như công thức bảng tính (bắt đầu bằng =, +, - hoặc @): không nhận; hãy sửa tên`);
    else if (name.length > 200) problems.push('tên dài quá 200 ký tự');
    const type = communeType(typeText);
    if (type === null) problems.push(typeText.trim() === '' ? 'thiếu loại (xã, phường, đặc khu)' : `loại "${typeText.trim()}" không hợp lệ: dùng xã, phường, đặc khu hoặc thị trấn`);
    if (CODE_PATTERN.test(code) && !seen.has(code)) seen.set(code, row.line);
    if (problems.length > 0) issues.push({ line: row.line, code: code || null, name: name || null, message: problems.join('; ') });
    else entries.push({ line: row.line, code, name, type: type! });
  }
  if (entries.length === 0 && issues.length === 0) issues.push({ line: null, code: null, message: 'tệp không có dòng xã nào dưới dòng tiêu đề' });
  return { entries, issues };
}
