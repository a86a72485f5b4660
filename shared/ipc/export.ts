/** The commune's signed report (package): exporting it, and an e-mail draft carrying it. */
import { z } from 'zod';
import { passphrase } from './keys';
import type { FeatureContract } from './spec';
import { out } from './spec';

export interface ExportView {
  packageId: string;
  revision: number;
  sha256: string;
  size: number;
  fileName: string;
  folder: string;
  path: string;
  createdAt: string;
  tooLargeForEmail: boolean;
}

/**
 * What the pre-export check found. A `stop` cannot be overridden (not finalised, no key, an entry
 * with a hard error, a required item not entered); a `warning` can, with a reason that is logged
 * and carried in the package (the sample framework, the survey below its minimum, the submission
 * deadline passed); an `info` only informs (the deadline within three days, or today).
 */
export const EXPORT_PROBLEM_CODES = [
  'NOT_FINALISED', 'NO_KEY', 'ENTRY_ERROR', 'REQUIRED_MISSING', 'SAMPLE_FRAMEWORK', 'SURVEY_BELOW_MINIMUM', 'DEADLINE_PASSED', 'DEADLINE_NEAR', 'DEADLINE_TODAY',
] as const;
export type ExportProblemCode = (typeof EXPORT_PROBLEM_CODES)[number];

/** The deadline is announced this many days ahead (DEADLINE_NEAR). */
export const DEADLINE_NEAR_DAYS = 3;

export interface ExportProblem {
  code: ExportProblemCode;
  severity: 'stop' | 'warning' | 'info';
  /** The item, adjustment or criterion concerned (ENTRY_ERROR, REQUIRED_MISSING); null otherwise. */
  itemCode: string | null;
  /** Figures for the sentence: forms / minimum for the survey; days and date (dd/mm/yyyy) for the deadline. */
  params: Record<string, number | string>;
  /** A Vietnamese sentence (the engine's, for ENTRY_ERROR): what is wrong and what to do. */
  message: string;
}

/** Counts the package carries in its `completeness` block (docs/package-format.md). */
export interface ExportCompleteness {
  items: { total: number; entered: number; required: number; requiredEntered: number };
  forms: { saved: number; minimum: number | null; target: number | null };
}

export interface ExportCheck {
  stops: ExportProblem[];
  warnings: ExportProblem[];
  /** Information lines (severity `info`): nothing to override. */
  notes: ExportProblem[];
  completeness: ExportCompleteness;
}

/** The shortest override reason accepted (trimmed). */
export const OVERRIDE_REASON_MIN = 5;

export interface PackageStatus {
  exports: ExportView[];
  emailLimit: number;
}

export const EXPORT_CHANNELS = ['package:status', 'package:check', 'package:export', 'package:email'] as const;
export type ExportChannel = (typeof EXPORT_CHANNELS)[number];

export const exportContract = {
  'package:status': { input: z.undefined(), output: out<PackageStatus>() },
  /** The pre-export check: what stops the export and what needs a reason to override. */
  'package:check': { input: z.undefined(), output: out<ExportCheck>() },
  /** Main shows the folder dialog; null when cancelled. overrideReason: why the warnings of package:check are accepted. */
  'package:export': { input: z.object({ keyPassphrase: passphrase.optional(), overrideReason: z.string().max(1000).optional() }), output: out<ExportView | null>() },
  'package:email': { input: z.object({ packageId: z.string().max(100) }), output: out<{ emlPath: string }>() },
} satisfies FeatureContract<ExportChannel>;
