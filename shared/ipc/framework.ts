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

/** One problem of a framework file: where (a workbook cell, or a JSON path) and what. */
export interface FrameworkFileIssue {
  /** "Cấu trúc, dòng 14, cột E (Điểm tối đa)" for a workbook; the JSON path for a JSON file. */
  place: string;
  path: string | null;
  message: string;
  sheet?: string;
  row?: number;
  column?: string;
}

/** An installed framework: every version of every year stays installed. */
export interface InstalledFramework extends FrameworkRef {
  installedAt: string;
  /** The framework this unit's entries are kept against. */
  inUse: boolean;
}

/** A framework file the reviewing unit chose (JSON, xlsx or a package it signed), read and checked. */
export interface FrameworkSourceView {
  /** Present when the file can be installed (no problem found, or a signed package). */
  token: string | null;
  file: string;
  form: 'json' | 'xlsx' | 'package';
  issues: FrameworkFileIssue[];
  framework: Framework | null;
}

/** A signed framework file a commune chose: who signed it and what replacing would do. */
export interface SignedFrameworkView extends ReplacePreview {
  token: string;
  file: string;
  framework: Framework;
  publisher: { code: string; name: string; keyId: string };
  supersedes: { version: string; sha256: string } | null;
}

export const FRAMEWORK_CHANNELS = [
  'framework:choose', 'framework:active', 'framework:previewReplace', 'framework:replace',
  'framework:list', 'framework:get', 'framework:saveTemplate', 'framework:chooseSource', 'framework:install', 'framework:publish',
  'framework:chooseSigned', 'framework:importSigned',
] as const;
export type FrameworkChannel = (typeof FRAMEWORK_CHANNELS)[number];

const token = z.string().max(100);

export const frameworkContract = {
  /** Main shows the open dialog, reads and validates; null when the user cancels. */
  'framework:choose': { input: z.undefined(), output: out<FrameworkChoice | null>() },
  'framework:active': { input: z.undefined(), output: out<Framework>() },
  /** What switching to a chosen framework keeps and leaves behind (nothing is written). */
  'framework:previewReplace': { input: z.object({ token }), output: out<ReplacePreview>() },
  'framework:replace': { input: z.object({ token }), output: out<ReplacePreview & { framework: FrameworkRef }>() },
  /** Every installed framework, newest year first. */
  'framework:list': { input: z.undefined(), output: out<InstalledFramework[]>() },
  /** One installed framework, whole (review, comparison); the highest version without `version`. */
  'framework:get': { input: z.object({ id: z.string().max(128), version: z.string().max(40).optional() }), output: out<{ ref: InstalledFramework; framework: Framework }>() },
  /** Reviewing unit: the spreadsheet template (the sample written out), saved where the user says; null when cancelled. */
  'framework:saveTemplate': { input: z.undefined(), output: out<{ path: string } | null>() },
  /** Reviewing unit: open a JSON, xlsx or signed framework file and check it, every problem by place. */
  'framework:chooseSource': { input: z.undefined(), output: out<FrameworkSourceView | null>() },
  'framework:install': { input: z.object({ token }), output: out<FrameworkRef & { added: boolean }>() },
  /** Reviewing unit: sign an installed framework and write it to a chosen folder; null when cancelled. */
  'framework:publish': {
    input: z.object({ id: z.string().max(128), version: z.string().max(40).optional(), keyPassphrase: z.string().max(1024).optional() }),
    output: out<{ path: string; framework: FrameworkRef; supersedes: { version: string; sha256: string } | null; packageId: string } | null>(),
  },
  /** Commune: open a signed framework file, verify it against the pinned key, preview the switch. */
  'framework:chooseSigned': { input: z.undefined(), output: out<SignedFrameworkView | null>() },
  'framework:importSigned': {
    input: z.object({ token }),
    output: out<ReplacePreview & { framework: FrameworkRef; publisher: { code: string; name: string; keyId: string }; supersedes: { version: string; sha256: string } | null }>(),
  },
} satisfies FeatureContract<FrameworkChannel>;
