import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { Lang } from '../../i18n';
import { useApiCall } from '../../lib/use-api-call';
import { useAppStore } from '../../stores/app-store';
import { DeadlineSetting } from './DeadlineSetting';
import { SetupCorrection } from './SetupCorrection';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { lang, changeLanguage, identity } = useAppStore();
  const [saved, setSaved] = useState(false);
  // The choice shows at once, while it is being saved; a failed save puts the radio back on the
  // stored language beside the error, so the screen never claims a language that was not saved.
  const [pending, setPending] = useState<Lang | null>(null);
  const shown = pending ?? lang;
  const { run, error } = useApiCall();
  async function pick(l: Lang): Promise<void> {
    setSaved(false);
    setPending(l);
    // The app store saves the setting (and switches i18n), so the action ignores `api`.
    const ok = await run(async () => { await changeLanguage(l); return true; });
    setPending((p) => (p === l ? null : p)); // a later click's choice stays shown
    if (ok) setSaved(true);
  }
  return (
    <div>
      <h1>{t('settings.title')}</h1>
      <section className="card">
        <fieldset className="radio-row">
          <legend>{t('settings.language')}</legend>
          <label><input type="radio" checked={shown === 'vi'} onChange={() => void pick('vi')} data-testid="lang-vi" /> {t('settings.vi')}</label>
          <label><input type="radio" checked={shown === 'en'} onChange={() => void pick('en')} data-testid="lang-en" /> {t('settings.en')}</label>
        </fieldset>
        {saved && <p className="notice notice-ok" role="status">{t('settings.saved')}</p>}
        <ErrorNotice error={error} />
      </section>
      <section className="card">
        <Link to="/backup" data-testid="settings-backup">{t('backup.title')}</Link>
      </section>
      {identity?.role === 'commune' && <DeadlineSetting />}
      {identity && <SetupCorrection identity={identity} />}
    </div>
  );
}
