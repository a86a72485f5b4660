import { useEffect, useState } from 'react';
import type { SurveyDefinition } from '@shared/framework/schema';
import { api, ApiError, call } from '../../../lib/api';

/** The questionnaire of the active framework (null while loading), or the error. */
export function useSurveyDef(): { def: SurveyDefinition | null; error: unknown } {
  const [def, setDef] = useState<SurveyDefinition | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call(api().framework.active()).then((f) => (f.survey ? setDef(f.survey) : setError(new ApiError({ code: 'SURVEY_NOT_DEFINED', messageKey: 'SURVEY_NOT_DEFINED' }))), setError);
  }, []);
  return { def, error };
}
