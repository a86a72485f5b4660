/** Printing a document on paper through the system's print dialog: the same HTML its PDF is printed from. */
import { z } from 'zod';
import { reportQuerySchema } from './report';
import type { FeatureContract } from './spec';
import { out } from './spec';

/** printed: false when the person cancelled the print dialog (nothing was printed). */
export interface PrintResult {
  printed: boolean;
}

export const PRINT_CHANNELS = ['print:summary', 'print:report'] as const;
export type PrintChannel = (typeof PRINT_CHANNELS)[number];

export const printContract = {
  /** The commune's self-assessment summary (Nghị định 30/2020/NĐ-CP layout), as its PDF. */
  'print:summary': { input: z.undefined(), output: out<PrintResult>() },
  /** The reviewing unit's report of a year, as its PDF (the same query). */
  'print:report': { input: reportQuerySchema, output: out<PrintResult>() },
} satisfies FeatureContract<PrintChannel>;
