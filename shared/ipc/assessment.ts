/** The commune's self-assessment: entries, explanations, the lock, loading a file, the summary. */
import { z } from 'zod';
import type { Framework } from '../framework/schema';
import { codeSchema } from '../framework/schema';
import type { ItemEntry } from '../scoring/entry';
import { itemEntrySchema } from '../scoring/entry';
import type { SurveyTally } from '../scoring/survey';
import type { EvidenceDocumentView, EvidenceFileView } from './evidence';
import type { FeatureContract } from './spec';
import { out } from './spec';

export type { EvidenceDocumentView, EvidenceFileView, EvidencePreview } from './evidence';

export interface LockInfo {
  finalised: boolean;
  revision: number;
  changedAt: string | null;
  changedBy: string | null;
  reopenReason: string | null;
}

export interface EntryView {
  entry: ItemEntry | null;
  explanation: string | null;
  updatedAt: string;
}

export interface AssessmentView {
  framework: Framework;
  entries: Record<string, EntryView>;
  documents: EvidenceDocumentView[];
  files: EvidenceFileView[];
  lock: LockInfo;
  /** The keyed survey's tally, so the screen's index includes the survey points (null: no survey). */
  surveyTally: SurveyTally | null;
  /** When the last change was stored (for "Đã lưu lúc"). */
  lastSavedAt: string | null;
}

export interface SaveAck {
  code: string;
  savedAt: string;
  changed: boolean;
}

export interface LoadFileReport {
  file: string;
  sections: { name: string; label: string; count: number }[];
}

/** One item of an entries file as it would change the stored data (what `chiso load --dry-run` prints). */
export interface ItemChange {
  code: string;
  /** new: nothing was entered; changed: an entry, explanation or evidence document differs; same: the file repeats what is stored. */
  change: 'new' | 'changed' | 'same';
  before: ItemEntry | null;
  after: ItemEntry | null;
  explanation: boolean;
  documents: number;
}

export interface EntriesPreview {
  items: ItemChange[];
  /** Survey forms the file would add. */
  forms: number;
  counts: { new: number; changed: number; same: number };
}

/** An entries file chosen in main's dialog and held there by token, with what loading it would change. */
export interface EntriesChoice {
  token: string;
  file: string;
  preview: EntriesPreview;
}

/** The longest explanation (giải trình) an item takes. */
export const EXPLANATION_MAX = 4000;

export const ASSESSMENT_CHANNELS = [
  'assessment:get',
  'assessment:setEntry',
  'assessment:setExplanation',
  'assessment:finalise',
  'assessment:reopen',
  'assessment:loadFile',
  'assessment:chooseFile',
  'assessment:loadChosen',
  'assessment:lastItem',
  'assessment:setLastItem',
  'assessment:exportPdf',
  'assessment:exportXlsx',
] as const;
export type AssessmentChannel = (typeof ASSESSMENT_CHANNELS)[number];

export const assessmentContract = {
  'assessment:get': { input: z.undefined(), output: out<AssessmentView>() },
  /** entry: the item's inputs as typed (the engine decides what counts), or null to clear them. */
  'assessment:setEntry': { input: z.strictObject({ code: codeSchema, entry: itemEntrySchema.nullable() }), output: out<SaveAck>() },
  'assessment:setExplanation': {
    input: z.strictObject({ code: codeSchema, text: z.string().max(EXPLANATION_MAX, { error: 'TEXT_TOO_LONG' }).nullable() }),
    output: out<SaveAck>(),
  },
  'assessment:finalise': { input: z.undefined(), output: out<LockInfo>() },
  'assessment:reopen': { input: z.strictObject({ reason: z.string().max(1000) }), output: out<LockInfo>() },
  /** Main shows the open dialog and loads the file; null when cancelled. */
  'assessment:loadFile': { input: z.undefined(), output: out<LoadFileReport | null>() },
  /** Main shows the open dialog and holds the file; what loading it would change, nothing written. null when cancelled. */
  'assessment:chooseFile': { input: z.undefined(), output: out<EntriesChoice | null>() },
  /** Loads the file held by chooseFile (confirmed by the clerk after the preview). */
  'assessment:loadChosen': { input: z.strictObject({ token: z.string().max(100) }), output: out<LoadFileReport>() },
  /** The item the criteria screen was last on in this year (restored after a restart); null when none. */
  'assessment:lastItem': { input: z.undefined(), output: out<string | null>() },
  'assessment:setLastItem': { input: z.strictObject({ code: codeSchema }), output: out<null>() },
  /** Main shows the save dialog and writes the file; null when cancelled. */
  'assessment:exportPdf': { input: z.undefined(), output: out<{ path: string } | null>() },
  'assessment:exportXlsx': { input: z.undefined(), output: out<{ path: string } | null>() },
} satisfies FeatureContract<AssessmentChannel>;
