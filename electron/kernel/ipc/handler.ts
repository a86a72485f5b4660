/**
 * How a feature binds its channels to use cases (features/<f>/handlers.ts). The router
 * (router.ts) runs these; features never import the router itself.
 */
import type { Channel, ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { Policy } from '../policy';
import type { AppContext, UseCase } from '../use-case';

export interface Handler<C extends Channel> {
  /** The router checks it before `handle` starts, so a refusal comes before any dialog. */
  policy: Policy;
  /** Gets the input the contract parsed (never raw renderer data). */
  handle: (input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
}

export type HandlerTable<C extends Channel> = { [K in C]: Handler<K> };

/** One handler per channel: the compiler insists that every channel has one. */
export type Handlers = HandlerTable<Channel>;

/**
 * A channel that runs `useCase`. Without `adapt`, the channel's input is the use case's input and
 * its result the channel's output. With `adapt`, the adapter does what only the app does (dialogs,
 * tokens, opening a file for the user) and calls `run`, which performs the use case.
 */
export function handler<I, O>(app: AppContext, useCase: UseCase<I, O>): { policy: Policy; handle: (input: I) => Promise<O> };
export function handler<I, O, CI, CO>(
  app: AppContext,
  useCase: UseCase<I, O>,
  adapt: (input: CI, run: (input: I) => Promise<O>) => CO | Promise<CO>,
): { policy: Policy; handle: (input: CI) => Promise<CO> };
export function handler<I, O, CI, CO>(
  app: AppContext,
  useCase: UseCase<I, O>,
  adapt?: (input: CI, run: (input: I) => Promise<O>) => CO | Promise<CO>,
): { policy: Policy; handle: (input: CI | I) => Promise<CO | O> } {
  const run = (input: I): Promise<O> => app.perform(useCase, input);
  return {
    policy: useCase.policy,
    handle: async (input) => (adapt ? adapt(input as CI, run) : run(input as I)),
  };
}
