import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useApiLoad } from '../../lib/use-api-call';
import { PrecheckList } from '../commune/package/PrecheckList';
import { YearChecklist } from './YearChecklist';

/** The commune's Home: the backup nag while the key has no backup, the year's checklist, the pre-export check. */
export function CommuneChecklist() {
  const { t } = useTranslation();
  const { data, error } = useApiLoad((api) => api.home.checklist(), []);
  if (error) return <ErrorNotice error={error} />;
  if (!data) return null;
  const backup = data.steps.find((s) => s.step === 'backup');
  const exported = data.steps.find((s) => s.step === 'export');
  return (
    <>
      {backup?.state === 'attention' && (
        <section className="card card-attention" data-testid="backup-nag">
          <h2>{t('checklist.backupNag.title')}</h2>
          <p>{t('checklist.backupNag.body')}</p>
          <Link className="button-link primary" to="/keys" data-testid="backup-nag-go">{t('checklist.backupNag.action')}</Link>
        </section>
      )}
      <YearChecklist checklist={data} />
      {exported?.state !== 'done' && (
        <section className="card" data-testid="home-precheck">
          <h2>{t('checklist.precheck.title')}</h2>
          <PrecheckList check={data.exportCheck} />
        </section>
      )}
    </>
  );
}
