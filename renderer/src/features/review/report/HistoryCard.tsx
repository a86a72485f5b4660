import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryPreview } from '@shared/ipc/report';
import { viPercent } from '@shared/report/format';
import { printable } from '@shared/text';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useApiCall } from '../../../lib/use-api-call';

/** Last year's published results: choose a file, preview every row, import all or nothing. */
export function HistoryCard({ year, onImported }: { year: number; onImported: () => void }) {
  const { t } = useTranslation();
  const { run, busy, error } = useApiCall();
  const [resultsYear, setResultsYear] = useState(String(year - 1));
  const [chosen, setChosen] = useState<{ token: string; file: string; preview: HistoryPreview } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const choose = async () => {
    setNotice(null);
    const r = await run((api) => api.report.historyChoose({ year: Number(resultsYear) }));
    if (r) setChosen(r);
  };
  const confirm = async () => {
    if (!chosen) return;
    const r = await run((api) => api.report.historyImport({ token: chosen.token }));
    if (r) {
      setChosen(null);
      setNotice(t('reviewReport.history.imported', { year: r.year, count: r.rows.length }));
      onImported();
    }
  };
  const p = chosen?.preview;
  const status = (r: HistoryPreview['rows'][number]): string =>
    r.status === 'refused' ? t('reviewReport.history.refused', { reason: r.reason ?? '' })
      : r.status === 'renamed' ? t('reviewReport.history.renamed', { name: r.reason ?? '' })
        : r.status === 'not-in-roster' ? t('reviewReport.history.notInRoster') : t('reviewReport.history.matched');
  return (
    <div className="card" data-testid="history-card">
      <h2>{t('reviewReport.history.title')}</h2>
      <p className="muted">{t('reviewReport.history.lead')}</p>
      <div className="row-actions">
        <label>
          {t('reviewReport.history.year')}{' '}
          <input type="number" min={2000} max={2100} value={resultsYear} onChange={(e) => setResultsYear(e.target.value)} style={{ width: '6rem' }} data-testid="history-year" />
        </label>
        <button type="button" className="secondary" disabled={busy} onClick={() => void choose()} data-testid="history-choose">{t('reviewReport.history.choose')}</button>
      </div>
      <ErrorNotice error={error} />
      {notice && <div className="notice notice-ok" role="status" data-testid="history-notice">{notice}</div>}
      {chosen && p && (
        <div data-testid="history-preview">
          <h3>{t('reviewReport.history.previewTitle', { file: chosen.file })}</h3>
          <p data-testid="history-counts"><strong>{t('reviewReport.history.counts', { ...p.counts, notInRoster: p.counts['not-in-roster'] })}</strong></p>
          {p.replaces > 0 && <p className="muted">{t('reviewReport.history.replaces', { count: p.replaces, year: p.year })}</p>}
          {p.counts.refused > 0 && <div className="notice notice-error" role="alert">{t('reviewReport.history.refusedHint')}</div>}
          <div className="table-scroll">
            <table className="table compact">
              <thead><tr><th>{t('reviewReport.history.line')}</th><th>{t('reviewReport.table.code')}</th><th>{t('reviewReport.table.name')}</th><th className="num">{t('reviewReport.table.index')}</th><th>{t('reviewReport.history.status')}</th></tr></thead>
              <tbody>
                {p.rows.map((r) => (
                  <tr key={`${r.line ?? 0}-${r.code ?? ''}`} data-status={r.status}>
                    <td>{r.line ?? ''}</td>
                    <td className="mono">{printable(r.code ?? '')}</td>
                    <td>{printable(r.name ?? '')}</td>
                    <td className="num">{r.index === null ? '' : viPercent(r.index)}</td>
                    <td>{printable(status(r))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="row-actions">
            <button type="button" className="primary" disabled={busy || p.counts.refused > 0} onClick={() => void confirm()} data-testid="history-confirm">{t('reviewReport.history.confirm')}</button>
            <button type="button" className="secondary" disabled={busy} onClick={() => setChosen(null)}>{t('reviewReport.history.cancel')}</button>
          </div>
        </div>
      )}
    </div>
  );
}
