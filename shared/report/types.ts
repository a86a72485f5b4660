/**
 * What the reviewing unit's yearly report is computed from, and what it computes.
 *
 * Units (as everywhere in the app): indices and shares are integer hundredths of a percent
 * (76.01% = 7601); points integer hundredths of a point (3.75 = 375); a change from last year
 * hundredths of a percentage point (+1.11 = 111); the highest/lowest ratio hundredths
 * (1.30× = 130). Turning them into numbers or text happens in json.ts and sentences.ts only.
 *
 * The types are structural on purpose: a framework's `groups` array is a valid `bands`
 * argument as it is, and the report needs nothing else from the framework.
 */
import type { RoundingRule } from './arithmetic';

/** Unit types: xã, phường, đặc khu; thị trấn for years before 7/2025 (seed 000 has one). */
export type CommuneType = 'xa' | 'phuong' | 'dac-khu' | 'thi-tran';

export const COMMUNE_TYPES: readonly CommuneType[] = ['xa', 'phuong', 'dac-khu', 'thi-tran'];

/** Which index a commune is ranked by: the appraisal council's or the commune's own. */
export type IndexBasis = 'appraised' | 'self';

/** Whether groups are decided on the rounded (printed) index or on the exact fraction. */
export type GroupOn = 'rounded' | 'exact';

/** One grouping band of the framework: a unit belongs to the band with the highest minPercent ≤ its index. */
export interface GroupBand {
  code: string;
  label: string;
  /** Lower bound, inclusive, hundredths of a percent. */
  minPercent: number;
}

/** The exact fraction an index was rounded from: index % = points / max × 100. */
export interface ExactIndex {
  /** max(0, points + bonus − penalty), hundredths of a point. */
  points: number;
  /** The applicable maximum, hundredths of a point, > 0. */
  max: number;
}

/** Points against a maximum (a field, an item, the survey), hundredths of a point. */
export interface PointsOf {
  code: string;
  points: number;
  max: number;
}

/** One commune's year as the reviewing unit holds it. */
export interface CommuneRow {
  /** Zero-padded code, unique for the unit's life; the only key that matches across years. */
  code: string;
  name: string;
  type: CommuneType;
  /** The appraised index, hundredths of a percent; null while not appraised. */
  appraisedIndex: number | null;
  /** The commune's self-assessed index; null when no self-assessment was received. */
  selfIndex: number | null;
  /** The fractions the indices were rounded from; needed for groupOn 'exact', checked when given. */
  appraisedExact?: ExactIndex | null;
  selfExact?: ExactIndex | null;
  /** Items whose appraised score is still the self-score (not yet reviewed by the council). */
  itemsAtSelfScore?: number;
  /** Points per field, on the report's basis. */
  fields?: readonly PointsOf[];
  /** Points per scored item, on the report's basis ("where communes lost most points"). */
  items?: readonly PointsOf[];
  /** Survey (ĐTXHH) points against their maximum; null or absent without survey results. */
  survey?: { points: number; max: number } | null;
  /** Questionnaires collected against the target. */
  forms?: { collected: number; target: number } | null;
  /**
   * Local date the package was received, 'YYYY-MM-DD'; null = not received;
   * absent = receipt not tracked for this commune (counted neither way).
   */
  receivedOn?: string | null;
}

/** Last year's published result for one commune. */
export interface LastYearRow {
  code: string;
  name: string;
  /** Hundredths of a percent; null when the commune had no index last year. */
  index: number | null;
  /** The group label as published, if known. */
  group?: string | null;
  /** The unit type last year, if known (used only to scope a computed mean to a type filter). */
  type?: CommuneType | null;
}

export interface LastYear {
  year: number;
  rows: readonly LastYearRow[];
  /**
   * The mean as published (or imported) last year, hundredths of a percent. The seeds compare
   * with this figure; without it the mean is computed from `rows`.
   */
  publishedMean?: number | null;
}

export interface ReportInput {
  communes: readonly CommuneRow[];
  /** The framework's grouping bands (framework.groups). */
  bands: readonly GroupBand[];
  lastYear?: LastYear | null;
  /** Titles by field code and by item code, from the framework (for figures and sentences). */
  fieldTitles?: Readonly<Record<string, string>>;
  itemTitles?: Readonly<Record<string, string>>;
}

export interface ReportOptions {
  year: number;
  /** Default 'appraised'. */
  basis?: IndexBasis;
  /** Rounding of every figure obtained by division (and of exact indices). Default 'half-up'. */
  rounding?: RoundingRule;
  /** Default 'rounded'. */
  groupOn?: GroupOn;
  /** Only these unit types (ranks, figures and sentences over them alone). Default: all. */
  types?: readonly CommuneType[] | null;
  /** Deadline for sending the package, 'YYYY-MM-DD' inclusive; late = received after it. */
  deadline?: string | null;
  /** How many items to list in "where communes lost most points". Default 10. */
  topItems?: number;
}

/** ReportOptions with every default filled in. */
export interface ResolvedOptions {
  year: number;
  basis: IndexBasis;
  rounding: RoundingRule;
  groupOn: GroupOn;
  types: readonly CommuneType[] | null;
  deadline: string | null;
  topItems: number;
}

// ---- ranking ---------------------------------------------------------------------------

export interface RankedCommune {
  code: string;
  /** NFC. */
  name: string;
  type: CommuneType;
  /** The index on the report's basis; null = not ranked (listed after the ranked ones). */
  index: number | null;
  appraisedIndex: number | null;
  selfIndex: number | null;
  /** Standard competition ranking (1, 2, 2, 4); null when index is null. */
  rank: number | null;
  group: { code: string; label: string } | null;
  /** Last year's row matched by code (never by name). */
  lastYear: { name: string; index: number | null; group: string | null } | null;
  /** index − last year's index, hundredths of a percentage point; null if either is missing. */
  change: number | null;
  itemsAtSelfScore: number | null;
  /** The input row (its per-field, per-item, survey and receipt data). */
  row: CommuneRow;
}

export interface Ranking {
  options: ResolvedOptions;
  /** Ranked communes in rank order (ties by Vietnamese name, then code), then the unranked ones by name. */
  communes: RankedCommune[];
  /** How many of `communes` are ranked (they come first). */
  rankedCount: number;
}

// ---- figures ---------------------------------------------------------------------------

export interface CommuneRef {
  code: string;
  name: string;
  type: CommuneType;
}

export interface Extreme extends CommuneRef {
  index: number;
  /** Every commune at this index in rank order, the one above included (ties). */
  tied: CommuneRef[];
}

export interface GroupFigure {
  code: string;
  label: string;
  minPercent: number;
  /** Member codes in rank order. */
  members: string[];
}

export interface FieldFigure {
  code: string;
  title: string | null;
  /** Communes that reported this field. */
  communes: number;
  /** Σ points / communes, hundredths of a point. */
  averagePoints: number;
  /** Σ max / communes, hundredths of a point. */
  averageMax: number;
  /** Σ points / Σ max, hundredths of a percent; null when Σ max is 0. */
  share: number | null;
}

export interface LostItemFigure {
  code: string;
  title: string | null;
  /** Σ (max − points) over the communes, hundredths of a point. */
  lost: number;
  /** Communes that scored below the maximum. */
  communesLosing: number;
  /** Communes that reported this item. */
  communes: number;
  /** Σ max over the communes. */
  max: number;
}

export interface SurveyFigure {
  communes: number;
  points: number;
  max: number;
  /** Σ points / Σ max, hundredths of a percent. */
  share: number | null;
  averagePoints: number;
  averageMax: number;
}

export interface FormsFigure {
  communes: number;
  collected: number;
  target: number;
  /** collected / target, hundredths of a percent; null when the target is 0. */
  share: number | null;
  /** Codes of communes below their target, in report order. */
  belowTarget: string[];
}

export interface SubmissionFigure {
  deadline: string | null;
  /** Communes whose receipt is tracked. */
  tracked: number;
  received: number;
  /** Received after the deadline (report order); empty without a deadline. */
  late: string[];
  /** Not received (report order). */
  notReceived: string[];
}

export interface Figures {
  /** Ranked communes (index on the basis present). */
  communes: number;
  /** Communes in scope without an index on the basis (codes, by name). */
  unranked: string[];
  /** Mean of the ranked indices, rounded by the rule; null with no ranked commune. */
  mean: number | null;
  /** The year compared with (last year's input), null without it. */
  lastYear: number | null;
  lastYearMean: number | null;
  lastYearMeanSource: 'published' | 'computed' | null;
  /** mean − lastYearMean, hundredths of a percentage point. */
  meanChange: number | null;
  highest: Extreme | null;
  lowest: Extreme | null;
  /** highest − mean, hundredths of a percentage point (exact: both are integers). */
  highestGapToMean: number | null;
  /** mean − lowest. */
  lowestGapToMean: number | null;
  /** highest / lowest, hundredths (130 = 1.30×); null when lowest is 0. */
  ratio: number | null;
  groups: GroupFigure[];
  /** Ranked communes that moved up, down or stayed, and those without last year's index. */
  changes: { up: number; down: number; same: number; unknown: number };
  fields: FieldFigure[];
  lostItems: LostItemFigure[];
  survey: SurveyFigure | null;
  forms: FormsFigure | null;
  submissions: SubmissionFigure | null;
  /** Ranked communes with items still at the self-score, and how many such items in all. */
  pendingAppraisal: { communes: string[]; items: number };
}

export interface Report {
  ranking: Ranking;
  figures: Figures;
}
