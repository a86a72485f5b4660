/**
 * The survey's place in the index, as the framework's surveyPolicy decides it: what happens
 * when there is no survey data at all (count zero, or rescale the appraised part to 100), and
 * when fewer questionnaires than the minimum were keyed (warn, block finalising, or scale the
 * survey points by forms / minimum). The engine asks planSurvey before scoring the survey
 * items and finishSurvey after; finalising reads `blocksFinalise` and `issues`.
 */
import type { Framework, FrameworkItem } from '../framework/schema';
import { formatPoints } from '../framework/points';
import { own } from '../own';
import type { ItemEntry } from './entry';
import type { ItemScore } from './item-score';
import { scoredFromForms } from './item-score';
import type { SurveyTally } from './survey';

export type SurveyTreatment = 'none' | 'counted' | 'rescaled' | 'scaled';

export const SURVEY_ISSUE_CODES = ['SURVEY_MISSING', 'SURVEY_RESCALED', 'SURVEY_FORMS_BELOW_MINIMUM', 'SURVEY_INCOMPLETE'] as const;
export type SurveyIssueCode = (typeof SURVEY_ISSUE_CODES)[number];

export interface SurveyIssue {
  code: SurveyIssueCode;
  /** 'error' only for fewer forms than the minimum under belowMinimum 'block': finalising must refuse. */
  severity: 'error' | 'warning';
  message: string;
}

export interface SurveyStatus {
  /** 'none': the framework has no survey item; 'counted': as scored; 'rescaled': left out of the maximum; 'scaled': × forms / minForms. */
  treatment: SurveyTreatment;
  /** Some survey data exists (a keyed form, or survey points entered). */
  present: boolean;
  /** Every applicable survey item has its points and there are enough forms (true when the framework has no survey item). */
  complete: boolean;
  /** Questionnaires keyed (null when no item is scored from forms). */
  forms: number | null;
  minForms: number | null;
  targetForms: number | null;
  formsBelowMinimum: boolean;
  /** Finalising must be refused: fewer forms than the minimum and the framework says 'block'. */
  blocksFinalise: boolean;
  issues: SurveyIssue[];
}

export interface SurveyPlan {
  status: SurveyStatus;
  /** For belowMinimum 'scale'. */
  scale: { forms: number; minForms: number } | undefined;
  surveyItems: FrameworkItem[];
}

const surveyItemsCache = new WeakMap<Framework, FrameworkItem[]>();

/** The survey items of a (resolved, never changed in place) framework, in order. */
export function surveyItemsOf(fw: Framework): FrameworkItem[] {
  let items = surveyItemsCache.get(fw);
  if (!items) {
    items = fw.fields.flatMap((f) => f.criteria.flatMap((c) => c.items.filter((i) => i.rule.type === 'survey')));
    surveyItemsCache.set(fw, items);
  }
  return items;
}

/** Decides the treatment from the framework's policy and what data exists. */
export function planSurvey(fw: Framework, entries: Readonly<Record<string, ItemEntry>>, tally: SurveyTally | undefined, excludeSurvey: boolean): SurveyPlan {
  const surveyItems = surveyItemsOf(fw);
  const fromForms = surveyItems.filter(scoredFromForms);
  const entered = surveyItems.filter((i) => !scoredFromForms(i));
  const def = fromForms.length > 0 ? fw.survey : undefined;
  const forms = def ? (tally?.forms ?? 0) : null;
  const present = (forms ?? 0) > 0 || entered.some((i) => own(entries, i.code)?.input !== undefined);
  const whenMissing = fw.surveyPolicy?.whenMissing ?? 'count-zero';
  const belowMinimum = fw.surveyPolicy?.belowMinimum ?? 'warn';
  const issues: SurveyIssue[] = [];
  const surveyMax = surveyItems.reduce((a, i) => a + i.maxPoints, 0);

  let treatment: SurveyTreatment = surveyItems.length === 0 ? 'none' : 'counted';
  if (surveyItems.length > 0 && (excludeSurvey || (!present && whenMissing === 'rescale'))) {
    treatment = 'rescaled';
    issues.push({
      code: 'SURVEY_RESCALED',
      severity: 'warning',
      message: `Chưa có kết quả điều tra xã hội học: ${formatPoints(surveyMax)} điểm khảo sát không tính vào điểm tối đa, chỉ số tính trên phần điểm còn lại (quy về thang 100).`,
    });
  } else if (surveyItems.length > 0 && !present) {
    issues.push({
      code: 'SURVEY_MISSING',
      severity: 'warning',
      message: `Chưa có kết quả điều tra xã hội học: ${formatPoints(surveyMax)} điểm khảo sát vẫn tính vào điểm tối đa với 0 điểm, nên chỉ số chưa đầy đủ. Hãy nhập phiếu hoặc điểm khảo sát.`,
    });
  }

  const formsBelowMinimum = def !== undefined && forms !== null && treatment !== 'rescaled' && forms < def.minForms;
  let scale: SurveyPlan['scale'];
  if (formsBelowMinimum) {
    const n = forms;
    const m = def.minForms;
    const message =
      belowMinimum === 'block'
        ? `Mới có ${n} phiếu khảo sát, bộ tiêu chí yêu cầu tối thiểu ${m} phiếu: chưa thể chốt số liệu; hãy nhập đủ phiếu.`
        : belowMinimum === 'scale'
          ? `Mới có ${n} phiếu khảo sát, ít hơn mức tối thiểu ${m} phiếu: theo bộ tiêu chí, điểm khảo sát được nhân với ${n}/${m}.`
          : `Mới có ${n} phiếu khảo sát, ít hơn mức tối thiểu ${m} phiếu.`;
    issues.push({ code: 'SURVEY_FORMS_BELOW_MINIMUM', severity: belowMinimum === 'block' ? 'error' : 'warning', message });
    if (belowMinimum === 'scale' && n > 0) {
      treatment = 'scaled';
      scale = { forms: n, minForms: m };
    }
  }
  return {
    surveyItems,
    scale,
    status: {
      treatment,
      present,
      complete: false,
      forms,
      minForms: def?.minForms ?? null,
      targetForms: def?.targetForms ?? null,
      formsBelowMinimum,
      blocksFinalise: formsBelowMinimum && belowMinimum === 'block',
      issues,
    },
  };
}

/** Completes the status once the survey items are scored. */
export function finishSurvey(plan: SurveyPlan, scores: Readonly<Record<string, ItemScore>>): SurveyStatus {
  const { status, surveyItems } = plan;
  if (status.treatment === 'none') return { ...status, complete: true };
  const missing = surveyItems.filter((i) => own(scores, i.code)?.status !== 'scored');
  const complete = status.treatment !== 'rescaled' && missing.length === 0 && !status.formsBelowMinimum;
  const issues = [...status.issues];
  if (status.present && missing.length > 0) {
    issues.push({
      code: 'SURVEY_INCOMPLETE',
      severity: 'warning',
      message: `Chưa có điểm khảo sát cho ${missing.map((i) => i.code).join(', ')}.`,
    });
  }
  return { ...status, complete, issues };
}
