/**
 * One function per rule type: check the input, then compute points. Integer arithmetic
 * only; divisions round to the hundredth of a point by the framework's rounding mode
 * (half up by default; BigInt, so no float error can flip a .5). Percentages are compared
 * exactly as fractions, never after rounding: 1,133 / 1,157 = 97.926…% is below 98% even
 * though a report may print "97,93%".
 */
import type { FrameworkItem, Rule } from '../framework/schema';
import { formatPercent, formatPoints, roundHalfUpBig } from '../framework/points';
import type { RoundingMode } from '../framework/rounding';
import { divRound } from '../framework/rounding';
import type { ItemInput, RatioInput } from './entry';
import { evaluateFormulaRule } from './formula-rule';
import type { EntryIssueField, ValidationIssue } from './issues';
import { entryError } from './issues';

export interface RuleResult {
  issues: ValidationIssue[];
  points: number;
  /** For ratio-type rules: numerator / denominator in hundredths of a percent, rounded half up. */
  percent?: number;
}

const RULE_LABEL: Record<Rule['type'], string> = {
  manual: 'chấm điểm trực tiếp',
  binary: 'đạt / không đạt',
  tiered: 'theo mức',
  bands: 'theo khoảng tỷ lệ',
  ratio: 'theo tỷ lệ',
  'ratio-target': 'theo tỷ lệ so với mục tiêu',
  deduction: 'trừ điểm theo số lần',
  increment: 'cộng điểm theo số lượng',
  formula: 'theo công thức',
  survey: 'theo phiếu khảo sát',
};

/** Checks a whole number ≥ 0 (counts, points); returns the problems found. */
export function checkCount(value: number, field: EntryIssueField, what: string): ValidationIssue[] {
  if (!Number.isSafeInteger(value)) return [entryError('NOT_INTEGER', field, `${what} phải là số nguyên (đang là ${String(value)}).`)];
  if (value < 0) return [entryError('NEGATIVE', field, `${what} không được âm.`)];
  return [];
}

/** The input type a rule takes: its own, a manual input for survey points keyed by hand, none for survey forms. */
export function inputTypeOf(rule: Rule): ItemInput['type'] | null {
  if (rule.type === 'survey') return rule.source === 'entered' ? 'manual' : null;
  return rule.type;
}

/** Input and rule must be of the same type; survey items scored from forms take no input at all. */
export function wrongTypeIssue(item: FrameworkItem | { code: string; rule: Rule }, input: ItemInput): ValidationIssue | null {
  const expected = inputTypeOf(item.rule);
  if (input.type === expected) return null;
  const message =
    expected === null
      ? `Mục ${item.code} tính điểm từ phiếu khảo sát, không nhập điểm trực tiếp.`
      : `Mục ${item.code} chấm ${RULE_LABEL[item.rule.type]}, nhưng dữ liệu nhập là kiểu "${input.type}".`;
  return entryError('WRONG_INPUT_TYPE', 'input', message);
}

function manualPoints(points: number, step: number, max: number): RuleResult {
  const issues = checkCount(points, 'points', 'Điểm (tính theo phần trăm điểm)');
  if (issues.length === 0 && points > max) {
    issues.push(entryError('ABOVE_MAX', 'points', `Điểm ${formatPoints(points)} vượt điểm tối đa ${formatPoints(max)}.`));
  }
  if (issues.length === 0 && points % step !== 0) {
    issues.push(entryError('NOT_A_STEP', 'points', `Điểm ${formatPoints(points)} phải là bội số của ${formatPoints(step)}.`));
  }
  return { issues, points: issues.length === 0 ? points : 0 };
}

/** Evaluates an input already known to match the rule's type; divisions round by `rounding`. */
export function evaluateRule(rule: Rule, max: number, input: ItemInput, rounding: RoundingMode = 'half-up'): RuleResult {
  switch (rule.type) {
    case 'manual':
      if (input.type !== 'manual') break;
      return manualPoints(input.points, rule.step, max);
    case 'binary':
      if (input.type !== 'binary') break;
      return { issues: [], points: input.done ? max : (rule.notDonePoints ?? 0) };
    case 'tiered': {
      if (input.type !== 'tiered') break;
      const level = rule.levels.find((l) => l.id === input.level);
      if (!level) {
        const known = rule.levels.map((l) => `"${l.label}"`).join(', ');
        return { issues: [entryError('UNKNOWN_LEVEL', 'level', `Mức "${input.level}" không có trong tiêu chí; chọn một trong: ${known}.`)], points: 0 };
      }
      return { issues: [], points: level.points };
    }
    case 'bands':
    case 'ratio':
    case 'ratio-target': {
      if (input.type !== rule.type) break;
      const ratio = input as RatioInput;
      const issues = checkRatio(ratio, rule);
      if (issues.length > 0) return { issues, points: 0 };
      return computeRatio(rule, max, BigInt(ratio.numerator), BigInt(ratio.denominator), rounding);
    }
    case 'deduction': {
      if (input.type !== 'deduction') break;
      const issues = checkCount(input.events, 'events', rule.eventLabel);
      if (issues.length > 0) return { issues, points: 0 };
      // events × perEvent may pass the safe range for absurd counts: compare before multiplying.
      const room = max - rule.floor;
      return { issues, points: input.events >= Math.ceil(room / rule.perEvent) ? rule.floor : max - input.events * rule.perEvent };
    }
    case 'increment': {
      if (input.type !== 'increment') break;
      const issues = checkCount(input.units, 'units', rule.unitLabel);
      if (issues.length > 0) return { issues, points: 0 };
      return { issues, points: input.units >= Math.ceil(max / rule.perUnit) ? max : input.units * rule.perUnit };
    }
    case 'formula':
      if (input.type !== 'formula') break;
      return evaluateFormulaRule(rule, max, input.values, rounding);
    case 'survey':
      if (rule.source !== 'entered' || input.type !== 'manual') break;
      return manualPoints(input.points, rule.step ?? 1, max);
  }
  // Unreachable when the caller checked wrongTypeIssue first; kept total for safety.
  return { issues: [entryError('WRONG_INPUT_TYPE', 'input', `Dữ liệu nhập không khớp cách chấm ${RULE_LABEL[rule.type]}.`)], points: 0 };
}

type RatioRule = Extract<Rule, { type: 'bands' | 'ratio' | 'ratio-target' }>;

function checkRatio(input: RatioInput, rule: RatioRule): ValidationIssue[] {
  const issues = [
    ...checkCount(input.numerator, 'numerator', rule.numeratorLabel),
    ...checkCount(input.denominator, 'denominator', rule.denominatorLabel),
  ];
  if (input.complement !== undefined) {
    issues.push(...checkCount(input.complement, 'complement', rule.complementLabel ?? 'Số còn lại'));
  }
  if (issues.length > 0) return issues;
  if (input.denominator === 0) {
    return [
      entryError(
        'DENOMINATOR_ZERO',
        'denominator',
        `${rule.denominatorLabel} bằng 0: không tính được tỷ lệ. Nếu không phát sinh, hãy đánh dấu "Không áp dụng" (nếu tiêu chí cho phép).`,
      ),
    ];
  }
  if (input.numerator > input.denominator) {
    issues.push(
      entryError(
        'NUMERATOR_ABOVE_DENOMINATOR',
        'numerator',
        `${rule.numeratorLabel} (${String(input.numerator)}) lớn hơn ${rule.denominatorLabel.toLowerCase()} (${String(input.denominator)}).`,
      ),
    );
  }
  if (input.complement !== undefined && input.numerator + input.complement !== input.denominator) {
    const label = rule.complementLabel ?? 'Số còn lại';
    issues.push(
      entryError(
        'COMPLEMENT_MISMATCH',
        'complement',
        `${rule.numeratorLabel} (${String(input.numerator)}) + ${label.toLowerCase()} (${String(input.complement)}) = ${String(input.numerator + input.complement)}, không bằng ${rule.denominatorLabel.toLowerCase()} (${String(input.denominator)}). Hãy kiểm tra lại số liệu.`,
      ),
    );
  }
  return issues;
}

function computeRatio(rule: RatioRule, max: number, n: bigint, d: bigint, rounding: RoundingMode): RuleResult {
  // The displayed percentage is always rounded half up: it is a label, never a score.
  const percent = roundHalfUpBig(n * 10000n, d);
  // n / d ≥ p / 10000  ⇔  n × 10000 ≥ p × d: exact, no rounding before comparing.
  const atLeast = (p: number): boolean => n * 10000n >= BigInt(p) * d;
  switch (rule.type) {
    case 'bands': {
      const band = rule.bands.find((b) => atLeast(b.minPercent));
      return { issues: [], points: band ? band.points : 0, percent };
    }
    case 'ratio':
      if (rule.zeroBelowPercent !== undefined && !atLeast(rule.zeroBelowPercent)) return { issues: [], points: 0, percent };
      return { issues: [], points: divRound(BigInt(max) * n, d, rounding), percent };
    case 'ratio-target':
      if (atLeast(rule.targetPercent)) return { issues: [], points: max, percent };
      // (n/d) / (target/10000) × max
      return { issues: [], points: divRound(BigInt(max) * n * 10000n, d * BigInt(rule.targetPercent), rounding), percent };
  }
}

/** A one-line Vietnamese explanation of a rule, for tooltips and the printed table. */
export function describeRule(rule: Rule, max: number): string {
  const p = formatPoints;
  switch (rule.type) {
    case 'manual':
      return `Chấm từ 0 đến ${p(max)} điểm, mỗi bước ${p(rule.step)}.`;
    case 'binary':
      return `Đạt: ${p(max)} điểm; không đạt: ${rule.notDonePoints ? `0 điểm và bị trừ ${p(-rule.notDonePoints)} điểm` : '0'}.`;
    case 'tiered':
      return rule.levels.map((l) => `${l.label}: ${l.points < 0 ? `0 điểm và bị trừ ${p(-l.points)}` : p(l.points)}`).join('; ') + '.';
    case 'bands':
      return rule.bands.map((b) => `từ ${formatPercent(b.minPercent)}: ${p(b.points)}`).join('; ') + '; thấp hơn: 0.';
    case 'ratio':
      return `Tỷ lệ × ${p(max)} điểm` + (rule.zeroBelowPercent !== undefined ? `; dưới ${formatPercent(rule.zeroBelowPercent)}: 0.` : '.');
    case 'ratio-target':
      return `Đạt từ ${formatPercent(rule.targetPercent)}: ${p(max)} điểm; thấp hơn: tỷ lệ / mục tiêu × ${p(max)}.`;
    case 'deduction':
      return `${p(max)} điểm, trừ ${p(rule.perEvent)} mỗi lần (${rule.eventLabel.toLowerCase()}), thấp nhất ${p(rule.floor)}.`;
    case 'increment':
      return `Cộng ${p(rule.perUnit)} điểm cho mỗi đơn vị (${rule.unitLabel.toLowerCase()}), tối đa ${p(max)} điểm.`;
    case 'formula':
      return `Điểm = ${rule.expression}, trong khoảng ${p(rule.floor ?? 0)}..${p(max)}.`;
    case 'survey':
      return rule.source === 'entered'
        ? `Điểm điều tra xã hội học do đơn vị tổ chức điều tra cung cấp, tối đa ${p(max)} điểm.`
        : `Tính từ phiếu khảo sát, tối đa ${p(max)} điểm.`;
  }
}
