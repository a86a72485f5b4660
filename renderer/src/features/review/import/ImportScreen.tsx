import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportProgress, ImportRun } from '@shared/ipc/import';
import { printable } from '@shared/text';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useApiCall } from '../../../lib/use-api-call';
import { droppedFilesToken, useEvent } from '../../../lib/use-event';
import { baseName, countOutcomes, verdictText } from './verdicts';

export function ImportScreen() {
  const { t } = useTranslation();
  const call = useApiCall();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [final, setFinal] = useState<ImportRun | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEvent('import:progress', setProgress);
  const cancelCall = useApiCall();

  const choose = async (from: 'files' | 'folder' | 'drop', token?: string) => {
    setProgress(null);
    const p = await call.run((api) => api.import.choose(token ? { from, token } : { from }));
    setProgress(null);
    if (p === undefined || p === null) return;
    setFinal(null);
    setPreview(p);
  };
  const importAll = async () => {
    if (!preview) return;
    setProgress(null);
    const r = await call.run((api) => api.import.run({ token: preview.token }));
    setProgress(null);
    if (r !== undefined) setFinal(r);
  };

  const [saved, setSaved] = useState<string | null>(null);
  const exportLog = async (format: 'xlsx' | 'csv') => {
    setSaved(null);
    const r = await call.run((api) => api.import.exportLog({ format }));
    if (r) setSaved(t('reviewImport.import.logSaved', { path: printable(r.path), count: r.rows }));
  };

  const [dragging, setDragging] = useState(false);
  const onDrop = async (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (call.busy) return;
    const token = await droppedFilesToken(Array.from(e.dataTransfer.files));
    if (token) await choose('drop', token);
  };
  const cancel = () => void cancelCall.run((api) => api.import.cancel());
  const rows = final?.results ?? preview?.results ?? [];
  const counts = countOutcomes(rows);
  const accept = counts.accepted;
  return (
    <div
      className={dragging ? 'import-drop import-dragging' : 'import-drop'}
      data-testid="import-drop"
      onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <h1>{t('reviewImport.import.title')}</h1>
      <p className="muted">{t('reviewImport.import.lead')}</p>
      <div className="row-actions">
        <button type="button" disabled={call.busy} onClick={() => void choose('files')} data-testid="import-choose-files">{t('reviewImport.import.chooseFiles')}</button>
        <button type="button" disabled={call.busy} onClick={() => void choose('folder')} data-testid="import-choose-folder">{t('reviewImport.import.chooseFolder')}</button>
        <button type="button" className="secondary" disabled={call.busy} onClick={() => void exportLog('xlsx')} data-testid="import-log-xlsx">{t('reviewImport.import.logXlsx')}</button>
        <button type="button" className="secondary" disabled={call.busy} onClick={() => void exportLog('csv')} data-testid="import-log-csv">{t('reviewImport.import.logCsv')}</button>
        {!call.busy && <span className="muted small">{t('reviewImport.import.dropHint')}</span>}
        {call.busy && <span className="muted">{final === null && preview !== null ? t('reviewImport.import.importing') : t('reviewImport.import.checking')}</span>}
      </div>
      {call.busy && progress && progress.done < progress.total && (
        <div className="import-progress" data-testid="import-progress">
          <progress max={progress.total} value={progress.done} aria-label={t('reviewImport.import.progressLabel')} />
          <span>
            {t('reviewImport.import.progress', { done: progress.done, total: progress.total, accept: progress.accepted, duplicate: progress.duplicates, refused: progress.refused })}
            {progress.etaMs >= 1000 && ` · ${t('reviewImport.import.eta', { seconds: Math.ceil(progress.etaMs / 1000) })}`}
          </span>
          <button type="button" className="secondary" onClick={cancel} data-testid="import-cancel">{t('reviewImport.import.cancel')}</button>
        </div>
      )}
      <ErrorNotice error={call.error} />
      <ErrorNotice error={cancelCall.error} />
      {saved && <div className="notice notice-ok" role="status" data-testid="import-log-saved">{saved}</div>}
      {preview && (
        <>
          <p data-testid="import-counts"><strong>
            {t(final ? 'reviewImport.import.countsDone' : 'reviewImport.import.counts', { total: rows.length, accept, duplicate: counts.duplicate, refused: counts.refused })}
          </strong></p>
          {rows.length === 0 && <p>{t('reviewImport.import.nothing')}</p>}
          {rows.length > 0 && (
            <table className="table" data-testid="import-table">
              <thead>
                <tr><th>{t('reviewImport.import.file')}</th><th>{t('reviewImport.import.commune')}</th><th className="num">{t('reviewImport.import.revision')}</th><th>{t('reviewImport.import.verdict')}</th></tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={`${r.file}-${i}`} data-outcome={r.outcome} className={r.outcome === 'refused' ? 'import-refused' : undefined}>
                    <td className="mono small import-file" title={printable(r.file)}>{baseName(r.file)}</td>
                    <td>{r.commune ? printable(r.commune) : '—'}{r.communeName ? ` · ${printable(r.communeName)}` : ''}</td>
                    <td className="num">{r.revision === null ? '—' : `r${r.revision}`}</td>
                    <td>
                      {r.outcome === 'refused' ? <span className="badge badge-error">✕</span> : null} {verdictText(r, final !== null, t)}
                      {r.mismatch && <div><span className="badge badge-warn">{t('reviewImport.import.mismatch')}</span></div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {final === null && accept > 0 && (
            <div className="actions">
              <button type="button" className="primary" disabled={call.busy} onClick={() => void importAll()} data-testid="import-run">
                {t('reviewImport.import.run', { count: accept })}
              </button>
            </div>
          )}
          {final !== null && final.stopped && (
            <div className="notice" role="status" data-testid="import-stopped">{t('reviewImport.import.stopped', { count: final.total - final.results.length })}</div>
          )}
          {final !== null && <p data-testid="import-done">{t(final.stopped ? 'reviewImport.import.doneStopped' : 'reviewImport.import.done')} <Link to="/review/board">{t('reviewImport.nav.board')}</Link></p>}
        </>
      )}
    </div>
  );
}
