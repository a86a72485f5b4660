import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, call } from '../../lib/api';

/** On the home screen until the unit has a signing key: setup leads on to key creation. */
export function NoKeyCard() {
  const { t } = useTranslation();
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    call(api().keys.status()).then((s) => setMissing(s.key === null), () => setMissing(false));
  }, []);
  if (!missing) return null;
  return (
    <section className="card card-attention" data-testid="no-key-card">
      <h2>{t('package.home.noKeyTitle')}</h2>
      <p>{t('package.home.noKeyBody')}</p>
      <Link className="button-link primary" to="/keys" data-testid="no-key-create">{t('package.home.noKeyAction')}</Link>
    </section>
  );
}
