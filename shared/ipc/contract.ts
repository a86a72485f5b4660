/**
 * The IPC contract: each channel (`domain:verb`) → zod input schema and output type, one file per
 * feature (shared/ipc/<feature>.ts). Every other type (the preload's api, the router's handlers,
 * the renderer's client) is derived from it.
 *
 * The sandboxed preload imports CHANNELS and EVENTS from here. It cannot load zod, and it does not
 * need to: its build (electron.vite.config.ts) treats zod calls as pure, so only the name lists
 * are bundled (checked by test/e2e/preload-bundle.e2e.test.ts on the built file).
 */
import type { z } from 'zod';
import { APPRAISAL_CHANNELS, appraisalContract } from './appraisal';
import { ASSESSMENT_CHANNELS, assessmentContract } from './assessment';
import { AUDIT_CHANNELS, auditContract } from './audit';
import { DIAGNOSTICS_CHANNELS, diagnosticsContract } from './diagnostics';
import { BACKUP_CHANNELS, backupContract } from './backup';
import { ENROLMENT_CHANNELS, enrolmentContract } from './enrolment';
import { EVIDENCE_CHANNELS, evidenceContract } from './evidence';
import { EXPORT_CHANNELS, exportContract } from './export';
import { FRAMEWORK_CHANNELS, frameworkContract } from './framework';
import { HOME_CHANNELS, homeContract } from './home';
import { IMPORT_CHANNELS, importContract, type ImportProgress } from './import';
import { KEYS_CHANNELS, keysContract } from './keys';
import { PRINT_CHANNELS, printContract } from './print';
import { REPORT_CHANNELS, reportContract } from './report';
import { ROSTER_CHANNELS, rosterContract } from './roster';
import { SETTINGS_CHANNELS, settingsContract } from './settings';
import { SETUP_CHANNELS, setupContract } from './setup';
import type { FeatureContract } from './spec';
import { SURVEY_CHANNELS, surveyContract } from './survey';

export type { AppInfo } from './setup';
export { SETTING_KEYS } from './setup';
export type { FrameworkChoice, ReplacePreview } from './framework';
export type { AuditEntry } from './audit';

export const CHANNELS = [
  ...SETUP_CHANNELS,
  ...FRAMEWORK_CHANNELS,
  ...AUDIT_CHANNELS,
  ...ASSESSMENT_CHANNELS,
  ...EVIDENCE_CHANNELS,
  ...SURVEY_CHANNELS,
  ...KEYS_CHANNELS,
  ...ENROLMENT_CHANNELS,
  ...EXPORT_CHANNELS,
  ...IMPORT_CHANNELS,
  ...ROSTER_CHANNELS,
  ...REPORT_CHANNELS,
  ...DIAGNOSTICS_CHANNELS,
  ...APPRAISAL_CHANNELS,
  ...HOME_CHANNELS,
  ...BACKUP_CHANNELS,
  ...PRINT_CHANNELS,
  ...SETTINGS_CHANNELS,
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Main → renderer notifications (menu clicks, an import's progress). */
export const EVENTS = ['menu:navigate', 'import:progress'] as const;
export type EventName = (typeof EVENTS)[number];

/** What each event carries. */
export interface EventPayloads {
  'menu:navigate': string;
  'import:progress': ImportProgress;
}

export const contract = {
  ...setupContract,
  ...frameworkContract,
  ...auditContract,
  ...assessmentContract,
  ...evidenceContract,
  ...surveyContract,
  ...keysContract,
  ...enrolmentContract,
  ...exportContract,
  ...importContract,
  ...rosterContract,
  ...reportContract,
  ...diagnosticsContract,
  ...appraisalContract,
  ...homeContract,
  ...backupContract,
  ...printContract,
  ...settingsContract,
} satisfies FeatureContract<Channel>;

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];
