import type { SurveyDefinition } from '@shared/framework/schema';
import { ApiError } from '../../../lib/api-error';
import { useApiLoad } from '../../../lib/use-api-call';

/** The questionnaire of the active framework (null while loading), or the error. */
export function useSurveyDef(): { def: SurveyDefinition | null; error: unknown } {
  const { data, error } = useApiLoad(async (api) => {
    const f = await api.framework.active();
    if (!f.survey) throw new ApiError({ code: 'SURVEY_NOT_DEFINED', messageKey: 'SURVEY_NOT_DEFINED' });
    return f.survey;
  }, []);
  return { def: data, error };
}
