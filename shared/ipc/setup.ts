/** Identity (first-run setup), settings and what the app reports about itself. */
import { z } from 'zod';
import type { Identity } from '../identity';
import { setupInputSchema } from '../identity';
import type { FeatureContract } from './spec';
import { out } from './spec';

export interface AppInfo {
  version: string;
  schemaVersion: number;
  platform: string;
}

/** surveyKeyer: the last name typed in "Người nhập" on the survey keying screen, offered again. */
export const SETTING_KEYS = ['language', 'surveyKeyer'] as const;

/**
 * A correction of the setup: only the fields given change (an empty officer name or title clears
 * it); the result is checked with the setup's own rules. After a package was exported, a reason.
 */
export const setupCorrectionSchema = z.strictObject({
  unitName: z.string().max(200).optional(),
  unitCode: z.string().max(20).optional(),
  provinceCode: z.string().max(20).optional(),
  reviewerCode: z.string().max(20).optional(),
  officerName: z.string().max(200).optional(),
  officerTitle: z.string().max(200).optional(),
  year: z.union([z.number(), z.string().max(10)]).optional(),
  unitType: z.string().max(20).optional(),
  reason: z.string().max(1000).optional(),
});
export type SetupCorrection = z.output<typeof setupCorrectionSchema>;

export const SETUP_CHANNELS = ['app:info', 'setup:get', 'setup:complete', 'setup:correct', 'settings:get', 'settings:set'] as const;
export type SetupChannel = (typeof SETUP_CHANNELS)[number];

export const setupContract = {
  'app:info': { input: z.undefined(), output: out<AppInfo>() },
  'setup:get': { input: z.undefined(), output: out<Identity | null>() },
  /** frameworkToken: a framework file chosen with framework:choose; the shipped sample without one. */
  'setup:complete': {
    input: z.object({ setup: setupInputSchema, frameworkToken: z.string().max(100).optional() }),
    output: out<Identity>(),
  },
  'setup:correct': { input: setupCorrectionSchema, output: out<Identity>() },
  'settings:get': { input: z.object({ key: z.enum(SETTING_KEYS) }), output: out<string | null>() },
  'settings:set': {
    input: z.object({ key: z.enum(SETTING_KEYS), value: z.string().max(200) }),
    output: out<null>(),
  },
} satisfies FeatureContract<SetupChannel>;
