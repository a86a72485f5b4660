import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '@shared/ipc/backup';
import { printable } from '@shared/text';
import { formatDateTime } from '../../lib/format';

type TFn = (key: string, opts?: Record<string, unknown>) => string;

/** What a backup holds, in one line: unit and year, then the counts. */
export function holds(b: BackupInfo, t: TFn): { unit: string; counts: string } {
  const m = b.manifest;
  return {
    unit: m.unit ? t('backup.unit', { name: printable(m.unit.name), code: printable(m.unit.code), year: m.year ?? '—' }) : t('backup.notSetUp'),
    // A reviewing unit's data is the dossiers it received; a commune's, its entries, evidence and forms.
    counts: m.role === 'reviewer'
      ? t('backup.countsReviewer', { packages: m.counts.packagesReceived })
      : t('backup.counts', { entries: m.counts.entries, evidence: m.counts.evidenceFiles, forms: m.counts.surveyForms }),
  };
}

/** The backups, newest first; "Khôi phục" asks for a confirmation saying what would be replaced. */
export function BackupList({ backups, busy, onRestore, confirmKey }: { backups: BackupInfo[]; busy: boolean; onRestore(b: BackupInfo): void; confirmKey: string }) {
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState<string | null>(null);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : '—');
  if (backups.length === 0) return <p>{t('backup.none')}</p>;
  return (
    <table className="table" data-testid="backup-table">
      <thead>
        <tr><th>{t('backup.when')}</th><th>{t('backup.kind')}</th><th>{t('backup.holds')}</th><th>{t('backup.lastChange')}</th><th>{t('backup.action')}</th></tr>
      </thead>
      <tbody>
        {backups.map((b) => {
          const h = holds(b, t);
          return (
            <Fragment key={b.name}>
              <tr data-name={b.name} data-kind={b.manifest.kind}>
                <td className="nowrap">{when(b.manifest.createdAt)}</td>
                <td>{t(`backup.kinds.${b.manifest.kind}`)}</td>
                <td>{h.unit}<br /><span className="muted">{h.counts}</span></td>
                <td className="nowrap">{when(b.manifest.lastChangeAt)}</td>
                <td>
                  <button type="button" disabled={busy || asking === b.name} data-testid="restore" onClick={() => setAsking(b.name)}>{t('backup.restore')}</button>
                </td>
              </tr>
              {asking === b.name && (
                <tr>
                  <td colSpan={5}>
                    <div className="notice notice-warn" role="alertdialog" data-testid="restore-confirm">
                      <p>{t(confirmKey, { when: when(b.manifest.createdAt), lastChange: when(b.manifest.lastChangeAt) })}</p>
                      <div className="row-actions">
                        <button type="button" className="primary" disabled={busy} data-testid="restore-yes" onClick={() => { setAsking(null); onRestore(b); }}>{t('backup.confirm')}</button>
                        <button type="button" onClick={() => setAsking(null)}>{t('backup.cancel')}</button>
                      </div>
                    </div>
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
