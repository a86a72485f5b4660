import { ASSESSMENT_CHANNELS } from './assessment.channels';
import { CORE_CHANNELS } from './core.channels';
import { PACKAGE_CHANNELS } from './package.channels';
import { SURVEY_CHANNELS } from './survey.channels';

/**
 * The channel names alone, without schemas: the sandboxed preload imports this file
 * and nothing else from shared/ (a sandboxed preload cannot load zod). Each feature
 * declares its names in `<feature>.channels.ts` and its schemas in `<feature>.contract.ts`;
 * contract.ts checks at compile time that both lists agree.
 */
export const CHANNELS = [...CORE_CHANNELS, ...ASSESSMENT_CHANNELS, ...SURVEY_CHANNELS, ...PACKAGE_CHANNELS] as const;

export type Channel = (typeof CHANNELS)[number];

/** Main → renderer notifications (menu clicks). */
export const EVENTS = ['menu:navigate'] as const;
export type EventName = (typeof EVENTS)[number];
