import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../router/router';

/**
 * Chromium's print engine behind the PdfPrinter seam: a hidden, sandboxed window with
 * JavaScript off loads the self-contained HTML and prints it to an A4 PDF.
 */
export const electronPdf: PdfPrinter = {
  async fromHtml(html) {
    const win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, spellcheck: false },
    });
    try {
      await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      return new Uint8Array(pdf);
    } finally {
      win.destroy();
    }
  },
};
