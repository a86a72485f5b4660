import type { SurveyChannel } from '../../../shared/ipc/survey';
import { importSurveyFile } from './import';
import { surveyResults } from './results';
import { activeSurvey, beginForm, deleteForm, getForm, listForms, saveForm, setAnswer } from './keying';
import { writeSurveyTemplate } from './template';
import { beginVerify, differences, finishVerify, resolveDifference } from './double-entry';
import type { Handlers, Runtime } from '../../kernel/ipc/router';

export function createSurveyHandlers(rt: Runtime): Pick<Handlers, SurveyChannel> {
  const { ctx } = rt;
  return {
    'survey:begin': ({ pass, ...input }) => (pass === 1 ? beginForm(ctx, input) : beginVerify(ctx, input)),
    'survey:answer': (input) => setAnswer(ctx, input),
    'survey:save': ({ formId }) => saveForm(ctx, formId),
    'survey:get': ({ formId }) => getForm(ctx, formId),
    'survey:list': (input) => listForms(ctx, input),
    'survey:remove': (input) => {
      deleteForm(ctx, input);
      return null;
    },
    'survey:compare': ({ formId }) => finishVerify(ctx, formId),
    'survey:differences': ({ formId }) => differences(ctx, formId),
    'survey:resolve': ({ value, ...rest }) => resolveDifference(ctx, value === undefined ? rest : { ...rest, value }),
    'survey:results': () => surveyResults(ctx),
    'survey:import': async () => {
      activeSurvey(ctx); // refuse before the dialog when there is no questionnaire
      const path = await rt.dialogs.openFile({
        titleKey: 'dialogs.chooseSpreadsheet',
        filters: [{ name: 'Excel, CSV, JSON', extensions: ['xlsx', 'csv', 'json'] }],
      });
      return path === null ? null : importSurveyFile(ctx, path);
    },
    'survey:template': async () => {
      const { def } = activeSurvey(ctx);
      const path = await rt.dialogs.saveFile({
        titleKey: 'dialogs.surveyTemplate',
        defaultName: 'mau-phieu-dieu-tra.xlsx',
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
      });
      if (path === null) return null;
      await writeSurveyTemplate(def, path);
      return { path };
    },
  };
}
