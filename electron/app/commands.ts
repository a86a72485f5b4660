/** Every feature's `chiso` commands, in the order `chiso help` lists them. */
import type { Commands } from '../kernel/commands/command';
import { appraisalCommands } from '../features/appraisal/commands';
import { assessmentCommands } from '../features/assessment/commands';
import { diagnosticsCommands } from '../features/diagnostics/commands';
import { backupCommands } from '../features/backup/commands';
import { enrolmentCommands } from '../features/enrolment/commands';
import { exportCommands } from '../features/export/commands';
import { frameworkCommands } from '../features/framework/commands';
import { homeCommands } from '../features/home/commands';
import { importCommands } from '../features/import/commands';
import { keysCommands } from '../features/keys/commands';
import { reportCommands } from '../features/report/commands';
import { rosterCommands } from '../features/roster/commands';
import { settingsCommands } from '../features/settings/commands';
import { setupCommands } from '../features/setup/commands';
import { surveyCommands } from '../features/survey/commands';
import { verifyCommands } from '../features/verify/commands';

export const COMMANDS: Commands = {
  ...setupCommands,
  ...frameworkCommands,
  ...assessmentCommands,
  ...keysCommands,
  ...rosterCommands,
  ...enrolmentCommands,
  ...exportCommands,
  ...verifyCommands,
  ...importCommands,
  ...appraisalCommands,
  ...surveyCommands,
  ...reportCommands,
  ...diagnosticsCommands,
  ...homeCommands,
  ...settingsCommands,
  ...backupCommands,
};
