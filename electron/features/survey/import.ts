/**
 * Questionnaires from a file (spreadsheet, CSV, JSON, or the `survey` section of
 * `chiso load`): every bad row reported by line and reason, and nothing half-imported:
 * one transaction, and any bad row means no form is written.
 */
import { AppError } from '../../../shared/errors';
import type { Framework } from '../../../shared/framework/schema';
import type { SurveyAnswer, SurveyForm } from '../../../shared/scoring/survey';
import { allQuestions, formNoKey } from '../../../shared/scoring/survey';
import { answerProblemMessage, normaliseAnswer, questionIndex } from '../../../shared/scoring/survey-answer';
import { blankRequired, requiredSentence } from '../../../shared/survey/required';
import type { ImportIssue } from '../../../shared/survey/types';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import { insertForm, liveForms } from './forms-repo';
import type { RawRow, RawRows } from './survey-file';
import { rowsFromJson } from './survey-file';
import { activeSurvey } from './keying';

export interface ParsedSurvey {
  forms: (SurveyForm & { line: number | null })[];
  issues: ImportIssue[];
}

/** Check rows against the questionnaire; `existing` maps form keys already in the store. */
export function validateRows(framework: Framework, raw: RawRows, existing: ReadonlyMap<string, string> = new Map()): ParsedSurvey {
  const issues: ImportIssue[] = [...raw.issues];
  const def = framework.survey;
  if (!def) return { forms: [], issues: [{ line: null, formNo: null, message: 'bộ tiêu chí không có phiếu điều tra' }] };
  const questions = questionIndex(def);
  const seen = new Map<string, number | null>();
  const forms: ParsedSurvey['forms'] = [];
  const reported = new Set<string>();
  for (const row of raw.rows) {
    const formNo = row.formNo === null || row.formNo === undefined ? '' : String(row.formNo).normalize('NFC').trim();
    const problem = (message: string) => issues.push({ line: row.line, formNo: formNo || null, message });
    if (formNo === '') {
      problem('thiếu số phiếu');
      continue;
    }
    const key = formNoKey(formNo);
    if (seen.has(key)) {
      const at = seen.get(key);
      problem(`số phiếu ${formNo} trùng với phiếu ở ${at === null || at === undefined ? 'trước đó trong tệp' : `dòng ${at}`}`);
    } else seen.set(key, row.line);
    if (existing.has(key)) problem(`số phiếu ${formNo} đã có trong dữ liệu (phiếu số ${existing.get(key)} đã nhập)`);
    const answers: Record<string, SurveyAnswer> = {};
    const invalid = new Set<string>();
    for (const [code, value] of Object.entries(row.answers)) {
      const q = questions.get(code.trim());
      if (!q) {
        // A column that is not a question is one problem for the file, not one per row.
        if (!reported.has(code)) problem(`không có câu hỏi mã "${code}" trong phiếu của bộ tiêu chí`);
        reported.add(code);
        continue;
      }
      const norm = normaliseAnswer(q, value);
      if (norm.ok) answers[q.code] = norm.value;
      else {
        problem(answerProblemMessage(q, norm));
        invalid.add(q.code);
      }
    }
    const missing = blankRequired(def, answers).filter((q) => !invalid.has(q.code));
    if (missing.length > 0) problem(`thiếu câu trả lời bắt buộc: ${missing.map((q) => q.code).join(', ')} (${requiredSentence(missing[0]!)})`);
    for (const q of allQuestions(def)) answers[q.code] ??= null;
    forms.push({ formNo, answers, line: row.line });
  }
  return { forms, issues };
}

/**
 * The `survey` section of a package or of `chiso load`: { "forms": [...] }. Pure: the
 * store is checked by applySurveySection. `text` (the file as read) gives line numbers.
 */
export function validateSurveySection(framework: Framework, json: unknown, text?: string): ParsedSurvey {
  return validateRows(framework, rowsFromJson(json, text));
}

function existingKeys(ctx: ServiceContext, ref: number): Map<string, string> {
  return new Map(liveForms(ctx.db, ref).map((r) => [r.form_key, r.form_no]));
}

function refuse(issues: ImportIssue[]): never {
  throw new AppError('SURVEY_IMPORT_INVALID', `${issues.length} problems`, {
    issues: issues.slice(0, 200).map((i) => ({
      path: i.line !== null ? `dòng ${i.line}` : i.formNo !== null ? `phiếu ${i.formNo}` : '',
      message: i.message,
    })),
    count: issues.length,
  });
}

/**
 * Write parsed forms; call inside the caller's transaction. Form numbers already in the
 * store are refused here (the pure validation cannot see the store).
 */
export function applySurveySection(ctx: ServiceContext, parsed: ParsedSurvey): number {
  const { ref } = activeSurvey(ctx);
  const existing = existingKeys(ctx, ref);
  const clashes = parsed.forms
    .filter((f) => existing.has(formNoKey(f.formNo)))
    .map((f) => ({ line: f.line, formNo: f.formNo, message: `số phiếu ${f.formNo} đã có trong dữ liệu (phiếu số ${existing.get(formNoKey(f.formNo))} đã nhập)` }));
  const issues = [...parsed.issues, ...clashes];
  if (issues.length > 0) refuse(issues);
  const now = isoNow(ctx);
  for (const f of parsed.forms) {
    const id = insertForm(ctx.db, { ref, formNo: f.formNo, source: 'import', status: 'saved', answers: f.answers, keyedBy: ctx.actor(), at: now });
    audit(ctx, 'survey.form.import', 'survey_form', String(id), null, { formNo: f.formNo, answers: f.answers });
  }
  return parsed.forms.length;
}

/**
 * Import the rows of a file (read by readSurveyFile) in one transaction: all its forms, or none
 * and every problem listed.
 */
export function importSurveyRows(ctx: ServiceContext, raw: RawRows): { imported: number } {
  const { ref, framework } = activeSurvey(ctx);
  const parsed = validateRows(framework, raw, existingKeys(ctx, ref));
  if (parsed.issues.length > 0) refuse(parsed.issues);
  if (parsed.forms.length === 0) refuse([{ line: null, formNo: null, message: 'tệp không có phiếu nào' }]);
  const imported = ctx.db.transaction(() => applySurveySection(ctx, parsed))();
  return { imported };
}

export type { RawRow };
