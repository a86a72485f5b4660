import type { z } from 'zod';
import type { AppErrorShape, Result } from '../../../shared/errors';
import { AppError } from '../../../shared/errors';
import type { Channel, ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { CHANNELS, contract } from '../../../shared/ipc/contract';
import type { ServiceContext } from '../context';
import type { KeyStore } from '../signing/key-store';
import type { ReportSources } from '../../features/export/report-sources';
import { classifySqliteError } from '../db/open';

/** One function per channel; the compiler insists that every channel has one. */
export type Handlers = {
  [C in Channel]: (input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** OS dialogs, injected: Electron's in the app, stubs in tests (never clicked). */
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
}

export interface DialogOptions {
  titleKey: string;
  filters: { name: string; extensions: string[] }[];
}

/** Chromium's print engine: Electron's printToPDF in the app, Playwright's page.pdf in tests. */
export interface PdfPrinter {
  /** An A4 PDF of a self-contained HTML document (no script, no external resource). */
  fromHtml(html: string): Promise<Uint8Array>;
}

/** What handlers may use: the services' context, dialogs and where the app keeps files. */
export interface Runtime {
  ctx: ServiceContext;
  dialogs: Dialogs;
  pdf: PdfPrinter;
  /** The folder holding the database; evidence files and keys live beside it. */
  dataDir: string;
  appVersion: string;
  platform: string;
  /** The signing key file beside the database (never its contents in the database). */
  keys: KeyStore;
  /** Where the commune report's content comes from (see services/report-sources.ts). */
  reportSources: ReportSources;
}

export interface Sender {
  /** URL of the frame that sent the request (Electron: event.senderFrame.url). */
  url: string;
}

export interface RouterOptions {
  isTrustedSender(sender: Sender): boolean;
  /** Where unexpected failures are written (never to the UI). */
  logError?(channel: string, err: unknown): void;
}

export type Route = (channel: string, input: unknown, sender: Sender) => Promise<Result<unknown>>;

const known = new Set<string>(CHANNELS);

function fail(error: AppErrorShape): Result<never> {
  return { ok: false, error };
}

/**
 * The validating router. It imports no Electron: ipcMain.handle, the unit tests, the CLI
 * and the Chromium harness all call the same function; only the transport differs.
 */
export function createRouter(handlers: Handlers, options: RouterOptions): Route {
  return async (channel, input, sender) => {
    if (!options.isTrustedSender(sender)) {
      return fail({ code: 'UNTRUSTED_SENDER', messageKey: 'UNTRUSTED_SENDER' });
    }
    if (typeof channel !== 'string' || !known.has(channel)) {
      return fail({ code: 'UNKNOWN_CHANNEL', messageKey: 'UNKNOWN_CHANNEL' });
    }
    const c = channel as Channel;
    const parsed = (contract[c].input as z.ZodType).safeParse(input);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
      return fail({ code: 'INVALID_INPUT', messageKey: 'INVALID_INPUT', details: { fields } });
    }
    try {
      const handler = handlers[c] as (i: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (err) {
      const appError = err instanceof AppError ? err : classifySqliteError(err);
      if (appError.code === 'INTERNAL') options.logError?.(channel, err);
      return fail(appError.toShape());
    }
  };
}
