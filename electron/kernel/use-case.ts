/**
 * A use case: one thing the app does for a person, with its policy. IPC handlers and CLI commands
 * are thin adapters around use cases: they turn a channel's input or argv into the use case's
 * typed input (parsed once, at that boundary) and call AppContext.perform.
 */
import type { ServiceContext } from './context';
import type { StoreControl } from './db/store-control';
import type { Policy } from './policy';
import type { Dialogs, DocumentPrinter, PdfPrinter } from './ports';
import type { KeyStore } from './signing/key-store';
import type { EmitEvent } from './ipc/events';

export interface UseCase<I, O> {
  /** `feature.verb`, for logs. */
  readonly name: string;
  readonly policy: Policy;
  readonly run: (app: AppContext, input: I) => O | Promise<O>;
}

export function useCase<I = undefined, O = unknown>(
  name: string,
  policy: Policy,
  run: (app: AppContext, input: I) => O | Promise<O>,
): UseCase<I, O> {
  return { name, policy, run };
}

/** What use cases, handlers and commands get from the composition root (electron/app/runtime.ts). */
export interface AppContext {
  /** The database, the clock and who acts (for the audit log). */
  ctx: ServiceContext;
  /** The folder holding the database: evidence files and the key file live beside it. */
  dataDir: string;
  /** The database file and its replacement (backups, restore, recovery). */
  store: StoreControl;
  appVersion: string;
  platform: string;
  /** The signing key file beside the database (never its contents in the database). */
  keys: KeyStore;
  dialogs: Dialogs;
  /** Chromium's print engine; null where none runs (the command line). */
  pdf: PdfPrinter | null;
  /** The print dialog; null where there is none (the command line, a test without one). */
  printer: DocumentPrinter | null;
  /**
   * Check the use case's policy, then run it. The check happens right before `run` starts, so a
   * use case that writes under the lock must not wait (await) before its transaction: adapters do
   * their reading and dialogs first.
   */
  perform<I, O>(useCase: UseCase<I, O>, input: I): Promise<O>;
  /** Main → renderer notifications (progress); nowhere on the command line. */
  emit?: EmitEvent;
  /** A line in the app's log (logs/chiso.log) for what the person need not act on: a fallback taken, a slower path. */
  logWarn?(event: string, details: Record<string, unknown>): void;
  /** Check a policy alone (the router, before a handler opens a dialog). */
  enforce(policy: Policy): void;
}
