import type { CheckedSection, EntriesSection, SectionEnv } from '../assessment/entries-load';
import { formNoKey } from '../../../shared/scoring/survey';
import type { ServiceContext } from '../../kernel/context';
import type { SurveyAnswer } from '../../../shared/scoring/survey';
import type { ParsedSurvey } from './import';
import { applySurveySection, validateSurveySection } from './import';
import { answersOf, liveForms } from './forms-repo';
import { activeSurvey } from './keying';

/**
 * Loading the same file twice must not fail or duplicate: a form already stored with the
 * very same answers is skipped. A stored form with other answers is still refused (by
 * applySurveySection), since which one is right is the clerk's call, not the loader's.
 */
/** A flat record of answers, in a form that compares equal whatever the key order. */
const sameAnswers = (a: Record<string, SurveyAnswer>): string => JSON.stringify(Object.entries(a).sort(([x], [y]) => (x < y ? -1 : 1)));

function withoutIdentical(ctx: ServiceContext, forms: ParsedSurvey['forms']): ParsedSurvey['forms'] {
  const { ref } = activeSurvey(ctx);
  const stored = new Map(liveForms(ctx.db, ref).map((r) => [r.form_key, sameAnswers(answersOf(r.answers_json))]));
  return forms.filter((f) => stored.get(formNoKey(f.formNo)) !== sameAnswers(f.answers));
}

/**
 * The `survey` section of an entries file ({ "forms": [ { "formNo", "answers" } ] }, see
 * docs/survey-format.md): checked with the same rules as a spreadsheet import, written in the
 * load's single transaction; forms already stored unchanged are skipped. Form numbers already in the store are refused at apply time
 * (applySurveySection), which rolls the whole load back.
 */
export const surveyEntriesSection: EntriesSection = {
  label: 'phiếu điều tra xã hội học',
  check(value: unknown, env: SectionEnv): CheckedSection {
    if (!env.framework.survey) {
      return { issues: [{ line: env.lineOf('survey'), path: 'survey', message: 'Bộ tiêu chí đang áp dụng không có phiếu điều tra xã hội học.' }], apply: () => 0 };
    }
    const parsed = validateSurveySection(env.framework, value, env.text);
    return {
      issues: parsed.issues.map((i) => ({
        line: i.line ?? env.lineOf('survey'),
        path: i.formNo ? `survey/phiếu ${i.formNo}` : 'survey',
        message: i.message,
      })),
      apply: (ctx) => applySurveySection(ctx, { ...parsed, forms: withoutIdentical(ctx, parsed.forms) }),
    };
  },
};
