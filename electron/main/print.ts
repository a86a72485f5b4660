import type { BrowserWindow } from 'electron';
import { AppError } from '../../shared/errors';
import type { DocumentPrinter } from '../app/ports';
import { withDocumentWindow } from './pdf';

/**
 * The system's print dialog behind the DocumentPrinter seam: the document (the HTML its PDF is
 * made from) in the same hidden window as the PDF engine, then webContents.print with the dialog,
 * on A4. Without the app's window (closed, or not yet open) it refuses PRINT_UNAVAILABLE; a
 * printer's failure is PRINT_FAILED; a cancelled dialog is no error (false).
 */
export function electronPrinter(window: () => BrowserWindow | null): DocumentPrinter {
  return {
    async print(html) {
      const parent = window();
      if (!parent || parent.isDestroyed()) throw new AppError('PRINT_UNAVAILABLE', 'no app window to print from');
      return withDocumentWindow(html, (win) => new Promise<boolean>((resolve, reject) => {
        win.webContents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success, failureReason) => {
          if (success) resolve(true);
          else if (/cancel/iu.test(failureReason)) resolve(false);
          else reject(new AppError('PRINT_FAILED', failureReason || 'the print failed'));
        });
      }), parent);
    },
  };
}
