/**
 * The screens' one way to call main: `run` a call (or a few) and get busy, the error (for
 * <ErrorNotice>) and its sentence, retry, and no state set once the screen has gone.
 * useApiLoad is the same for data a screen shows: loaded on mount and when its inputs change.
 */
import type { DependencyList } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallState, RunOptions } from './api-call';
import { ApiCallMachine, IDLE } from './api-call';
import type { Client } from './api';
import { client } from './api';
import { errorCode } from './api-error';

export type { RunOptions } from './api-call';
export type { Client } from './api';

export interface ApiCall {
  busy: boolean;
  /** The last failure (an ApiError carries the code and details): pass it to <ErrorNotice>. */
  error: unknown;
  /** The failure's sentence from the error catalogue (`errors.<CODE>`) in the current language. */
  errorMessage: string | null;
  /**
   * Run `action` with the unwrapped api: its value, or undefined when it failed (the error is
   * then shown) or the screen has gone. Work that must happen even then (a store update) goes
   * inside the action; work for the screen goes after `await`.
   */
  run<T>(action: (api: Client) => Promise<T>, options?: RunOptions): Promise<T | undefined>;
  /** Run the last call again. */
  retry(): Promise<void>;
  clearError(): void;
  /** Show a failure found without calling (e.g. a value checked on screen). */
  fail(error: unknown): void;
}

export interface ApiLoad<T> {
  /** The last loaded value; kept while a newer load runs, null before the first. */
  data: T | null;
  busy: boolean;
  error: unknown;
  errorMessage: string | null;
  /** Load again (after a change, or to retry a failed load). */
  reload(): Promise<void>;
}

function useMachine(): { state: CallState; machine: ApiCallMachine; errorMessage: string | null } {
  const { t } = useTranslation();
  const [state, setState] = useState<CallState>(IDLE);
  const [machine] = useState(() => new ApiCallMachine(setState));
  useEffect(() => {
    machine.attach();
    return () => machine.detach();
  }, [machine]);
  const errorMessage = state.error === null || state.error === undefined ? null : t(`errors.${errorCode(state.error)}`);
  return { state, machine, errorMessage };
}

export function useApiCall(): ApiCall {
  const { state, machine, errorMessage } = useMachine();
  const run = useCallback(
    async <T,>(action: (api: Client) => Promise<T>, options?: RunOptions): Promise<T | undefined> => {
      const outcome = await machine.run(() => action(client), options);
      return outcome.ok ? outcome.value : undefined;
    },
    [machine],
  );
  const retry = useCallback(async () => void (await machine.retry()), [machine]);
  const clearError = useCallback(() => machine.clearError(), [machine]);
  const fail = useCallback((error: unknown) => machine.fail(error), [machine]);
  return useMemo(
    () => ({ busy: state.busy, error: state.error, errorMessage, run, retry, clearError, fail }),
    [state, errorMessage, run, retry, clearError, fail],
  );
}

/** `load` runs on mount and whenever `deps` change; a late answer to an older load is dropped. */
export function useApiLoad<T>(load: (api: Client) => Promise<T>, deps: DependencyList): ApiLoad<T> {
  const { state, machine, errorMessage } = useMachine();
  const [data, setData] = useState<T | null>(null);
  // The newest `load` closure (it reads the deps), without re-creating reload on every render.
  const latest = useRef(load);
  latest.current = load;
  const reload = useCallback(async () => {
    const outcome = await machine.run(() => latest.current(client), { latestOnly: true });
    if (outcome.ok) setData(() => outcome.value);
  }, [machine]);
  useEffect(() => {
    void reload();
    // The caller's deps decide when to load again, as with useEffect.
  }, deps);
  return { data, busy: state.busy, error: state.error, errorMessage, reload };
}
