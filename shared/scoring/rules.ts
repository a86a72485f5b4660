/**
 * One function per rule type: check the input, then compute points. Integer arithmetic
 * only; divisions round half up to the hundredth of a point (BigInt, so no float error
 * can flip a .5). Percentages are compared exactly as fractions, never after rounding:
 * 1,133 / 1,157 = 97.926…% is below 98% even though a report may print "97,93%".
 */
import type { FrameworkItem, Rule } from '../framework/schema';
import { formatPercent, formatPoints, roundHalfUpBig } from '../framework/points';
import type { ItemInput, RatioInput } from './entry';
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
  survey: 'theo phiếu khảo sát',
};

/** Checks a whole number ≥ 0 (counts, points); returns the problems found. */
function checkCount(value: number, field: EntryIssueField, what: string): ValidationIssue[] {
  if (!Number.isSafeInteger(value)) return [entryError('NOT_INTEGER', field, `${what} phải là số nguyên (đang là ${String(value)}).`)];
  if (value < 0) return [entryError('NEGATIVE', field, `${what} không được âm.`)];
  return [];
}

/** Input and rule must be of the same type; survey items take no input at all. */
export function wrongTypeIssue(item: FrameworkItem | { code: string; rule: Rule }, input: ItemInput): ValidationIssue | null {
  if (input.type === item.rule.type) return null;
  const message =
    item.rule.type === 'survey'
      ? `Mục ${item.code} tính điểm từ phiếu khảo sát, không nhập điểm trực tiếp.`
      : `Mục ${item.code} chấm ${RULE_LABEL[item.rule.type]}, nhưng dữ liệu nhập là kiểu "${input.type}".`;
  return entryError('WRONG_INPUT_TYPE', 'input', message);
}

/** Evaluates an input already known to match the rule's type. */
export function evaluateRule(rule: Rule, max: number, input: ItemInput): RuleResult {
  switch (rule.type) {
    case 'manual': {
      if (input.type !== 'manual') break;
      const issues = checkCount(input.points, 'points', 'Điểm (tính theo phần trăm điểm)');
      if (issues.length === 0 && input.points > max) {
        issues.push(entryError('ABOVE_MAX', 'points', `Điểm ${formatPoints(input.points)} vượt điểm tối đa ${formatPoints(max)}.`));
      }
      if (issues.length === 0 && input.points % rule.step !== 0) {
        issues.push(entryError('NOT_A_STEP', 'points', `Điểm ${formatPoints(input.points)} phải là bội số của ${formatPoints(rule.step)}.`));
      }
      return { issues, points: issues.length === 0 ? input.points : 0 };
    }
    case 'binary':
      if (input.type !== 'binary') break;
      return { issues: [], points: input.done ? max : 0 };
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
      return computeRatio(rule, max, BigInt(ratio.numerator), BigInt(ratio.denominator));
    }
    case 'deduction': {
      if (input.type !== 'deduction') break;
      const issues = checkCount(input.events, 'events', rule.eventLabel);
      if (issues.length > 0) return { issues, points: 0 };
      return { issues, points: Math.max(rule.floor, max - input.events * rule.perEvent) };
    }
    case 'survey':
      break;
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

function computeRatio(rule: RatioRule, max: number, n: bigint, d: bigint): RuleResult {
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
      return { issues: [], points: roundHalfUpBig(BigInt(max) * n, d), percent };
    case 'ratio-target':
      if (atLeast(rule.targetPercent)) return { issues: [], points: max, percent };
      // (n/d) / (target/10000) × max
      return { issues: [], points: roundHalfUpBig(BigInt(max) * n * 10000n, d * BigInt(rule.targetPercent)), percent };
  }
}

/** A one-line Vietnamese explanation of a rule, for tooltips and the printed table. */
export function describeRule(rule: Rule, max: number): string {
  const p = formatPoints;
  switch (rule.type) {
    case 'manual':
      return `Chấm từ 0 đến ${p(max)} điểm, mỗi bước ${p(rule.step)}.`;
    case 'binary':
      return `Đạt: ${p(max)} điểm; không đạt: 0.`;
    case 'tiered':
      return rule.levels.map((l) => `${l.label}: ${p(l.points)}`).join('; ') + '.';
    case 'bands':
      return rule.bands.map((b) => `từ ${formatPercent(b.minPercent)}: ${p(b.points)}`).join('; ') + '; thấp hơn: 0.';
    case 'ratio':
      return `Tỷ lệ × ${p(max)} điểm` + (rule.zeroBelowPercent !== undefined ? `; dưới ${formatPercent(rule.zeroBelowPercent)}: 0.` : '.');
    case 'ratio-target':
      return `Đạt từ ${formatPercent(rule.targetPercent)}: ${p(max)} điểm; thấp hơn: tỷ lệ / mục tiêu × ${p(max)}.`;
    case 'deduction':
      return `${p(max)} điểm, trừ ${p(rule.perEvent)} mỗi lần (${rule.eventLabel.toLowerCase()}), thấp nhất ${p(rule.floor)}.`;
    case 'survey':
      return `Tính từ phiếu khảo sát, tối đa ${p(max)} điểm.`;
  }
}
