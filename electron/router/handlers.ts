import { createCoreHandlers } from './core-handlers';
import type { Handlers, Runtime } from './router';
import { createSurveyHandlers } from './survey-handlers';

export type { Dialogs, DialogOptions, Runtime } from './router';
export { readJsonFile } from './core-handlers';

/** Every channel's handler; each feature contributes its part. */
export function createHandlers(rt: Runtime): Handlers {
  return {
    ...createCoreHandlers(rt),
    ...createSurveyHandlers(rt),
  };
}
