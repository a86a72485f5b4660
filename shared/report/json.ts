/**
 * The object `chiso report --json` prints. Percentages and percentage points as numbers with
 * two decimals (76.01, 1.11), the ratio likewise (1.3 for 1.30×); codes as strings.
 * Ranked communes first in rank order (ties alphabetical), then the communes without an index
 * on the report's basis, with index, rank, group and change null.
 */
import { hundredthsToNumber } from './arithmetic';
import type { CommuneType, Report } from './types';

export interface ReportJsonCommune {
  code: string;
  name: string;
  type: CommuneType;
  index: number | null;
  selfIndex: number | null;
  rank: number | null;
  /** The group's label, as in `groups`. */
  group: string | null;
  /** Percentage points against last year; null without last year's row (matched by code). */
  change: number | null;
}

export interface ReportJsonExtreme {
  code: string;
  name: string;
  index: number;
}

export interface ReportJson {
  communes: ReportJsonCommune[];
  mean: number | null;
  meanChange: number | null;
  highest: ReportJsonExtreme | null;
  lowest: ReportJsonExtreme | null;
  highestGapToMean: number | null;
  ratio: number | null;
  groups: { label: string; members: string[] }[];
}

const num = (h: number | null): number | null => (h === null ? null : hundredthsToNumber(h));

export function reportJson(report: Report): ReportJson {
  const f = report.figures;
  const extreme = (e: Report['figures']['highest']): ReportJsonExtreme | null =>
    e ? { code: e.code, name: e.name, index: hundredthsToNumber(e.index) } : null;
  return {
    communes: report.ranking.communes.map((c) => ({
      code: c.code,
      name: c.name,
      type: c.type,
      index: num(c.index),
      selfIndex: num(c.selfIndex),
      rank: c.rank,
      group: c.group?.label ?? null,
      change: num(c.change),
    })),
    mean: num(f.mean),
    meanChange: num(f.meanChange),
    highest: extreme(f.highest),
    lowest: extreme(f.lowest),
    highestGapToMean: num(f.highestGapToMean),
    ratio: num(f.ratio),
    groups: f.groups.map((g) => ({ label: g.label, members: [...g.members] })),
  };
}
