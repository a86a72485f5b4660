/**
 * The formula rule: check the values a clerk entered against the rule's declared inputs, then
 * evaluate the expression exactly and turn points into hundredths with the framework's
 * rounding, kept within floor..max. The values record comes from a person: it is read with
 * own(), so an input named "constructor" is just an input.
 */
import type { FormulaRule } from '../framework/schema';
import { compiledFormula, evaluateFormula } from '../framework/formula';
import type { Rational } from '../framework/rational';
import { compare, fromNumber, rational } from '../framework/rational';
import type { RoundingMode } from '../framework/rounding';
import { divRound } from '../framework/rounding';
import { own } from '../own';
import type { ValidationIssue } from './issues';
import { entryError } from './issues';

export interface FormulaResult {
  issues: ValidationIssue[];
  points: number;
}

export function evaluateFormulaRule(rule: FormulaRule, max: number, values: Readonly<Record<string, number>>, rounding: RoundingMode): FormulaResult {
  const issues: ValidationIssue[] = [];
  const known = new Map<string, Rational>();
  for (const input of rule.inputs) {
    const v = own(values, input.name);
    if (v === undefined) {
      issues.push(entryError('FORMULA_INPUT_MISSING', 'values', `Chưa nhập "${input.label}".`));
      continue;
    }
    const exact = typeof v === 'number' ? fromNumber(v) : null;
    if (exact === null) {
      issues.push(entryError('NOT_A_NUMBER', 'values', `"${input.label}" phải là một số thập phân thông thường (đang là ${String(v)}).`));
      continue;
    }
    if ((input.kind ?? 'count') === 'count' && !Number.isSafeInteger(v)) {
      issues.push(entryError('NOT_INTEGER', 'values', `"${input.label}" phải là số nguyên (đang là ${String(v)}).`));
      continue;
    }
    if (v < 0) {
      issues.push(entryError('NEGATIVE', 'values', `"${input.label}" không được âm.`));
      continue;
    }
    known.set(input.name, exact);
  }
  const declared = new Set(rule.inputs.map((i) => i.name));
  for (const name of Object.keys(values)) {
    if (!declared.has(name)) {
      issues.push(entryError('FORMULA_UNKNOWN_INPUT', 'values', `Công thức không có biến "${name}"; chỉ nhập: ${rule.inputs.map((i) => i.name).join(', ')}.`));
    }
  }
  if (issues.length > 0) return { issues, points: 0 };

  const parsed = compiledFormula(rule.expression);
  if (!parsed.ok) {
    // parseFramework refuses such a framework; kept total for a framework that skipped it.
    return { issues: [entryError('WRONG_INPUT_TYPE', 'input', `Công thức của mục không hợp lệ (ký tự ${parsed.at}): ${parsed.message}.`)], points: 0 };
  }
  const value = evaluateFormula(parsed.ast, known);
  if (!value.ok) {
    const message =
      value.problem === 'division-by-zero'
        ? `Công thức chia cho 0 (ở ký tự ${value.at} của "${rule.expression}"): hãy kiểm tra số liệu; nếu không phát sinh, hãy đánh dấu "Không áp dụng" (nếu tiêu chí cho phép).`
        : `Công thức dùng biến "${value.name}" chưa được khai.`;
    return { issues: [entryError(value.problem === 'division-by-zero' ? 'DIVISION_BY_ZERO' : 'FORMULA_UNKNOWN_INPUT', 'values', message)], points: 0 };
  }
  // Clamp before converting: an absurd value must not overflow the integer conversion.
  const floor = rule.floor ?? 0;
  const v = value.value;
  if (compare(v, rational(BigInt(max), 100n)) >= 0) return { issues: [], points: max };
  if (compare(v, rational(BigInt(floor), 100n)) <= 0) return { issues: [], points: floor };
  return { issues: [], points: Math.min(max, Math.max(floor, divRound(v.n * 100n, v.d, rounding))) };
}
