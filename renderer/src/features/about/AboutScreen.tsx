import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '@shared/ipc/contract';
import { api, call } from '../../lib/api';

export function AboutScreen() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    call(api().app.info()).then(setInfo, () => setInfo(null));
  }, []);
  return (
    <div>
      <h1>{t('about.title')}</h1>
      <section className="card">
        <p>{t('about.body')}</p>
        {info && <p className="muted small">{t('about.version', { version: info.version, schema: info.schemaVersion, platform: info.platform })}</p>}
      </section>
    </div>
  );
}
