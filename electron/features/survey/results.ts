/**
 * Live results: counts per option per question from the saved forms, survey item points by
 * the framework's weights, and the survey total beside the stored self-assessment and the
 * index, all through the one scoring engine (the export recomputes the same way).
 */
import type { Framework } from '../../../shared/framework/schema';
import { computeScores } from '../../../shared/scoring/engine';
import { indexBreakdown } from '../../../shared/scoring/breakdown';
import { tallySurvey } from '../../../shared/scoring/survey';
import type { SurveyResults } from '../../../shared/survey/types';
import type { ServiceContext } from '../../kernel/context';
import { readEntries, scoredEntries } from '../assessment/entries-repo';
import { identityUnitType } from '../setup/identity-repo';
import { activeSurvey, savedForms } from './keying';
import { surveyProgress } from './double-entry';

export function surveyItems(framework: Framework) {
  return framework.fields.flatMap((f) => f.criteria.flatMap((c) => c.items.filter((i) => i.rule.type === 'survey')));
}

export function surveyResults(ctx: ServiceContext): SurveyResults {
  const { ref, framework, def } = activeSurvey(ctx);
  const tally = tallySurvey(def, savedForms(ctx, ref));
  const scores = computeScores(framework, scoredEntries(readEntries(ctx.db, ref)), tally, { unitType: identityUnitType(ctx.db) });
  const breakdown = indexBreakdown(scores);
  const items = surveyItems(framework).map((i) => {
    const s = scores.items[i.code];
    return { code: i.code, title: i.title, max: i.maxPoints, points: s && s.status === 'scored' ? s.points : null };
  });
  return {
    progress: surveyProgress(ctx),
    tally,
    items,
    survey: { points: scores.survey.points, max: scores.survey.applicableMax },
    selfAssessment: { points: scores.selfAssessment.points, max: scores.selfAssessment.applicableMax },
    total: { points: scores.total.points, max: scores.total.applicableMax },
    indexPercent: scores.indexPercent,
    group: breakdown.group?.label ?? null,
    breakdown,
  };
}
