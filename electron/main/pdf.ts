import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../app/ports';
import { WEB_PREFERENCES } from './security';

/**
 * A document in a hidden, sandboxed window with no preload and JavaScript off, loaded from a
 * temporary file (a data: URL is limited in size); the window and the file are removed after
 * `use` ends. The PDF engine and the print dialog both print from it.
 */
export async function withDocumentWindow<T>(html: string, use: (win: BrowserWindow) => Promise<T>, parent?: BrowserWindow): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-print-'));
  const file = join(dir, 'print.html');
  writeFileSync(file, html, 'utf8');
  const win = new BrowserWindow({
    show: false,
    ...(parent ? { parent } : {}),
    webPreferences: { ...WEB_PREFERENCES, javascript: false },
  });
  try {
    await win.loadURL(pathToFileURL(file).href);
    return await use(win);
  } finally {
    win.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Chromium's print engine behind the PdfPrinter seam: printToPDF on A4. */
export const electronPdf: PdfPrinter = {
  fromHtml: (html) =>
    withDocumentWindow(html, async (win) => {
      const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      return new Uint8Array(pdf);
    }),
};
