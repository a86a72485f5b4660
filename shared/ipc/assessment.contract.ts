import { z } from 'zod';
import type { Framework } from '../framework/schema';
import { codeSchema } from '../framework/schema';
import type { ItemEntry } from '../scoring/entry';
import type { SurveyTally } from '../scoring/survey';
import type { AssessmentChannel } from './assessment.channels';
import type { ChannelSpec } from './spec';
import { out } from './spec';

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

export interface EvidenceDocumentView {
  id: number;
  itemCode: string;
  number: string;
  date: string | null;
  issuer: string;
  summary: string;
  locator: string;
}

export interface EvidenceFileView {
  id: number;
  itemCode: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  addedAt: string;
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

export interface EvidencePreview {
  name: string;
  mediaType: string;
  /** The stored bytes, base64 (the renderer makes a data: or blob: URL). */
  base64: string;
}

const documentInput = z.strictObject({
  number: z.string().max(100),
  date: z.string().max(10).nullable().optional(),
  issuer: z.string().max(200),
  summary: z.string().max(1000),
  locator: z.string().max(200),
});

const id = z.number().int().min(1);

export const assessmentContract = {
  'assessment:get': { input: z.undefined(), output: out<AssessmentView>() },
  /** entry: an ItemEntry (checked by the service), or null to clear the item. */
  'assessment:setEntry': { input: z.strictObject({ code: codeSchema, entry: z.unknown() }), output: out<SaveAck>() },
  'assessment:setExplanation': { input: z.strictObject({ code: codeSchema, text: z.string().max(4000).nullable() }), output: out<SaveAck>() },
  'assessment:finalise': { input: z.undefined(), output: out<LockInfo>() },
  'assessment:reopen': { input: z.strictObject({ reason: z.string().max(1000) }), output: out<LockInfo>() },
  /** Main shows the open dialog and loads the file; null when cancelled. */
  'assessment:loadFile': { input: z.undefined(), output: out<LoadFileReport | null>() },
  /** Main shows the save dialog and writes the file; null when cancelled. */
  'assessment:exportPdf': { input: z.undefined(), output: out<{ path: string } | null>() },
  'assessment:exportXlsx': { input: z.undefined(), output: out<{ path: string } | null>() },
  'evidence:addDocument': { input: z.strictObject({ code: codeSchema, document: documentInput }), output: out<EvidenceDocumentView>() },
  'evidence:updateDocument': { input: z.strictObject({ id, document: documentInput }), output: out<EvidenceDocumentView>() },
  'evidence:removeDocument': { input: z.strictObject({ id }), output: out<null>() },
  /** Main shows the open dialog (never a path from the renderer); null when cancelled. */
  'evidence:attach': { input: z.strictObject({ code: codeSchema }), output: out<{ added: EvidenceFileView[]; duplicates: string[] } | null>() },
  'evidence:removeFile': { input: z.strictObject({ id }), output: out<null>() },
  'evidence:preview': { input: z.strictObject({ id }), output: out<EvidencePreview>() },
  'evidence:open': { input: z.strictObject({ id }), output: out<null>() },
} satisfies { [C in AssessmentChannel]: ChannelSpec };
