import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useApiLoad } from '../../lib/use-api-call';
import { useAppStore } from '../../stores/app-store';
import { EnrolmentSection } from '../commune/package/EnrolmentSection';
import { KeySection } from './KeySection';
import { RotationSection } from './RotationSection';

/** "Khóa và đăng ký": the unit's signing key, its backup, and (commune) enrolment and key rotation. */
export function KeysScreen() {
  const { t } = useTranslation();
  const identity = useAppStore((s) => s.identity);
  const commune = identity?.role === 'commune';
  const { data, error, reload } = useApiLoad(async (api) => {
    // The backup nag reads Home's checklist (its "backup" step): one answer to "is the key backed up?".
    const [keys, enrolment, checklist] = await Promise.all([api.keys.status(), api.enrolment.status(), commune ? api.home.checklist() : null]);
    return { keys, enrolment, checklist };
  }, [commune]);
  const keys = data?.keys ?? null;
  const enrolment = data?.enrolment ?? null;
  const backupNeeded = data?.checklist?.steps.find((s) => s.step === 'backup')?.state === 'attention';
  const load = () => void reload();
  return (
    <div className="package-screen" data-testid="keys-screen">
      <h1>{t('package.keys.title')}</h1>
      <p className="lead">{t('package.keys.lead')}</p>
      <ErrorNotice error={error} />
      {keys && <KeySection status={keys} backupNeeded={backupNeeded} onChange={load} />}
      {keys && enrolment && identity?.role === 'commune' && <EnrolmentSection keys={keys} status={enrolment} onChange={load} />}
      {keys?.key && enrolment?.pinned && identity?.role === 'commune' && <RotationSection keys={keys} onChange={load} />}
    </div>
  );
}
