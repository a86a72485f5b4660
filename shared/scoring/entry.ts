/**
 * What a clerk enters for one item (or one bonus/penalty adjustment). The shape is
 * checked by zod; whether the numbers make sense for the item's rule (integers, within the
 * maximum, numerator ≤ denominator…) is checked by validateEntry in engine.ts, so that each
 * problem gets its own stable code and Vietnamese sentence.
 */
import { z } from 'zod';
import { codeSchema } from '../framework/schema';

const ratioInput = <T extends 'bands' | 'ratio' | 'ratio-target'>(type: T) =>
  z.strictObject({
    type: z.literal(type),
    numerator: z.number(),
    denominator: z.number(),
    /** The optional third number, e.g. late dossiers: numerator + complement = denominator. */
    complement: z.number().optional(),
  });

export const itemInputSchema = z.discriminatedUnion('type', [
  /** Also the input of every adjustment (bonus/penalty). */
  z.strictObject({ type: z.literal('manual'), points: z.number() }),
  z.strictObject({ type: z.literal('binary'), done: z.boolean() }),
  z.strictObject({ type: z.literal('tiered'), level: z.string() }),
  ratioInput('bands'),
  ratioInput('ratio'),
  ratioInput('ratio-target'),
  z.strictObject({ type: z.literal('deduction'), events: z.number() }),
  z.strictObject({ type: z.literal('increment'), units: z.number() }),
  /** Keyed by the rule's input names; checked against the rule by validateEntry. */
  z.strictObject({ type: z.literal('formula'), values: z.record(z.string(), z.number()) }),
]);

/**
 * Survey items take no input (their points come from the survey tally), except a survey item
 * whose points are entered ('entered' source), which takes a manual input. An entry keyed by a
 * criterion's code marks that whole criterion not applicable ({ notApplicable: true }).
 */
export const itemEntrySchema = z.strictObject({
  notApplicable: z.boolean().optional(),
  input: itemInputSchema.optional(),
});

/** All entries of one self-assessment, keyed by item, criterion (N/A only) or adjustment code. */
export const entriesSchema = z.record(codeSchema, itemEntrySchema);

export type ItemInput = z.infer<typeof itemInputSchema>;
export type ItemInputType = ItemInput['type'];
export type ItemEntry = z.infer<typeof itemEntrySchema>;
export type Entries = z.infer<typeof entriesSchema>;
export type RatioInput = Extract<ItemInput, { type: 'bands' | 'ratio' | 'ratio-target' }>;
