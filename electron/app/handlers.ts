import { createAssessmentHandlers } from '../features/assessment/handlers';
import { createCoreHandlers } from '../features/setup/handlers';
import { createPackageHandlers } from '../features/export/handlers';
import type { Handlers, Runtime } from '../kernel/ipc/router';
import { createSurveyHandlers } from '../features/survey/handlers';

export type { Dialogs, DialogOptions, PdfPrinter, Runtime } from '../kernel/ipc/router';
export { readJsonFile } from '../features/setup/handlers';

/** Every channel's handler; each feature contributes its part. */
export function createHandlers(rt: Runtime): Handlers {
  return {
    ...createCoreHandlers(rt),
    ...createAssessmentHandlers(rt),
    ...createPackageHandlers(rt),
    ...createSurveyHandlers(rt),
  };
}
