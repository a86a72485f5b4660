import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../app/ports';
import { WEB_PREFERENCES } from './security';

/**
 * Chromium's print engine behind the PdfPrinter seam: a hidden, sandboxed window with no preload
 * and JavaScript off loads the HTML from a temporary file (a data: URL is limited in size), then
 * printToPDF on A4. The file is removed afterwards.
 */
export const electronPdf: PdfPrinter = {
  async fromHtml(html) {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-pdf-'));
    const file = join(dir, 'print.html');
    writeFileSync(file, html, 'utf8');
    const win = new BrowserWindow({
      show: false,
      webPreferences: { ...WEB_PREFERENCES, javascript: false },
    });
    try {
      await win.loadURL(pathToFileURL(file).href);
      const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      return new Uint8Array(pdf);
    } finally {
      win.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
