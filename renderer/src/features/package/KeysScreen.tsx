import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentStatus } from '../../../../shared/ipc/enrolment';
import type { KeysStatus } from '../../../../shared/ipc/keys';
import { api, call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../stores/app-store';
import { EnrolmentSection } from './EnrolmentSection';
import { KeySection } from './KeySection';

/** "Khóa và đăng ký": the unit's signing key, its backup, and (commune) enrolment. */
export function KeysScreen() {
  const { t } = useTranslation();
  const identity = useAppStore((s) => s.identity);
  const [keys, setKeys] = useState<KeysStatus | null>(null);
  const [enrolment, setEnrolment] = useState<EnrolmentStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    Promise.all([call(api().keys.status()), call(api().enrolment.status())]).then(([k, e]) => {
      setKeys(k);
      setEnrolment(e);
    }, setError);
  }, []);
  useEffect(load, [load]);
  return (
    <div className="package-screen" data-testid="keys-screen">
      <h1>{t('package.keys.title')}</h1>
      <p className="lead">{t('package.keys.lead')}</p>
      <ErrorNotice error={error} />
      {keys && <KeySection status={keys} onChange={load} />}
      {keys && enrolment && identity?.role === 'commune' && <EnrolmentSection keys={keys} status={enrolment} onChange={load} />}
    </div>
  );
}
