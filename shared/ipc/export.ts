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

export interface PackageStatus {
  exports: ExportView[];
  emailLimit: number;
}

export const EXPORT_CHANNELS = ['package:status', 'package:export', 'package:email'] as const;
export type ExportChannel = (typeof EXPORT_CHANNELS)[number];

export const exportContract = {
  'package:status': { input: z.undefined(), output: out<PackageStatus>() },
  /** Main shows the folder dialog; null when cancelled. */
  'package:export': { input: z.object({ keyPassphrase: passphrase.optional() }), output: out<ExportView | null>() },
  'package:email': { input: z.object({ packageId: z.string().max(100) }), output: out<{ emlPath: string }>() },
} satisfies FeatureContract<ExportChannel>;
