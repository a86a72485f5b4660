/** Evidence (tài liệu kiểm chứng) of each item: documents described, and files attached. */
import { z } from 'zod';
import { evidenceDocumentSchema } from '../assessment/evidence';
import { codeSchema } from '../framework/schema';
import type { FeatureContract } from './spec';
import { out } from './spec';

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

export interface EvidencePreview {
  name: string;
  mediaType: string;
  /** The stored bytes, base64 (the renderer makes a data: or blob: URL). */
  base64: string;
}

export const EVIDENCE_CHANNELS = [
  'evidence:addDocument',
  'evidence:updateDocument',
  'evidence:removeDocument',
  'evidence:attach',
  'evidence:removeFile',
  'evidence:preview',
  'evidence:open',
] as const;
export type EvidenceChannel = (typeof EVIDENCE_CHANNELS)[number];

const id = z.number().int().min(1);

export const evidenceContract = {
  'evidence:addDocument': { input: z.strictObject({ code: codeSchema, document: evidenceDocumentSchema }), output: out<EvidenceDocumentView>() },
  'evidence:updateDocument': { input: z.strictObject({ id, document: evidenceDocumentSchema }), output: out<EvidenceDocumentView>() },
  'evidence:removeDocument': { input: z.strictObject({ id }), output: out<null>() },
  /** Main shows the open dialog (never a path from the renderer); null when cancelled. */
  'evidence:attach': { input: z.strictObject({ code: codeSchema }), output: out<{ added: EvidenceFileView[]; duplicates: string[] } | null>() },
  'evidence:removeFile': { input: z.strictObject({ id }), output: out<null>() },
  'evidence:preview': { input: z.strictObject({ id }), output: out<EvidencePreview>() },
  'evidence:open': { input: z.strictObject({ id }), output: out<null>() },
} satisfies FeatureContract<EvidenceChannel>;
