/**
 * The seam between the commune's data and the signed report (PACKAGE.md "What a commune report
 * payload holds"). The export service asks three questions and nothing else:
 *
 *   assessment(ctx)    every item with its inputs, points, evidence metadata and explanation;
 *                      the totals and index as the commune computed them; the lock state
 *   survey(ctx)        every questionnaire's raw answers and the per-option counts
 *   evidenceFiles(ctx) the evidence files themselves (name, type, size, SHA-256, bytes)
 *
 * The Part types are exactly the payload's shapes (shared/package/envelope.ts), so a source only
 * has to produce safe integers and strings; the export service checks and signs. The app's
 * sources read what the commune entered (report-sources-live.ts); tests pass fixtures.
 */
import type { Framework, FrameworkItem, UnitType } from '../../../shared/framework/schema';
import { frameworkFor } from '../../../shared/framework/unit-types';
import { computeScores, type ItemEntry, type ItemScore } from '../../../shared/scoring/engine';
import { entriesSchema } from '../../../shared/scoring/engine';
import type { SurveyTally } from '../../../shared/scoring/survey';
import type { EvidenceRef, Questionnaire, ReportDocument, ReportItem, ReportTotals, SurveyCount } from '../../../shared/package/envelope';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../../kernel/context';
import { readEntries } from '../assessment/entries-repo';
import { activeFramework } from '../framework/active';
import { identityUnitType } from '../setup/identity-repo';

export interface AssessmentPart {
  items: ReportItem[];
  totals: ReportTotals;
  /** Criteria marked not applicable as a whole, and counted so by the engine. */
  notApplicableCriteria?: string[];
  /** Whether the self-assessment was locked (final) and its own edit revision. */
  lock: { locked: boolean; lockedAt: string | null; revision: number };
}

export interface SurveyPart {
  questionnaires: Questionnaire[];
  counts: { forms: number; questions: SurveyCount[] };
}

export interface EvidenceFile extends EvidenceRef {
  /** The bytes, read only when the package is built. */
  read(): Buffer;
}

export interface ReportSources {
  assessment(ctx: ServiceContext): AssessmentPart;
  survey(ctx: ServiceContext): SurveyPart;
  evidenceFiles(ctx: ServiceContext): EvidenceFile[];
}

/** The clerk's input as a package carries it: integers only, a decimal formula input as its text. */
function packageInput(input: ItemEntry['input']): ReportItem['input'] {
  if (!input) return null;
  if (input.type !== 'formula') return input as ReportItem['input'];
  const values: Record<string, number | string> = {};
  for (const [name, v] of Object.entries(input.values)) values[name] = Number.isSafeInteger(v) ? v : String(v);
  return { type: 'formula', values };
}

/** One scored item as the payload carries it. Adjustments have no field or criterion. */
export function reportItem(
  item: Pick<FrameworkItem, 'code'>,
  kind: ReportItem['kind'],
  place: { fieldCode: string | null; criterionCode: string | null },
  entry: ItemEntry | undefined,
  score: ItemScore,
  explanation: string | null,
  evidence: EvidenceRef[],
  documents: ReportDocument[] = [],
): ReportItem {
  return {
    code: item.code,
    kind,
    ...place,
    notApplicable: entry?.notApplicable === true,
    input: packageInput(entry?.input),
    status: score.status,
    points: score.points,
    max: score.max,
    applicableMax: score.applicableMax,
    percent: score.percent ?? null,
    explanation,
    documents,
    evidence,
  };
}

/**
 * Items and totals from entries, the way the commune screen computes them. Shared by the default
 * source and usable by the real one: pass the survey tally when there is one.
 */
export function assessmentFromEntries(
  framework: Framework,
  entries: Record<string, ItemEntry>,
  explanations: Record<string, string | null>,
  evidenceOf: (code: string) => EvidenceRef[],
  tally?: SurveyTally,
  documentsOf: (code: string) => ReportDocument[] = () => [],
  unitType?: UnitType,
): Pick<AssessmentPart, 'items' | 'totals' | 'notApplicableCriteria'> {
  const s = computeScores(framework, entries, tally, { unitType });
  // The items and fields of the commune's own type (variants may add, drop or change items).
  framework = frameworkFor(framework, unitType).framework;
  const items: ReportItem[] = [];
  const notApplicableCriteria: string[] = [];
  for (const field of framework.fields) {
    for (const criterion of field.criteria) {
      if (s.criteria[criterion.code]?.notApplicable) notApplicableCriteria.push(criterion.code);
      for (const item of criterion.items) {
        items.push(reportItem(item, 'item', { fieldCode: field.code, criterionCode: criterion.code }, entries[item.code], s.items[item.code]!, explanations[item.code] ?? null, evidenceOf(item.code), documentsOf(item.code)));
      }
    }
  }
  for (const a of framework.adjustments ?? []) {
    items.push(reportItem(a, a.kind, { fieldCode: null, criterionCode: null }, entries[a.code], s.adjustments.items[a.code]!, explanations[a.code] ?? null, evidenceOf(a.code), documentsOf(a.code)));
  }
  const node = (n: { points: number; max: number; applicableMax: number }) => ({ points: n.points, max: n.max, applicableMax: n.applicableMax });
  return {
    items,
    ...(notApplicableCriteria.length > 0 ? { notApplicableCriteria } : {}),
    totals: {
      selfAssessment: node(s.selfAssessment),
      survey: node(s.survey),
      total: node(s.total),
      bonus: s.adjustments.bonus,
      penalty: s.adjustments.penalty,
      indexPercent: s.indexPercent,
      groupCode: s.group?.code ?? null,
      fields: framework.fields.map((f) => ({ code: f.code, ...node(s.fields[f.code]!) })),
    },
  };
}

/**
 * Items and totals from the stored entries, the survey items scored from `tally` when given; no
 * evidence and no lock (test fixtures build their reports on it).
 */
export function assessmentFromDb(ctx: ServiceContext, tally?: SurveyTally): AssessmentPart {
  const { ref, framework } = activeFramework(ctx);
  const raw: Record<string, unknown> = {};
  const explanations: Record<string, string | null> = {};
  for (const [code, s] of Object.entries(readEntries(ctx.db, ref))) {
    raw[code] = s.entry ?? {};
    explanations[code] = s.explanation;
  }
  const parsed = entriesSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('PACKAGE_VALUE_INVALID', 'stored entries do not match the entry schema');
  return { ...assessmentFromEntries(framework, parsed.data, explanations, () => [], tally, () => [], identityUnitType(ctx.db)), lock: { locked: false, lockedAt: null, revision: 0 } };
}
