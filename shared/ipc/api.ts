import type { Result } from '../errors';
import type { Channel, ChannelInput, ChannelOutput, EventName } from './contract';

type Args<C extends Channel> = undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

/** `window.api.setup.get()` for channel `setup:get`: one function per channel, nothing else. */
export type Api = {
  [D in Channel extends `${infer P}:${string}` ? P : never]: {
    [C in Channel as C extends `${D}:${infer V}` ? V : never]: (...args: Args<C>) => Promise<Result<ChannelOutput<C>>>;
  };
} & {
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  /**
   * Files dropped on the window → a token main holds their paths under (electron/main/drop.ts),
   * for `import:choose {from: 'drop', token}`; null when none is a file on disk. The preload's only.
   */
  pathsForDroppedFiles?(files: readonly File[]): Promise<string | null>;
};

export type Invoke = (channel: Channel, input: unknown) => Promise<Result<unknown>>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/** Build the api object from a transport; the preload and the test harness share this. */
export function buildApi(channels: readonly Channel[], invoke: Invoke, subscribe: Subscribe): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of channels) {
    const [domain, verb] = channel.split(':') as [string, string];
    (api[domain] ??= {})[verb] = (input?: unknown) => invoke(channel, input);
  }
  return Object.assign(api, { on: subscribe }) as unknown as Api;
}
