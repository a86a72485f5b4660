import type { SurveyAnswer } from '../../../shared/scoring/survey';
import type { ResolveChoice, SurveyPass } from '../../../shared/survey/types';
import { ANY_ROLE } from '../../kernel/policy';
import type { Destination } from '../../kernel/ports';
import { useCase } from '../../kernel/use-case';
import { beginVerify, differences, finishVerify, resolveDifference } from './double-entry';
import { importSurveyRows } from './import';
import { activeSurvey, beginForm, deleteForm, getForm, listForms, saveForm, setAnswer } from './keying';
import { surveyResults } from './results';
import type { RawRows } from './survey-file';
import { writeSurveyTemplate } from './template';

/**
 * The survey is part of what the commune finalises and exports: keying it is the commune's, and
 * not while finalised (a form keyed after "Chốt số liệu" would change the package under a lock).
 */
const KEYING = { roles: ['commune'], lock: true } as const;

export const beginSurveyForm = useCase('survey.begin', KEYING, (app, input: { formNo: string; keyedBy: string; pass: SurveyPass }) =>
  input.pass === 1 ? beginForm(app.ctx, input) : beginVerify(app.ctx, input),
);

export const answerSurvey = useCase('survey.answer', KEYING, (app, input: { formId: number; pass: SurveyPass; code: string; value: SurveyAnswer }) =>
  setAnswer(app.ctx, input),
);

export const saveSurveyForm = useCase('survey.save', KEYING, (app, input: { formId: number }) => saveForm(app.ctx, input.formId));

export const readSurveyForm = useCase('survey.get', { roles: ANY_ROLE }, (app, input: { formId: number }) => getForm(app.ctx, input.formId));

export const listSurveyForms = useCase('survey.list', { roles: ANY_ROLE }, (app, input: { search?: string | undefined }) => listForms(app.ctx, input));

export const removeSurveyForm = useCase('survey.remove', KEYING, (app, input: { formId: number; reason: string }) => {
  deleteForm(app.ctx, input);
  return null;
});

/** End of the blind second pass: compare with the first. */
export const compareSurveyPasses = useCase('survey.compare', KEYING, (app, input: { formId: number }) => finishVerify(app.ctx, input.formId));

export const surveyDifferences = useCase('survey.differences', { roles: ANY_ROLE }, (app, input: { formId: number }) => differences(app.ctx, input.formId));

export const resolveSurveyDifference = useCase('survey.resolve', KEYING, (app, input: { formId: number; code: string; choice: ResolveChoice; value?: SurveyAnswer | undefined }) => {
  const { value, ...rest } = input;
  return resolveDifference(app.ctx, value === undefined ? rest : { ...rest, value });
});

export const readSurveyResults = useCase('survey.results', { roles: ANY_ROLE }, (app) => surveyResults(app.ctx));

/** The questionnaire of the framework in use (refused when it has none: SURVEY_NOT_DEFINED). */
export const surveyQuestionnaire = useCase('survey.definition', { roles: ANY_ROLE }, (app) => activeSurvey(app.ctx).def);

/** Rows read from a spreadsheet, CSV or JSON file (survey-file.ts): every form, or none. */
export const importSurvey = useCase('survey.import', KEYING, (app, input: { rows: RawRows }) => importSurveyRows(app.ctx, input.rows));

/** The spreadsheet a commune fills in Excel (one column per question). */
export const surveyTemplate = useCase('survey.template', { roles: ANY_ROLE }, async (app, input: { path: Destination }) => {
  const { def } = activeSurvey(app.ctx);
  const path = await input.path('mau-phieu-dieu-tra.xlsx');
  if (path === null) return null;
  await writeSurveyTemplate(def, path);
  return { path };
});
