/**
 * Survey answers for tests: a form must have every required question answered to be saved
 * (SURVEY_REQUIRED_BLANK), so tests that care about other answers fill the rest with the first
 * option of each required question.
 */
import { sampleSurvey } from '../../shared/framework/sample-survey';
import type { SurveyDefinition } from '../../shared/framework/schema';
import type { SurveyAnswer } from '../../shared/scoring/survey';
import { allQuestions } from '../../shared/scoring/survey';

/** `answers`, plus the first option of every required question they leave out. */
export function withRequired(answers: Record<string, SurveyAnswer> = {}, def: SurveyDefinition = sampleSurvey): Record<string, SurveyAnswer> {
  const out: Record<string, SurveyAnswer> = {};
  for (const q of allQuestions(def)) {
    if (q.code in answers) out[q.code] = answers[q.code] ?? null;
    else if (q.required) out[q.code] = q.options?.[0]?.value ?? (q.type === 'number' ? 1 : q.type === 'date' ? '2026-09-30' : 'x');
  }
  return out;
}
