import type { AppErrorShape, Result } from '../../../shared/errors';
import { AppError } from '../../../shared/errors';
import type { Channel } from '../../../shared/ipc/contract';
import { CHANNELS, contract } from '../../../shared/ipc/contract';
import { classifySqliteError } from '../db/errors';
import type { Policy } from '../policy';
import { parseInput } from '../validation';
import type { Handlers } from './handler';

export interface Sender {
  /** URL of the frame that sent the request (Electron: event.senderFrame.url). */
  url: string;
}

export interface RouterOptions {
  isTrustedSender(sender: Sender): boolean;
  /** The policy check of the composition root (the one AppContext.perform uses). */
  enforce(policy: Policy): void;
  /** Where unexpected failures are written (never to the UI). */
  logError?(channel: string, err: unknown): void;
}

export type Route = (channel: string, input: unknown, sender: Sender) => Promise<Result<unknown>>;

const known = new Set<string>(CHANNELS);

function fail(error: AppErrorShape): Result<never> {
  return { ok: false, error };
}

/**
 * The validating router: sender, channel, input (the contract's schema), policy, then the
 * feature's handler; `{ok, value}` or a stable error code, never a stack. It imports no Electron:
 * ipcMain.handle, the unit tests and the Chromium harness call the same function.
 */
export function createRouter(handlers: Handlers, options: RouterOptions): Route {
  return async (channel, input, sender) => {
    if (!options.isTrustedSender(sender)) return fail({ code: 'UNTRUSTED_SENDER', messageKey: 'UNTRUSTED_SENDER' });
    if (typeof channel !== 'string' || !known.has(channel)) return fail({ code: 'UNKNOWN_CHANNEL', messageKey: 'UNKNOWN_CHANNEL' });
    const c = channel as Channel;
    try {
      const parsed = parseInput(contract[c].input, input);
      const h = handlers[c] as { policy: Policy; handle(input: unknown): unknown };
      options.enforce(h.policy);
      return { ok: true, value: await h.handle(parsed) };
    } catch (err) {
      const appError = err instanceof AppError ? err : classifySqliteError(err);
      if (appError.code === 'INTERNAL') options.logError?.(channel, err);
      return fail(appError.toShape());
    }
  };
}
