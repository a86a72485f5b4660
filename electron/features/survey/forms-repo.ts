/** survey_forms: one row per paper questionnaire (both passes of double entry), mapped here only. */
import type { SurveyAnswer } from '../../../shared/scoring/survey';
import { formNoKey } from '../../../shared/scoring/survey';
import type { SurveyDifference, VerifyStatus } from '../../../shared/survey/types';
import type { Db } from '../../kernel/db/open';
import { stmt } from '../../kernel/db/statements';

export interface FormRow {
  id: number;
  framework_ref: number;
  form_no: string;
  form_key: string;
  source: 'keyed' | 'import';
  status: 'draft' | 'saved';
  answers_json: string;
  keyed_by: string;
  created_at: string;
  updated_at: string;
  v_status: Exclude<VerifyStatus, 'none'> | null;
  v_answers_json: string | null;
  v_keyed_by: string | null;
  v_diff_json: string | null;
  v_at: string | null;
  deleted_at: string | null;
}

export const answersOf = (json: string | null): Record<string, SurveyAnswer> =>
  json === null ? {} : (JSON.parse(json) as Record<string, SurveyAnswer>);

export const differencesOf = (row: FormRow): SurveyDifference[] => (row.v_diff_json === null ? [] : (JSON.parse(row.v_diff_json) as SurveyDifference[]));

/** A live (undeleted) form by id. */
export function formById(db: Db, id: number): FormRow | undefined {
  return stmt(db, 'SELECT * FROM survey_forms WHERE id = ? AND deleted_at IS NULL').get(id) as FormRow | undefined;
}

/** The live form of a paper number ("007" and "7" are the same form). */
export function formByNumber(db: Db, ref: number, formNo: string): FormRow | undefined {
  return stmt(db, 'SELECT * FROM survey_forms WHERE framework_ref = ? AND form_key = ? AND deleted_at IS NULL').get(ref, formNoKey(formNo)) as FormRow | undefined;
}

/** Every live form of a framework, drafts too. */
export function liveForms(db: Db, ref: number): FormRow[] {
  return stmt(db, 'SELECT * FROM survey_forms WHERE framework_ref = ? AND deleted_at IS NULL ORDER BY id').all(ref) as FormRow[];
}

/** The saved, undeleted forms: what results, the export and the index count. */
export function savedAnswers(db: Db, ref: number): { formNo: string; answers: Record<string, SurveyAnswer> }[] {
  return (stmt(db, `SELECT form_no, answers_json FROM survey_forms WHERE framework_ref = ? AND status = 'saved' AND deleted_at IS NULL ORDER BY id`).all(ref) as {
    form_no: string;
    answers_json: string;
  }[]).map((r) => ({ formNo: r.form_no, answers: answersOf(r.answers_json) }));
}

export function insertForm(
  db: Db,
  f: { ref: number; formNo: string; source: 'keyed' | 'import'; status: 'draft' | 'saved'; answers: Record<string, SurveyAnswer>; keyedBy: string; at: string },
): number {
  const info = stmt(
    db,
    `INSERT INTO survey_forms (framework_ref, form_no, form_key, source, status, answers_json, keyed_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(f.ref, f.formNo, formNoKey(f.formNo), f.source, f.status, JSON.stringify(f.answers), f.keyedBy, f.at, f.at);
  return Number(info.lastInsertRowid);
}

/** The answers of one pass, as keyed so far. */
export function writeAnswers(db: Db, id: number, pass: 1 | 2, answers: Record<string, SurveyAnswer>, at: string): void {
  const sql = pass === 1 ? 'UPDATE survey_forms SET answers_json = ?, updated_at = ? WHERE id = ?' : 'UPDATE survey_forms SET v_answers_json = ?, updated_at = ? WHERE id = ?';
  stmt(db, sql).run(JSON.stringify(answers), at, id);
}

export function markSaved(db: Db, id: number, answers: Record<string, SurveyAnswer>, at: string): void {
  stmt(db, `UPDATE survey_forms SET status = 'saved', answers_json = ?, updated_at = ? WHERE id = ?`).run(JSON.stringify(answers), at, id);
}

export function softDelete(db: Db, id: number, at: string, by: string, reason: string): void {
  stmt(db, 'UPDATE survey_forms SET deleted_at = ?, deleted_by = ?, delete_reason = ? WHERE id = ?').run(at, by, reason, id);
}

/** Open the blind second pass. */
export function beginSecondPass(db: Db, id: number, keyedBy: string, at: string): void {
  stmt(db, `UPDATE survey_forms SET v_status = 'keying', v_answers_json = '{}', v_keyed_by = ?, v_diff_json = NULL, updated_at = ? WHERE id = ?`).run(keyedBy, at, id);
}

/** The comparison of both passes: `verifiedAt` when there was no difference. */
export function writeComparison(
  db: Db,
  id: number,
  c: { status: 'verified' | 'differences'; second: Record<string, SurveyAnswer>; differences: SurveyDifference[]; verifiedAt: string | null; at: string },
): void {
  stmt(db, 'UPDATE survey_forms SET v_status = ?, v_answers_json = ?, v_diff_json = ?, v_at = ?, updated_at = ? WHERE id = ?')
    .run(c.status, JSON.stringify(c.second), JSON.stringify(c.differences), c.verifiedAt, c.at, id);
}

/** One difference settled: the first pass's answers take the paper's value. */
export function writeResolution(
  db: Db,
  id: number,
  r: { answers: Record<string, SurveyAnswer>; differences: SurveyDifference[]; status: 'verified' | 'differences'; verifiedAt: string | null; at: string },
): void {
  stmt(db, 'UPDATE survey_forms SET answers_json = ?, v_diff_json = ?, v_status = ?, v_at = ?, updated_at = ? WHERE id = ?')
    .run(JSON.stringify(r.answers), JSON.stringify(r.differences), r.status, r.verifiedAt, r.at, id);
}
