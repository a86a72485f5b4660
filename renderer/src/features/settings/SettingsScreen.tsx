import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { Lang } from '../../i18n';
import { useAppStore } from '../../stores/app-store';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { lang, changeLanguage } = useAppStore();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function pick(l: Lang): Promise<void> {
    setSaved(false);
    setError(null);
    try {
      await changeLanguage(l);
      setSaved(true);
    } catch (err) {
      setError(err);
    }
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
    </div>
  );
}
