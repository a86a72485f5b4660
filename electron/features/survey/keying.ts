/**
 * Keying paper questionnaires: a form is opened by its number, every answer is written as it is
 * keyed (a draft row; crash-safe), and saving marks it complete. Each change writes an audit row
 * in the same transaction. Only saved, undeleted forms count in results.
 */
import { AppError } from '../../../shared/errors';
import type { Framework, SurveyDefinition } from '../../../shared/framework/schema';
import type { SurveyAnswer, SurveyForm } from '../../../shared/scoring/survey';
import { allQuestions, formNoKey } from '../../../shared/scoring/survey';
import { normaliseAnswer, questionIndex } from '../../../shared/scoring/survey-answer';
import type { BeginResult, SurveyFormSummary, SurveyFormView, SurveyPass, VerifyStatus } from '../../../shared/survey/types';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import { frameworkFor } from '../../../shared/framework/unit-types';
import { blankRequired, requiredSentence } from '../../../shared/survey/required';
import { activeFramework } from '../framework/active';
import { identityUnitType } from '../setup/identity-repo';
import type { FormRow } from './forms-repo';
import { answersOf, formById, formByNumber, insertForm, liveForms, markSaved, savedAnswers, softDelete, writeAnswers } from './forms-repo';

export interface ActiveSurvey {
  ref: number;
  framework: Framework;
  def: SurveyDefinition;
}

/**
 * The survey of the framework this unit assesses against. `def` is the questionnaire as it applies
 * to this unit's type: a phường may have its own target and minimum (`survey.variants`), and the
 * progress, the completion line and the forms beyond the target are measured against that.
 */
export function activeSurvey(ctx: ServiceContext): ActiveSurvey {
  const { ref, framework } = activeFramework(ctx);
  if (!framework.survey) throw new AppError('SURVEY_NOT_DEFINED', 'framework has no survey');
  const def = frameworkFor(framework, identityUnitType(ctx.db)).framework.survey ?? framework.survey;
  return { ref, framework, def };
}

/**
 * Refuse a form with a required question left blank, naming the first one (and listing all),
 * so the screen can go to it and the CLI can print it.
 */
export function requireAnswered(def: SurveyDefinition, answers: Record<string, SurveyAnswer | undefined>, formNo: string): void {
  const blank = blankRequired(def, answers);
  if (blank.length === 0) return;
  throw new AppError('SURVEY_REQUIRED_BLANK', `form ${formNo}: required ${blank.map((q) => q.code).join(', ')} blank`, {
    formNo,
    questionCode: blank[0]!.code,
    questions: blank.map((q) => q.code),
    issues: blank.map((q) => ({ path: `phiếu ${formNo}`, message: requiredSentence(q) })),
  });
}

export function verifyOf(row: FormRow): VerifyStatus {
  return row.v_status ?? 'none';
}

export function getRow(ctx: ServiceContext, id: number): FormRow {
  const row = formById(ctx.db, id);
  if (!row) throw new AppError('SURVEY_FORM_NOT_FOUND', `no form ${id}`);
  return row;
}

export function viewOf(row: FormRow, pass: SurveyPass): SurveyFormView {
  return {
    id: row.id,
    formNo: row.form_no,
    pass,
    status: row.status,
    verify: verifyOf(row),
    keyedBy: pass === 1 ? row.keyed_by : (row.v_keyed_by ?? ''),
    createdAt: row.created_at,
    answers: answersOf(pass === 1 ? row.answers_json : row.v_answers_json),
  };
}

function cleanFormNo(formNo: string): string {
  const s = formNo.normalize('NFC').trim();
  if (s === '' || s.length > 30) throw new AppError('INVALID_INPUT', 'bad form number', { fields: { formNo: 'REQUIRED' } });
  return s;
}

/**
 * Open a form for the first pass: a new number creates a draft, a draft of the same number
 * is resumed (after a crash), a saved number is refused by showing the existing form.
 */
export function beginForm(ctx: ServiceContext, input: { formNo: string; keyedBy: string }): BeginResult {
  const { ref } = activeSurvey(ctx);
  const formNo = cleanFormNo(input.formNo);
  return ctx.db.transaction((): BeginResult => {
    const existing = formByNumber(ctx.db, ref, formNo);
    if (existing) return { kind: existing.status === 'draft' ? 'resume' : 'exists', form: viewOf(existing, 1) };
    const id = insertForm(ctx.db, { ref, formNo, source: 'keyed', status: 'draft', answers: {}, keyedBy: input.keyedBy, at: isoNow(ctx) });
    audit(ctx, 'survey.form.begin', 'survey_form', String(id), null, { formNo, keyedBy: input.keyedBy });
    return { kind: 'new', form: viewOf(getRow(ctx, id), 1) };
  })();
}

/** Write one keyed answer of one pass (null: "no answer"), as it is keyed. */
export function setAnswer(ctx: ServiceContext, input: { formId: number; pass: SurveyPass; code: string; value: SurveyAnswer }): SurveyAnswer {
  const { def } = activeSurvey(ctx);
  const q = questionIndex(def).get(input.code);
  if (!q) throw new AppError('SURVEY_BAD_ANSWER', `no question ${input.code}`, { questionCode: input.code });
  const norm = normaliseAnswer(q, input.value);
  if (!norm.ok) throw new AppError('SURVEY_BAD_ANSWER', norm.problem, { questionCode: q.code, problem: norm.problem });
  ctx.db.transaction(() => {
    const row = getRow(ctx, input.formId);
    if (input.pass === 2 && row.v_status !== 'keying') throw new AppError('SURVEY_FORM_NOT_SAVED', 'second pass not open');
    const answers = answersOf(input.pass === 1 ? row.answers_json : row.v_answers_json);
    const old = input.code in answers ? answers[input.code] : undefined;
    if (old === norm.value && input.code in answers) return;
    answers[input.code] = norm.value;
    writeAnswers(ctx.db, row.id, input.pass, answers, isoNow(ctx));
    // A correction of a saved form is logged under its own action, so the log tells keying from fixing.
    const action = input.pass === 2 ? 'survey.answer.verify' : row.status === 'saved' ? 'survey.answer.correct' : 'survey.answer';
    audit(ctx, action, 'survey_form', String(row.id), { formNo: row.form_no, code: input.code, value: old ?? null }, { formNo: row.form_no, code: input.code, value: norm.value });
  })();
  return norm.value;
}

/**
 * Save the first pass (or a correction of a saved form). Refused, nothing changed, while a
 * required question has no answer (SURVEY_REQUIRED_BLANK). Other questions never reached are
 * stored as "no answer".
 */
export function saveForm(ctx: ServiceContext, formId: number): SurveyFormView {
  const { def } = activeSurvey(ctx);
  return ctx.db.transaction(() => {
    const row = getRow(ctx, formId);
    const answers = answersOf(row.answers_json);
    requireAnswered(def, answers, row.form_no);
    for (const q of allQuestions(def)) if (!(q.code in answers)) answers[q.code] = null;
    markSaved(ctx.db, row.id, answers, isoNow(ctx));
    if (row.status === 'draft') audit(ctx, 'survey.form.save', 'survey_form', String(row.id), { status: 'draft' }, { status: 'saved', formNo: row.form_no });
    return viewOf(getRow(ctx, row.id), 1);
  })();
}

export function getForm(ctx: ServiceContext, formId: number): SurveyFormView {
  return viewOf(getRow(ctx, formId), 1);
}

/** Soft delete: the row stays with who, when and why; the number becomes free again. */
export function deleteForm(ctx: ServiceContext, input: { formId: number; reason: string }): void {
  const reason = input.reason.normalize('NFC').trim();
  if (reason === '') throw new AppError('INVALID_INPUT', 'reason required', { fields: { reason: 'REQUIRED' } });
  ctx.db.transaction(() => {
    const row = getRow(ctx, input.formId);
    softDelete(ctx.db, row.id, isoNow(ctx), ctx.actor(), reason);
    audit(ctx, 'survey.form.delete', 'survey_form', String(row.id), { formNo: row.form_no, answers: answersOf(row.answers_json) }, { reason });
  })();
}

function summaryOf(def: SurveyDefinition, row: FormRow, beyondTarget: boolean): SurveyFormSummary {
  const answers = answersOf(row.answers_json);
  let answered = 0;
  for (const q of allQuestions(def)) {
    const a = answers[q.code];
    if (a !== undefined && a !== null) answered += 1;
  }
  return {
    id: row.id,
    formNo: row.form_no,
    status: row.status,
    source: row.source,
    keyedBy: row.keyed_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    verify: verifyOf(row),
    verifiedBy: row.v_keyed_by,
    answered,
    blankRequired: blankRequired(def, answers).length,
    beyondTarget,
  };
}

/**
 * The saved forms past the unit's target, in the order they were keyed (the first `target` saved
 * forms are within it). They still count and travel in the dossier: nothing is dropped, the list
 * only flags them so a form keyed by mistake can be found and deleted with a reason.
 */
export function formsBeyondTarget(def: SurveyDefinition, rows: readonly FormRow[]): Set<number> {
  const saved = rows.filter((r) => r.status === 'saved').sort((a, b) => a.id - b.id);
  return new Set(saved.slice(def.targetForms).map((r) => r.id));
}

/** Every live form (drafts too), numeric form numbers in numeric order; search by number. */
export function listForms(ctx: ServiceContext, input: { search?: string | undefined } = {}): SurveyFormSummary[] {
  const { ref, def } = activeSurvey(ctx);
  const q = input.search?.normalize('NFC').trim().toUpperCase() ?? '';
  const live = liveForms(ctx.db, ref);
  const beyond = formsBeyondTarget(def, live);
  const rows = live.filter((r) => q === '' || r.form_key.includes(q) || r.form_no.toUpperCase().includes(q));
  const collator = new Intl.Collator('vi', { numeric: true });
  return rows.map((r) => summaryOf(def, r, beyond.has(r.id))).sort((a, b) => collator.compare(a.formNo, b.formNo));
}

/** The saved, undeleted forms: what results, the export and the index count. */
export function savedForms(ctx: ServiceContext, ref: number): SurveyForm[] {
  return savedAnswers(ctx.db, ref);
}

export { formNoKey };
