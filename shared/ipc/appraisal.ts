/**
 * Appraisal (thẩm định): the reviewing unit's rounds, decisions, lock, result package, revisions
 * compared and appraisers per field; the commune's import of the result and its answers.
 */
import { z } from 'zod';
import type {
  AppraisalExported, AppraisalImported, AppraisalNotes, AppraisalState, FieldAssignment, OwedRow, ReceivedRevision, RevisionComparison,
} from '../appraisal/types';
import { PROSE_TEXT_PATTERN } from '../text';
import { passphrase } from './keys';
import type { FeatureContract } from './spec';
import { out } from './spec';

const communeCode = z.string().regex(/^[0-9]{5}$/);
const year = z.number().int().min(2000).max(2100);
const itemCode = z.string().min(1).max(64);
/** Prose of at most 5000 characters (no control character but LF, no bidi override): plain z calls, so the preload's tree-shaking drops it. */
const prose5000 = z.string().max(5000).regex(PROSE_TEXT_PATTERN);

/** One decision on an item: points in hundredths, 'self' (accept the self-score) or null (clear); comment; request. Absent: unchanged. */
export const decisionSchema = z.strictObject({
  code: itemCode,
  points: z.union([z.number().int().min(0).max(1_000_000), z.literal('self'), z.null()]).optional(),
  comment: prose5000.nullable().optional(),
  request: z.strictObject({ kind: z.enum(['explain', 'evidence']), text: prose5000.min(1) }).nullable().optional(),
});

/** The documented scores file of `chiso appraise --scores FILE.json` (docs/appraisal-format.md). */
export const scoresFileSchema = z.strictObject({
  items: z.array(decisionSchema).min(1).max(5000),
});
export type ScoresFile = z.infer<typeof scoresFileSchema>;


export const APPRAISAL_CHANNELS = [
  'appraisal:open',
  'appraisal:decide',
  'appraisal:acceptSelf',
  'appraisal:lock',
  'appraisal:export',
  'appraisal:revisions',
  'appraisal:compare',
  'appraisal:openEvidence',
  'appraisal:assignments',
  'appraisal:assign',
  'appraisal:fieldDone',
  'appraisal:owed',
  'appraisal:import',
  'appraisal:notes',
  'appraisal:answer',
] as const;
export type AppraisalChannel = (typeof APPRAISAL_CHANNELS)[number];

export const appraisalContract = {
  /** Opens (round 1 the first time, round 2 once the result was sent and a newer revision came) and returns the state. */
  'appraisal:open': { input: z.object({ communeCode, year: year.optional() }), output: out<AppraisalState>() },
  'appraisal:decide': { input: z.object({ communeCode, year: year.optional(), decisions: z.array(decisionSchema).min(1).max(5000) }), output: out<AppraisalState>() },
  /** Accepts the self-score of every item not yet appraised, except the flagged ones (returned). */
  'appraisal:acceptSelf': { input: z.object({ communeCode, year: year.optional() }), output: out<{ state: AppraisalState; accepted: number; skippedFlagged: string[] }>() },
  'appraisal:lock': { input: z.object({ communeCode, year: year.optional() }), output: out<AppraisalState>() },
  /** Main asks for the folder after the key is unlocked; null when cancelled. */
  'appraisal:export': { input: z.object({ communeCode, year: year.optional(), keyPassphrase: passphrase.optional() }), output: out<AppraisalExported | null>() },
  /** The received revisions of a commune, oldest first, each with its receipt day, on time or late, and totals declared and recomputed (for choosing two to compare). */
  'appraisal:revisions': { input: z.object({ communeCode, year: year.optional() }), output: out<ReceivedRevision[]>() },
  /** Two revisions side by side: receipts (day, on time or late), totals declared and recomputed, the items changed. Both or neither of from/to: neither compares the newest two. */
  'appraisal:compare': {
    input: z.object({ communeCode, year: year.optional(), from: z.number().int().min(1).optional(), to: z.number().int().min(1).optional() })
      .refine((v) => (v.from === undefined) === (v.to === undefined), { message: 'from and to go together' }),
    output: out<RevisionComparison>(),
  },
  /** Opens an evidence file of a received revision with the system's viewer. */
  'appraisal:openEvidence': { input: z.object({ communeCode, year: year.optional(), revision: z.number().int().min(1), evidenceId: z.string().min(1).max(64) }), output: out<null>() },
  'appraisal:assignments': { input: z.object({ year: year.optional() }), output: out<FieldAssignment[]>() },
  'appraisal:assign': { input: z.object({ year: year.optional(), fieldCode: z.string().min(1).max(64), appraiser: z.string().max(200).nullable() }), output: out<FieldAssignment[]>() },
  'appraisal:fieldDone': { input: z.object({ communeCode, year: year.optional(), fieldCode: z.string().min(1).max(64), done: z.boolean() }), output: out<OwedRow[]>() },
  'appraisal:owed': { input: z.object({ year: year.optional() }), output: out<OwedRow[]>() },
  /** Commune: main asks for the result file; null when cancelled. */
  'appraisal:import': { input: z.undefined(), output: out<AppraisalImported | null>() },
  'appraisal:notes': { input: z.undefined(), output: out<AppraisalNotes>() },
  'appraisal:answer': { input: z.object({ itemCode, answer: prose5000.nullable() }), output: out<AppraisalNotes>() },
} satisfies FeatureContract<AppraisalChannel>;
