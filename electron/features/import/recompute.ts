/**
 * Every score of a received report recomputed with the shared scoring engine, from what the
 * commune entered (each item's input and N/A mark) and the questionnaires the package carries
 * (tallied here; the counts it declares are compared, not trusted),
 * against the framework the package names; then compared with what the commune declared. Any
 * difference (an item's points, a total, the index, an item the framework does not have) is a
 * mismatch, flagged on the commune: the package is kept, the unit's figures are the recomputed ones.
 *
 * Scored the way the commune's own screen and export score (no unit type given: the framework's
 * first), so an honest package recomputes to the same figures.
 */
import type { Framework, UnitType } from '../../../shared/framework/schema';
import { frameworkFor } from '../../../shared/framework/unit-types';
import type { CommuneReport, ReportTotals } from '../../../shared/package/envelope';
import { computeScores, type ItemEntry } from '../../../shared/scoring/engine';
import { jcs } from '../../../shared/package/canonical';
import { tallySurvey, type SurveyTally } from '../../../shared/scoring/survey';

export interface RecomputedItem {
  code: string;
  declared: number;
  recomputed: number | null;
  /** The item's maximum under the framework (null: the framework has no such item). */
  max: number | null;
}

export interface Recomputed {
  totals: ReportTotals;
  items: RecomputedItem[];
  mismatch: boolean;
  /** What differed: item codes and total names (empty when nothing did). */
  differences: string[];
}

/** The counts as the commune declared them (surveyCounts). */
function declaredTally(report: CommuneReport): SurveyTally {
  const questions: SurveyTally['questions'] = Object.create(null) as SurveyTally['questions'];
  for (const q of report.surveyCounts.questions) questions[q.questionCode] = { answered: q.answered, blank: q.blank, invalid: q.invalid, counts: { ...q.counts } };
  return { forms: report.surveyCounts.forms, questions };
}


/** `unitType`: the commune's type on the roster (its framework variant); the framework's first when not given. */
/** Back from the package's form: a decimal formula input travels as its text. */
function entryInput(input: NonNullable<CommuneReport['items'][number]['input']>): NonNullable<ItemEntry['input']> {
  if (input.type !== 'formula') return input;
  const values: Record<string, number> = {};
  for (const [name, v] of Object.entries(input.values)) values[name] = typeof v === 'string' ? Number(v) : v;
  return { type: 'formula', values };
}

export function recomputeReport(framework: Framework, report: CommuneReport, unitType?: UnitType): Recomputed {
  const entries: Record<string, ItemEntry> = Object.create(null) as Record<string, ItemEntry>;
  for (const it of report.items) {
    const entry: ItemEntry = {};
    if (it.notApplicable) entry.notApplicable = true;
    if (it.input) entry.input = entryInput(it.input);
    if (entry.notApplicable || entry.input) entries[it.code] = entry;
  }
  // A criterion marked not applicable as a whole is an entry keyed by its own code.
  for (const code of report.notApplicableCriteria ?? []) entries[code] = { notApplicable: true };
  // The survey is scored from the questionnaires themselves (the raw answers), tallied here as the
  // commune's app tallies them; counts declared otherwise are a difference of their own.
  const tally = framework.survey ? tallySurvey(framework.survey, report.questionnaires) : undefined;
  const s = computeScores(framework, entries, tally, { unitType });
  framework = frameworkFor(framework, unitType).framework;
  const node = (n: { points: number; max: number; applicableMax: number }) => ({ points: n.points, max: n.max, applicableMax: n.applicableMax });
  const totals: ReportTotals = {
    selfAssessment: node(s.selfAssessment),
    survey: node(s.survey),
    total: node(s.total),
    bonus: s.adjustments.bonus,
    penalty: s.adjustments.penalty,
    indexPercent: s.indexPercent,
    groupCode: s.group?.code ?? null,
    fields: framework.fields.map((f) => ({ code: f.code, ...node(s.fields[f.code]!) })),
  };
  const differences: string[] = [];
  const items: RecomputedItem[] = report.items.map((it) => {
    const score = Object.hasOwn(s.items, it.code) ? s.items[it.code] : Object.hasOwn(s.adjustments.items, it.code) ? s.adjustments.items[it.code] : undefined;
    const recomputed = score ? score.points : null;
    // A maximum other than the framework's is a difference too: the council scores up to the framework's.
    if (recomputed !== it.points || score?.max !== it.max || score.applicableMax !== it.applicableMax) differences.push(it.code);
    return { code: it.code, declared: it.points, recomputed, max: score ? score.max : null };
  });
  const d = report.totals;
  const same = (a: { points: number; max: number; applicableMax: number }, b: { points: number; max: number; applicableMax: number }) =>
    a.points === b.points && a.max === b.max && a.applicableMax === b.applicableMax;
  if (!same(d.selfAssessment, totals.selfAssessment)) differences.push('selfAssessment');
  if (!same(d.survey, totals.survey)) differences.push('survey');
  if (!same(d.total, totals.total)) differences.push('total');
  if (d.bonus !== totals.bonus) differences.push('bonus');
  if (d.penalty !== totals.penalty) differences.push('penalty');
  if (d.indexPercent !== totals.indexPercent) differences.push('indexPercent');
  if (d.groupCode !== totals.groupCode) differences.push('groupCode');
  const fieldsSame = d.fields.length === totals.fields.length && d.fields.every((f, i) => f.code === totals.fields[i]!.code && same(f, totals.fields[i]!));
  if (!fieldsSame) differences.push('fields');
  // Compared in canonical form: every question and option, whatever order the package lists them in.
  if (tally && jcs(tally) !== jcs(declaredTally(report))) differences.push('surveyCounts');
  return { totals, items, mismatch: differences.length > 0, differences };
}
