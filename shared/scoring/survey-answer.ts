/**
 * One answer as keyed or read from a spreadsheet, normalised to what a form stores: an
 * option value '1'..'9', a number, an ISO date (yyyy-mm-dd), a text, or null (no answer).
 * The keying screen, the store and the importers share this, so a value accepted on screen
 * is accepted in a file and means the same.
 */
import type { SurveyDefinition, SurveyQuestion } from '../framework/schema';
import type { SurveyAnswer } from './survey';
import { allQuestions } from './survey';
import { normaliseProse } from '../text';

export type AnswerProblem = 'UNKNOWN_OPTION' | 'NOT_A_NUMBER' | 'NOT_A_DATE' | 'TOO_LONG';

export type NormalisedAnswer = { ok: true; value: SurveyAnswer } | { ok: false; problem: AnswerProblem; text: string };

export const MAX_TEXT_ANSWER = 1000;

/** dd/mm/yyyy (the paper's way) or yyyy-mm-dd → yyyy-mm-dd, or null when not a real date. */
export function parseSurveyDate(s: string): string | null {
  let y: number, m: number, d: number;
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  if (vi) [d, m, y] = [Number(vi[1]), Number(vi[2]), Number(vi[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** yyyy-mm-dd → dd/mm/yyyy for display. */
export function formatSurveyDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function normaliseAnswer(q: SurveyQuestion, raw: unknown): NormalisedAnswer {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (raw instanceof Date) {
    // A spreadsheet date cell: exceljs gives midnight UTC of the calendar day.
    return q.type === 'date' && !Number.isNaN(raw.getTime())
      ? { ok: true, value: raw.toISOString().slice(0, 10) }
      : { ok: false, problem: q.type === 'date' ? 'NOT_A_DATE' : 'UNKNOWN_OPTION', text: String(raw) };
  }
  // CRLF → LF, tab → space, other controls removed: what a package carries as prose.
  const text = normaliseProse(String(raw)).trim();
  if (text === '') return { ok: true, value: null };
  switch (q.type) {
    case 'likert5':
    case 'single':
    case 'yesno':
      return (q.options ?? []).some((o) => o.value === text) ? { ok: true, value: text } : { ok: false, problem: 'UNKNOWN_OPTION', text };
    case 'number': {
      if (typeof raw === 'number' && Number.isFinite(raw)) return { ok: true, value: raw };
      if (!/^-?\d+(?:[.,]\d+)?$/u.test(text)) return { ok: false, problem: 'NOT_A_NUMBER', text };
      return { ok: true, value: Number(text.replace(',', '.')) };
    }
    case 'date': {
      const iso = parseSurveyDate(text);
      return iso ? { ok: true, value: iso } : { ok: false, problem: 'NOT_A_DATE', text };
    }
    case 'text':
      return text.length > MAX_TEXT_ANSWER ? { ok: false, problem: 'TOO_LONG', text: text.slice(0, 40) } : { ok: true, value: text };
  }
}

/** Vietnamese reason for a refused answer, naming what is accepted. */
export function answerProblemMessage(q: SurveyQuestion, p: { problem: AnswerProblem; text: string }): string {
  switch (p.problem) {
    case 'UNKNOWN_OPTION':
      return `câu ${q.code}: "${p.text}" không phải phương án, chỉ nhận ${(q.options ?? []).map((o) => o.value).join(', ')} (để trống nếu không trả lời)`;
    case 'NOT_A_NUMBER':
      return `câu ${q.code}: "${p.text}" không phải một số`;
    case 'NOT_A_DATE':
      return `câu ${q.code}: "${p.text}" không phải ngày hợp lệ, cần dạng ngày/tháng/năm (30/09/2026)`;
    case 'TOO_LONG':
      return `câu ${q.code}: câu trả lời dài quá ${MAX_TEXT_ANSWER} ký tự`;
  }
}

export function questionIndex(def: SurveyDefinition): Map<string, SurveyQuestion> {
  return new Map(allQuestions(def).map((q) => [q.code, q]));
}

/** Do two stored answers say the same thing? (null and a missing key both mean no answer.) */
export function sameAnswer(a: SurveyAnswer | undefined, b: SurveyAnswer | undefined): boolean {
  return (a ?? null) === (b ?? null);
}
