import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportProgress, ImportRun } from '@shared/ipc/import';
import { printable } from '@shared/text';
import { differenceText } from '@shared/package/differences';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useApiCall } from '../../../lib/use-api-call';
import { useAppStore } from '../../../stores/app-store';
import { droppedFilesToken, useEvent } from '../../../lib/use-event';
import { baseName, countOutcomes, ROWS_PER_STEP, verdictText, visibleRows, type VerdictFilter } from './verdicts';

export function ImportScreen() {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.lang);
  const call = useApiCall();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [final, setFinal] = useState<ImportRun | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  /** "The import log was saved to …" (cleared by the next choice of files). */
  const [saved, setSaved] = useState<string | null>(null);
  useEvent('import:progress', setProgress);
  const [filter, setFilter] = useState<VerdictFilter>('all');
  const [limit, setLimit] = useState(ROWS_PER_STEP);
  const showFrom = (f: VerdictFilter) => {
    setFilter(f);
    setLimit(ROWS_PER_STEP);
  };
  const cancelCall = useApiCall();

  const choose = async (from: 'files' | 'folder' | 'drop', token?: string) => {
    setProgress(null);
    const p = await call.run((api) => api.import.choose(token ? { from, token } : { from }));
    setProgress(null);
    if (p === undefined || p === null) return;
    setFinal(null);
    setSaved(null); // the log saved earlier speaks of the files before these
    setPreview(p);
    showFrom('all');
  };
  const importAll = async () => {
    if (!preview) return;
    setProgress(null);
    const r = await call.run((api) => api.import.run({ token: preview.token }));
    setProgress(null);
    if (r !== undefined) {
      setFinal(r);
      showFrom('all');
    }
  };

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
  const { shown, kept, hidden } = visibleRows(rows, filter, limit);
  const filters: [VerdictFilter, string, number][] = [
    ['all', 'filterAll', rows.length], ['accepted', final ? 'filterAccepted' : 'filterAccept', counts.accepted],
    ['duplicate', 'filterDuplicate', counts.duplicate], ['refused', 'filterRefused', counts.refused],
  ];
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
          <div className="import-summary">
            <p data-testid="import-counts"><strong>
              {t(final ? 'reviewImport.import.countsDone' : 'reviewImport.import.counts', { total: rows.length, accept, duplicate: counts.duplicate, refused: counts.refused })}
            </strong></p>
            {final === null && accept > 0 && (
              <button type="button" className="primary" disabled={call.busy} onClick={() => void importAll()} data-testid="import-run">
                {t('reviewImport.import.run', { count: accept })}
              </button>
            )}
          </div>
          {rows.length === 0 && <p>{t('reviewImport.import.nothing')}</p>}
          {rows.length > 1 && (
            <div className="row-actions board-filter" role="group" aria-label={t('reviewImport.import.filter')} data-testid="import-filter">
              {filters.map(([f, key, n]) => (
                <button key={f} type="button" className={filter === f ? 'primary' : undefined} aria-pressed={filter === f} data-filter={f} disabled={n === 0 && f !== 'all'} onClick={() => showFrom(f)}>
                  {t(`reviewImport.import.${key}`, { count: n })}
                </button>
              ))}
            </div>
          )}
          {rows.length > 0 && kept === 0 && <p className="muted" data-testid="import-filter-empty">{t('reviewImport.import.filterEmpty')}</p>}
          {shown.length > 0 && (
            <table className="table" data-testid="import-table">
              <thead>
                <tr><th>{t('reviewImport.import.file')}</th><th>{t('reviewImport.import.commune')}</th><th className="num">{t('reviewImport.import.revision')}</th><th>{t('reviewImport.import.verdict')}</th></tr>
              </thead>
              <tbody>
                {shown.map((r, i) => (
                  <tr key={`${r.file}-${i}`} data-outcome={r.outcome} className={r.outcome === 'refused' ? 'import-refused' : undefined}>
                    <td className="mono small import-file" title={printable(r.file)}>{baseName(r.file)}</td>
                    <td>{r.commune ? printable(r.commune) : '—'}{r.communeName ? ` · ${printable(r.communeName)}` : ''}</td>
                    <td className="num">{r.revision === null ? '—' : `r${r.revision}`}</td>
                    <td>
                      {r.outcome === 'refused' ? <span className="badge badge-error">✕</span> : null} {verdictText(r, final !== null, t)}
                      {r.mismatch && (
                        <div>
                          <span className="badge badge-warn">{t('reviewImport.import.mismatch')}</span>
                          {r.differences && r.differences.length > 0 && <span className="muted small" data-testid="import-differences"> {printable(differenceText(r.differences, lang))}</span>}
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {hidden > 0 && (
            <div className="row-actions" data-testid="import-more">
              <span className="muted">{t('reviewImport.import.shownOf', { shown: shown.length, kept })}</span>
              <button type="button" className="secondary" onClick={() => setLimit((l) => l + ROWS_PER_STEP)}>{t('reviewImport.import.more', { left: hidden })}</button>
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
