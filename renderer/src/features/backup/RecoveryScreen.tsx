import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupState } from '@shared/ipc/backup';
import { printable } from '@shared/text';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../lib/format';
import { useApiCall } from '../../lib/use-api-call';
import { BackupList, holds } from './BackupList';

/**
 * Shown instead of the app when the database failed its integrity check at start-up: the last
 * good backup with what would be lost, restored after a confirmation; the damaged file is kept.
 */
export function RecoveryScreen({ state, onRecovered }: { state: BackupState; onRecovered(): void }) {
  const { t, i18n } = useTranslation();
  const { run, busy, error } = useApiCall();
  const [asking, setAsking] = useState(false);
  const [kept, setKept] = useState<string | null>(null);
  const recovery = state.recovery!;
  const good = recovery.lastGood;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : '—');
  const restore = async (name: string) => {
    const r = await run((api) => api.backup.recover({ name }));
    if (r) setKept(r.keptAs);
  };
  if (kept !== null) {
    return (
      <div className="setup" data-testid="recovery-done">
        <h1>{t('backup.recovery.title')}</h1>
        <p className="notice notice-ok" role="status">{t('backup.recovery.done', { kept: printable(kept) })}</p>
        <button type="button" className="primary" data-testid="recovery-open" onClick={onRecovered}>{t('backup.recovery.open')}</button>
      </div>
    );
  }
  const others = state.backups.filter((b) => b.name !== good?.name);
  return (
    <div className="setup recovery" data-testid="recovery">
      <h1>{t('backup.recovery.title')}</h1>
      <p>{t('backup.recovery.lead')}</p>
      <details>
        <summary>{t('backup.recovery.problems')}</summary>
        <pre className="details">{recovery.problems.slice(0, 5).map((p) => printable(p)).join('\n')}</pre>
      </details>
      {good ? (
        <section className="card" data-testid="recovery-last-good">
          <h2>{t('backup.recovery.lastGood')}</h2>
          <dl className="facts">
            <dt>{t('backup.recovery.made')}</dt><dd>{when(good.manifest.createdAt)} · {t(`backup.kinds.${good.manifest.kind}`)}</dd>
            <dt>{t('backup.recovery.holds')}</dt><dd>{holds(good, t).unit}<br />{holds(good, t).counts}</dd>
            <dt>{t('backup.recovery.lastChange')}</dt><dd>{when(good.manifest.lastChangeAt)}</dd>
          </dl>
          <p className="notice notice-warn" data-testid="recovery-loss">
            {recovery.damagedChangedAt
              ? t('backup.recovery.loss', { backup: when(good.manifest.lastChangeAt), damaged: when(recovery.damagedChangedAt) })
              : t('backup.recovery.lossUnknown', { backup: when(good.manifest.lastChangeAt) })}
          </p>
          {asking ? (
            <div className="notice notice-warn" role="alertdialog" data-testid="recovery-confirm">
              <p>{t('backup.recovery.confirm', { when: when(good.manifest.createdAt) })}</p>
              <div className="row-actions">
                <button type="button" className="primary" disabled={busy} data-testid="recovery-yes" onClick={() => { setAsking(false); void restore(good.name); }}>{t('backup.confirm')}</button>
                <button type="button" onClick={() => setAsking(false)}>{t('backup.cancel')}</button>
              </div>
            </div>
          ) : (
            <button type="button" className="primary" disabled={busy} data-testid="recovery-restore" onClick={() => setAsking(true)}>{t('backup.recovery.restore')}</button>
          )}
        </section>
      ) : (
        <p className="notice notice-error" data-testid="recovery-none">{t('backup.recovery.noBackup')}</p>
      )}
      <ErrorNotice error={error} />
      {others.length > 0 && (
        <section>
          <h2>{t('backup.recovery.others')}</h2>
          <BackupList backups={others} busy={busy} confirmKey="backup.recovery.confirm" onRestore={(b) => void restore(b.name)} />
        </section>
      )}
    </div>
  );
}
