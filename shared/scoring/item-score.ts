/**
 * One item (or one bonus/penalty adjustment): the hard errors in its entry and its points.
 * Not applicable: 'exclude' removes the item from the applicable maximum, 'full' counts it at
 * full points, 'points' at the fixed number the framework states, 'not-allowed' makes a N/A
 * mark an error. An item's points may be negative when its rule deducts ("0 điểm và bị trừ
 * 0,25 điểm"); the criterion's floor, if any, is applied by the engine.
 */
import type { FrameworkAdjustment, FrameworkItem } from '../framework/schema';
import { formatPoints } from '../framework/points';
import type { RoundingMode } from '../framework/rounding';
import type { ItemEntry } from './entry';
import type { ValidationIssue } from './issues';
import { entryError, hasErrors } from './issues';
import { evaluateRule, wrongTypeIssue } from './rules';

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

/** Does this survey item take its points from the questionnaires (rather than an entry)? */
export function scoredFromForms(item: Pick<FrameworkItem, 'rule'>): boolean {
  return item.rule.type === 'survey' && item.rule.source !== 'entered';
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

/** The points a N/A mark gives an item, by its mode (exclude → 0, out of the maximum). */
export function notApplicableScore(item: FrameworkItem, mode: 'exclude' | 'full' | 'points', points?: number): Pick<ItemScore, 'points' | 'applicableMax'> {
  const max = item.maxPoints;
  if (mode === 'exclude') return { points: 0, applicableMax: 0 };
  if (mode === 'full') return { points: max, applicableMax: max };
  return { points: Math.min(max, points ?? 0), applicableMax: max };
}

/**
 * Score one item. surveyPoints is the item's points from the survey tally (survey items scored
 * from forms only; undefined or null → no survey data yet, the item is empty).
 */
export function scoreItem(item: FrameworkItem, entry: ItemEntry | undefined, surveyPoints?: number | null, rounding: RoundingMode = 'half-up'): ItemScore {
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
  if (entry?.notApplicable && item.notApplicable !== 'not-allowed') {
    const na = notApplicableScore(item, item.notApplicable, item.notApplicablePoints);
    return result(na.points, na.applicableMax, 'na');
  }
  if (scoredFromForms(item)) {
    if (surveyPoints === undefined || surveyPoints === null) return result(0, max, 'empty');
    if (!Number.isSafeInteger(surveyPoints) || surveyPoints < 0 || surveyPoints > max) {
      const issue = entryError('ABOVE_MAX', 'points', `Điểm khảo sát ${formatPoints(surveyPoints)} của mục ${item.code} nằm ngoài 0..${formatPoints(max)}.`);
      return result(0, max, 'error', [issue]);
    }
    return result(surveyPoints, max, 'scored');
  }
  if (!entry?.input) return result(0, max, 'empty');
  const evaluated = evaluateRule(item.rule, max, entry.input, rounding);
  return result(evaluated.points, max, 'scored', evaluated.issues, evaluated.percent);
}

/** An adjustment is scored like a manual item whose maximum is its own cap. */
export function adjustmentAsItem(a: FrameworkAdjustment): FrameworkItem {
  return {
    code: a.code,
    ...(a.numbering !== undefined ? { numbering: a.numbering } : {}),
    title: a.title,
    scoringText: a.scoringText,
    maxPoints: a.cap,
    rule: a.rule,
    evidence: a.evidence,
    notApplicable: 'not-allowed',
    required: false,
  };
}
