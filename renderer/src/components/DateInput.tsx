import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoToDateText, monthGrid, parseDateText, toIso } from './date-text';

interface Props {
  /** The stored value: ISO yyyy-mm-dd, or '' for no date. */
  value: string;
  /**
   * The new value: ISO yyyy-mm-dd when the text is a real date, '' when empty, and the text as
   * typed when it is not a date (so the form's schema refuses it and nothing invalid is saved).
   */
  onChange(value: string): void;
  onBlur?(): void;
  /** Show the problem even before the box is left (the form was submitted). */
  showError?: boolean;
  disabled?: boolean;
  'data-testid'?: string;
  id?: string;
}

/**
 * A date typed dd/mm/yyyy or picked from a calendar, the same on every OS language (never
 * `<input type="date">`, which follows the OS locale). Stores ISO yyyy-mm-dd.
 */
export function DateInput({ value, onChange, onBlur, showError = false, disabled = false, id, ...rest }: Props) {
  const { t } = useTranslation();
  const testId = rest['data-testid'] ?? 'date-input';
  const [text, setText] = useState(() => isoToDateText(value));
  const [left, setLeft] = useState(false);
  const [picking, setPicking] = useState(false);
  const today = new Date();
  const [view, setView] = useState<{ year: number; month: number }>({ year: today.getFullYear(), month: today.getMonth() + 1 });
  const errorId = useId();

  // A value set from outside (the form reset for editing a document) replaces the text.
  useEffect(() => {
    const parsed = parseDateText(text);
    const current = parsed.ok ? (parsed.iso ?? '') : text;
    if (current !== value) setText(/^\d{4}-\d{2}-\d{2}$/u.test(value) ? isoToDateText(value) : value);
  }, [value]); // only when the value changes, not while typing

  const parsed = parseDateText(text);
  const problem = parsed.ok ? null : parsed.problem;
  const shown = problem !== null && (left || showError);

  const type = (next: string) => {
    setText(next);
    const p = parseDateText(next);
    onChange(p.ok ? (p.iso ?? '') : next);
  };
  const openPicker = () => {
    const m = parsed.ok && parsed.iso ? /^(\d{4})-(\d{2})/u.exec(parsed.iso) : null;
    if (m) setView({ year: Number(m[1]), month: Number(m[2]) });
    setPicking(!picking);
  };
  const pick = (day: number) => {
    type(isoToDateText(toIso(view.year, view.month, day)));
    setPicking(false);
    setLeft(true);
  };
  const step = (by: number) =>
    setView((v) => {
      const n = v.year * 12 + (v.month - 1) + by;
      return { year: Math.floor(n / 12), month: (n % 12) + 1 };
    });
  const selected = parsed.ok && parsed.iso ? parsed.iso : null;

  return (
    <span className="date-input">
      <span className="date-input-row">
        <input
          id={id}
          data-testid={testId}
          inputMode="numeric"
          placeholder={t('dateInput.placeholder')}
          value={text}
          disabled={disabled}
          aria-invalid={shown}
          aria-describedby={shown ? errorId : undefined}
          onChange={(e) => type(e.target.value)}
          onBlur={() => {
            setLeft(true);
            onBlur?.();
          }}
        />
        <button type="button" className="date-input-pick" data-testid={`${testId}-pick`} disabled={disabled} aria-expanded={picking} title={t('dateInput.pick')} aria-label={t('dateInput.pick')} onClick={openPicker}>
          {t('dateInput.pickShort')}
        </button>
      </span>
      {shown && <span className="field-error" id={errorId} data-testid={`${testId}-error`}>{t(`dateInput.problem.${problem}`)}</span>}
      {picking && (
        <span className="date-picker" role="dialog" data-testid={`${testId}-calendar`}>
          <span className="date-picker-head">
            <button type="button" onClick={() => step(-1)} aria-label={t('dateInput.prevMonth')}>‹</button>
            <strong>{t('dateInput.monthYear', { month: String(view.month).padStart(2, '0'), year: view.year })}</strong>
            <button type="button" onClick={() => step(1)} aria-label={t('dateInput.nextMonth')}>›</button>
          </span>
          <table>
            <thead>
              <tr>{t('dateInput.weekdays').split(' ').map((d) => <th key={d}>{d}</th>)}</tr>
            </thead>
            <tbody>
              {monthGrid(view.year, view.month).map((week, w) => (
                <tr key={w}>
                  {week.map((d, i) => (
                    <td key={i}>
                      {d !== null && (
                        <button
                          type="button"
                          className={selected === toIso(view.year, view.month, d) ? 'selected' : undefined}
                          data-testid={`${testId}-day-${d}`}
                          onClick={() => pick(d)}
                        >
                          {d}
                        </button>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </span>
      )}
    </span>
  );
}
