/**
 * The sociological survey (điều tra xã hội học): paper forms keyed by a clerk, tallied into
 * counts per option per question, and survey items scored from those counts alone, so a
 * reviewing unit can recompute every survey point from the counts in a package.
 *
 * Points of a survey item = max × (Σ count × weight) / (Σ count × 10000) over all questions
 * feeding it and their weighted options, rounded half up to the hundredth. Blank answers,
 * answers that are not an option, and options whose weight is null ("không rõ") are not in
 * the mean. This is the pooled mean over answers, not a mean of per-question means.
 */
import { z } from 'zod';
import type { FrameworkItem, SurveyDefinition, SurveyQuestion } from '../framework/schema';
import type { RoundingMode } from '../framework/rounding';
import { divRound } from '../framework/rounding';
import { own, ownRecord } from '../own';

export const surveyAnswerSchema = z.union([z.string(), z.number(), z.null()]);

export const surveyFormSchema = z.strictObject({
  /** The number printed or written on the paper form (số phiếu). */
  formNo: z.string().trim().min(1, { error: 'Thiếu số phiếu.' }),
  /** Keyed by question code; an option question's answer is the option value ('1'..'9'). */
  answers: z.record(z.string(), surveyAnswerSchema),
});

export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;
export type SurveyForm = z.infer<typeof surveyFormSchema>;

export interface QuestionTally {
  /** Forms with a valid answer. */
  answered: number;
  /** Forms with no answer (missing, null or empty). */
  blank: number;
  /** Forms whose answer is not a valid value for the question (unknown option, bad number). */
  invalid: number;
  /** Per option value, every option listed (0 included); empty for number/text/date questions. */
  counts: Record<string, number>;
}

export interface SurveyTally {
  forms: number;
  questions: Record<string, QuestionTally>;
}

export function allQuestions(def: SurveyDefinition): SurveyQuestion[] {
  return [...def.respondentFacts, ...def.sections.flatMap((s) => s.questions)];
}

/** The answer as entered, or null when blank. Numbers typed for option keys are accepted. */
function answerText(answer: SurveyAnswer | undefined): string | null {
  if (answer === undefined || answer === null) return null;
  const s = String(answer).trim();
  return s === '' ? null : s;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

function isValidDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Is a non-blank answer acceptable for this question? */
function isValidAnswer(q: SurveyQuestion, value: string, raw: SurveyAnswer | undefined): boolean {
  switch (q.type) {
    case 'likert5':
    case 'single':
    case 'yesno':
      return (q.options ?? []).some((o) => o.value === value);
    case 'number':
      return typeof raw === 'number' ? Number.isFinite(raw) : /^-?\d+(?:[.,]\d+)?$/u.test(value);
    case 'date':
      return isValidDate(value);
    case 'text':
      return true;
  }
}

/**
 * Counts per option per question. Duplicate form numbers are counted: check forms first.
 * Answers are typed by people ("constructor" in a free-text box is a fine answer): every
 * lookup by an answer or a question code is an own-property lookup.
 */
export function tallySurvey(def: SurveyDefinition, forms: readonly SurveyForm[]): SurveyTally {
  const questions = ownRecord<QuestionTally>();
  for (const q of allQuestions(def)) {
    const counts = ownRecord<number>();
    for (const o of q.options ?? []) counts[o.value] = 0;
    const t: QuestionTally = { answered: 0, blank: 0, invalid: 0, counts };
    for (const form of forms) {
      const raw = own(form.answers, q.code);
      const value = answerText(raw);
      if (value === null) t.blank += 1;
      else if (!isValidAnswer(q, value, raw)) t.invalid += 1;
      else {
        t.answered += 1;
        if (Object.hasOwn(counts, value)) counts[value] = (counts[value] ?? 0) + 1;
      }
    }
    questions[q.code] = t;
  }
  return { forms: forms.length, questions };
}

export interface SurveyPointsOptions {
  /** The framework's rounding of points (default half up). */
  rounding?: RoundingMode;
  /** Fewer forms than the minimum under belowMinimum 'scale': points × forms / minForms. */
  scale?: { forms: number; minForms: number };
}

/**
 * Points of one survey-rule item from the tally, or null when no question feeding it has a
 * single counted answer (the item stays empty rather than scoring 0). One rounding, at the end.
 */
export function surveyItemPoints(def: SurveyDefinition, item: FrameworkItem, tally: SurveyTally, options: SurveyPointsOptions = {}): number | null {
  let weighted = 0n; // Σ count × weight (weight in hundredths of a percent)
  let answers = 0n; // Σ count
  for (const section of def.sections) {
    for (const q of section.questions) {
      if (q.feeds !== item.code) continue;
      const t = own(tally.questions, q.code);
      if (!t) continue;
      for (const o of q.options ?? []) {
        if (o.weight === null) continue;
        const count = own(t.counts, o.value) ?? 0;
        if (!Number.isSafeInteger(count) || count < 0) continue;
        weighted += BigInt(count) * BigInt(o.weight);
        answers += BigInt(count);
      }
    }
  }
  if (answers === 0n) return null;
  const scale = options.scale && options.scale.forms < options.scale.minForms ? options.scale : null;
  const num = BigInt(item.maxPoints) * weighted * (scale ? BigInt(scale.forms) : 1n);
  const den = answers * 10000n * (scale ? BigInt(scale.minForms) : 1n);
  return divRound(num, den, options.rounding ?? 'half-up');
}

// ---- checking keyed forms ----------------------------------------------------------------

export const SURVEY_FORM_ISSUE_CODES = [
  'DUPLICATE_FORM_NO',
  'UNKNOWN_QUESTION',
  'UNKNOWN_OPTION',
  'NOT_A_NUMBER',
  'NOT_A_DATE',
  'REQUIRED_MISSING',
] as const;

export type SurveyFormIssueCode = (typeof SURVEY_FORM_ISSUE_CODES)[number];

export interface SurveyFormIssue {
  formNo: string;
  questionCode?: string;
  code: SurveyFormIssueCode;
  severity: 'error' | 'warning';
  message: string;
}

/** "007" and "7" are the same paper form; so are "A-12" and "a-12 ". */
export function formNoKey(formNo: string): string {
  const s = formNo.normalize('NFC').trim().toUpperCase();
  return /^\d+$/u.test(s) ? String(Number(s)) : s;
}

/**
 * Problems in keyed forms: a form number keyed twice, answers that are not options, numbers
 * or dates, answers to unknown questions, and required questions left blank (a warning:
 * the paper may really be blank; a blank is excluded from the mean, never scored 0).
 */
export function validateSurveyForms(def: SurveyDefinition, forms: readonly SurveyForm[]): SurveyFormIssue[] {
  const issues: SurveyFormIssue[] = [];
  const questions = new Map(allQuestions(def).map((q) => [q.code, q]));
  const seen = new Map<string, string>();
  for (const form of forms) {
    const key = formNoKey(form.formNo);
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        formNo: form.formNo,
        code: 'DUPLICATE_FORM_NO',
        severity: 'error',
        message: `Phiếu số ${form.formNo} đã được nhập (trùng với phiếu số ${first}). Mỗi phiếu chỉ nhập một lần.`,
      });
    } else seen.set(key, form.formNo);
    for (const code of Object.keys(form.answers)) {
      if (!questions.has(code)) {
        issues.push({ formNo: form.formNo, questionCode: code, code: 'UNKNOWN_QUESTION', severity: 'error', message: `Phiếu số ${form.formNo}: không có câu hỏi mã ${code}.` });
      }
    }
    for (const q of questions.values()) {
      const raw = own(form.answers, q.code);
      const value = answerText(raw);
      if (value === null) {
        if (q.required) {
          issues.push({ formNo: form.formNo, questionCode: q.code, code: 'REQUIRED_MISSING', severity: 'warning', message: `Phiếu số ${form.formNo}: câu ${q.code} chưa có câu trả lời.` });
        }
        continue;
      }
      if (isValidAnswer(q, value, raw)) continue;
      const code = q.type === 'number' ? 'NOT_A_NUMBER' : q.type === 'date' ? 'NOT_A_DATE' : 'UNKNOWN_OPTION';
      const expected =
        code === 'UNKNOWN_OPTION'
          ? `chỉ nhận ${(q.options ?? []).map((o) => o.value).join(', ')}`
          : code === 'NOT_A_DATE'
            ? 'cần ngày dạng năm-tháng-ngày (2025-09-30)'
            : 'cần một số';
      issues.push({ formNo: form.formNo, questionCode: q.code, code, severity: 'error', message: `Phiếu số ${form.formNo}, câu ${q.code}: "${value}" không hợp lệ, ${expected}.` });
    }
  }
  return issues;
}

export interface SurveyCompleteness {
  forms: number;
  minForms: number;
  targetForms: number;
  /** At least minForms questionnaires were keyed. */
  enough: boolean;
  /** Hundredths of a percent of targetForms, rounded down (may exceed 10000). */
  percentOfTarget: number;
}

/** How far the survey is: for the progress bar and the "not enough forms" warning. */
export function surveyCompleteness(def: SurveyDefinition, tally: SurveyTally): SurveyCompleteness {
  return {
    forms: tally.forms,
    minForms: def.minForms,
    targetForms: def.targetForms,
    enough: tally.forms >= def.minForms,
    percentOfTarget: Math.floor((tally.forms * 10000) / def.targetForms),
  };
}
