import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useApiLoad } from '../../lib/use-api-call';
import { useAppStore } from '../../stores/app-store';
import { EnrolmentSection } from '../commune/package/EnrolmentSection';
import { KeySection } from './KeySection';
import { RotationSection } from './RotationSection';

/** "Khóa và đăng ký" (commune) or "Khóa ký của đơn vị" (reviewing unit): the signing key, its backup, and (commune) enrolment and key rotation. */
export function KeysScreen() {
  const { t } = useTranslation();
  const identity = useAppStore((s) => s.identity);
  const commune = identity?.role === 'commune';
  const { data, error, reload } = useApiLoad(async (api) => {
    const [keys, enrolment] = await Promise.all([api.keys.status(), api.enrolment.status()]);
    return { keys, enrolment };
  }, []);
  const keys = data?.keys ?? null;
  const enrolment = data?.enrolment ?? null;
  // Home's checklist reads the same answer (keys.ts keyBackedUp): one source for "is the key backed up?".
  const backupNeeded = keys?.key != null && !keys.backedUp;
  const load = () => void reload();
  return (
    <div className="package-screen" data-testid="keys-screen">
      <h1>{t(commune ? 'package.keys.title' : 'package.keys.keyTitle')}</h1>
      <p className="lead">{t('package.keys.lead')}</p>
      <ErrorNotice error={error} />
      {keys && <KeySection status={keys} backupNeeded={backupNeeded} onChange={load} />}
      {keys && enrolment && identity?.role === 'commune' && <EnrolmentSection keys={keys} status={enrolment} onChange={load} />}
      {keys?.key && enrolment?.pinned && identity?.role === 'commune' && <RotationSection keys={keys} onChange={load} />}
    </div>
  );
}
