/**
 * The import log for the office's records: every file ever offered for import, its verdict and
 * refusal code, the commune, year and revision, who and when; as an xlsx (Vietnamese headers,
 * the header row frozen) or a CSV (UTF-8 with BOM, so Excel opens the Vietnamese right).
 */
import ExcelJS from 'exceljs';
import type { ServiceContext } from '../../kernel/context';
import { csvField, xlsxValues } from '../../kernel/files/spreadsheet-text';
import { listImportLog, rosterEntry } from './received-repo';

export interface ImportLogRow {
  at: string;
  actor: string;
  file: string;
  outcome: 'accepted' | 'duplicate' | 'refused';
  code: string | null;
  commune: string | null;
  communeName: string | null;
  year: number | null;
  revision: number | null;
  sha256: string | null;
}

const OUTCOME_VI: Record<ImportLogRow['outcome'], string> = { accepted: 'Đã nhận', duplicate: 'Đã có (trùng)', refused: 'Từ chối' };
const HEADERS = ['Thời điểm', 'Người nhập', 'Tệp', 'Kết quả', 'Mã lỗi', 'Mã xã', 'Tên xã', 'Năm', 'Lần gửi', 'SHA-256'];

export function importLogRows(ctx: ServiceContext): ImportLogRow[] {
  const names = new Map<string, string | null>();
  const nameOf = (code: string) => {
    if (!names.has(code)) names.set(code, rosterEntry(ctx.db, code)?.name ?? null);
    return names.get(code) ?? null;
  };
  return listImportLog(ctx.db).map((e) => ({
    at: e.at, actor: e.actor, file: e.fileName, outcome: e.outcome, code: e.code, commune: e.communeCode,
    communeName: e.communeCode ? nameOf(e.communeCode) : null, year: e.year, revision: e.revision, sha256: e.fileSha256,
  }));
}

function cells(r: ImportLogRow): (string | number | null)[] {
  return [r.at, r.actor, r.file, OUTCOME_VI[r.outcome], r.code, r.commune, r.communeName, r.year, r.revision, r.sha256];
}


export async function importLogXlsx(rows: readonly ImportLogRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chỉ số CCHC';
  const ws = wb.addWorksheet('Nhật ký nhập hồ sơ', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 26 }, { width: 24 }, { width: 40 }, { width: 14 }, { width: 24 }, { width: 9 }, { width: 28 }, { width: 7 }, { width: 8 }, { width: 66 }];
  const header = ws.addRow(HEADERS);
  header.font = { bold: true };
  // A text cell a spreadsheet would run as a formula is kept as text (kernel/files/spreadsheet-text.ts).
  for (const r of rows) ws.addRow(xlsxValues(cells(r)));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADERS.length } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function importLogCsv(rows: readonly ImportLogRow[]): Uint8Array {
  const lines = [HEADERS, ...rows.map(cells)].map((r) => r.map((v) => csvField(v)).join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
