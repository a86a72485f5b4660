import { useTranslation } from 'react-i18next';
import { useApiLoad } from '../../lib/use-api-call';
import { SupportBundleSection } from '../diagnostics/SupportBundleSection';

export function AboutScreen() {
  const { t } = useTranslation();
  // Only a version line: without it the page still says what the app is, so no error notice.
  const { data: info } = useApiLoad((api) => api.app.info(), []);
  return (
    <div>
      <h1>{t('about.title')}</h1>
      <section className="card">
        <p>{t('about.body')}</p>
        {info && <p className="muted small">{t('about.version', { version: info.version, schema: info.schemaVersion, platform: info.platform })}</p>}
      </section>
      <SupportBundleSection />
    </div>
  );
}
