/**
 * The appraisal (thẩm định) as the reviewing unit's screens, the CLI's --json and the report read
 * it. Points are integer hundredths. An item whose `appraisedPoints` is null is still at the
 * commune's self-score: it is never counted as appraised.
 */
import type { PackageCompleteness } from '../package/completeness-notes';

export type RequestKind = 'explain' | 'evidence';

export interface AppraisalItem {
  code: string;
  kind: 'item' | 'bonus' | 'penalty';
  fieldCode: string | null;
  criterionCode: string | null;
  notApplicable: boolean;
  input: unknown;
  status: string;
  selfPoints: number;
  recomputedPoints: number | null;
  /** The framework's maximum: the council scores up to it. */
  max: number;
  /** The maximum the commune's package declared (≠ max only in a package flagged for it). */
  declaredMax: number;
  explanation: string | null;
  documents: { number: string; date: string | null; issuer: string; summary: string; locator: string }[];
  evidence: { id: string; name: string; mediaType: string; size: number; sha256: string }[];
  /** Recomputed ≠ declared at import. */
  flagged: boolean;
  evidenceMissing: boolean;
  /** The commune's answer to the previous round's request (carried in its package). */
  answer: string | null;
  appraisedPoints: number | null;
  comment: string | null;
  requestKind: RequestKind | null;
  request: string | null;
  /** 1 when the decision was carried over from round 1 (the item did not change). */
  carriedFrom: number | null;
  appraiser: string | null;
  updatedAt: string | null;
  /** Round 2: what changed on this item since the revision round 1 appraised (empty: unchanged; null in round 1). */
  changed: ChangeKind[] | null;
  /** Round 2: what round 1 decided on this item (null in round 1). */
  previous: { appraisedPoints: number | null; comment: string | null; requestKind: RequestKind | null; request: string | null } | null;
}

export interface AppraisalSummary {
  items: number;
  appraised: number;
  /** Items not appraised yet: they stand at the commune's self-score. */
  stillAtSelfScore: number;
  /** Appraised at other points than the self-score. */
  differs: number;
  flagged: number;
  evidenceMissing: number;
  requests: number;
  /** Sum over scored items (kind `item`) of the self-score, and of the appraised points where appraised (else the self-score). */
  selfPoints: number;
  appraisedPoints: number;
}

export interface AppraisalState {
  communeCode: string;
  communeName: string;
  year: number;
  round: 1 | 2;
  revision: number;
  packageId: string;
  rounds: { round: number; revision: number; openedAt: string; openedBy: string }[];
  locked: { round: number; lockedAt: string; lockedBy: string } | null;
  exports: { round: number; packageId: string; fileName: string; locked: boolean; createdAt: string; createdBy: string }[];
  /** A revision newer than the one this round appraises (round 2 opens on it once round 1's result was sent). */
  newerRevision: number | null;
  /**
   * The appraised revision's own completeness block: items and forms as sent, and each pre-export
   * warning the commune overrode with its reason (commune text). Null: a package that sent none.
   */
  completeness: PackageCompleteness | null;
  items: AppraisalItem[];
  summary: AppraisalSummary;
}

/** The one seam the report reads: appraisedScores(db, communeCode, year). */
export interface AppraisedScores {
  communeCode: string;
  year: number;
  round: 1 | 2;
  revision: number;
  locked: boolean;
  lockedAt: string | null;
  lockedBy: string | null;
  items: { code: string; kind: 'item' | 'bonus' | 'penalty'; fieldCode: string | null; criterionCode: string | null; notApplicable: boolean; selfPoints: number; appraisedPoints: number | null; points: number }[];
  /** Codes of the items still at the self-score (not appraised). */
  stillAtSelfScore: string[];
}

export type AppraisalFilter = 'all' | 'not-appraised' | 'differs' | 'flagged' | 'evidence-missing';

/** Pure: does an item pass a filter of the appraisal screen. */
export function passesFilter(i: AppraisalItem, f: AppraisalFilter): boolean {
  switch (f) {
    case 'all': return true;
    case 'not-appraised': return i.appraisedPoints === null;
    case 'differs': return i.appraisedPoints !== null && i.appraisedPoints !== i.selfPoints;
    case 'flagged': return i.flagged;
    case 'evidence-missing': return i.evidenceMissing;
  }
}

/** Pure: the next item needing attention (not appraised) after `from`, wrapping; -1 when none. */
export function nextNeedingAttention(items: readonly AppraisalItem[], from: number): number {
  const n = items.length;
  for (let k = 1; k <= n; k++) {
    const i = (from + k + n) % n;
    if (items[i]!.appraisedPoints === null) return i;
  }
  return -1;
}

export type ChangeKind = 'input' | 'points' | 'evidence' | 'explanation' | 'documents' | 'notApplicable' | 'added' | 'removed';

export interface ItemSide {
  input: unknown;
  /** What the commune declared (its self-score), hundredths of a point. */
  points: number;
  /** Recomputed at import from the commune's inputs (null when the engine could not). */
  recomputedPoints: number | null;
  notApplicable: boolean;
  explanation: string | null;
  documents: { number: string; date: string | null; issuer: string; summary: string; locator: string }[];
  evidence: { id: string; name: string; sha256: string }[];
}

/** One item that changed between two revisions of a commune. */
export interface ItemChange {
  code: string;
  changes: ChangeKind[];
  from: ItemSide | null;
  to: ItemSide | null;
}

/** One received revision of a commune, for choosing two to compare. */
export interface ReceivedRevision {
  revision: number;
  /** When the unit imported it (ISO). */
  receivedAt: string;
  /** When the commune signed it (ISO). */
  createdAt: string;
  /** The calendar day in Vietnam it was received, yyyy-mm-dd. */
  receivedOn: string;
  /** Received by the year's deadline (the completeness board's rule); null when the unit set no deadline for the year. */
  onTime: boolean | null;
  /** At import the recomputed scores differed from the declared ones. */
  mismatch: boolean;
  /** The totals the commune declared, and the totals recomputed at import. */
  declared: RevisionTotals;
  recomputed: RevisionTotals;
}

/** A revision's total points (hundredths) and index (hundredths of a percent; null when the framework gives none). */
export interface RevisionTotals {
  points: number;
  indexPercent: number | null;
}

/** Two received revisions side by side: each one's receipt and totals, and the items that changed. */
export interface RevisionComparison {
  communeCode: string;
  year: number;
  /** The unit's deadline for the year (yyyy-mm-dd), or null. */
  deadline: string | null;
  from: ReceivedRevision;
  to: ReceivedRevision;
  changes: ItemChange[];
}

export interface FieldAssignment {
  fieldCode: string;
  fieldTitle: string;
  appraiser: string | null;
}

export interface OwedRow {
  fieldCode: string;
  fieldTitle: string;
  appraiser: string | null;
  /** Per commune that sent a package: done, or how many of the field's items are still at the self-score (null: appraisal not opened). */
  communes: { code: string; name: string; done: boolean; doneBy: string | null; stillAtSelfScore: number | null }[];
  owing: number;
}

export interface AppraisalExported {
  path: string;
  fileName: string;
  packageId: string;
  sha256: string;
  round: number;
  revision: number;
  locked: boolean;
  requests: number;
  stillAtSelfScore: number;
}

export interface AppraisalImported {
  outcome: 'accepted' | 'duplicate';
  packageId: string;
  round: number;
  answersRevision: number;
  locked: boolean;
  requests: number;
  comments: number;
}

export interface AppraisalNote {
  itemCode: string;
  selfPoints: number;
  appraisedPoints: number | null;
  comment: string | null;
  requestKind: RequestKind | null;
  request: string | null;
  answer: string | null;
}

export interface AppraisalNotes {
  /** The newest result held, or null when none was received. */
  result: { packageId: string; round: number; answersRevision: number; locked: boolean; receivedAt: string } | null;
  /** Items the council commented on, adjusted or asked about, in the result's order. */
  notes: AppraisalNote[];
}
