/**
 * The scoring engine: pure, deterministic, integer arithmetic.
 *
 * The framework decides: which items apply to the unit type, how divisions round (half up or
 * truncated), whether the group is decided on the rounded or the exact index, where the survey
 * sits (counted, rescaled away when missing, scaled or blocking below the minimum of forms),
 * deductions inside a criterion and its floor, and not-applicable criteria.
 *
 * Sums: an item's points are rounded once inside its rule; a criterion is the exact sum of its
 * items (or the fixed points of a not-applicable criterion), raised to its floor if it has one;
 * a field is the sum of its criteria, raised to its floor; the total is the sum of the fields.
 * Any points a floor or a fixed N/A adds are counted in the self-assessment part, so
 * total = selfAssessment + survey always holds.
 */
import type { Framework, FrameworkCriterion, FrameworkGroup, FrameworkItem, UnitType } from '../framework/schema';
import type { RoundingPolicy } from '../framework/rounding';
import { divRound, roundingOf } from '../framework/rounding';
import { frameworkFor } from '../framework/unit-types';
import { own, ownRecord } from '../own';
import type { ItemEntry } from './entry';
import type { ItemScore } from './item-score';
import { adjustmentAsItem, notApplicableScore, scoreItem, scoredFromForms } from './item-score';
import type { ValidationIssue } from './issues';
import { entryError, entryWarning, hasErrors } from './issues';
import type { SurveyTally } from './survey';
import { surveyItemPoints } from './survey';
import type { SurveyStatus } from './survey-status';
import { finishSurvey, planSurvey } from './survey-status';

export type { ItemEntry, ItemInput, Entries } from './entry';
export { itemEntrySchema, itemInputSchema, entriesSchema } from './entry';
export type { ValidationIssue, EntryIssueCode } from './issues';
export type { ItemScore, ItemStatus } from './item-score';
export { adjustmentAsItem, scoreItem, validateEntry } from './item-score';
export type { SurveyIssue, SurveyStatus, SurveyTreatment } from './survey-status';

export interface NodeScore {
  points: number;
  max: number;
  applicableMax: number;
  /** Required items that are complete (scored or marked not applicable). */
  done: number;
  /** Required items. */
  required: number;
  /** Items whose entry has an error. */
  errors: number;
}

export interface CriterionScore extends NodeScore {
  /** Present when the whole criterion was marked not applicable (its mode). */
  notApplicable?: 'exclude' | 'full' | 'points';
  /** Problems with the entry keyed by the criterion's own code. */
  issues?: ValidationIssue[];
  /** Points a floor added (the items summed below it). */
  floorLift?: number;
}

export interface FieldScore extends NodeScore {
  floorLift?: number;
}

export interface AdjustmentSummary {
  /** Bonus points counted: the sum of bonus adjustments, capped by adjustmentCaps.bonus. */
  bonus: number;
  /** Penalty points counted (positive number), capped by adjustmentCaps.penalty. */
  penalty: number;
  /** Before the framework-level caps. */
  bonusClaimed: number;
  penaltyClaimed: number;
  items: Record<string, ItemScore>;
}

export interface ScoreSummary {
  /** The unit type scored against, and whether it was assumed (none given: the framework's first). */
  unitType: UnitType;
  unitTypeAssumed: boolean;
  items: Record<string, ItemScore>;
  criteria: Record<string, CriterionScore>;
  fields: Record<string, FieldScore>;
  /** Items not scored by the survey (plus what floors and fixed N/A points add). */
  selfAssessment: NodeScore;
  /** Items scored by the survey. */
  survey: NodeScore;
  adjustments: AdjustmentSummary;
  total: NodeScore;
  /** (points + bonus − penalty) × 10000 / applicableMax by the framework's rounding; ≥ 0; null when nothing applies. */
  indexPercent: number | null;
  group: FrameworkGroup | null;
  /** The rounding the framework states (defaults filled in). */
  rounding: RoundingPolicy;
  /** Every applicable survey item has its points and there are enough forms. */
  surveyComplete: boolean;
  /** Fewer questionnaires than the framework's minimum (see surveyStatus for what that means). */
  formsBelowMinimum: boolean;
  surveyStatus: SurveyStatus;
}

export interface ComputeOptions {
  /** The unit's type (xã / phường / đặc khu): decides variants. Without it, the framework's first type. */
  unitType?: UnitType;
  /** Leave the survey items out of the maximum whatever the framework says (a what-if view). */
  excludeSurvey?: boolean;
}

function emptyNode(): NodeScore {
  return { points: 0, max: 0, applicableMax: 0, done: 0, required: 0, errors: 0 };
}

function addItem(node: NodeScore, item: FrameworkItem, score: ItemScore): void {
  node.points += score.points;
  node.max += score.max;
  node.applicableMax += score.applicableMax;
  if (item.required) {
    node.required += 1;
    if (score.status === 'scored' || score.status === 'na') node.done += 1;
  }
  if (score.status === 'error') node.errors += 1;
}

function addNode(into: NodeScore, node: NodeScore): void {
  into.points += node.points;
  into.max += node.max;
  into.applicableMax += node.applicableMax;
  into.done += node.done;
  into.required += node.required;
  into.errors += node.errors;
}

/** A criterion with its own items (not one scored directly through a single item of the same code). */
function hasOwnItems(c: FrameworkCriterion): boolean {
  return !(c.items.length === 1 && c.items[0]!.code === c.code);
}

/** The entry keyed by a criterion's code: only { notApplicable: true } means something there. */
function criterionEntryIssues(c: FrameworkCriterion, entry: ItemEntry, entries: Readonly<Record<string, ItemEntry>>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (entry.input) issues.push(entryError('NOT_A_CRITERION_ENTRY', 'input', `Tiêu chí ${c.code} không nhập kết quả trực tiếp; hãy nhập ở các tiêu chí thành phần.`));
  if (entry.notApplicable && c.notApplicable === undefined) {
    issues.push(entryError('NA_NOT_ALLOWED', 'notApplicable', `Tiêu chí ${c.code} không được đánh dấu "Không áp dụng" cả tiêu chí; hãy chấm từng tiêu chí thành phần.`));
  }
  if (!hasErrors(issues) && entry.notApplicable) {
    const filled = c.items.filter((i) => own(entries, i.code) !== undefined).map((i) => i.code);
    if (filled.length > 0) {
      issues.push(entryWarning('IGNORED_BY_CRITERION_NA', 'notApplicable', `Tiêu chí ${c.code} được đánh dấu "Không áp dụng": số liệu đã nhập ở ${filled.join(', ')} không được tính.`));
    }
  }
  return issues;
}

/** The group of an index, by the rounded index (groupOn 'rounded'). */
export function groupFor(framework: Framework, indexPercent: number | null): FrameworkGroup | null {
  if (indexPercent === null) return null;
  return framework.groups.find((g) => indexPercent >= g.minPercent) ?? null;
}

/** The group of the exact index net / applicableMax (groupOn 'exact'). */
export function groupForExact(groups: readonly FrameworkGroup[], net: number, applicableMax: number): FrameworkGroup | null {
  if (applicableMax <= 0) return null;
  return groups.find((g) => BigInt(net) * 10000n >= BigInt(g.minPercent) * BigInt(applicableMax)) ?? null;
}

export function computeScores(
  framework: Framework,
  entries: Readonly<Record<string, ItemEntry>>,
  survey?: SurveyTally,
  options: ComputeOptions = {},
): ScoreSummary {
  const { framework: fw, unitType, assumed } = frameworkFor(framework, options.unitType);
  const rounding = roundingOf(fw);
  const plan = planSurvey(fw, entries, survey, options.excludeSurvey === true);
  const items = ownRecord<ItemScore>();
  const criteria = ownRecord<CriterionScore>();
  const fields = ownRecord<FieldScore>();
  const selfAssessment = emptyNode();
  const surveyNode = emptyNode();
  const total = emptyNode();

  for (const field of fw.fields) {
    const fieldNode: FieldScore = emptyNode();
    for (const criterion of field.criteria) {
      const node: CriterionScore = emptyNode();
      const entry = hasOwnItems(criterion) ? own(entries, criterion.code) : undefined;
      const cIssues = entry ? criterionEntryIssues(criterion, entry, entries) : [];
      const na = entry?.notApplicable && !hasErrors(cIssues) ? criterion.notApplicable : undefined;
      for (const item of criterion.items) {
        const isSurvey = item.rule.type === 'survey';
        let score: ItemScore;
        if (isSurvey && plan.status.treatment === 'rescaled') {
          score = { code: item.code, points: 0, max: item.maxPoints, applicableMax: 0, status: 'na', issues: [] };
        } else if (na) {
          // Fixed points belong to the criterion as a whole: its items show N/A with 0.
          const s = na === 'points' ? { points: 0, applicableMax: item.maxPoints } : notApplicableScore(item, na);
          score = { code: item.code, ...s, max: item.maxPoints, status: 'na', issues: [] };
        } else {
          const fromSurvey =
            scoredFromForms(item) && survey && fw.survey ? surveyItemPoints(fw.survey, item, survey, { rounding: rounding.points, ...(plan.scale ? { scale: plan.scale } : {}) }) : undefined;
          score = scoreItem(item, own(entries, item.code), fromSurvey, rounding.points);
        }
        items[item.code] = score;
        addItem(node, item, score);
        addItem(isSurvey ? surveyNode : selfAssessment, item, score);
      }
      let lift = 0;
      if (na === 'points') {
        node.notApplicable = na;
        lift += Math.min(criterion.notApplicablePoints ?? 0, node.max) - node.points;
      } else if (na) node.notApplicable = na;
      if (criterion.floor !== undefined && node.points + lift < criterion.floor) {
        node.floorLift = criterion.floor - (node.points + lift);
        lift += node.floorLift;
      }
      node.points += lift;
      selfAssessment.points += lift;
      if (cIssues.length > 0) {
        node.issues = cIssues;
        if (hasErrors(cIssues)) node.errors += 1;
        if (hasErrors(cIssues)) selfAssessment.errors += 1;
      }
      criteria[criterion.code] = node;
      addNode(fieldNode, node);
    }
    if (field.floor !== undefined && fieldNode.points < field.floor) {
      fieldNode.floorLift = field.floor - fieldNode.points;
      selfAssessment.points += fieldNode.floorLift;
      fieldNode.points = field.floor;
    }
    fields[field.code] = fieldNode;
    addNode(total, fieldNode);
  }

  const adjustments = scoreAdjustments(fw, entries);
  let indexPercent: number | null = null;
  let group: FrameworkGroup | null = null;
  if (total.applicableMax > 0) {
    const net = Math.max(0, total.points + adjustments.bonus - adjustments.penalty);
    indexPercent = divRound(BigInt(net) * 10000n, BigInt(total.applicableMax), rounding.index);
    group = rounding.groupOn === 'exact' ? groupForExact(fw.groups, net, total.applicableMax) : groupFor(fw, indexPercent);
  }
  const surveyStatus = finishSurvey(plan, items);
  return {
    unitType,
    unitTypeAssumed: assumed,
    items,
    criteria,
    fields,
    selfAssessment,
    survey: surveyNode,
    adjustments,
    total,
    indexPercent,
    group,
    rounding,
    surveyComplete: surveyStatus.complete,
    formsBelowMinimum: surveyStatus.formsBelowMinimum,
    surveyStatus,
  };
}

function scoreAdjustments(framework: Framework, entries: Readonly<Record<string, ItemEntry>>): AdjustmentSummary {
  const items = ownRecord<ItemScore>();
  let bonusClaimed = 0;
  let penaltyClaimed = 0;
  for (const a of framework.adjustments ?? []) {
    const score = scoreItem(adjustmentAsItem(a), own(entries, a.code));
    // An adjustment left empty is simply zero: it is never "applicable maximum".
    score.applicableMax = 0;
    items[a.code] = score;
    if (a.kind === 'bonus') bonusClaimed += score.points;
    else penaltyClaimed += score.points;
  }
  const caps = framework.adjustmentCaps ?? { bonus: 0, penalty: 0 };
  return {
    bonus: Math.min(bonusClaimed, caps.bonus),
    penalty: Math.min(penaltyClaimed, caps.penalty),
    bonusClaimed,
    penaltyClaimed,
    items,
  };
}
