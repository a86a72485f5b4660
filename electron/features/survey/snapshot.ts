/**
 * What the export package carries of the survey: every live questionnaire as keyed (raw
 * answers, number, who keyed each pass, verification), the per-question per-option counts,
 * the survey item points and the progress against the target. A reviewer can recount the
 * tally from the forms and the points from the tally.
 */
import type { SurveyAnswer, SurveyTally } from '../../../shared/scoring/survey';
import { tallySurvey } from '../../../shared/scoring/survey';
import type { SurveyItemResult, VerifyStatus } from '../../../shared/survey/types';
import type { ServiceContext } from '../../kernel/context';
import { activeFramework } from '../framework/active';
import type { FormRow } from './forms-repo';
import { answersOf, differencesOf, liveForms } from './forms-repo';
import { activeSurvey, savedForms } from './keying';
import { surveyResults } from './results';

export interface SnapshotForm {
  formNo: string;
  answers: Record<string, SurveyAnswer>;
  source: 'keyed' | 'import';
  keyedBy: string;
  keyedAt: string;
  verified: { state: VerifyStatus; by: string | null; at: string | null; differences: number };
}

export interface SurveySnapshot {
  target: number;
  minForms: number;
  progress: { saved: number; verified: number; drafts: number };
  /** Saved forms only: drafts are unfinished and never counted. */
  forms: SnapshotForm[];
  tally: SurveyTally;
  items: SurveyItemResult[];
  /** Survey points (sum over survey items), hundredths. */
  points: number;
  max: number;
}

function snapshotForm(r: FormRow): SnapshotForm {
  return {
    formNo: r.form_no,
    answers: answersOf(r.answers_json),
    source: r.source,
    keyedBy: r.keyed_by,
    keyedAt: r.created_at,
    verified: { state: r.v_status ?? 'none', by: r.v_keyed_by, at: r.v_at, differences: differencesOf(r).length },
  };
}

export function surveySnapshot(ctx: ServiceContext): SurveySnapshot {
  const { ref, def } = activeSurvey(ctx);
  const rows = liveForms(ctx.db, ref);
  const results = surveyResults(ctx);
  const tally = tallySurvey(def, savedForms(ctx, ref));
  return {
    target: def.targetForms,
    minForms: def.minForms,
    progress: { saved: results.progress.saved, verified: results.progress.verified, drafts: results.progress.drafts },
    forms: rows.filter((r) => r.status === 'saved').map(snapshotForm),
    tally,
    items: results.items,
    points: results.survey.points,
    max: results.survey.max,
  };
}

/**
 * The tally that scores the survey items, wherever scores are shown or exported (criteria
 * screen, printed summary, package), so every place shows the same index. Undefined when
 * the framework has no survey.
 */
export function surveyTallyFor(ctx: ServiceContext): SurveyTally | undefined {
  const { ref, framework } = activeFramework(ctx);
  return framework.survey ? tallySurvey(framework.survey, savedForms(ctx, ref)) : undefined;
}
