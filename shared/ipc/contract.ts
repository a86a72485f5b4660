import type { z } from 'zod';
import type { Channel } from './channels';
import { assessmentContract } from './assessment.contract';
import { coreContract } from './core.contract';
import { packageContract } from './package.contract';
import type { ChannelSpec } from './spec';
import { surveyContract } from './survey.contract';

export type { AppInfo, AuditEntry, FrameworkChoice, ReplacePreview } from './core.contract';
export { SETTING_KEYS } from './core.contract';

/**
 * The IPC contract: each channel (`domain:verb`) → zod input schema and output type.
 * Every other type (the preload's api, the router's handlers, the renderer's client)
 * is derived from this object. Features add their part here.
 */
export const contract = {
  ...coreContract,
  ...assessmentContract,
  ...packageContract,
  ...surveyContract,
} satisfies { [C in Channel]: ChannelSpec };

// Both directions: the contract declares no channel that CHANNELS lacks.
type Extra = Exclude<keyof typeof contract, Channel>;
const _noExtraChannels: [Extra] extends [never] ? true : never = true;
void _noExtraChannels;

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];
