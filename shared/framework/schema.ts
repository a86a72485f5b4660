/**
 * The criteria framework (bộ tiêu chí) as one zod schema. Every type in the app that
 * describes a framework is derived from here with z.infer: never write one twice.
 *
 * Units: points are integer hundredths of a point (3.75 → 375); percentages are integer
 * hundredths of a percent (80% → 8000); survey option weights are hundredths of a percent
 * of the question's points (0..10000).
 *
 * The schema checks shape and ranges only. Cross-references (unique codes, sums, band
 * order, survey questions feeding real items) are checked by parseFramework in validate.ts.
 * Objects are strict: an unknown key (a typo such as "maxpoint") is refused, not ignored.
 */
import { z } from 'zod';

/** Integer hundredths of a point, ≥ 0. */
export const hundredthsSchema = z.number().int({ error: 'Phải là số nguyên (phần trăm điểm).' }).min(0, {
  error: 'Không được âm.',
});
/** Integer hundredths of a percent, 0..10000. */
export const percentSchema = z
  .number()
  .int({ error: 'Phải là số nguyên (phần trăm của phần trăm, 80% = 8000).' })
  .min(0, { error: 'Không được âm.' })
  .max(10000, { error: 'Không được vượt 10000 (100%).' });

const text = z.string().trim().min(1, { error: 'Không được để trống.' });
/** "1", "3.3", "8.1.2", "9.1": what is printed in the table; the key of an entry. */
export const codeSchema = z
  .string()
  .regex(/^[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*$/u, { error: 'Mã không hợp lệ: chỉ gồm chữ, số và dấu chấm (ví dụ 3.3).' });
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, { error: 'Chỉ gồm chữ thường không dấu, số và dấu gạch nối.' });

// ---- rules -----------------------------------------------------------------------------

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

export const binaryRuleSchema = z.strictObject({ type: z.literal('binary') });

export const tierLevelSchema = z.strictObject({ id: slug, label: text, points: hundredthsSchema });

export const tieredRuleSchema = z.strictObject({
  type: z.literal('tiered'),
  levels: z.array(tierLevelSchema).min(2, { error: 'Cần ít nhất 2 mức.' }),
});

export const bandSchema = z.strictObject({ minPercent: percentSchema, points: hundredthsSchema });

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
  floor: hundredthsSchema.default(0),
  /** e.g. "Số báo cáo chậm hoặc thiếu". */
  eventLabel: text,
});

export const surveyRuleSchema = z.strictObject({ type: z.literal('survey') });

export const ruleSchema = z.discriminatedUnion('type', [
  manualRuleSchema,
  binaryRuleSchema,
  tieredRuleSchema,
  bandsRuleSchema,
  ratioRuleSchema,
  ratioTargetRuleSchema,
  deductionRuleSchema,
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
  'survey',
] as const;

// ---- tree ------------------------------------------------------------------------------

export const NOT_APPLICABLE_MODES = ['not-allowed', 'exclude', 'full'] as const;

export const itemSchema = z.strictObject({
  code: codeSchema,
  title: text,
  /** How points are given, as printed in the framework. */
  scoringText: text,
  maxPoints: hundredthsSchema.min(1, { error: 'Điểm tối đa phải lớn hơn 0.' }),
  rule: ruleSchema,
  /** Expected evidence (tài liệu kiểm chứng). */
  evidence: z.array(text),
  /** not-allowed; exclude: removed from the applicable maximum; full: counts as full points. */
  notApplicable: z.enum(NOT_APPLICABLE_MODES),
  /** A required item must be filled before the package is complete. */
  required: z.boolean().default(true),
});

export const criterionSchema = z.strictObject({
  code: codeSchema,
  title: text,
  /** Optional declared maximum: must equal the sum of its items' maxima. */
  maxPoints: hundredthsSchema.optional(),
  items: z.array(itemSchema).min(1, { error: 'Tiêu chí cần ít nhất 1 tiêu chí thành phần.' }),
});

export const fieldSchema = z.strictObject({
  code: codeSchema,
  title: text,
  /** Optional declared maximum: must equal the sum of its criteria. */
  maxPoints: hundredthsSchema.optional(),
  criteria: z.array(criterionSchema).min(1, { error: 'Lĩnh vực cần ít nhất 1 tiêu chí.' }),
});

export const groupSchema = z.strictObject({
  code: slug,
  label: text,
  /** Lower bound, inclusive, in hundredths of a percent (8000 = 80%). */
  minPercent: percentSchema,
});

export const adjustmentSchema = z.strictObject({
  code: codeSchema,
  title: text,
  scoringText: text,
  kind: z.enum(['bonus', 'penalty']),
  /** This adjustment's own cap; the sum per kind is capped again by adjustmentCaps. */
  cap: hundredthsSchema.min(1, { error: 'Mức tối đa phải lớn hơn 0.' }),
  rule: manualRuleSchema,
  evidence: z.array(text),
});

// ---- survey ----------------------------------------------------------------------------

export const SURVEY_QUESTION_TYPES = ['likert5', 'single', 'yesno', 'number', 'text', 'date'] as const;

export const surveyOptionSchema = z.strictObject({
  /** The key the clerk presses: one digit 1..9. */
  value: z.string().regex(/^[1-9]$/u, { error: 'Giá trị phương án là một chữ số từ 1 đến 9.' }),
  label: text,
  /** Share of the question's points, 0..10000; null for a factual option that scores nothing. */
  weight: z
    .number()
    .int({ error: 'Trọng số phải là số nguyên.' })
    .min(0, { error: 'Trọng số không được âm.' })
    .max(10000, { error: 'Trọng số không được vượt 10000 (100%).' })
    .nullable(),
});

export const surveyQuestionSchema = z.strictObject({
  code: codeSchema,
  text,
  type: z.enum(SURVEY_QUESTION_TYPES),
  /** For likert5, single and yesno. */
  options: z.array(surveyOptionSchema).optional(),
  /** The survey-rule item this question's answers score. */
  feeds: codeSchema.optional(),
  required: z.boolean(),
});

export const surveySectionSchema = z.strictObject({
  code: codeSchema,
  title: text,
  questions: z.array(surveyQuestionSchema).min(1, { error: 'Phần cần ít nhất 1 câu hỏi.' }),
});

export const surveyDefinitionSchema = z.strictObject({
  /** Questionnaires to collect per unit. */
  targetForms: z.number().int().min(1),
  /** Fewer valid questionnaires than this is reported as insufficient. */
  minForms: z.number().int().min(1),
  /** Who answered: sex, age band, occupation, procedure, date, mode. Never scored. */
  respondentFacts: z.array(surveyQuestionSchema),
  sections: z.array(surveySectionSchema).min(1, { error: 'Phiếu cần ít nhất 1 phần câu hỏi.' }),
});

// ---- framework -------------------------------------------------------------------------

export const UNIT_TYPES = ['xa', 'phuong', 'dac-khu', 'thi-tran'] as const;

export const frameworkSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id: slug,
  title: text,
  /** A sample ships with the app and must be replaced by the province's own framework. */
  sample: z.boolean(),
  province: z.strictObject({
    code: z.string().regex(/^\d{2}$/u, { error: 'Mã tỉnh gồm đúng 2 chữ số ("00" cho bộ mẫu).' }),
    name: text,
  }),
  year: z.number().int().min(2000).max(2100),
  unitTypes: z.array(z.enum(UNIT_TYPES)).min(1, { error: 'Cần ít nhất 1 loại đơn vị.' }),
  version: z.string().regex(/^\d+(?:\.\d+)*$/u, { error: 'Phiên bản dạng số, ví dụ "1.0".' }),
  issuedBy: text.optional(),
  decision: text.optional(),
  /** Sum of the fields' maxima, hundredths (10000 = 100 points). */
  totalMax: hundredthsSchema.min(1),
  /** Grouping bands, sorted by minPercent descending; the last one starts at 0. */
  groups: z.array(groupSchema).min(1, { error: 'Cần ít nhất 1 nhóm xếp loại.' }),
  fields: z.array(fieldSchema).min(1, { error: 'Cần ít nhất 1 lĩnh vực.' }),
  /** Bonus and penalty points outside the maximum. */
  adjustments: z.array(adjustmentSchema).optional(),
  adjustmentCaps: z.strictObject({ bonus: hundredthsSchema, penalty: hundredthsSchema }).optional(),
  survey: surveyDefinitionSchema.optional(),
});

export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkInput = z.input<typeof frameworkSchema>;
export type FrameworkField = Framework['fields'][number];
export type FrameworkCriterion = FrameworkField['criteria'][number];
export type FrameworkItem = FrameworkCriterion['items'][number];
export type FrameworkGroup = Framework['groups'][number];
export type FrameworkAdjustment = z.infer<typeof adjustmentSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type RuleType = Rule['type'];
export type ManualRule = z.infer<typeof manualRuleSchema>;
export type TieredRule = z.infer<typeof tieredRuleSchema>;
export type BandsRule = z.infer<typeof bandsRuleSchema>;
export type RatioRule = z.infer<typeof ratioRuleSchema>;
export type RatioTargetRule = z.infer<typeof ratioTargetRuleSchema>;
export type DeductionRule = z.infer<typeof deductionRuleSchema>;
export type NotApplicableMode = FrameworkItem['notApplicable'];
export type UnitType = Framework['unitTypes'][number];
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;
export type SurveySection = z.infer<typeof surveySectionSchema>;
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;
export type SurveyQuestionType = SurveyQuestion['type'];
export type SurveyOption = z.infer<typeof surveyOptionSchema>;

// Compile-time guard: the constant lists above match the schema's unions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _ruleTypesMatch: Same<(typeof RULE_TYPES)[number], RuleType> = true;
void _ruleTypesMatch;
