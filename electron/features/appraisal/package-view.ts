/**
 * A received commune package as the council reads it: every item with what the commune entered
 * (input, self-score, explanation, documents, evidence files), the points recomputed here, and the
 * flags the filters use. The raw bytes were verified at import (features/import), so they are
 * parsed here as the report they are; the recomputed points come from received_items.
 */
import type { CommuneReport, EvidenceRef, ReportDocument, ReportItem } from '../../../shared/package/envelope';
import type { ChangeKind, ItemChange, ItemSide } from '../../../shared/appraisal/types';
import type { Db } from '../../kernel/db/open';
import { receivedItemsOf, receivedRaw } from './appraisal-repo';

export interface SourceItem {
  code: string;
  kind: ReportItem['kind'];
  fieldCode: string | null;
  criterionCode: string | null;
  notApplicable: boolean;
  input: ReportItem['input'];
  status: ReportItem['status'];
  /** What the commune declared (its self-score), hundredths of a point. */
  selfPoints: number;
  /** Recomputed here from the commune's inputs (null when the engine could not). */
  recomputedPoints: number | null;
  /** The framework's maximum (recorded at import; the declared one for items received before that). */
  max: number;
  /** The maximum the package declared. */
  declaredMax: number;
  explanation: string | null;
  documents: ReportDocument[];
  evidence: EvidenceRef[];
  /** Recomputed ≠ declared at import. */
  flagged: boolean;
  /** An entered item with neither an evidence file nor an evidence document. */
  evidenceMissing: boolean;
  /** The commune's answer to the previous round's request, carried in its package (or null). */
  answer: string | null;
}

export interface PackageView {
  packageRef: number;
  packageId: string;
  sha256: string;
  revision: number;
  communeName: string;
  /** The appraisal result this revision answers, if the commune said so. */
  answersAppraisal: { packageId: string; sha256: string } | null;
  /** The package's completeness block as the commune sent it (null: a package from an earlier version). */
  completeness: NonNullable<CommuneReport['completeness']> | null;
  items: SourceItem[];
}

type ReportWithAnswers = CommuneReport & { appraisalAnswers?: { appraisal: { packageId: string; sha256: string }; items: { itemCode: string; answer: string }[] } };

export function packageView(db: Db, packageRef: number): PackageView {
  const row = receivedRaw(db, packageRef);
  const report = (JSON.parse(row.raw.toString('utf8')) as { payload: ReportWithAnswers }).payload;
  const recomputed = new Map(receivedItemsOf(db, packageRef).map((i) => [i.code, i]));
  const answers = new Map((report.appraisalAnswers?.items ?? []).map((a) => [a.itemCode, a.answer]));
  const items = report.items.map((i): SourceItem => {
    const re = recomputed.get(i.code);
    const recomputedPoints = re ? re.recomputedPoints : null;
    // The council scores up to the framework's maximum, not one the package declares.
    const max = re?.recomputedMax ?? i.max;
    return {
      code: i.code, kind: i.kind, fieldCode: i.fieldCode, criterionCode: i.criterionCode, notApplicable: i.notApplicable, input: i.input, status: i.status,
      selfPoints: i.points, recomputedPoints, max, declaredMax: i.max, explanation: i.explanation, documents: i.documents, evidence: i.evidence,
      flagged: (recomputedPoints !== null && recomputedPoints !== i.points) || max !== i.max,
      evidenceMissing: i.input !== null && !i.notApplicable && i.evidence.length === 0 && i.documents.length === 0,
      answer: answers.get(i.code) ?? null,
    };
  });
  return {
    packageRef, packageId: row.packageId, sha256: row.sha256, revision: row.revision, communeName: report.issuer.communeName,
    answersAppraisal: report.appraisalAnswers?.appraisal ?? null, completeness: report.completeness ?? null, items,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const side = (i: SourceItem): ItemSide => ({
  input: i.input, points: i.selfPoints, recomputedPoints: i.recomputedPoints, notApplicable: i.notApplicable, explanation: i.explanation, documents: i.documents,
  evidence: i.evidence.map((e) => ({ id: e.id, name: e.name, sha256: e.sha256 })),
});

/** What changed between two revisions, item by item (only the items that changed, in the newer order). */
export function diffViews(from: PackageView, to: PackageView): ItemChange[] {
  const before = new Map(from.items.map((i) => [i.code, i]));
  const out: ItemChange[] = [];
  for (const b of to.items) {
    const a = before.get(b.code);
    before.delete(b.code);
    if (!a) {
      out.push({ code: b.code, changes: ['added'], from: null, to: side(b) });
      continue;
    }
    const changes: ChangeKind[] = [];
    if (!same(a.input, b.input)) changes.push('input');
    if (a.notApplicable !== b.notApplicable) changes.push('notApplicable');
    if (a.selfPoints !== b.selfPoints) changes.push('points');
    if (!same(a.evidence.map((e) => e.sha256).sort(), b.evidence.map((e) => e.sha256).sort())) changes.push('evidence');
    if (a.explanation !== b.explanation) changes.push('explanation');
    if (!same(a.documents, b.documents)) changes.push('documents');
    if (changes.length) out.push({ code: b.code, changes, from: side(a), to: side(b) });
  }
  for (const a of before.values()) out.push({ code: a.code, changes: ['removed'], from: side(a), to: null });
  return out;
}
