import type { KeyboardEvent } from 'react';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyDefinition } from '@shared/framework/schema';
import type { SurveyAnswer } from '@shared/scoring/survey';
import { blankRequired, requiredSentence } from '@shared/survey/required';
import type { FinishResult, SurveyFormView } from '@shared/survey/types';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useApiCall } from '../../../lib/use-api-call';
import { findQuestion, firstUnkeyed, isOptionQuestion, keyingOrder, NO_ANSWER_KEY, optionKeyOutcome, typedOutcome, typedText } from './keying-model';
import type { PaperActions } from './PaperForm';
import { PaperForm } from './PaperForm';

export type KeyingDone =
  | { kind: 'saved'; form: SurveyFormView; typedAhead: string[] }
  | { kind: 'compared'; result: FinishResult }
  /** Left (Esc, or "Phiếu mới" when `next`): the form stays a draft, nothing lost. */
  | { kind: 'exit'; next?: boolean };

/**
 * One form keyed heads-down: one key per option question, typed input + Enter for numbers,
 * dates and text, Backspace goes back, Enter on the last step saves. The mouse does the same:
 * a click on an option answers it, a click on a question goes to it, "Lưu phiếu" saves. Each
 * answer is sent to the store as soon as it is keyed (in order, through a queue), so nothing is
 * lost on a crash. A required question left blank stops the save and is shown.
 */
export function KeyingForm(props: {
  def: SurveyDefinition;
  form: SurveyFormView;
  correcting: boolean;
  /** Keys typed while the form was opening (a fast typist does not wait): applied first. */
  pendingKeys?: readonly string[];
  onDone(done: KeyingDone): void;
}) {
  const { def, form, correcting, onDone } = props;
  const { t, i18n } = useTranslation();
  const order = useMemo(() => keyingOrder(def), [def]);
  const [answers, setAnswers] = useState<Record<string, SurveyAnswer>>(form.answers);
  const [index, setIndex] = useState(() => (correcting ? 0 : firstUnkeyed(order, form.answers)));
  const [typed, setTyped] = useState('');
  const [hint, setHint] = useState<{ text: string; stop: boolean } | null>(null);
  const [jumpText, setJumpText] = useState('');
  const { run, busy, error } = useApiCall();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // Keys typed while the form is being saved: the start of the next form number.
  const typedAhead = useRef<string[]>([]);
  const boxRef = useRef<HTMLDivElement>(null);
  const typedRef = useRef<HTMLInputElement>(null);
  const q = order[index];
  const typedQuestion = q !== undefined && !isOptionQuestion(q);
  const lang = i18n.language === 'en' ? 'en' : 'vi';

  const focusCurrent = useCallback(() => {
    const cur = order[index];
    if (cur && !isOptionQuestion(cur)) typedRef.current?.focus();
    else boxRef.current?.focus();
  }, [order, index]);

  // Focus follows the current question: the typed box, or the form itself for digit keys.
  // A layout effect: focus moves in the same commit, so no key can fall between.
  useLayoutEffect(() => {
    if (typedQuestion && q) {
      setTyped(typedText(q, answers[q.code]));
      typedRef.current?.focus();
    } else boxRef.current?.focus();
    // Only when the question changes (not on every typed character).
  }, [index]);

  const go = useCallback((to: number) => {
    setHint(null);
    setIndex(Math.max(0, Math.min(order.length, to)));
  }, [order.length]);

  const answer = useCallback((code: string, value: SurveyAnswer) => {
    setAnswers((a) => ({ ...a, [code]: value }));
    // In the background: keying goes on while it is stored; a failure is shown all the same.
    queue.current = queue.current.then(() => run((api) => api.survey.answer({ formId: form.id, pass: form.pass, code, value }), { background: true }));
  }, [run, form.id, form.pass]);

  // Replay keys typed before the form appeared, up to the first typed question.
  useLayoutEffect(() => {
    let at = index;
    for (const key of props.pendingKeys ?? []) {
      const cur = order[at];
      if (!cur || !isOptionQuestion(cur)) break;
      const out = optionKeyOutcome(cur, key === ' ' ? NO_ANSWER_KEY : key, at, order.length);
      if (out.kind === 'answer') {
        answer(cur.code, out.value);
        at = out.to;
      } else if (out.kind === 'move') at = out.to;
      else if (out.kind !== 'ignore') break;
    }
    if (at !== index) go(at);
    // Once, on mount: later keys go through onKey.
  }, []);

  /**
   * Leaving a typed question by the mouse keeps what was typed, as Enter would. False (and a
   * hint) when the text is not a valid answer: the clerk stays on it.
   */
  const keepTyped = useCallback((): boolean => {
    if (!typedQuestion || !q) return true;
    if (typed === typedText(q, answers[q.code])) return true;
    const out = typedOutcome(q, typed);
    if (!out.ok) {
      setHint({ text: t('survey.badTyped', { code: q.code, hint: q.type === 'date' ? t('survey.hintDate') : t('survey.hintNumber') }), stop: false });
      return false;
    }
    answer(q.code, out.value);
    return true;
  }, [typedQuestion, q, typed, answers, answer, t]);

  const finish = useCallback(async () => {
    if (form.pass === 1) {
      // The same rule the store applies: stop on the first required question left blank and go to it.
      const blank = blankRequired(def, answers)[0];
      if (blank) {
        setIndex(order.indexOf(blank));
        setHint({ text: requiredSentence(blank, lang), stop: true });
        return;
      }
    }
    await run(async (api) => {
      await queue.current;
      if (form.pass === 1) onDone({ kind: 'saved', form: await api.survey.save({ formId: form.id }), typedAhead: typedAhead.current });
      else onDone({ kind: 'compared', result: await api.survey.compare({ formId: form.id }) });
    });
  }, [run, def, answers, order, lang, form.id, form.pass, onDone]);

  const leave = useCallback((next: boolean) => {
    void queue.current.then(() => onDone({ kind: 'exit', next }));
  }, [onDone]);

  // Mouse: the callbacks are stable between answers so only the rows that change re-render.
  const latest = useRef({ keepTyped, answer, go, order, index });
  latest.current = { keepTyped, answer, go, order, index };
  const actions = useMemo<PaperActions>(() => ({
    choose(at, value) {
      const l = latest.current;
      const cur = l.order[at];
      if (!cur || (at !== l.index && !l.keepTyped())) return;
      l.answer(cur.code, value);
      l.go(at + 1);
    },
    jump(at) {
      const l = latest.current;
      if (at === l.index || !l.keepTyped()) return;
      l.go(at);
    },
  }), []);

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== boxRef.current || e.ctrlKey || e.altKey || e.metaKey) return;
    if (busy) {
      if (e.key.length === 1 || e.key === 'Enter') typedAhead.current.push(e.key);
      e.preventDefault();
      return;
    }
    const out = optionKeyOutcome(q, e.key === ' ' ? NO_ANSWER_KEY : e.key, index, order.length);
    if (out.kind === 'ignore') return;
    e.preventDefault();
    if (out.kind === 'answer' && q) {
      answer(q.code, out.value);
      go(out.to);
    } else if (out.kind === 'move') go(out.to);
    else if (out.kind === 'bad-option' && q) setHint({ text: t('survey.badOption', { code: q.code, key: out.key }), stop: false });
    else if (out.kind === 'save') void finish();
    else if (out.kind === 'exit') leave(false);
  };

  const onTypedKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!q) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      const out = typedOutcome(q, typed);
      if (!out.ok) {
        setHint({ text: t('survey.badTyped', { code: q.code, hint: q.type === 'date' ? t('survey.hintDate') : t('survey.hintNumber') }), stop: false });
        return;
      }
      answer(q.code, out.value);
      go(index + 1);
    } else if ((e.key === 'Backspace' && typed === '') || e.key === 'ArrowUp') {
      e.preventDefault();
      go(index - 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      leave(false);
    }
  };

  const jumpTo = () => {
    const to = findQuestion(order, jumpText);
    if (to < 0) {
      setHint({ text: t('survey.jumpUnknown', { text: jumpText.trim() }), stop: false });
      return;
    }
    setJumpText('');
    if (to === index) focusCurrent();
    else if (keepTyped()) go(to);
  };

  const blank = blankRequired(def, answers).map((x) => x.code);
  const typedBox = typedQuestion && q ? (
    <input
      ref={typedRef}
      className="typed-answer"
      data-testid="typed-answer"
      aria-label={q.text}
      inputMode={q.type === 'text' ? 'text' : 'numeric'}
      placeholder={q.type === 'date' ? 'dd/mm/yyyy' : ''}
      value={typed}
      maxLength={q.type === 'text' ? 1000 : 20}
      onChange={(e) => setTyped(e.target.value)}
      onKeyDown={onTypedKey}
    />
  ) : null;

  return (
    <div className="keying" ref={boxRef} tabIndex={-1} onKeyDown={onKey} data-testid="keying" data-index={index}>
      {/* One sticky bar: the keys, "Đến câu", the buttons and a stop message stay in view while the form scrolls. */}
      <div className="keying-bar">
        <div className="keying-legend" aria-live="polite">
          <span>{q === undefined ? t('survey.legendSave') : typedQuestion ? `${t('survey.legendTyped')}${q.type === 'date' ? ` · ${t('survey.legendDate')}` : ''}` : t('survey.legendOptions')}</span>
          <span className="muted small">{t('survey.autosaved')}</span>
        </div>
        <div className="keying-tools">
          <label className="keying-jump">
            <span>{t('survey.jumpLabel')}</span>
            <input data-testid="jump-to" value={jumpText} maxLength={10} placeholder={t('survey.jumpPlaceholder')} onChange={(e) => setJumpText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  jumpTo();
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  setJumpText('');
                  focusCurrent();
                }
              }} />
          </label>
          <span className="muted small">{correcting ? t('survey.jumpHintCorrecting') : t('survey.jumpHint')}</span>
          <span className="keying-tools-end">
            <button type="button" className="secondary" data-testid="new-form" disabled={busy} onMouseDown={(e) => e.preventDefault()} onClick={() => leave(true)}>{t('survey.newForm')}</button>
            <button type="button" className="primary" data-testid="save-form" disabled={busy} onMouseDown={(e) => e.preventDefault()} onClick={() => { if (keepTyped()) void finish(); }}>
              {form.pass === 1 ? t('survey.saveButton') : t('survey.saveStepVerify')}
            </button>
          </span>
        </div>
        {hint && <div className={`notice ${hint.stop ? 'notice-error' : 'notice-warn'}`} role={hint.stop ? 'alert' : 'status'} data-testid="keying-hint">{hint.text}</div>}
      </div>
      <ErrorNotice error={error} />
      <PaperForm def={def} answers={answers} current={index} typedBox={typedBox} actions={actions} />
      <div className={`paper-save${q === undefined ? ' current' : ''}`} data-testid="save-step" data-current={q === undefined || undefined}>
        <button type="button" className="primary" data-testid="save-form-bottom" disabled={busy} onMouseDown={(e) => e.preventDefault()} onClick={() => { if (keepTyped()) void finish(); }}>
          {form.pass === 1 ? t('survey.saveStep') : t('survey.saveStepVerify')}
        </button>{' '}
        <kbd>Enter</kbd>
        {form.pass === 1 && blank.length > 0 && (
          <p className="muted small" data-testid="blank-required">
            {t('survey.blankRequiredLead', { count: blank.length })}{' '}
            {blank.map((code, n) => (
              <span key={code}>{n > 0 && ', '}<button type="button" className="link" tabIndex={-1} onMouseDown={(e) => e.preventDefault()} onClick={() => actions.jump(order.findIndex((x) => x.code === code))}>{code}</button></span>
            ))}
          </p>
        )}
        {busy && <span className="muted"> {t('survey.saving')}</span>}
      </div>
    </div>
  );
}
