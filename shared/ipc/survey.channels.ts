/** Channels of the sociological survey: keying, double entry, the forms list, results, import. */
export const SURVEY_CHANNELS = [
  'survey:begin',
  'survey:answer',
  'survey:save',
  'survey:get',
  'survey:list',
  'survey:remove',
  'survey:compare',
  'survey:differences',
  'survey:resolve',
  'survey:results',
  'survey:import',
  'survey:template',
] as const;

export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];
