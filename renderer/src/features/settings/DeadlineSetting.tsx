import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { isoToDateText } from '../../components/date-text';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useApiCall, useApiLoad } from '../../lib/use-api-call';

const ISO = /^\d{4}-\d{2}-\d{2}$/u;

/**
 * "Hạn gửi hồ sơ" at a commune: the date typed from the official letter, stored per year; the one
 * signed beside the framework wins, and the screen says which one is in use.
 */
export function DeadlineSetting() {
  const { t } = useTranslation();
  const { data, reload, error: loadError } = useApiLoad((api) => api.settings.deadline(), []);
  const { run, error, busy } = useApiCall();
  const [value, setValue] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  if (loadError) return <ErrorNotice error={loadError} />;
  if (!data) return null;
  const d = data.deadline;
  const typed = value ?? d?.typed ?? '';
  const valid = typed === '' || ISO.test(typed);

  async function save(date: string | null): Promise<void> {
    setSaved(false);
    setSubmitted(true);
    if (date !== null && !ISO.test(date)) return;
    if (await run((api) => api.settings.setDeadline({ date }))) {
      // The stored state first: "Saved" then appears beside the date in use, and the box never
      // blinks back to the old date while the new one is read.
      await reload();
      setValue(null);
      setSubmitted(false);
      setSaved(true);
    }
  }

  return (
    <section className="card" data-testid="deadline-setting">
      <h2>{t('deadlineSetting.title', { year: data.year })}</h2>
      <p className="muted small">{t('deadlineSetting.intro')}</p>
      <p data-testid="deadline-current" data-source={d?.source ?? ''}>
        {d ? t('deadlineSetting.current', { date: isoToDateText(d.date), source: t(`deadlineSetting.source.${d.source}`) }) : t('deadlineSetting.none')}
      </p>
      {d?.source === 'signed' && d.typed && <p className="muted small">{t('deadlineSetting.typedKept', { date: isoToDateText(d.typed) })}</p>}
      <form className="form-grid" onSubmit={(e) => { e.preventDefault(); void save(typed === '' ? null : typed); }}>
        <label htmlFor="deadline-date">
          <span>{t('deadlineSetting.label')}</span>
          <DateInput id="deadline-date" value={typed} onChange={(v) => { setValue(v); setSaved(false); }} showError={submitted} data-testid="deadline-date" />
        </label>
        <div>
          <button type="submit" data-testid="deadline-save" disabled={busy || !valid}>{t('deadlineSetting.save')}</button>{' '}
          {d?.typed && <button type="button" className="link" data-testid="deadline-clear" disabled={busy} onClick={() => void save(null)}>{t('deadlineSetting.clear')}</button>}
        </div>
      </form>
      {saved && <p className="notice notice-ok" role="status" data-testid="deadline-saved">{t('deadlineSetting.saved')}</p>}
      <ErrorNotice error={error} />
    </section>
  );
}
