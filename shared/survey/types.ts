import type { IndexBreakdown } from '../scoring/breakdown';
/** What the survey screens, the CLI and the export see of keyed questionnaires. */
import type { SurveyAnswer, SurveyTally } from '../scoring/survey';

export type SurveyPass = 1 | 2;
export type FormStatus = 'draft' | 'saved';
export type VerifyStatus = 'none' | 'keying' | 'differences' | 'verified';
export type ResolveChoice = 'first' | 'second' | 'typed';

export interface SurveyFormSummary {
  id: number;
  formNo: string;
  status: FormStatus;
  source: 'keyed' | 'import';
  keyedBy: string;
  createdAt: string;
  updatedAt: string;
  verify: VerifyStatus;
  verifiedBy: string | null;
  /** Questions with an answer (a "no answer" mark is not one). */
  answered: number;
  /** Required questions left blank. */
  blankRequired: number;
  /** Saved after the unit's target was reached (in keying order): counted and sent all the same. */
  beyondTarget: boolean;
}

/** A form as one pass sees it: the second pass never carries the first pass's answers. */
export interface SurveyFormView {
  id: number;
  formNo: string;
  pass: SurveyPass;
  status: FormStatus;
  verify: VerifyStatus;
  keyedBy: string;
  createdAt: string;
  answers: Record<string, SurveyAnswer>;
}

export type BeginResult =
  | { kind: 'new' | 'resume'; form: SurveyFormView }
  /** The number is already used: the existing form (first pass, read only) is shown. */
  | { kind: 'exists'; form: SurveyFormView };

export interface SurveyDifference {
  code: string;
  first: SurveyAnswer;
  second: SurveyAnswer;
  final?: SurveyAnswer;
  choice?: ResolveChoice;
}

export interface FinishResult {
  verify: VerifyStatus;
  firstKeyedBy: string;
  secondKeyedBy: string;
  differences: SurveyDifference[];
}

export interface KeyerStats {
  name: string;
  /** First and second passes this person keyed on forms now verified. */
  passes: number;
  /** Answers compared in those passes. */
  answers: number;
  /** Differences resolved against this person's value. */
  disagreements: number;
  /** disagreements / answers, hundredths of a percent; null before any verified form. */
  ratePercent: number | null;
}

export interface SurveyProgress {
  target: number;
  min: number;
  saved: number;
  drafts: number;
  verified: number;
  withDifferences: number;
  keyers: KeyerStats[];
}

export interface SurveyItemResult {
  code: string;
  title: string;
  max: number;
  /** null: no counted answer yet. */
  points: number | null;
}

export interface SurveyResults {
  progress: SurveyProgress;
  tally: SurveyTally;
  items: SurveyItemResult[];
  /** Out of the applicable maxima (what the index divides by), not the framework's nominal ones. */
  survey: { points: number; max: number };
  selfAssessment: { points: number; max: number };
  total: { points: number; max: number };
  indexPercent: number | null;
  group: string | null;
  /** The figures that reproduce the index (bonus and penalty included). */
  breakdown: IndexBreakdown;
}

export interface ImportIssue {
  /** Line in the file (spreadsheet row, CSV line, JSON line) when known. */
  line: number | null;
  formNo: string | null;
  message: string;
}
