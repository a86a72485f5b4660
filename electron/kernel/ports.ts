/**
 * What the platform provides, injected by the composition root (electron/app): Electron's
 * dialogs and print engine in the app, Playwright's in the browser harness, stubs in tests; on
 * the command line no dialog and no print engine at all.
 */
export type { SecretProtector } from './signing/key-vault';
export type { Clock } from './context';

/** OS dialogs (never clicked in tests: stubbed). */
export interface Dialogs {
  /** One file to open; null when cancelled. */
  openFile(options: DialogOptions): Promise<string | null>;
  /** Several files to open; [] when cancelled. */
  openFiles(options: DialogOptions): Promise<string[]>;
  /** A folder (a USB stick, say) to write into; null when cancelled. */
  chooseFolder(options: { titleKey: string }): Promise<string | null>;
  /** Where to save one file; null when cancelled. */
  saveFile(options: DialogOptions & { defaultName: string }): Promise<string | null>;
  /** Open a stored file with the system's default program (a PDF reader, Word…). */
  openPath(path: string): Promise<void>;
  /** The paths of files dropped on the window, held by main under a one-shot token (electron/main/drop.ts); [] for another token. */
  dropped?(token: string): string[];
}

export interface DialogOptions {
  titleKey: string;
  filters: { name: string; extensions: string[] }[];
}

/** The operating system's print dialog for a document: Electron's webContents.print in the app. */
export interface DocumentPrinter {
  /** Opens the print dialog for a self-contained HTML document (the very one the PDF prints); false: cancelled. */
  print(html: string): Promise<boolean>;
}

/** Chromium's print engine: Electron's printToPDF in the app, Playwright's page.pdf in the harness. */
export interface PdfPrinter {
  /** An A4 PDF of a self-contained HTML document (no script, no external resource). */
  fromHtml(html: string): Promise<Uint8Array>;
}

/**
 * Where a use case writes (a folder, or a file for a save dialog, which suggests `defaultName`),
 * asked only when the use case gets there (after the passphrase was checked, say): a dialog in
 * the app, --out on the command line. Null: the user cancelled, and nothing is written.
 */
export type Destination = (defaultName?: string) => Promise<string | null>;
