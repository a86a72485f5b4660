/** The reviewing unit's report: the ranking and figures of a year, last year's results, exports. */
import { z } from 'zod';
import type { ReportJson } from '../report/json';
import type { CommuneType, Figures, IndexBasis } from '../report/types';
import type { FeatureContract } from './spec';
import { out } from './spec';

export type HistoryRowStatus = 'matched' | 'renamed' | 'not-in-roster' | 'refused';

export interface HistoryPreviewRow {
  line: number | null;
  code: string | null;
  name: string | null;
  /** Hundredths of a percent. */
  index: number | null;
  group: string | null;
  status: HistoryRowStatus;
  /** Why a row is refused (Vietnamese); for a renamed commune (merged in 2025), its name on the roster today. */
  reason: string | null;
}

export interface HistoryPreview {
  year: number;
  rows: HistoryPreviewRow[];
  counts: Record<HistoryRowStatus, number>;
  /** Rows of that year already held, replaced by an import. */
  replaces: number;
}

/** One line of the ranking as the screen shows it (indices in hundredths of a percent). */
export interface RankingRow {
  code: string;
  name: string;
  type: CommuneType;
  index: number | null;
  selfIndex: number | null;
  rank: number | null;
  groupCode: string | null;
  group: string | null;
  /** Hundredths of a percentage point. */
  change: number | null;
  lastYearIndex: number | null;
  itemsAtSelfScore: number | null;
}

export interface ReportView {
  year: number;
  basis: IndexBasis;
  rows: RankingRow[];
  figures: Figures;
  json: ReportJson;
  paragraphs: string[];
  footnote: string;
  lastYearSource: 'database' | 'imported' | null;
  /** The types present in the year (for the filter), whatever the filter. */
  typesPresent: CommuneType[];
  bands: { code: string; label: string; minPercent: number }[];
}

const year = z.number().int().min(2000).max(2100);
const basis = z.enum(['appraised', 'self']);
const types = z.array(z.enum(['xa', 'phuong', 'dac-khu', 'thi-tran'])).max(4).nullable();
/** A year's report as the screen asks for it (also the printed report's, shared/ipc/print.ts). */
export const reportQuerySchema = z.object({ year, basis, types });

export const REPORT_CHANNELS = ['report:view', 'report:exportXlsx', 'report:exportCsv', 'report:exportPdf', 'report:historyChoose', 'report:historyImport'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

export const reportContract = {
  'report:view': { input: z.object({ year, basis, types }), output: out<ReportView>() },
  /** Main asks where to save; null when cancelled. */
  'report:exportXlsx': { input: z.object({ year, basis, types }), output: out<{ file: string } | null>() },
  'report:exportCsv': { input: z.object({ year, basis, types }), output: out<{ file: string } | null>() },
  'report:exportPdf': { input: z.object({ year, basis, types }), output: out<{ file: string } | null>() },
  /** Main shows the open dialog, reads the results file and previews every row; null when cancelled. */
  'report:historyChoose': { input: z.object({ year }), output: out<{ token: string; file: string; preview: HistoryPreview } | null>() },
  /** Import the file previewed: all rows or none (HISTORY_INVALID). */
  'report:historyImport': { input: z.object({ token: z.string().max(100) }), output: out<HistoryPreview>() },
} satisfies FeatureContract<ReportChannel>;
