/**
 * The one module that touches `window.api` (the preload's bridge to main). Screens reach it
 * through useApiCall/useApiLoad (lib/use-api-call.ts); the zustand stores (app settings, the
 * assessment autosave) and the menu subscription in Layout use `client` and `subscribe` here.
 */
import type { Result } from '@shared/errors';
import type { Api } from '@shared/ipc/api';
import type { EventName, EventPayloads } from '@shared/ipc/contract';
import { CHANNELS } from '@shared/ipc/contract';
import { ApiError } from './api-error';

declare global {
  interface Window {
    api: Api;
  }
}

/** Unwrap a Result: the value, or an ApiError to show. */
export async function call<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p;
  if (r.ok) return r.value;
  throw new ApiError(r.error);
}

type Unwrapped<F> = F extends (...args: infer A) => Promise<Result<infer T>> ? (...args: A) => Promise<T> : never;

/** window.api with each result unwrapped: `client.keys.status()` gives the value or throws an ApiError. */
export type Client = { [D in Exclude<keyof Api, 'on'>]: { [V in keyof Api[D]]: Unwrapped<Api[D][V]> } };

type Bridge = Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>>;

function buildClient(): Client {
  const c: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string];
    // window.api is read at call time, so the client can be built before the page has it.
    (c[domain] ??= {})[verb] = (input?: unknown) => call((window.api as unknown as Bridge)[domain]![verb]!(input));
  }
  return c as unknown as Client;
}

export const client: Client = buildClient();

/** Listen to a main → renderer event (the application menu); returns the unsubscribe function. */
export function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
  return window.api.on(event, listener);
}

/** A main → renderer event with its payload typed (shared/ipc/contract.ts EventPayloads); returns the unsubscribe function. */
export function listen<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
  return window.api.on(event, (payload) => listener(payload as EventPayloads[E]));
}

/** Files dropped on the window → the token main holds their paths under (null: nothing on disk, or no preload support). */
export function droppedFilesToken(files: readonly File[]): Promise<string | null> {
  return window.api.pathsForDroppedFiles?.(files) ?? Promise.resolve(null);
}
