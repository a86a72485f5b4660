/**
 * The reviewing unit's report of a year from the store: `reportFor(db, year, basis)` gathers the
 * input (report-data.ts) and computes the ranking and every figure with the shared, pure
 * `buildReport` (docs/report-figures.md). Screens, `chiso report` and the exports format its result.
 */
import type { CommuneType, IndexBasis, Report } from '../../../shared/report/report';
import { buildReport } from '../../../shared/report/report';
import type { Db } from '../../kernel/db/open';
import type { AppraisalSource } from './appraisal-source';
import { reportData, type ReportData } from './report-data';

export interface ReportForOptions {
  /** Only these unit types. */
  types?: readonly CommuneType[] | null;
  topItems?: number;
  /** Where appraised scores come from (tests); the app's seam by default. */
  appraisal?: AppraisalSource;
}

export interface ReportWithData {
  report: Report;
  data: ReportData;
}

/** The report and the data it was computed from (last year's source, the framework, the deadline). */
export function reportWithData(db: Db, year: number, basis: IndexBasis = 'appraised', options: ReportForOptions = {}): ReportWithData {
  const data = reportData(db, year, options.appraisal);
  const report = buildReport(data.input, {
    year,
    basis,
    rounding: data.rounding,
    groupOn: data.groupOn,
    deadline: data.deadline,
    types: options.types ?? null,
    ...(options.topItems !== undefined ? { topItems: options.topItems } : {}),
  });
  return { report, data };
}

/** The ranking and every figure of a year, on the appraised (default) or the self-assessed basis. */
export function reportFor(db: Db, year: number, basis: IndexBasis = 'appraised', options: ReportForOptions = {}): Report {
  return reportWithData(db, year, basis, options).report;
}
