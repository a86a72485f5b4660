/**
 * Double entry: a saved form is keyed a second time blind (the second pass never sees the
 * first pass's answers), the two are compared, and each difference is resolved from the
 * paper (first, second, or a typed value), logged. Who was "wrong" in each resolution gives
 * the disagreement rate per person keying.
 */
import { AppError } from '../../../shared/errors';
import type { SurveyAnswer } from '../../../shared/scoring/survey';
import { allQuestions } from '../../../shared/scoring/survey';
import { normaliseAnswer, questionIndex, sameAnswer } from '../../../shared/scoring/survey-answer';
import { requiredSentence } from '../../../shared/survey/required';
import type { BeginResult, FinishResult, KeyerStats, ResolveChoice, SurveyDifference, SurveyProgress } from '../../../shared/survey/types';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import type { FormRow } from './forms-repo';
import { answersOf, beginSecondPass, differencesOf as diffsOf, formByNumber, liveForms, writeComparison, writeResolution } from './forms-repo';
import { activeSurvey, getRow, viewOf } from './keying';

const names = (row: FormRow) => ({ firstKeyedBy: row.keyed_by, secondKeyedBy: row.v_keyed_by ?? '' });

/** Open the second pass of a saved form by its number (resumes an unfinished one). */
export function beginVerify(ctx: ServiceContext, input: { formNo: string; keyedBy: string }): BeginResult {
  const { ref } = activeSurvey(ctx);
  return ctx.db.transaction((): BeginResult => {
    const row = formByNumber(ctx.db, ref, input.formNo);
    if (!row) throw new AppError('SURVEY_FORM_NOT_FOUND', 'no such form', { formNo: input.formNo });
    if (row.status !== 'saved') throw new AppError('SURVEY_FORM_NOT_SAVED', 'first pass is a draft', { formNo: row.form_no });
    if (row.v_status === 'keying') return { kind: 'resume', form: viewOf(row, 2) };
    // Verified or awaiting resolution: shown, not keyed again (the blind pass is over).
    if (row.v_status !== null) return { kind: 'exists', form: viewOf(row, 2) };
    beginSecondPass(ctx.db, row.id, input.keyedBy, isoNow(ctx));
    audit(ctx, 'survey.verify.begin', 'survey_form', String(row.id), null, { formNo: row.form_no, keyedBy: input.keyedBy });
    return { kind: 'new', form: viewOf(getRow(ctx, row.id), 2) };
  })();
}

/** Compare the two passes; no difference → verified at once. */
export function finishVerify(ctx: ServiceContext, formId: number): FinishResult {
  const { def } = activeSurvey(ctx);
  return ctx.db.transaction((): FinishResult => {
    const row = getRow(ctx, formId);
    if (row.v_status !== 'keying') return { verify: row.v_status ?? 'none', ...names(row), differences: diffsOf(row) };
    const first = answersOf(row.answers_json);
    const second = answersOf(row.v_answers_json);
    const differences: SurveyDifference[] = [];
    for (const q of allQuestions(def)) {
      second[q.code] ??= null;
      if (!sameAnswer(first[q.code], second[q.code])) differences.push({ code: q.code, first: first[q.code] ?? null, second: second[q.code] ?? null });
    }
    const status = differences.length === 0 ? 'verified' : 'differences';
    writeComparison(ctx.db, row.id, { status, second, differences, verifiedAt: status === 'verified' ? isoNow(ctx) : null, at: isoNow(ctx) });
    audit(ctx, 'survey.verify.compare', 'survey_form', String(row.id), null, { formNo: row.form_no, differences: differences.length });
    return { verify: status, ...names(row), differences };
  })();
}

/** The differences of a form awaiting resolution (both values shown side by side). */
export function differences(ctx: ServiceContext, formId: number): FinishResult {
  const row = getRow(ctx, formId);
  return { verify: row.v_status ?? 'none', ...names(row), differences: diffsOf(row) };
}

/** Settle one difference from the paper; the last one settled makes the form verified. */
export function resolveDifference(
  ctx: ServiceContext,
  input: { formId: number; code: string; choice: ResolveChoice; value?: SurveyAnswer },
): FinishResult {
  const { def } = activeSurvey(ctx);
  const q = questionIndex(def).get(input.code);
  return ctx.db.transaction((): FinishResult => {
    const row = getRow(ctx, input.formId);
    const diffs = diffsOf(row);
    const diff = diffs.find((d) => d.code === input.code);
    if (!q || !diff || row.v_status !== 'differences') throw new AppError('SURVEY_FORM_NOT_FOUND', 'no such difference', { code: input.code });
    let value: SurveyAnswer;
    if (input.choice === 'first') value = diff.first;
    else if (input.choice === 'second') value = diff.second;
    else {
      const norm = normaliseAnswer(q, input.value ?? null);
      if (!norm.ok) throw new AppError('SURVEY_BAD_ANSWER', norm.problem, { questionCode: q.code, problem: norm.problem });
      value = norm.value;
    }
    // The paper's value becomes the saved form's answer: a required question may not end blank.
    if (q.required && value === null) {
      throw new AppError('SURVEY_REQUIRED_BLANK', `form ${row.form_no}: required ${q.code} resolved blank`, {
        formNo: row.form_no,
        questionCode: q.code,
        questions: [q.code],
        issues: [{ path: `phiếu ${row.form_no}`, message: requiredSentence(q) }],
      });
    }
    const old = diff.final;
    diff.final = value;
    diff.choice = input.choice;
    const answers = answersOf(row.answers_json);
    const before = answers[q.code] ?? null;
    answers[q.code] = value;
    const done = diffs.every((d) => d.choice !== undefined);
    const now = isoNow(ctx);
    writeResolution(ctx.db, row.id, { answers, differences: diffs, status: done ? 'verified' : 'differences', verifiedAt: done ? now : null, at: now });
    audit(ctx, 'survey.verify.resolve', 'survey_form', String(row.id), { formNo: row.form_no, code: q.code, value: before, resolved: old ?? null }, { formNo: row.form_no, code: q.code, value, choice: input.choice });
    return { verify: done ? 'verified' : 'differences', ...names(row), differences: diffs };
  })();
}

/** Forms saved, drafts, verified, and how often each person's keying disagreed with the paper. */
export function surveyProgress(ctx: ServiceContext): SurveyProgress {
  const { ref, def } = activeSurvey(ctx);
  const questions = allQuestions(def).length;
  const rows = liveForms(ctx.db, ref);
  const keyers = new Map<string, KeyerStats>();
  const keyer = (name: string): KeyerStats => {
    let k = keyers.get(name);
    if (!k) keyers.set(name, (k = { name, passes: 0, answers: 0, disagreements: 0, ratePercent: null }));
    return k;
  };
  for (const row of rows) {
    if (row.v_status !== 'verified' || row.v_keyed_by === null) continue;
    const first = keyer(row.keyed_by);
    const second = keyer(row.v_keyed_by);
    first.passes += 1;
    second.passes += 1;
    first.answers += questions;
    second.answers += questions;
    for (const d of diffsOf(row)) {
      // The paper's value is the final one; whoever keyed something else disagreed with it.
      if (!sameAnswer(d.first, d.final)) first.disagreements += 1;
      if (!sameAnswer(d.second, d.final)) second.disagreements += 1;
    }
  }
  for (const k of keyers.values()) k.ratePercent = k.answers === 0 ? null : Math.round((k.disagreements * 10000) / k.answers);
  return {
    target: def.targetForms,
    min: def.minForms,
    saved: rows.filter((r) => r.status === 'saved').length,
    drafts: rows.filter((r) => r.status === 'draft').length,
    verified: rows.filter((r) => r.v_status === 'verified').length,
    withDifferences: rows.filter((r) => r.v_status === 'differences').length,
    keyers: [...keyers.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
}
