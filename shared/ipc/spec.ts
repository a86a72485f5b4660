import type { z } from 'zod';

/** One channel of the contract: a zod schema for the input, a phantom for the output type. */
export interface ChannelSpec {
  input: z.ZodType;
  output: unknown;
}

/** A phantom value that only carries an output type. */
export const out = <T>(): T => undefined as unknown as T;
