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
  const { run, error } = useApiCall();
  async function pick(l: Lang): Promise<void> {
    setSaved(false);
    // The app store saves the setting (and switches i18n), so the action ignores `api`.
    if (await run(async () => { await changeLanguage(l); return true; })) setSaved(true);
  }
  return (
    <div>
      <h1>{t('settings.title')}</h1>
      <section className="card">
        <fieldset className="radio-row">
          <legend>{t('settings.language')}</legend>
          <label><input type="radio" checked={lang === 'vi'} onChange={() => void pick('vi')} data-testid="lang-vi" /> {t('settings.vi')}</label>
          <label><input type="radio" checked={lang === 'en'} onChange={() => void pick('en')} data-testid="lang-en" /> {t('settings.en')}</label>
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
