import type { ReactNode } from 'react';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyDefinition, SurveyQuestion } from '@shared/framework/schema';
import type { SurveyAnswer } from '@shared/scoring/survey';
import { answerLabel, isOptionQuestion, paperSections } from './keying-model';

interface RowProps {
  q: SurveyQuestion;
  answer: SurveyAnswer | undefined;
  keyed: boolean;
  active: boolean;
  /** The typed-answer box, on the active typed question only. */
  children?: ReactNode;
}

/** One question as on paper; only the rows whose answer or highlight changed re-render. */
const QuestionRow = memo(function QuestionRow({ q, answer, keyed, active, children }: RowProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // The current question is always in view, however long the form.
    if (active) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  const label = answerLabel(q, answer);
  return (
    <li ref={ref} className={`paper-q${active ? ' current' : ''}`} data-code={q.code} data-current={active || undefined} aria-current={active || undefined}>
      <div className="paper-q-head">
        <span className="paper-q-code">{q.code}</span>
        <span className="paper-q-text">{q.text}{q.required && <span className="muted small"> ({t('survey.required')})</span>}</span>
        <span className="paper-q-answer" data-testid={`answer-${q.code}`}>
          {keyed ? (label ?? <em className="muted">{t('survey.noAnswer')}</em>) : null}
        </span>
      </div>
      {isOptionQuestion(q) && (
        <ol className="paper-options">
          {(q.options ?? []).map((o) => (
            <li key={o.value} className={answer === o.value ? 'chosen' : undefined}>
              <kbd>{o.value}</kbd> {o.label}
            </li>
          ))}
          <li className={keyed && answer === null ? 'chosen' : undefined}><kbd>0</kbd> {t('survey.noAnswer')}</li>
        </ol>
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
}) {
  const { t } = useTranslation();
  return (
    <div className="paper" data-testid="paper-form">
      {paperSections(props.def).map((s) => (
        <section key={s.code} className="paper-section">
          <h3>{s.title ?? t('survey.respondent')}</h3>
          <ol className="paper-questions">
            {s.questions.map(({ q, index }) => (
              <QuestionRow key={q.code} q={q} answer={props.answers[q.code]} keyed={q.code in props.answers} active={index === props.current}>
                {index === props.current && !isOptionQuestion(q) ? props.typedBox : undefined}
              </QuestionRow>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
