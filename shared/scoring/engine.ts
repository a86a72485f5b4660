/**
 * The scoring engine: pure, deterministic, integer arithmetic.
 *
 * Rounding: each item's points are rounded half up to the hundredth of a point (inside the
 * rule); sums are exact; the index is rounded half up to the hundredth of a percent.
 * Not applicable: 'exclude' removes the item from the applicable maximum, 'full' counts it
 * at full points, 'not-allowed' makes a N/A mark an error.
 */
import type { Framework, FrameworkAdjustment, FrameworkGroup, FrameworkItem } from '../framework/schema';
import { divRoundHalfUp, formatPoints } from '../framework/points';
import type { ItemEntry } from './entry';
import type { ValidationIssue } from './issues';
import { entryError, hasErrors } from './issues';
import { evaluateRule, wrongTypeIssue } from './rules';
import type { SurveyTally } from './survey';
import { surveyItemPoints } from './survey';

export type { ItemEntry, ItemInput, Entries } from './entry';
export { itemEntrySchema, itemInputSchema, entriesSchema } from './entry';
export type { ValidationIssue, EntryIssueCode } from './issues';

export type ItemStatus = 'empty' | 'scored' | 'na' | 'error';

export interface ItemScore {
  code: string;
  points: number;
  max: number;
  /** max, or 0 when the item is not applicable and excluded from the maximum. */
  applicableMax: number;
  status: ItemStatus;
  issues: ValidationIssue[];
  /** Ratio-type rules: the entered ratio in hundredths of a percent. */
  percent?: number;
}

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
  items: Record<string, ItemScore>;
  criteria: Record<string, NodeScore>;
  fields: Record<string, NodeScore>;
  /** Items not scored by the survey. */
  selfAssessment: NodeScore;
  /** Items scored by the survey. */
  survey: NodeScore;
  adjustments: AdjustmentSummary;
  total: NodeScore;
  /** (points + bonus − penalty) × 10000 / applicableMax, half up; ≥ 0; null when nothing applies. */
  indexPercent: number | null;
  group: FrameworkGroup | null;
}

export interface ComputeOptions {
  /**
   * Leave the survey items out of the maximum (as if not applicable, excluded), to rescale
   * the appraised part alone before survey results exist (62.62 of 70 → 89.46%).
   */
  excludeSurvey?: boolean;
}

/** Hard errors in one entry. An entry marked not applicable is only checked for that. */
export function validateEntry(item: FrameworkItem, entry: ItemEntry | undefined): ValidationIssue[] {
  if (!entry) return [];
  if (entry.notApplicable) {
    if (item.notApplicable !== 'not-allowed') return [];
    return [entryError('NA_NOT_ALLOWED', 'notApplicable', `Mục ${item.code} không được đánh dấu "Không áp dụng"; hãy nhập kết quả.`)];
  }
  if (!entry.input) return [];
  const wrong = wrongTypeIssue(item, entry.input);
  if (wrong) return [wrong];
  return evaluateRule(item.rule, item.maxPoints, entry.input).issues;
}

/**
 * Score one item. surveyPoints is the item's points from the survey tally (survey items
 * only; undefined or null → no survey data yet, the item is empty).
 */
export function scoreItem(item: FrameworkItem, entry: ItemEntry | undefined, surveyPoints?: number | null): ItemScore {
  const max = item.maxPoints;
  const result = (points: number, applicableMax: number, status: ItemStatus, issues: ValidationIssue[] = [], percent?: number): ItemScore => ({
    code: item.code,
    points,
    max,
    applicableMax,
    status,
    issues,
    ...(percent !== undefined ? { percent } : {}),
  });

  const issues = validateEntry(item, entry);
  if (hasErrors(issues)) return result(0, max, 'error', issues);
  if (entry?.notApplicable) {
    return item.notApplicable === 'exclude' ? result(0, 0, 'na') : result(max, max, 'na');
  }
  if (item.rule.type === 'survey') {
    if (surveyPoints === undefined || surveyPoints === null) return result(0, max, 'empty');
    if (!Number.isSafeInteger(surveyPoints) || surveyPoints < 0 || surveyPoints > max) {
      const issue = entryError('ABOVE_MAX', 'points', `Điểm khảo sát ${formatPoints(surveyPoints)} của mục ${item.code} nằm ngoài 0..${formatPoints(max)}.`);
      return result(0, max, 'error', [issue]);
    }
    return result(surveyPoints, max, 'scored');
  }
  if (!entry?.input) return result(0, max, 'empty');
  const evaluated = evaluateRule(item.rule, max, entry.input);
  return result(evaluated.points, max, 'scored', evaluated.issues, evaluated.percent);
}

/** An adjustment is scored like a manual item whose maximum is its own cap. */
export function adjustmentAsItem(a: FrameworkAdjustment): FrameworkItem {
  return {
    code: a.code,
    title: a.title,
    scoringText: a.scoringText,
    maxPoints: a.cap,
    rule: a.rule,
    evidence: a.evidence,
    notApplicable: 'not-allowed',
    required: false,
  };
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

export function groupFor(framework: Framework, indexPercent: number | null): FrameworkGroup | null {
  if (indexPercent === null) return null;
  return framework.groups.find((g) => indexPercent >= g.minPercent) ?? null;
}

export function computeScores(
  framework: Framework,
  entries: Readonly<Record<string, ItemEntry>>,
  survey?: SurveyTally,
  options: ComputeOptions = {},
): ScoreSummary {
  const items: Record<string, ItemScore> = {};
  const criteria: Record<string, NodeScore> = {};
  const fields: Record<string, NodeScore> = {};
  const selfAssessment = emptyNode();
  const surveyNode = emptyNode();
  const total = emptyNode();

  for (const field of framework.fields) {
    const fieldNode = emptyNode();
    for (const criterion of field.criteria) {
      const criterionNode = emptyNode();
      for (const item of criterion.items) {
        const isSurvey = item.rule.type === 'survey';
        let score: ItemScore;
        if (isSurvey && options.excludeSurvey) {
          score = { code: item.code, points: 0, max: item.maxPoints, applicableMax: 0, status: 'na', issues: [] };
        } else {
          const fromSurvey = isSurvey && survey && framework.survey ? surveyItemPoints(framework.survey, item, survey) : undefined;
          score = scoreItem(item, entries[item.code], fromSurvey);
        }
        items[item.code] = score;
        for (const node of [criterionNode, fieldNode, total, isSurvey ? surveyNode : selfAssessment]) addItem(node, item, score);
      }
      criteria[criterion.code] = criterionNode;
    }
    fields[field.code] = fieldNode;
  }

  const adjustments = scoreAdjustments(framework, entries);
  let indexPercent: number | null = null;
  if (total.applicableMax > 0) {
    const net = Math.max(0, total.points + adjustments.bonus - adjustments.penalty);
    indexPercent = divRoundHalfUp(net * 10000, total.applicableMax);
  }
  return {
    items,
    criteria,
    fields,
    selfAssessment,
    survey: surveyNode,
    adjustments,
    total,
    indexPercent,
    group: groupFor(framework, indexPercent),
  };
}

function scoreAdjustments(framework: Framework, entries: Readonly<Record<string, ItemEntry>>): AdjustmentSummary {
  const items: Record<string, ItemScore> = {};
  let bonusClaimed = 0;
  let penaltyClaimed = 0;
  for (const a of framework.adjustments ?? []) {
    const score = scoreItem(adjustmentAsItem(a), entries[a.code]);
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
