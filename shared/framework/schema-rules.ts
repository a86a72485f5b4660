/**
 * Scoring rules of the criteria framework (zod). schema.ts builds the tree from these; every
 * framework type is derived with z.infer there. Units: points are integer hundredths of a
 * point, percentages integer hundredths of a percent.
 *
 * A key added after schema version 1 was published is optional and has no zod default: a
 * framework written before it parses to exactly the same object (same hash, same scores),
 * and the code reads the documented default where the key is absent.
 */
import { z } from 'zod';
import { FORMULA_MAX_LENGTH, FORMULA_NAME } from './formula';

/** Integer hundredths of a point, ≥ 0. */
export const hundredthsSchema = z.number().int({ error: 'Phải là số nguyên (phần trăm điểm).' }).min(0, {
  error: 'Không được âm.',
});
/** Integer hundredths of a point that may be negative ("0 điểm và bị trừ 0,25 điểm" → −25). */
export const signedHundredthsSchema = z
  .number()
  .int({ error: 'Phải là số nguyên (phần trăm điểm).' })
  .min(-1_000_000, { error: 'Quá nhỏ.' })
  .max(1_000_000, { error: 'Quá lớn.' });
/** Integer hundredths of a percent, 0..10000. */
export const percentSchema = z
  .number()
  .int({ error: 'Phải là số nguyên (phần trăm của phần trăm, 80% = 8000).' })
  .min(0, { error: 'Không được âm.' })
  .max(10000, { error: 'Không được vượt 10000 (100%).' });

export const text = z.string().trim().min(1, { error: 'Không được để trống.' });
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, { error: 'Chỉ gồm chữ thường không dấu, số và dấu gạch nối.' });

const ratioLabels = {
  /** e.g. "Số hồ sơ giải quyết đúng hạn". */
  numeratorLabel: text,
  /** e.g. "Tổng số hồ sơ đã giải quyết". */
  denominatorLabel: text,
  /** Optional third number (e.g. "Số hồ sơ trễ hạn"): numerator + complement must equal denominator. */
  complementLabel: text.optional(),
};

export const manualRuleSchema = z.strictObject({
  type: z.literal('manual'),
  /** Points are entered in multiples of step (25 = quarter points). */
  step: hundredthsSchema.min(1, { error: 'Bước điểm phải lớn hơn 0.' }),
});

export const binaryRuleSchema = z.strictObject({
  type: z.literal('binary'),
  /** Points when not done; default 0. Negative for "không thực hiện: 0 điểm và bị trừ 0,25 điểm" (−25). */
  notDonePoints: signedHundredthsSchema.max(0, { error: 'Điểm khi không đạt phải ≤ 0 (0, hoặc số âm khi bị trừ điểm).' }).optional(),
});

/** A level's points may be negative: "không ban hành: 0 điểm và bị trừ 0,25 điểm" → −25. */
export const tierLevelSchema = z.strictObject({ id: slug, label: text, points: signedHundredthsSchema });

export const tieredRuleSchema = z.strictObject({
  type: z.literal('tiered'),
  levels: z.array(tierLevelSchema).min(2, { error: 'Cần ít nhất 2 mức.' }),
});

export const bandSchema = z.strictObject({ minPercent: percentSchema, points: signedHundredthsSchema });

export const bandsRuleSchema = z.strictObject({
  type: z.literal('bands'),
  /** Sorted by minPercent, descending; a percentage below the last band scores 0. */
  bands: z.array(bandSchema).min(1, { error: 'Cần ít nhất 1 khoảng.' }),
  ...ratioLabels,
});

export const ratioRuleSchema = z.strictObject({
  type: z.literal('ratio'),
  ...ratioLabels,
  /** Below this percentage the item scores 0 (e.g. 8000: "<80% → 0"). */
  zeroBelowPercent: percentSchema.optional(),
});

export const ratioTargetRuleSchema = z.strictObject({
  type: z.literal('ratio-target'),
  targetPercent: percentSchema.min(1, { error: 'Mục tiêu phải lớn hơn 0.' }),
  ...ratioLabels,
});

export const deductionRuleSchema = z.strictObject({
  type: z.literal('deduction'),
  perEvent: hundredthsSchema.min(1, { error: 'Mức trừ mỗi lần phải lớn hơn 0.' }),
  /** Lowest points; default 0; negative when the decision lets the deduction go below zero. */
  floor: signedHundredthsSchema.default(0),
  /** e.g. "Số báo cáo chậm hoặc thiếu". */
  eventLabel: text,
});

/** "+0,5 điểm cho mỗi …, tối đa …": units × perUnit, capped at the item's maximum. */
export const incrementRuleSchema = z.strictObject({
  type: z.literal('increment'),
  perUnit: hundredthsSchema.min(1, { error: 'Số điểm mỗi đơn vị phải lớn hơn 0.' }),
  /** e.g. "Số sáng kiến được công nhận". */
  unitLabel: text,
});

export const FORMULA_INPUT_KINDS = ['count', 'number'] as const;

export const formulaInputSchema = z.strictObject({
  /** The name used in the expression: a–z, digits, "_", starting with a letter ("dung_han"). */
  name: z.string().regex(FORMULA_NAME, { error: 'Tên biến gồm chữ thường không dấu, số và "_", bắt đầu bằng chữ (ví dụ dung_han).' }),
  /** What the clerk is asked for, e.g. "Số hồ sơ giải quyết đúng hạn". */
  label: text,
  /** 'count' (default): a whole number ≥ 0; 'number': any number ≥ 0 (0,5; 98,89). */
  kind: z.enum(FORMULA_INPUT_KINDS).optional(),
});

/** Points defined by an expression over named inputs (see formula.ts for the language). */
export const formulaRuleSchema = z.strictObject({
  type: z.literal('formula'),
  inputs: z.array(formulaInputSchema).min(1, { error: 'Công thức cần ít nhất 1 biến.' }).max(20, { error: 'Nhiều nhất 20 biến.' }),
  /** In points, as the decision prints it: "2 × dung_han / tong_so". */
  expression: z.string().trim().min(1, { error: 'Không được để trống.' }).max(FORMULA_MAX_LENGTH, { error: `Công thức dài quá ${FORMULA_MAX_LENGTH} ký tự.` }),
  /** The result is kept within floor..max; floor defaults to 0 (negative when the decision deducts). */
  floor: signedHundredthsSchema.optional(),
});

export const SURVEY_SOURCES = ['forms', 'entered'] as const;

/**
 * Points from the sociological survey. 'forms' (default): computed from the questionnaires keyed
 * in the app. 'entered': the survey is run by someone else (the province, a SIPAS-like survey)
 * and its points per aspect are keyed as a manual input in multiples of `step`.
 */
export const surveyRuleSchema = z.strictObject({
  type: z.literal('survey'),
  source: z.enum(SURVEY_SOURCES).optional(),
  step: hundredthsSchema.min(1, { error: 'Bước điểm phải lớn hơn 0.' }).optional(),
});

export const ruleSchema = z.discriminatedUnion('type', [
  manualRuleSchema,
  binaryRuleSchema,
  tieredRuleSchema,
  bandsRuleSchema,
  ratioRuleSchema,
  ratioTargetRuleSchema,
  deductionRuleSchema,
  incrementRuleSchema,
  formulaRuleSchema,
  surveyRuleSchema,
]);

export const RULE_TYPES = [
  'manual',
  'binary',
  'tiered',
  'bands',
  'ratio',
  'ratio-target',
  'deduction',
  'increment',
  'formula',
  'survey',
] as const;

export type Rule = z.infer<typeof ruleSchema>;
export type RuleType = Rule['type'];
export type ManualRule = z.infer<typeof manualRuleSchema>;
export type BinaryRule = z.infer<typeof binaryRuleSchema>;
export type TieredRule = z.infer<typeof tieredRuleSchema>;
export type BandsRule = z.infer<typeof bandsRuleSchema>;
export type RatioRule = z.infer<typeof ratioRuleSchema>;
export type RatioTargetRule = z.infer<typeof ratioTargetRuleSchema>;
export type DeductionRule = z.infer<typeof deductionRuleSchema>;
export type IncrementRule = z.infer<typeof incrementRuleSchema>;
export type FormulaRule = z.infer<typeof formulaRuleSchema>;
export type FormulaInput = z.infer<typeof formulaInputSchema>;
export type SurveyRule = z.infer<typeof surveyRuleSchema>;

// Compile-time guard: the constant list above matches the schema's union.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _ruleTypesMatch: Same<(typeof RULE_TYPES)[number], RuleType> = true;
void _ruleTypesMatch;

/** The lowest points a rule can give on a valid input (negative when it deducts). */
export function lowestPoints(rule: Rule): number {
  switch (rule.type) {
    case 'binary':
      return Math.min(0, rule.notDonePoints ?? 0);
    case 'tiered':
      return Math.min(0, ...rule.levels.map((l) => l.points));
    case 'bands':
      return Math.min(0, ...rule.bands.map((b) => b.points));
    case 'deduction':
      return Math.min(0, rule.floor);
    case 'formula':
      return Math.min(0, rule.floor ?? 0);
    default:
      return 0;
  }
}
