/** Diagnostics: the support bundle ("gói hỗ trợ") a clerk sends when something goes wrong. */
import { z } from 'zod';
import type { FeatureContract } from './spec';
import { out } from './spec';

export interface SupportBundleWritten {
  /** Where the bundle was written (one JSON file). */
  path: string;
  bytes: number;
}

export const DIAGNOSTICS_CHANNELS = ['diagnostics:supportBundle'] as const;
export type DiagnosticsChannel = (typeof DIAGNOSTICS_CHANNELS)[number];

export const diagnosticsContract = {
  /** Asks for a folder, writes the bundle there; null when the dialog was cancelled. */
  'diagnostics:supportBundle': { input: z.undefined(), output: out<SupportBundleWritten | null>() },
} satisfies FeatureContract<DiagnosticsChannel>;
