import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockInfo } from '@shared/ipc/assessment';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatDateTime } from '../../../lib/format';
import type { Client } from '../../../lib/use-api-call';
import { useApiCall } from '../../../lib/use-api-call';
import { useAssessment } from './assessment-store';

/** Finalise ("Chốt số liệu") and reopen with a reason. The service enforces the lock too. */
export function LockBar({ errors }: { errors: number }) {
  const { t, i18n } = useTranslation();
  const lock = useAssessment((s) => s.lock);
  const setLock = useAssessment((s) => s.setLock);
  const flush = useAssessment((s) => s.flush);
  const [mode, setMode] = useState<'idle' | 'confirm' | 'reopen'>('idle');
  const [reason, setReason] = useState('');
  const { run: call, error } = useApiCall();
  if (!lock) return null;
  // Pending autosaves go first: the lock is taken on what is on screen.
  const run = (p: (api: Client) => Promise<LockInfo>) =>
    call(async (api) => {
      await flush();
      setLock(await p(api));
      setMode('idle');
      setReason('');
    });
  return (
    <div className={`lock-bar${lock.finalised ? ' locked' : ''}`} data-testid="lock-bar">
      {lock.finalised ? (
        <>
          <p data-testid="lock-state">{t('assessment.lock.finalised', { revision: lock.revision, time: lock.changedAt ? formatDateTime(lock.changedAt, i18n.language) : '' })}</p>
          {mode === 'reopen' ? (
            <form className="reopen-form" onSubmit={(e) => { e.preventDefault(); void run((api) => api.assessment.reopen({ reason })); }}>
              <label><span>{t('assessment.lock.reason')}</span>
                <input data-testid="reopen-reason" autoFocus value={reason} placeholder={t('assessment.lock.reasonHint')} onChange={(e) => setReason(e.target.value)} />
              </label>
              <button type="submit" data-testid="reopen-confirm">{t('assessment.lock.confirm')}</button>
              <button type="button" onClick={() => setMode('idle')}>{t('assessment.lock.cancel')}</button>
            </form>
          ) : (
            <button type="button" data-testid="reopen" onClick={() => setMode('reopen')}>{t('assessment.lock.reopen')}</button>
          )}
        </>
      ) : (
        <>
          {lock.reopenReason && <p className="muted small" data-testid="reopened">{t('assessment.lock.reopened', { reason: lock.reopenReason })}</p>}
          {errors > 0 && <p className="muted small">{t('assessment.lock.blocked', { count: errors })}</p>}
          {mode === 'confirm' ? (
            <span className="confirm">
              {t('assessment.lock.confirmFinalise')}{' '}
              <button type="button" data-testid="finalise-confirm" onClick={() => void run((api) => api.assessment.finalise())}>{t('assessment.lock.confirm')}</button>
              <button type="button" onClick={() => setMode('idle')}>{t('assessment.lock.cancel')}</button>
            </span>
          ) : (
            <button type="button" className="primary" data-testid="finalise" disabled={errors > 0} onClick={() => setMode('confirm')}>{t('assessment.lock.finalise')}</button>
          )}
        </>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}
