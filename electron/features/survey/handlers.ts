import type { SurveyChannel } from '../../../shared/ipc/survey';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { readSurveyFile } from './survey-file';
import {
  answerSurvey, beginSurveyForm, compareSurveyPasses, importSurvey, listSurveyForms, readSurveyForm, readSurveyResults, removeSurveyForm,
  resolveSurveyDifference, saveSurveyForm, surveyDifferences, surveyQuestionnaire, surveyTemplate,
} from './use-cases';

export function surveyHandlers(app: AppContext): HandlerTable<SurveyChannel> {
  return {
    'survey:begin': handler(app, beginSurveyForm),
    'survey:answer': handler(app, answerSurvey),
    'survey:save': handler(app, saveSurveyForm),
    'survey:get': handler(app, readSurveyForm),
    'survey:list': handler(app, listSurveyForms),
    'survey:remove': handler(app, removeSurveyForm),
    'survey:compare': handler(app, compareSurveyPasses),
    'survey:differences': handler(app, surveyDifferences),
    'survey:resolve': handler(app, resolveSurveyDifference),
    'survey:results': handler(app, readSurveyResults),
    'survey:import': handler(app, importSurvey, async (_input, run) => {
      await app.perform(surveyQuestionnaire, undefined); // refuse before the dialog when there is no questionnaire
      const path = await app.dialogs.openFile({ titleKey: 'dialogs.chooseSpreadsheet', filters: [{ name: 'Excel, CSV, JSON', extensions: ['xlsx', 'csv', 'json'] }] });
      return path === null ? null : run({ rows: await readSurveyFile(path) });
    }),
    'survey:template': handler(app, surveyTemplate, (_input, run) =>
      run({ path: (defaultName = '') => app.dialogs.saveFile({ titleKey: 'dialogs.surveyTemplate', defaultName, filters: [{ name: 'Excel', extensions: ['xlsx'] }] }) }),
    ),
  };
}
