/**
 * The platform ports the composition root takes (createAppRuntime): electron/main implements them
 * with Electron, the test harness with Playwright and stubs; the command line passes none.
 */
export type { Clock } from '../kernel/context';
export type { DialogOptions, Dialogs, DocumentPrinter, PdfPrinter, SecretProtector } from '../kernel/ports';
