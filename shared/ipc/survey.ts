/** The sociological survey: keying paper forms, double entry, the forms list, results, import. */
import { z } from 'zod';
import { surveyAnswerSchema } from '../scoring/survey';
import type { BeginResult, FinishResult, SurveyFormSummary, SurveyFormView, SurveyResults } from '../survey/types';
import type { FeatureContract } from './spec';
import { out } from './spec';

export const SURVEY_CHANNELS = [
  'survey:begin',
  'survey:answer',
  'survey:save',
  'survey:get',
  'survey:list',
  'survey:remove',
  'survey:compare',
  'survey:differences',
  'survey:resolve',
  'survey:results',
  'survey:import',
  'survey:template',
] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

const formId = z.number().int().min(1);
const pass = z.union([z.literal(1), z.literal(2)]);
const name = z.string().trim().min(1).max(100);

export const surveyContract = {
  /** Open a form by its paper number for pass 1 (keying) or pass 2 (blind verification). */
  'survey:begin': { input: z.object({ formNo: z.string().max(30), keyedBy: name, pass }), output: out<BeginResult>() },
  /** One keyed answer, written at once (null: "no answer"); returns the stored value. */
  'survey:answer': {
    input: z.object({ formId, pass, code: z.string().max(20), value: surveyAnswerSchema }),
    output: out<z.infer<typeof surveyAnswerSchema>>(),
  },
  'survey:save': { input: z.object({ formId }), output: out<SurveyFormView>() },
  'survey:get': { input: z.object({ formId }), output: out<SurveyFormView>() },
  'survey:list': { input: z.object({ search: z.string().max(30).optional() }), output: out<SurveyFormSummary[]>() },
  'survey:remove': { input: z.object({ formId, reason: z.string().max(500) }), output: out<null>() },
  /** End of the second pass: compare with the first. */
  'survey:compare': { input: z.object({ formId }), output: out<FinishResult>() },
  'survey:differences': { input: z.object({ formId }), output: out<FinishResult>() },
  'survey:resolve': {
    input: z.object({ formId, code: z.string().max(20), choice: z.enum(['first', 'second', 'typed']), value: surveyAnswerSchema.optional() }),
    output: out<FinishResult>(),
  },
  'survey:results': { input: z.undefined(), output: out<SurveyResults>() },
  /** Main shows the open dialog; null when cancelled. */
  'survey:import': { input: z.undefined(), output: out<{ imported: number } | null>() },
  /** Main shows the save dialog and writes the xlsx template; null when cancelled. */
  'survey:template': { input: z.undefined(), output: out<{ path: string } | null>() },
} satisfies FeatureContract<SurveyChannel>;
