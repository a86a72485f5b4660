import type { z } from 'zod';

/** One channel of the contract: a zod schema for the input, a phantom for the output type. */
export interface ChannelSpec {
  input: z.ZodType;
  output: unknown;
}

/**
 * A feature's part of the contract: exactly the channels it lists. Used with `satisfies`, which
 * refuses a listed channel without a spec and a spec whose channel is not listed.
 */
export type FeatureContract<C extends string> = { [K in C]: ChannelSpec };

/** A phantom value that only carries an output type. */
export const out = <T>(): T => undefined as unknown as T;
