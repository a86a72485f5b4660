/** Settings at a commune: the year's submission deadline ("Hạn gửi hồ sơ"). */
import { z } from 'zod';
import type { FeatureContract } from './spec';
import { out } from './spec';

/** signed: "theo bộ tiêu chí Sở phát hành" (it wins); typed: "do xã nhập" from the official letter. */
export type DeadlineSource = 'signed' | 'typed';

export interface CommuneDeadline {
  year: number;
  /** yyyy-mm-dd: the one that counts (the signed one when there is one). */
  date: string;
  source: DeadlineSource;
  /** Whole days from today (Vietnam's calendar) to the deadline: 0 on the day, negative once past. */
  daysLeft: number;
  /** What the commune typed, kept even while a signed one overrides it. */
  typed: string | null;
  signed: string | null;
}

export interface DeadlineView {
  year: number;
  deadline: CommuneDeadline | null;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

export const SETTINGS_CHANNELS = ['settings:deadline', 'settings:setDeadline'] as const;
export type SettingsChannel = (typeof SETTINGS_CHANNELS)[number];

export const settingsContract = {
  'settings:deadline': { input: z.undefined(), output: out<DeadlineView>() },
  /** null clears what the commune typed. */
  'settings:setDeadline': { input: z.strictObject({ date: isoDate.nullable() }), output: out<DeadlineView>() },
} satisfies FeatureContract<SettingsChannel>;
