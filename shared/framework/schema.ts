/**
 * The criteria framework (bộ tiêu chí) as one zod schema. Every type in the app that
 * describes a framework is derived from here with z.infer: never write one twice.
 *
 * Units: points are integer hundredths of a point (3.75 → 375); percentages are integer
 * hundredths of a percent (80% → 8000); survey option weights are hundredths of a percent
 * of the question's points (0..10000).
 *
 * The schema checks shape and ranges only. Cross-references (unique codes, sums, band
 * order, survey questions feeding real items, unit-type variants) are checked by
 * parseFramework in validate.ts. Objects are strict: an unknown key (a typo such as
 * "maxpoint") is refused, not ignored. Keys added after version 1 are optional without a
 * zod default (see schema-rules.ts): old frameworks parse to the same object.
 */
import { z } from 'zod';
import { GROUP_ON, ROUNDING_MODES } from './rounding';
import {
  hundredthsSchema,
  manualRuleSchema,
  percentSchema,
  ruleSchema,
  signedHundredthsSchema,
  slug,
  text,
} from './schema-rules';

export * from './schema-rules';

/** "1", "3.3", "8.1.2", "9.1": the machine key of a node and of an entry. */
export const codeSchema = z
  .string()
  .regex(/^[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*$/u, { error: 'Mã không hợp lệ: chỉ gồm chữ, số và dấu chấm (ví dụ 3.3).' });

/** What the decision prints before the title ("I", "Tiêu chí 1", "Chỉ tiêu 2", "a)"); the code stays the key. */
const numbering = z.string().trim().min(1, { error: 'Không được để trống.' }).max(40, { error: 'Dài quá 40 ký tự.' }).optional();

export const UNIT_TYPES = ['xa', 'phuong', 'dac-khu', 'thi-tran'] as const;
const unitTypeList = z.array(z.enum(UNIT_TYPES)).min(1, { error: 'Cần ít nhất 1 loại đơn vị.' });

// ---- tree ------------------------------------------------------------------------------

/**
 * Not applicable, for an item: 'not-allowed'; 'exclude' (removed from the applicable maximum);
 * 'full' (counts as full points); 'points' (counts as `notApplicablePoints`, a fixed number the
 * decision states: "không có nhiệm vụ được giao: được tính 03 điểm").
 */
export const NOT_APPLICABLE_MODES = ['not-allowed', 'exclude', 'full', 'points'] as const;
/** For a whole criterion (absent = the criterion cannot be marked not applicable as a whole). */
export const CRITERION_NA_MODES = ['exclude', 'full', 'points'] as const;

const itemVariantSchema = z.strictObject({
  unitTypes: unitTypeList,
  maxPoints: hundredthsSchema.min(1, { error: 'Điểm tối đa phải lớn hơn 0.' }).optional(),
  rule: ruleSchema.optional(),
  scoringText: text.optional(),
  notApplicable: z.enum(NOT_APPLICABLE_MODES).optional(),
  notApplicablePoints: hundredthsSchema.optional(),
});

export const itemSchema = z.strictObject({
  code: codeSchema,
  numbering,
  title: text,
  /** How points are given, as printed in the framework. */
  scoringText: text,
  maxPoints: hundredthsSchema.min(1, { error: 'Điểm tối đa phải lớn hơn 0.' }),
  rule: ruleSchema,
  /** Expected evidence (tài liệu kiểm chứng). */
  evidence: z.array(text),
  notApplicable: z.enum(NOT_APPLICABLE_MODES),
  /** With notApplicable 'points': what a N/A mark counts, 0..maxPoints. */
  notApplicablePoints: hundredthsSchema.optional(),
  /** A required item must be filled before the package is complete. */
  required: z.boolean().default(true),
  /** The unit types this item applies to (absent: every unit type of its criterion). */
  unitTypes: unitTypeList.optional(),
  /** What differs for some unit types: maximum, rule, scoring text, N/A treatment. */
  variants: z.array(itemVariantSchema).optional(),
});

const criterionVariantSchema = z.strictObject({
  unitTypes: unitTypeList,
  maxPoints: hundredthsSchema.optional(),
  floor: signedHundredthsSchema.optional(),
  notApplicablePoints: hundredthsSchema.optional(),
});

export const criterionSchema = z.strictObject({
  code: codeSchema,
  numbering,
  title: text,
  /** Optional declared maximum: must equal the sum of its items' maxima. */
  maxPoints: hundredthsSchema.optional(),
  /** The criterion's points never go below this (deductions inside it); absent: no floor. */
  floor: signedHundredthsSchema.optional(),
  /**
   * The whole criterion may be marked not applicable (an entry keyed by the criterion's code):
   * every item then counts as the mode says. Only for a criterion with its own items; a
   * criterion scored directly says it on its item.
   */
  notApplicable: z.enum(CRITERION_NA_MODES).optional(),
  notApplicablePoints: hundredthsSchema.optional(),
  /** The condition as printed: "Không có nhiệm vụ được giao trong năm". */
  notApplicableWhen: text.optional(),
  items: z.array(itemSchema).min(1, { error: 'Tiêu chí cần ít nhất 1 tiêu chí thành phần.' }),
  unitTypes: unitTypeList.optional(),
  variants: z.array(criterionVariantSchema).optional(),
});

const fieldVariantSchema = z.strictObject({
  unitTypes: unitTypeList,
  maxPoints: hundredthsSchema.optional(),
  floor: signedHundredthsSchema.optional(),
});

export const fieldSchema = z.strictObject({
  code: codeSchema,
  numbering,
  title: text,
  /** Optional declared maximum: must equal the sum of its criteria. */
  maxPoints: hundredthsSchema.optional(),
  /** The field's points never go below this; absent: no floor. */
  floor: signedHundredthsSchema.optional(),
  criteria: z.array(criterionSchema).min(1, { error: 'Lĩnh vực cần ít nhất 1 tiêu chí.' }),
  unitTypes: unitTypeList.optional(),
  variants: z.array(fieldVariantSchema).optional(),
});

export const groupSchema = z.strictObject({
  code: slug,
  label: text,
  /** Lower bound, inclusive, in hundredths of a percent (8000 = 80%). */
  minPercent: percentSchema,
});

export const adjustmentSchema = z.strictObject({
  code: codeSchema,
  numbering,
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

const formCount = z.number().int({ error: 'Phải là số nguyên.' }).min(1, { error: 'Phải lớn hơn 0.' });

export const surveyDefinitionSchema = z.strictObject({
  /** Questionnaires to collect per unit. */
  targetForms: formCount,
  /** Fewer valid questionnaires than this: what happens is surveyPolicy.belowMinimum. */
  minForms: formCount,
  /** Who answered: sex, age band, occupation, procedure, date, mode. Never scored. */
  respondentFacts: z.array(surveyQuestionSchema),
  sections: z.array(surveySectionSchema).min(1, { error: 'Phiếu cần ít nhất 1 phần câu hỏi.' }),
  /** Other form counts for some unit types (150 per xã, 200 per phường). */
  variants: z.array(z.strictObject({ unitTypes: unitTypeList, targetForms: formCount.optional(), minForms: formCount.optional() })).optional(),
});

// ---- framework -------------------------------------------------------------------------

export const SURVEY_WHEN_MISSING = ['count-zero', 'rescale'] as const;
export const SURVEY_BELOW_MINIMUM = ['warn', 'block', 'scale'] as const;

/**
 * Where the survey sits in the index, as the decision says.
 * whenMissing — no survey data at all: 'count-zero' (default: the survey's points stay in the
 *   maximum with 0, so the index cannot pass the appraised share) or 'rescale' (the survey is
 *   left out of the maximum: the appraised part alone is rescaled to 100, 62,62 of 70 → 89,45%).
 * belowMinimum — fewer questionnaires than minForms: 'warn' (default: reported only), 'block'
 *   (finalising is refused until enough are keyed), 'scale' (survey points × forms / minForms).
 */
export const surveyPolicySchema = z.strictObject({
  whenMissing: z.enum(SURVEY_WHEN_MISSING).optional(),
  belowMinimum: z.enum(SURVEY_BELOW_MINIMUM).optional(),
});

export const roundingSchema = z.strictObject({
  points: z.enum(ROUNDING_MODES).optional(),
  index: z.enum(ROUNDING_MODES).optional(),
  groupOn: z.enum(GROUP_ON).optional(),
});

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
  unitTypes: unitTypeList,
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
  surveyPolicy: surveyPolicySchema.optional(),
  rounding: roundingSchema.optional(),
  /** Another total or other group bands for some unit types. */
  variants: z
    .array(z.strictObject({ unitTypes: unitTypeList, totalMax: hundredthsSchema.min(1).optional(), groups: z.array(groupSchema).min(1).optional() }))
    .optional(),
});

export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkInput = z.input<typeof frameworkSchema>;
export type FrameworkField = Framework['fields'][number];
export type FrameworkCriterion = FrameworkField['criteria'][number];
export type FrameworkItem = FrameworkCriterion['items'][number];
export type FrameworkGroup = Framework['groups'][number];
export type FrameworkAdjustment = z.infer<typeof adjustmentSchema>;
export type ItemVariant = NonNullable<FrameworkItem['variants']>[number];
export type NotApplicableMode = FrameworkItem['notApplicable'];
export type CriterionNotApplicableMode = NonNullable<FrameworkCriterion['notApplicable']>;
export type UnitType = Framework['unitTypes'][number];
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;
export type SurveySection = z.infer<typeof surveySectionSchema>;
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;
export type SurveyQuestionType = SurveyQuestion['type'];
export type SurveyOption = z.infer<typeof surveyOptionSchema>;
export type SurveyPolicy = z.infer<typeof surveyPolicySchema>;

export const UNIT_TYPE_NAMES: Record<UnitType, string> = { xa: 'xã', phuong: 'phường', 'dac-khu': 'đặc khu', 'thi-tran': 'thị trấn' };

/** What the table prints before a node's title: its numbering, or its code. */
export function printedNumber(node: { code: string; numbering?: string | undefined }): string {
  return node.numbering ?? node.code;
}
