import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiLoad } from '../../lib/use-api-call';
import { RecoveryScreen } from './RecoveryScreen';

/**
 * Before the app: is the database sound? When it failed its check at start-up, the recovery
 * screen is shown instead of the app (never a blank window); after the restore, the app starts.
 */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data, error } = useApiLoad((api) => api.backup.state(), []);
  if (!data && !error) return <div className="splash">{t('common.loading')}</div>;
  if (data?.recovery) return <RecoveryScreen state={data} onRecovered={() => window.location.reload()} />;
  return <>{children}</>;
}
