/** The criteria framework in use: choosing a file, and replacing the framework. */
import { z } from 'zod';
import type { Framework } from '../framework/schema';
import type { FrameworkRef } from '../identity';
import type { FeatureContract } from './spec';
import { out } from './spec';

export interface ReplacePreview {
  carried: string[];
  dropped: { code: string; reason: 'ITEM_GONE' | 'RULE_CHANGED' | 'LEVEL_GONE' | 'NA_NOT_ALLOWED' }[];
}

/** A framework file the user picked, validated and held by main until setup or replace uses it. */
export interface FrameworkChoice {
  token: string;
  title: string;
  year: number;
  provinceCode: string;
  provinceName: string;
  version: string;
  sample: boolean;
  itemCount: number;
}

export const FRAMEWORK_CHANNELS = ['framework:choose', 'framework:active', 'framework:previewReplace', 'framework:replace'] as const;
export type FrameworkChannel = (typeof FRAMEWORK_CHANNELS)[number];

const token = z.string().max(100);

export const frameworkContract = {
  /** Main shows the open dialog, reads and validates; null when the user cancels. */
  'framework:choose': { input: z.undefined(), output: out<FrameworkChoice | null>() },
  'framework:active': { input: z.undefined(), output: out<Framework>() },
  /** What switching to a chosen framework keeps and leaves behind (nothing is written). */
  'framework:previewReplace': { input: z.object({ token }), output: out<ReplacePreview>() },
  'framework:replace': { input: z.object({ token }), output: out<ReplacePreview & { framework: FrameworkRef }>() },
} satisfies FeatureContract<FrameworkChannel>;
