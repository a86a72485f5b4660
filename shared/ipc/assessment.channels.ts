/** Channels of the self-assessment (issue 3): entries, lock, load, summary; evidence. */
export const ASSESSMENT_CHANNELS = [
  'assessment:get',
  'assessment:setEntry',
  'assessment:setExplanation',
  'assessment:finalise',
  'assessment:reopen',
  'assessment:loadFile',
  'assessment:exportPdf',
  'assessment:exportXlsx',
  'evidence:addDocument',
  'evidence:updateDocument',
  'evidence:removeDocument',
  'evidence:attach',
  'evidence:removeFile',
  'evidence:preview',
  'evidence:open',
] as const;

export type AssessmentChannel = (typeof ASSESSMENT_CHANNELS)[number];
