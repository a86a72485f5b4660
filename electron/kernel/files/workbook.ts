/**
 * The one way a user's spreadsheet is opened: the zip is unpacked under a budget first (a zip
 * bomb or a header that lies about its sizes is refused before ExcelJS sees it), then loaded; a
 * file that is not a workbook is FILE_UNREADABLE. Every xlsx reader (roster, survey forms, last
 * year's results, frameworks) goes through here; a test keeps it that way.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { checkZipBudget } from './zip-budget';

export async function loadUserWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  checkZipBudget(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('FILE_UNREADABLE', 'not an xlsx', { reason: 'NOT_XLSX' });
  }
  return wb;
}
