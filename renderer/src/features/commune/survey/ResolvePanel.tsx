import type { KeyboardEvent, MouseEvent } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyDefinition } from '@shared/framework/schema';
import type { FinishResult, ResolveChoice } from '@shared/survey/types';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useApiCall } from '../../../lib/use-api-call';
import { answerLabel, keyingOrder } from './keying-model';

/** A click keeps the keyboard on the panel (keys 1, 2, 3 go on working). */
const keepFocus = (e: MouseEvent) => e.preventDefault();

/**
 * The differences of a double-keyed form, side by side, settled one by one from the paper:
 * key 1 keeps the first pass, 2 the second, 3 lets the clerk type the paper's value; or a click on
 * the value to keep.
 */
export function ResolvePanel(props: { def: SurveyDefinition; formId: number; formNo: string; initial: FinishResult; onDone(): void }) {
  const { def, formId, formNo, onDone } = props;
  const { t } = useTranslation();
  const [state, setState] = useState(props.initial);
  const [typed, setTyped] = useState('');
  const [typing, setTyping] = useState(false);
  const { run, error } = useApiCall();
  const boxRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const questions = useMemo(() => new Map(keyingOrder(def).map((q) => [q.code, q])), [def]);
  const current = state.differences.findIndex((d) => d.choice === undefined);

  useEffect(() => {
    if (typing) inputRef.current?.focus();
    else boxRef.current?.focus();
  }, [typing, current]);

  const resolve = async (choice: ResolveChoice, value?: string) => {
    const d = state.differences[current];
    if (!d) return;
    const next = await run((api) => api.survey.resolve({ formId, code: d.code, choice, ...(value !== undefined ? { value } : {}) }));
    if (!next) return;
    setTyping(false);
    setTyped('');
    setState(next);
    if (next.verify === 'verified') onDone();
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== boxRef.current) return;
    if (e.key === '1' || e.key === '2') {
      e.preventDefault();
      void resolve(e.key === '1' ? 'first' : 'second');
    } else if (e.key === '3') {
      e.preventDefault();
      setTyping(true);
    }
  };

  const label = (code: string, v: unknown) => {
    const q = questions.get(code);
    return (q ? answerLabel(q, v as never) : null) ?? t('survey.noAnswer');
  };

  return (
    <div className="card resolve" ref={boxRef} tabIndex={-1} onKeyDown={onKey} data-testid="resolve">
      <h2>{t('survey.resolve.title', { formNo })}</h2>
      <p className="muted">{t('survey.resolve.intro')}</p>
      <p className="keying-legend">{t('survey.resolve.legend')}</p>
      <ErrorNotice error={error} />
      <table className="table">
        <thead>
          <tr>
            <th>{t('survey.resolve.question')}</th>
            <th>{t('survey.resolve.first', { name: state.firstKeyedBy })}</th>
            <th>{t('survey.resolve.second', { name: state.secondKeyedBy })}</th>
            <th>{t('survey.resolve.paper')}</th>
          </tr>
        </thead>
        <tbody>
          {state.differences.map((d, i) => (
            <tr key={d.code} className={i === current ? 'current' : undefined} data-testid={`diff-${d.code}`}>
              <td><strong>{d.code}</strong> <span className="small">{questions.get(d.code)?.text}</span></td>
              <td className={d.choice === 'first' ? 'chosen' : undefined}>
                {i === current ? (
                  <button type="button" className="resolve-pick" data-testid={`pick-first-${d.code}`} onMouseDown={keepFocus} onClick={() => void resolve('first')}><kbd>1</kbd> {label(d.code, d.first)}</button>
                ) : <><kbd>1</kbd> {label(d.code, d.first)}</>}
              </td>
              <td className={d.choice === 'second' ? 'chosen' : undefined}>
                {i === current ? (
                  <button type="button" className="resolve-pick" data-testid={`pick-second-${d.code}`} onMouseDown={keepFocus} onClick={() => void resolve('second')}><kbd>2</kbd> {label(d.code, d.second)}</button>
                ) : <><kbd>2</kbd> {label(d.code, d.second)}</>}
              </td>
              <td>
                {d.choice !== undefined ? (
                  t('survey.resolve.chosen', { value: label(d.code, d.final) })
                ) : i === current && typing ? (
                  <input
                    ref={inputRef}
                    aria-label={t('survey.resolve.typed')}
                    data-testid="resolve-typed"
                    value={typed}
                    onChange={(e) => setTyped(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        void resolve('typed', typed);
                      } else if (e.key === 'Escape') setTyping(false);
                    }}
                  />
                ) : i === current ? (
                  <button type="button" className="resolve-pick muted" data-testid={`pick-typed-${d.code}`} onClick={() => setTyping(true)}><kbd>3</kbd> {t('survey.resolve.typed')}</button>
                ) : (
                  <span className="muted"><kbd>3</kbd> {t('survey.resolve.typed')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
