import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApiLoad } from '../../lib/use-api-call';

/** On the home screen until the unit has a signing key: setup leads on to key creation. */
export function NoKeyCard() {
  const { t } = useTranslation();
  // A failed status check shows nothing here: the keys screen says what went wrong.
  const { data: status } = useApiLoad((api) => api.keys.status(), []);
  if (!status || status.key !== null) return null;
  return (
    <section className="card card-attention" data-testid="no-key-card">
      <h2>{t('package.home.noKeyTitle')}</h2>
      <p>{t('package.home.noKeyBody')}</p>
      <Link className="button-link primary" to="/keys" data-testid="no-key-create">{t('package.home.noKeyAction')}</Link>
    </section>
  );
}
