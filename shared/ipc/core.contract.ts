import { z } from 'zod';
import type { Framework } from '../framework/schema';
import type { FrameworkRef, Identity } from '../identity';
import { setupInputSchema } from '../identity';
import type { CoreChannel } from './core.channels';
import type { ChannelSpec } from './spec';
import { out } from './spec';

export interface ReplacePreview {
  carried: string[];
  dropped: { code: string; reason: 'ITEM_GONE' | 'RULE_CHANGED' | 'LEVEL_GONE' | 'NA_NOT_ALLOWED' }[];
}

export interface AppInfo {
  version: string;
  schemaVersion: number;
  platform: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityKey: string;
  old: unknown;
  new: unknown;
}

/** A framework file the user picked, validated and held by main until setup completes. */
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

export const SETTING_KEYS = ['language'] as const;

/** The app frame's part of the IPC contract (see contract.ts). */
export const coreContract = {
  'app:info': { input: z.undefined(), output: out<AppInfo>() },
  'setup:get': { input: z.undefined(), output: out<Identity | null>() },
  'setup:complete': {
    input: z.object({ setup: setupInputSchema, frameworkToken: z.string().max(100).optional() }),
    output: out<Identity>(),
  },
  /** Main shows the open dialog, reads and validates; null when the user cancels. */
  'framework:choose': { input: z.undefined(), output: out<FrameworkChoice | null>() },
  'framework:active': { input: z.undefined(), output: out<Framework>() },
  /** What switching to a chosen framework keeps and leaves behind (nothing is written). */
  'framework:previewReplace': { input: z.object({ token: z.string().max(100) }), output: out<ReplacePreview>() },
  'framework:replace': {
    input: z.object({ token: z.string().max(100) }),
    output: out<ReplacePreview & { framework: FrameworkRef }>(),
  },
  'settings:get': { input: z.object({ key: z.enum(SETTING_KEYS) }), output: out<string | null>() },
  'settings:set': {
    input: z.object({ key: z.enum(SETTING_KEYS), value: z.string().max(200) }),
    output: out<null>(),
  },
  'audit:list': {
    input: z.object({ entity: z.string().max(50).optional(), limit: z.number().int().min(1).max(1000).optional() }),
    output: out<AuditEntry[]>(),
  },
} satisfies { [C in CoreChannel]: ChannelSpec };
