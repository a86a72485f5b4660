/**
 * Heads-down keying, as pure functions: the questions in paper order (respondent facts
 * first), and what one key does on the current question. The screen only renders this.
 */
import type { SurveyDefinition, SurveyQuestion } from '@shared/framework/schema';
import type { SurveyAnswer } from '@shared/scoring/survey';
import { formatSurveyDate, normaliseAnswer } from '@shared/scoring/survey-answer';

export interface PaperSection {
  code: string;
  /** null: the respondent block (its title comes from i18n). */
  title: string | null;
  questions: { q: SurveyQuestion; index: number }[];
}

/** Sections as printed, each question with its position in keying order. */
export function paperSections(def: SurveyDefinition): PaperSection[] {
  let index = 0;
  const block = (code: string, title: string | null, qs: SurveyQuestion[]): PaperSection => ({
    code,
    title,
    questions: qs.map((q) => ({ q, index: index++ })),
  });
  return [block('TT', null, def.respondentFacts), ...def.sections.map((s) => block(s.code, `${s.code}. ${s.title}`, s.questions))];
}

export function keyingOrder(def: SurveyDefinition): SurveyQuestion[] {
  return [...def.respondentFacts, ...def.sections.flatMap((s) => s.questions)];
}

export const isOptionQuestion = (q: SurveyQuestion): boolean => q.type === 'likert5' || q.type === 'single' || q.type === 'yesno';

/** The key that marks "no answer" on an option question (shown on screen). */
export const NO_ANSWER_KEY = '0';

export type KeyOutcome =
  | { kind: 'answer'; value: SurveyAnswer; to: number }
  | { kind: 'move'; to: number }
  | { kind: 'bad-option'; key: string }
  | { kind: 'save' }
  | { kind: 'exit' }
  | { kind: 'ignore' };

/**
 * One key on an option question (index < count) or on the save step (index === count).
 * Typed questions handle their own input box; see typedOutcome.
 */
export function optionKeyOutcome(q: SurveyQuestion | undefined, key: string, index: number, count: number): KeyOutcome {
  const back: KeyOutcome = { kind: 'move', to: Math.max(0, index - 1) };
  if (key === 'Backspace' || key === 'ArrowUp') return index > 0 ? back : { kind: 'ignore' };
  if (key === 'Escape') return { kind: 'exit' };
  if (!q) return key === 'Enter' ? { kind: 'save' } : { kind: 'ignore' };
  if (key === 'Enter' || key === 'ArrowDown') return { kind: 'move', to: index + 1 };
  if (key === NO_ANSWER_KEY) return { kind: 'answer', value: null, to: index + 1 };
  if (/^[1-9]$/u.test(key)) {
    return (q.options ?? []).some((o) => o.value === key) ? { kind: 'answer', value: key, to: index + 1 } : { kind: 'bad-option', key };
  }
  void count;
  return { kind: 'ignore' };
}

/** Enter in a typed question's box: the stored value, or null when it is not valid. */
export function typedOutcome(q: SurveyQuestion, text: string): { ok: true; value: SurveyAnswer } | { ok: false } {
  const norm = normaliseAnswer(q, text);
  return norm.ok ? { ok: true, value: norm.value } : { ok: false };
}

/** How an answer reads on screen: "2 · Hài lòng", "30/09/2026", a number, a text. */
export function answerLabel(q: SurveyQuestion, a: SurveyAnswer | undefined): string | null {
  if (a === undefined || a === null) return null;
  if (isOptionQuestion(q)) {
    const o = (q.options ?? []).find((x) => x.value === a);
    return o ? `${o.value} · ${o.label}` : String(a);
  }
  if (q.type === 'date') return formatSurveyDate(String(a));
  if (q.type === 'number') return String(a).replace('.', ',');
  return String(a);
}

/** What goes into a typed question's box when it is reached again. */
export function typedText(q: SurveyQuestion, a: SurveyAnswer | undefined): string {
  if (a === undefined || a === null) return '';
  return q.type === 'date' ? formatSurveyDate(String(a)) : String(a);
}

/** First question not yet keyed (resuming a draft), or the save step when all are. */
export function firstUnkeyed(order: SurveyQuestion[], answers: Record<string, SurveyAnswer>): number {
  const i = order.findIndex((q) => !(q.code in answers));
  return i < 0 ? order.length : i;
}

/**
 * "Đến câu": the question a clerk typed to jump to when correcting, by its code ("a5", "B3") or
 * its place on the form (1 = the first question). -1 when nothing matches.
 */
export function findQuestion(order: readonly SurveyQuestion[], typed: string): number {
  const text = typed.normalize('NFC').trim().toUpperCase();
  if (text === '') return -1;
  const byCode = order.findIndex((q) => q.code.toUpperCase() === text);
  if (byCode >= 0) return byCode;
  if (/^\d+$/u.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= order.length ? n - 1 : -1;
  }
  return -1;
}

export type TargetState = 'below' | 'reached' | 'beyond';

/** Where the saved forms stand against the unit's target (chỉ tiêu). */
export function targetState(saved: number, target: number): { state: TargetState; beyond: number } {
  if (saved > target) return { state: 'beyond', beyond: saved - target };
  return { state: saved === target ? 'reached' : 'below', beyond: 0 };
}
