import { createAssessmentHandlers } from './assessment-handlers';
import { createCoreHandlers } from './core-handlers';
import { createPackageHandlers } from './package-handlers';
import type { Handlers, Runtime } from './router';
import { createSurveyHandlers } from './survey-handlers';

export type { Dialogs, DialogOptions, PdfPrinter, Runtime } from './router';
export { readJsonFile } from './core-handlers';

/** Every channel's handler; each feature contributes its part. */
export function createHandlers(rt: Runtime): Handlers {
  return {
    ...createCoreHandlers(rt),
    ...createAssessmentHandlers(rt),
    ...createPackageHandlers(rt),
    ...createSurveyHandlers(rt),
  };
}
