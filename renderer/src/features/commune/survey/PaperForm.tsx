import type { MouseEvent, ReactNode } from 'react';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyDefinition, SurveyQuestion } from '@shared/framework/schema';
import type { SurveyAnswer } from '@shared/scoring/survey';
import { answerLabel, isOptionQuestion, NO_ANSWER_KEY, paperSections } from './keying-model';

/** What a click on the form does; absent on a read-only form (a number already keyed). */
export interface PaperActions {
  /** An option (or "no answer": null) chosen with the mouse on question `index`. */
  choose(index: number, value: SurveyAnswer): void;
  /** Go to question `index` (correcting one answer without re-keying the form). */
  jump(index: number): void;
}

interface RowProps {
  q: SurveyQuestion;
  index: number;
  answer: SurveyAnswer | undefined;
  keyed: boolean;
  active: boolean;
  actions: PaperActions | undefined;
  /** The typed-answer box, on the active typed question only. */
  children?: ReactNode;
}

/**
 * A click must not take the keyboard away from the form: the buttons never take focus (the form
 * keeps it, so the digit keys go on working after a click).
 */
const keepFocus = (e: MouseEvent) => e.preventDefault();

/** One question as on paper; only the rows whose answer or highlight changed re-render. */
const QuestionRow = memo(function QuestionRow({ q, index, answer, keyed, active, actions, children }: RowProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // The current question is always in view, however long the form.
    if (active) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  const label = answerLabel(q, answer);
  const title = (
    <>
      <span className="paper-q-code">{q.code}</span>
      <span className="paper-q-text">{q.text}{q.required && <span className="muted small"> ({t('survey.required')})</span>}</span>
    </>
  );
  const options = [...(q.options ?? []).map((o) => ({ key: o.value, value: o.value as SurveyAnswer, label: o.label })), { key: NO_ANSWER_KEY, value: null, label: t('survey.noAnswer') }];
  return (
    <li ref={ref} className={`paper-q${active ? ' current' : ''}`} data-code={q.code} data-current={active || undefined} aria-current={active || undefined}>
      <div className="paper-q-head">
        {actions ? (
          <button type="button" className="paper-q-jump" tabIndex={-1} onMouseDown={keepFocus} onClick={() => actions.jump(index)} title={t('survey.jumpHere', { code: q.code })} data-testid={`jump-${q.code}`}>
            {title}
          </button>
        ) : title}
        <span className="paper-q-answer" data-testid={`answer-${q.code}`}>
          {keyed ? (label ?? <em className="muted">{t('survey.noAnswer')}</em>) : null}
        </span>
      </div>
      {isOptionQuestion(q) && (
        actions ? (
          <div className="paper-options paper-choices" role="radiogroup" aria-label={`${q.code}. ${q.text}`}>
            {options.map((o) => {
              const chosen = keyed && answer === o.value;
              return (
                <button key={o.key} type="button" role="radio" aria-checked={chosen} tabIndex={-1} className={chosen ? 'chosen' : undefined}
                  data-testid={`option-${q.code}-${o.key}`} onMouseDown={keepFocus} onClick={() => actions.choose(index, o.value)}>
                  <kbd>{o.key}</kbd> {o.label}
                </button>
              );
            })}
          </div>
        ) : (
          <ol className="paper-options">
            {options.map((o) => (
              <li key={o.key} className={keyed && answer === o.value ? 'chosen' : undefined}><kbd>{o.key}</kbd> {o.label}</li>
            ))}
          </ol>
        )
      )}
      {children}
    </li>
  );
});

/** The questionnaire laid out like the paper form: respondent facts, then each section. */
export function PaperForm(props: {
  def: SurveyDefinition;
  answers: Record<string, SurveyAnswer>;
  current: number | null;
  typedBox?: ReactNode;
  actions?: PaperActions;
}) {
  const { t } = useTranslation();
  return (
    <div className="paper" data-testid="paper-form">
      {paperSections(props.def).map((s) => (
        <section key={s.code} className="paper-section">
          <h3>{s.title ?? t('survey.respondent')}</h3>
          <ol className="paper-questions">
            {s.questions.map(({ q, index }) => (
              <QuestionRow key={q.code} q={q} index={index} answer={props.answers[q.code]} keyed={q.code in props.answers} active={index === props.current} actions={props.actions}>
                {index === props.current && !isOptionQuestion(q) ? props.typedBox : undefined}
              </QuestionRow>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
