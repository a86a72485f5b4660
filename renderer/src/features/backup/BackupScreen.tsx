import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceCheck } from '@shared/ipc/backup';
import { printable } from '@shared/text';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../lib/format';
import { useApiCall, useApiLoad } from '../../lib/use-api-call';
import { useAppStore } from '../../stores/app-store';
import { BackupList } from './BackupList';

function EvidenceLine({ check }: { check: EvidenceCheck }) {
  const { t, i18n } = useTranslation();
  const when = check.checkedAt ? formatDateTime(check.checkedAt, i18n.language) : '';
  if (check.state === 'not-run') return <p className="muted">{t('backup.evidence.notRun')}</p>;
  if (check.state === 'running') return <p className="muted">{t('backup.evidence.running', { files: check.files })}</p>;
  const bad = check.missing.length + check.damaged.length > 0;
  return (
    <p className={bad ? 'notice notice-error' : 'notice notice-ok'} data-testid="evidence-check">
      {bad ? t('backup.evidence.bad', { files: check.files, when, missing: check.missing.length, damaged: check.damaged.length }) : t('backup.evidence.ok', { files: check.files, when })}
    </p>
  );
}

/** Backups (made automatically and on demand), restore, and the whole data to one file and back. */
export function BackupScreen() {
  const { t } = useTranslation();
  const { data: state, error: loadError, reload } = useApiLoad((api) => api.backup.state(), []);
  const { run, busy, error } = useApiCall();
  const [done, setDone] = useState<string | null>(null);
  const [askImport, setAskImport] = useState(false);
  const reloadApp = useAppStore((s) => s.load);
  // Evidence documents are attached by a commune; a reviewing unit has none to check.
  const commune = useAppStore((s) => s.identity?.role !== 'reviewer');

  async function act(action: Parameters<typeof run<string | null>>[0]): Promise<void> {
    setDone(null);
    const message = await run(action);
    if (message) setDone(message);
    await reload();
  }

  return (
    <div>
      <h1>{t('backup.title')}</h1>
      <ErrorNotice error={loadError} />
      <section className="card">
        <p>{t('backup.lead')} <code className="mono" data-testid="backup-folder">{state ? printable(state.folder) : ''}</code></p>
        <p className="muted">{t('backup.rotation')}</p>
        <div className="row-actions">
          <button type="button" className="primary" disabled={busy} data-testid="backup-create"
            onClick={() => void act(async (api) => { await api.backup.create(); return t('backup.created'); })}>
            {busy ? t('backup.creating') : t('backup.create')}
          </button>
          <button type="button" disabled={busy} data-testid="export-all"
            onClick={() => void act(async (api) => { const r = await api.backup.exportAll(); return r ? t('backup.exported', { path: printable(r.path) }) : null; })}>
            {t('backup.exportAll')}
          </button>
          <button type="button" disabled={busy} data-testid="import-all" onClick={() => setAskImport(true)}>{t('backup.importAll')}</button>
        </div>
        {askImport && (
          <div className="notice notice-warn" role="alertdialog" data-testid="import-confirm">
            <p>{t('backup.importConfirm')}</p>
            <div className="row-actions">
              <button type="button" className="primary" disabled={busy} onClick={() => {
                setAskImport(false);
                void act(async (api) => { const r = await api.backup.importAll(); if (r) await reloadApp(); return r ? t('backup.imported', { kept: r.keptAs }) : null; });
              }}>{t('backup.continue')}</button>
              <button type="button" onClick={() => setAskImport(false)}>{t('backup.cancel')}</button>
            </div>
          </div>
        )}
        {done && <p className="notice notice-ok" role="status" data-testid="backup-done">{done}</p>}
        <ErrorNotice error={error} />
      </section>
      {state && commune && (
        <section className="card">
          <h2>{t('backup.evidence.title')}</h2>
          <EvidenceLine check={state.evidence} />
          <button type="button" disabled={busy} data-testid="evidence-check-run" onClick={() => void act(async (api) => { await api.backup.checkEvidence(); return null; })}>{t('backup.evidence.check')}</button>
        </section>
      )}
      {state && (
        <section className="card">
          <h2>{t('backup.list')}</h2>
          <BackupList backups={state.backups} busy={busy} confirmKey="backup.restoreConfirm"
            onRestore={(b) => void act(async (api) => { const r = await api.backup.restore({ name: b.name }); await reloadApp(); return t('backup.restored', { name: r.restored, kept: r.keptAs }); })} />
        </section>
      )}
    </div>
  );
}
