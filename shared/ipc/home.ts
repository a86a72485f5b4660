/** Home: the year's checklist ("Việc cần làm năm YYYY"), computed in main from the store. */
import { z } from 'zod';
import type { ExportCheck } from './export';
import type { CommuneDeadline } from './settings';
import type { FeatureContract } from './spec';
import { out } from './spec';

/** The steps of a commune's year, in the order they are done. */
export const CHECKLIST_STEPS = ['framework', 'assessment', 'survey', 'finalise', 'key', 'backup', 'enrolment', 'export'] as const;
export type ChecklistStepId = (typeof CHECKLIST_STEPS)[number];

/**
 * done: nothing left; todo: not started; doing: started, not finished; attention: something is
 * wrong or a warning stands (errors, the sample framework, a package to send again); waiting: on
 * someone else (the reviewing unit's approval).
 */
export type StepState = 'done' | 'todo' | 'doing' | 'attention' | 'waiting';

export interface ChecklistStep {
  step: ChecklistStepId;
  state: StepState;
  /** Figures for the row's sentence (entered/total, forms/target, revision…), by name. */
  counts: Record<string, number>;
  /** A variant of the row's sentence: 'sample' | 'official' (framework), 'resend' (export)…; null for the plain one. */
  note: string | null;
  /** yyyy-mm-dd on the export row when the year's deadline is known (signed or typed); null otherwise. */
  deadline: string | null;
}

export interface YearChecklist {
  year: number;
  steps: ChecklistStep[];
  /** The year's submission deadline, its source and the days left; null when neither source has one. */
  deadline: CommuneDeadline | null;
  /** The same check an export runs first. */
  exportCheck: ExportCheck;
}

export const HOME_CHANNELS = ['home:checklist'] as const;
export type HomeChannel = (typeof HOME_CHANNELS)[number];

export const homeContract = {
  'home:checklist': { input: z.undefined(), output: out<YearChecklist>() },
} satisfies FeatureContract<HomeChannel>;
