/**
 * The one composition root: store, features and ports put together. Electron's main process
 * (electron/main), the `chiso` command line (cli/chiso.ts) and the Chromium test harness all start
 * the app through createAppRuntime, with their own ports; only the ports differ.
 */
import { dirname, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { Clock, ServiceContext } from '../kernel/context';
import { systemClock } from '../kernel/context';
import type { Db } from '../kernel/db/open';
import { openDatabase } from '../kernel/db/open';
import type { StoreControl, StoreDamage } from '../kernel/db/store-control';
import type { Route, Sender } from '../kernel/ipc/router';
import { createRouter } from '../kernel/ipc/router';
import type { Policy, PolicyFacts } from '../kernel/policy';
import { enforcePolicy } from '../kernel/policy';
import type { Dialogs, DocumentPrinter, PdfPrinter, SecretProtector } from '../kernel/ports';
import { KeyStore, keyPathFor } from '../kernel/signing/key-store';
import type { ScryptParams } from '../kernel/signing/sealed-key';
import type { AppContext } from '../kernel/use-case';
import type { EmitEvent } from '../kernel/ipc/events';
import { activeLockFinalised } from '../features/assessment/lock-repo';
import { actorName, identityRole } from '../features/setup/identity-repo';
import { getSetting } from '../features/setup/settings';
import { startupChores } from '../features/backup/startup';
import { createHandlers } from './handlers';

export interface RuntimeOptions {
  dbPath: string;
  appVersion: string;
  /** OS dialogs; the command line has none (a use case asking for one is refused). */
  dialogs?: Dialogs;
  /** Chromium's print engine; without one (the command line) documents are written as HTML. */
  pdf?: PdfPrinter;
  /** The OS print dialog (the window); without one, printing is refused PRINT_UNAVAILABLE. */
  printer?: DocumentPrinter;
  /** OS secret storage for the signing key, where it is real (electron/main/secret-protector.ts). */
  secretProtector?: SecretProtector;
  /** Tests only: cheaper scrypt for passphrase-protected keys. */
  keyScrypt?: ScryptParams;
  platform?: string;
  /** Who acts, for the audit log; the officer (or unit) set up when absent. */
  actor?: string;
  /** Which windows may call the router; without it (the command line) every sender is refused. */
  isTrustedSender?(sender: Sender): boolean;
  nativeBinding?: string;
  clock?: Clock;
  logError?(channel: string, err: unknown): void;
  /** A line in the app's log for what the person need not act on (AppContext.logWarn). */
  logWarn?(event: string, details: Record<string, unknown>): void;
  /**
   * A damaged database (quick_check failed, not a database) opens the app in recovery mode instead
   * of failing: a placeholder store, every use case refused DB_CORRUPT but the backup feature's
   * restore path (the window and the e2e harness; the CLI's backup commands).
   */
  recoverOnCorrupt?: boolean;
  /** Main → renderer notifications (the window, the e2e harness); none on the command line. */
  emit?: EmitEvent;
  /** In the background after start: the daily backup when due, the evidence hash check (the window). */
  startupChores?: boolean;
}

export interface AppRuntime {
  /** The live connection (replaced by a restore: read it when needed, do not keep it). */
  readonly db: Db;
  app: AppContext;
  /** The IPC router over every feature's handlers. */
  route: Route;
  /** The menu's language (a setting), read before any window opens. */
  language(): 'vi' | 'en';
  /** The role set up on this computer (null before setup, or while the database is damaged), for the menu. */
  role(): 'commune' | 'reviewer' | null;
  close(): void;
}

const noDialogs: Dialogs = {
  openFile: refuseDialog,
  openFiles: refuseDialog,
  chooseFolder: refuseDialog,
  saveFile: refuseDialog,
  openPath: refuseDialog,
};

function refuseDialog(): Promise<never> {
  return Promise.reject(new AppError('INTERNAL', 'no dialog on the command line'));
}

export function createAppRuntime(options: RuntimeOptions): AppRuntime {
  const dbPath = resolve(options.dbPath);
  const clock = options.clock ?? systemClock;
  const openOptions = { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), now: () => clock.now() };
  let damage: StoreDamage | null = null;
  const openOrRecover = (recover = options.recoverOnCorrupt === true): Db => {
    try {
      return openDatabase(dbPath, openOptions);
    } catch (err) {
      if (!recover || !(err instanceof AppError) || err.code !== 'DB_CORRUPT') throw err;
      const problems = Array.isArray(err.details?.['problems']) ? (err.details['problems'] as string[]) : [err.message];
      damage = { problems };
      options.logError?.('store.open', err);
      // A placeholder the policy keeps everyone away from (recovery mode); the damaged file is untouched.
      return openDatabase(':memory:', openOptions);
    }
  };
  const ctx: ServiceContext = {
    db: openOrRecover(),
    clock,
    actor: options.actor !== undefined ? () => options.actor! : () => actorName(ctx.db) ?? 'setup',
  };
  const store: StoreControl = {
    path: dbPath,
    nativeBinding: options.nativeBinding,
    damage: () => damage,
    reopen(replace) {
      if (ctx.db.open) ctx.db.close();
      try {
        replace();
      } finally {
        damage = null;
        ctx.db = openOrRecover(true);
      }
      const still = store.damage();
      if (still) throw new AppError('DB_CORRUPT', 'the database is still damaged after the replacement', { problems: still.problems });
    },
  };
  const facts: PolicyFacts = { role: () => identityRole(ctx.db), locked: () => activeLockFinalised(ctx.db), damaged: () => damage !== null };
  const enforce = (policy: Policy): void => enforcePolicy(policy, facts);
  const app: AppContext = {
    ctx,
    dataDir: dirname(dbPath),
    store,
    appVersion: options.appVersion,
    platform: options.platform ?? process.platform,
    keys: new KeyStore(keyPathFor(dbPath), {
      protector: options.secretProtector,
      now: () => ctx.clock.now(),
      ...(options.keyScrypt ? { scrypt: options.keyScrypt } : {}),
    }),
    dialogs: options.dialogs ?? noDialogs,
    pdf: options.pdf ?? null,
    printer: options.printer ?? null,
    ...(options.emit ? { emit: options.emit } : {}),
    ...(options.logWarn ? { logWarn: options.logWarn } : {}),
    enforce,
    async perform(useCase, input) {
      enforce(useCase.policy);
      return useCase.run(app, input);
    },
  };
  const isTrustedSender = options.isTrustedSender ?? (() => false);
  const route = createRouter(createHandlers(app), { isTrustedSender, enforce, ...(options.logError ? { logError: options.logError } : {}) });
  const chores = options.startupChores && damage === null ? startupChores(app, options.logError) : null;
  return {
    get db() {
      return ctx.db;
    },
    app,
    route,
    language: () => (damage ? 'vi' : getSetting(ctx, 'language') === 'en' ? 'en' : 'vi'),
    role: () => (damage ? null : identityRole(ctx.db)),
    close: () => {
      chores?.cancel();
      try {
        if (ctx.db.open) ctx.db.close();
      } catch (err) {
        // Closing checkpoints the WAL; on a full disk that fails, and the WAL keeps every commit
        // (the next open replays it). Never let it hide the error that is being reported.
        options.logError?.('store.close', err);
      }
    },
  };
}
