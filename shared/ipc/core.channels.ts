/** Channels of the app frame: identity, settings, frameworks, audit log. */
export const CORE_CHANNELS = [
  'app:info',
  'setup:get',
  'setup:complete',
  'framework:choose',
  'framework:active',
  'framework:previewReplace',
  'framework:replace',
  'settings:get',
  'settings:set',
  'audit:list',
] as const;

export type CoreChannel = (typeof CORE_CHANNELS)[number];
