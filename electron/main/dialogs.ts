import type { BrowserWindow, OpenDialogOptions } from 'electron';
import { basename } from 'node:path';
import { dialog, shell } from 'electron';
import { AppError } from '../../shared/errors';
import { isOpenableName, safeFileName } from '../../shared/file-name';
import type { Dialogs } from '../app/ports';

// Dialog titles by key; the OS draws the rest in its own language.
const TITLES: Record<string, string> = {
  'dialogs.chooseFramework': 'Chọn tệp bộ tiêu chí (JSON)',
  'dialogs.chooseEvidence': 'Chọn tài liệu kiểm chứng',
  'dialogs.chooseFolder': 'Chọn thư mục hoặc USB để lưu',
  'dialogs.chooseEntries': 'Chọn tệp số liệu (JSON)',
  'dialogs.chooseSpreadsheet': 'Chọn bảng tính phiếu điều tra (xlsx, csv)',
  'dialogs.chooseBackupFolder': 'Chọn thư mục hoặc USB để lưu bản sao lưu khóa ký',
  'dialogs.chooseKeyBackup': 'Chọn tệp sao lưu khóa ký',
  'dialogs.choosePackages': 'Chọn các gói hồ sơ của xã (JSON)',
  'dialogs.choosePackageFolder': 'Chọn thư mục hoặc USB chứa gói hồ sơ của xã',
  'dialogs.chooseRoster': 'Chọn tệp danh sách xã (CSV, Excel)',
  'dialogs.chooseApproval': 'Chọn tệp duyệt đăng ký khóa của đơn vị thẩm định',
  'dialogs.chooseAppraisal': 'Chọn tệp kết quả thẩm định của đơn vị thẩm định (JSON)',
  'dialogs.chooseEnrolmentRequests': 'Chọn tệp đề nghị đăng ký khóa của xã (JSON)',
  'dialogs.chooseEnrolmentFolder': 'Chọn thư mục hoặc USB chứa đề nghị đăng ký khóa',
  'dialogs.surveyTemplate': 'Lưu bảng tính mẫu phiếu điều tra (Excel)',
  'dialogs.chooseSupportFolder': 'Chọn thư mục để lưu gói hỗ trợ',
  'dialogs.savePdf': 'Lưu bảng tổng hợp (PDF)',
  'dialogs.saveXlsx': 'Lưu bảng tổng hợp (Excel)',
  'dialogs.chooseHistory': 'Chọn tệp kết quả năm trước (CSV, Excel)',
  'dialogs.saveReportXlsx': 'Lưu kết quả xếp hạng (Excel)',
  'dialogs.saveReportCsv': 'Lưu bảng xếp hạng (CSV)',
  'dialogs.saveReportPdf': 'Lưu báo cáo kết quả (PDF)',
  'dialogs.chooseWholeData': 'Chọn tệp toàn bộ dữ liệu (.cchc-all) để nhập',
  'dialogs.saveImportLog': 'Lưu nhật ký nhập hồ sơ',
};

const title = (key: string): string => TITLES[key] ?? 'Chỉ số CCHC';

/** Electron's dialogs behind the Dialogs seam (tests use stubs instead). */
export function electronDialogs(win: () => BrowserWindow | null): Dialogs {
  const open = async (opts: OpenDialogOptions): Promise<string[]> => {
    const w = win();
    const res = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
    return res.canceled ? [] : res.filePaths;
  };
  return {
    async openFile({ titleKey, filters }) {
      return (await open({ title: title(titleKey), properties: ['openFile'], filters }))[0] ?? null;
    },
    async openFiles({ titleKey, filters }) {
      return open({ title: title(titleKey), properties: ['openFile', 'multiSelections'], filters });
    },
    async chooseFolder({ titleKey }) {
      return (await open({ title: title(titleKey), properties: ['openDirectory', 'createDirectory'] }))[0] ?? null;
    },
    async saveFile({ titleKey, filters, defaultName }) {
      const w = win();
      // The suggested name may hold a code or a name from a file: one safe path component, whatever it is.
      const opts = { title: title(titleKey), filters, defaultPath: safeFileName(defaultName) };
      const res = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts);
      return res.canceled || !res.filePath ? null : res.filePath;
    },
    async openPath(path) {
      // Only documents the app wrote or the user attached reach here; a program, a script or a
      // shortcut is refused whatever asked for it (the system would run it).
      if (!isOpenableName(path)) throw new AppError('OPEN_REFUSED', 'not a document', { name: basename(path) });
      const error = await shell.openPath(path);
      if (error) throw new Error(error);
    },
  };
}
