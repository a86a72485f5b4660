/** Every feature's `chiso` commands, in the order `chiso help` lists them. */
import type { Commands } from '../kernel/commands/command';
import { assessmentCommands } from '../features/assessment/commands';
import { backupCommands } from '../features/backup/commands';
import { enrolmentCommands } from '../features/enrolment/commands';
import { exportCommands } from '../features/export/commands';
import { frameworkCommands } from '../features/framework/commands';
import { importCommands } from '../features/import/commands';
import { keysCommands } from '../features/keys/commands';
import { rosterCommands } from '../features/roster/commands';
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
  ...surveyCommands,
  ...backupCommands,
};
