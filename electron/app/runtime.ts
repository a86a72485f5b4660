import { dirname, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { PdfPrinter, Route, Sender } from '../kernel/ipc/router';
import { KeyStore, keyPathFor } from '../kernel/signing/key-store';
import type { SecretProtector } from '../kernel/signing/key-vault';
import type { ScryptParams } from '../kernel/signing/sealed-key';
import type { ReportSources } from '../features/export/report-sources';
import { liveReportSources } from '../features/export/report-sources-live';
import { createRouter } from '../kernel/ipc/router';
import type { Dialogs } from './handlers';
import { createHandlers } from './handlers';
import type { Clock, ServiceContext } from '../kernel/context';
import { systemClock } from '../kernel/context';
import type { Db } from '../kernel/db/open';
import { openDatabase } from '../kernel/db/open';

export interface RuntimeOptions {
  dbPath: string;
  dialogs: Dialogs;
  /** Chromium's print engine; without one (CLI, unit tests) printing a PDF is refused. */
  pdf?: PdfPrinter;
  appVersion: string;
  /** OS secret storage for the signing key, where it is real (electron/main/secret-protector.ts). */
  secretProtector?: SecretProtector;
  /** Where the report's content comes from; the assessment and survey features plug in here. */
  reportSources?: ReportSources;
  /** Tests only: cheaper scrypt for passphrase-protected keys. */
  keyScrypt?: ScryptParams;
  platform?: string;
  isTrustedSender(sender: Sender): boolean;
  nativeBinding?: string;
  clock?: Clock;
  logError?(channel: string, err: unknown): void;
}

export interface AppRuntime {
  db: Db;
  keys: KeyStore;
  ctx: ServiceContext;
  route: Route;
  close(): void;
}

/**
 * Compose store, services and router. Electron's main process, the CLI and the
 * Chromium test harness all start the app through this one function.
 */
export function createAppRuntime(options: RuntimeOptions): AppRuntime {
  const db = openDatabase(options.dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const actorStmt = db.prepare('SELECT coalesce(officer_name, unit_name) AS who FROM identity WHERE id = 1');
  const ctx: ServiceContext = {
    db,
    clock: options.clock ?? systemClock,
    actor: () => (actorStmt.get() as { who: string } | undefined)?.who ?? 'setup',
  };
  const keys = new KeyStore(keyPathFor(resolve(options.dbPath)), {
    protector: options.secretProtector,
    now: () => ctx.clock.now(),
    ...(options.keyScrypt ? { scrypt: options.keyScrypt } : {}),
  });
  const handlers = createHandlers({
    ctx,
    dataDir: dirname(resolve(options.dbPath)),
    dialogs: options.dialogs,
    pdf: options.pdf ?? noPdf,
    keys,
    reportSources: options.reportSources ?? liveReportSources(dirname(resolve(options.dbPath))),
    appVersion: options.appVersion,
    platform: options.platform ?? process.platform,
  });
  const route = createRouter(handlers, {
    isTrustedSender: options.isTrustedSender,
    ...(options.logError ? { logError: options.logError } : {}),
  });
  return { db, keys, ctx, route, close: () => db.close() };
}

const noPdf: PdfPrinter = {
  fromHtml: () => Promise.reject(new AppError('INTERNAL', 'no PDF printer in this runtime')),
};
