/**
 * The reviewing unit's yearly report, computed: the ranking and every figure, pure and
 * O(n log n) in the number of communes (one sort by index and Vietnamese name; the rest are
 * linear passes). Screens, the CLI and the xlsx/PDF exports call these and format at the edge:
 *
 *   const report = buildReport(input, { year: 2026, basis: 'appraised' });
 *   reportJson(report)          // what `chiso report --json` prints
 *   reportParagraphs(report)    // the Vietnamese paragraphs and the rounding footnote
 *
 * Definitions, rounding and the seed example: docs/report-figures.md.
 */
import { figuresOf } from './figures';
import { rankValidated } from './ranking';
import type { Report, ReportInput, ReportOptions } from './types';
import { validateReportInput } from './validate';

/** Checks the input (INVALID_INPUT with details.reason), ranks, computes the figures. */
export function buildReport(input: ReportInput, options: ReportOptions): Report {
  const resolved = validateReportInput(input, options);
  const ranking = rankValidated(input, resolved);
  return { ranking, figures: figuresOf(input, ranking) };
}

export type { RoundingRule } from './arithmetic';
export { divRound } from './arithmetic';
export { reportJson, type ReportJson, type ReportJsonCommune } from './json';
export { rankCommunes, compareCommunes, bandFor } from './ranking';
export { figuresOf } from './figures';
export { reportParagraphs, type ReportText } from './sentences';
export { REPORT_INPUT_REASONS, type ReportInputReason } from './validate';
export type * from './types';
export { COMMUNE_TYPES } from './types';
