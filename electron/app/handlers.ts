/** Every feature's channel handlers, in one table: the compiler insists that every channel has one. */
import type { Framework } from '../../shared/framework/schema';
import { AppError } from '../../shared/errors';
import { ChosenFile } from '../kernel/ipc/chosen-file';
import type { Handlers } from '../kernel/ipc/handler';
import type { AppContext } from '../kernel/use-case';
import { appraisalHandlers } from '../features/appraisal/handlers';
import { assessmentHandlers } from '../features/assessment/handlers';
import { auditHandlers } from '../features/audit/handlers';
import { diagnosticsHandlers } from '../features/diagnostics/handlers';
import { backupHandlers } from '../features/backup/handlers';
import { enrolmentHandlers } from '../features/enrolment/handlers';
import { evidenceHandlers } from '../features/evidence/handlers';
import { exportHandlers } from '../features/export/handlers';
import { frameworkHandlers } from '../features/framework/handlers';
import { homeHandlers } from '../features/home/handlers';
import { importHandlers } from '../features/import/handlers';
import { keysHandlers } from '../features/keys/handlers';
import { printHandlers } from '../features/print/handlers';
import { reportHandlers } from '../features/report/handlers';
import { rosterHandlers } from '../features/roster/handlers';
import { settingsHandlers } from '../features/settings/handlers';
import { setupHandlers } from '../features/setup/handlers';
import { surveyHandlers } from '../features/survey/handlers';

export function createHandlers(app: AppContext): Handlers {
  // A framework file chosen in the dialog, used by setup (first run) or by replacing the framework.
  const chosenFramework = new ChosenFile<Framework>(() => new AppError('FRAMEWORK_NOT_FOUND', 'framework token expired'));
  return {
    ...setupHandlers(app, chosenFramework),
    ...frameworkHandlers(app, chosenFramework),
    ...auditHandlers(app),
    ...assessmentHandlers(app),
    ...evidenceHandlers(app),
    ...surveyHandlers(app),
    ...keysHandlers(app),
    ...enrolmentHandlers(app),
    ...exportHandlers(app),
    ...importHandlers(app),
    ...rosterHandlers(app),
    ...reportHandlers(app),
    ...diagnosticsHandlers(app),
    ...appraisalHandlers(app),
    ...homeHandlers(app),
    ...backupHandlers(app),
    ...printHandlers(app),
    ...settingsHandlers(app),
  };
}
