import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommuneType } from '@shared/report/types';
import { viHundredths, viPercent } from '@shared/report/format';
import { printable } from '@shared/text';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useApiCall, useApiLoad } from '../../../lib/use-api-call';
import { useAppStore } from '../../../stores/app-store';
import { FiguresPanel } from './FiguresPanel';
import { HistoryCard } from './HistoryCard';
import { BAND_COLOURS, ReportCharts } from './ReportCharts';

type Basis = 'appraised' | 'self';
const signed = (v: number | null): string => (v === null ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${viHundredths(Math.abs(v))}`);

/** "Nhóm 1: từ 80% trở lên" → "Nhóm 1" in the table (the full label is its tooltip, the legend and the figures). */
const shortLabel = (label: string): string => label.split(':')[0]!.trim() || label;

/** The reviewing unit's ranking of a year: filters, the figures, the charts, the table, exports and last year's results. */
export function ReportScreen() {
  const { t } = useTranslation();
  const identityYear = useAppStore((s) => s.identity?.year) ?? new Date().getFullYear();
  const [year, setYear] = useState(identityYear);
  const [basis, setBasis] = useState<Basis>('appraised');
  const [type, setType] = useState<CommuneType | null>(null);
  const [reload, setReload] = useState(0);
  const query = { year, basis, types: type ? [type] : null };
  const { data: view, error } = useApiLoad((api) => api.report.view(query), [year, basis, type, reload]);
  const { run, busy, error: exportError } = useApiCall();
  const [exported, setExported] = useState<string | null>(null);
  const [printed, setPrinted] = useState(false);
  const save = async (kind: 'xlsx' | 'csv' | 'pdf') => {
    setExported(null);
    setPrinted(false);
    const r = await run((api) => (kind === 'xlsx' ? api.report.exportXlsx(query) : kind === 'pdf' ? api.report.exportPdf(query) : api.report.exportCsv(query)));
    if (r) setExported(r.file);
  };
  const print = async () => {
    setExported(null);
    setPrinted(false);
    const r = await run((api) => api.print.report(query));
    if (r?.printed) setPrinted(true);
  };
  const bandIndex = new Map((view?.bands ?? []).map((b, i) => [b.code, i]));
  return (
    <div data-testid="report-screen">
      <h1>{t('reviewReport.title', { year })}</h1>
      <p className="muted">{t('reviewReport.lead')}</p>
      <div className="row-actions report-filters" data-testid="report-filters">
        <label>
          {t('reviewReport.year')}{' '}
          <input type="number" min={2000} max={2100} value={year} style={{ width: '6rem' }} data-testid="report-year"
            onChange={(e) => { const y = Number(e.target.value); if (y >= 2000 && y <= 2100) setYear(y); }} />
        </label>
        <span role="group" aria-label={t('reviewReport.basis')} className="segmented">
          {(['appraised', 'self'] as const).map((b) => (
            <button key={b} type="button" className={basis === b ? 'primary' : undefined} aria-pressed={basis === b} data-basis={b} onClick={() => setBasis(b)}>{t(`reviewReport.${b}`)}</button>
          ))}
        </span>
        <span role="group" aria-label={t('reviewReport.types')} className="segmented" data-testid="report-types">
          <button type="button" className={type === null ? 'primary' : undefined} aria-pressed={type === null} data-type="all" onClick={() => setType(null)}>{t('reviewReport.allTypes')}</button>
          {(view?.typesPresent ?? []).map((ty) => (
            <button key={ty} type="button" className={type === ty ? 'primary' : undefined} aria-pressed={type === ty} data-type={ty} onClick={() => setType(ty)}>{t(`reviewReport.type.${ty}`)}</button>
          ))}
        </span>
        <span className="spacer" />
        <button type="button" className="secondary" disabled={busy || !view} onClick={() => void save('xlsx')} data-testid="report-xlsx">{t('reviewReport.exportXlsx')}</button>
        <button type="button" className="secondary" disabled={busy || !view} onClick={() => void save('csv')} data-testid="report-csv">{t('reviewReport.exportCsv')}</button>
        <button type="button" className="secondary" disabled={busy || !view} onClick={() => void save('pdf')} data-testid="report-pdf">{t('reviewReport.exportPdf')}</button>
        <button type="button" className="secondary" disabled={busy || !view} onClick={() => void print()} data-testid="report-print">{t('common.print')}</button>
      </div>
      <ErrorNotice error={error ?? exportError} />
      {printed && <div className="notice notice-ok" role="status" data-testid="report-printed">{t('common.printed')}</div>}
      {exported && <div className="notice notice-ok" role="status" data-testid="report-exported">{t('reviewReport.exported', { file: exported })}</div>}
      {view && (
        <>
          {view.lastYearSource && <p className="muted" data-testid="report-last-year">{t(view.lastYearSource === 'database' ? 'reviewReport.figures.lastYearDb' : 'reviewReport.figures.lastYearImported')}</p>}
          <div className="report-top">
            <FiguresPanel view={view} />
            {view.figures.communes > 0 && <ReportCharts view={view} />}
          </div>
          <div className="card">
            {view.rows.length === 0 ? <p>{t('reviewReport.table.empty')}</p> : (
              <div className="table-scroll">
                <table className="table compact" data-testid="report-table">
                  <thead>
                    <tr>
                      <th className="num">{t('reviewReport.table.rank')}</th><th>{t('reviewReport.table.code')}</th><th>{t('reviewReport.table.name')}</th><th>{t('reviewReport.table.type')}</th>
                      <th className="num">{t('reviewReport.table.index')}</th><th className="num">{t('reviewReport.table.self')}</th><th className="num">{t('reviewReport.table.pending')}</th>
                      <th>{t('reviewReport.table.group')}</th><th className="num">{t('reviewReport.table.lastYear')}</th><th className="num">{t('reviewReport.table.change')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.rows.map((r) => (
                      <tr key={r.code} data-code={r.code} data-rank={r.rank ?? ''}>
                        <td className="num">{r.rank ?? t('reviewReport.table.none')}</td>
                        <td className="mono">{printable(r.code)}</td>
                        <td>{printable(r.name)}</td>
                        <td>{t(`reviewReport.type.${r.type}`)}</td>
                        <td className="num"><strong>{r.index === null ? '—' : viPercent(r.index)}</strong></td>
                        <td className="num">{r.selfIndex === null ? '—' : viPercent(r.selfIndex)}</td>
                        <td className="num">{r.itemsAtSelfScore ? <span className="badge badge-warn">{r.itemsAtSelfScore}</span> : ''}</td>
                        <td title={r.group ? printable(r.group) : undefined} className="nowrap">{r.group && <><span className="swatch" style={{ background: BAND_COLOURS[bandIndex.get(r.groupCode ?? '') ?? 5] }} />{printable(shortLabel(r.group))}</>}</td>
                        <td className="num">{r.lastYearIndex === null ? '—' : viPercent(r.lastYearIndex)}</td>
                        <td className={`num ${r.change !== null && r.change < 0 ? 'neg' : ''}`}>{signed(r.change)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
          {view.paragraphs.length > 0 && (
            <div className="card report-text" data-testid="report-paragraphs">
              <h2>{t('reviewReport.paragraphs')}</h2>
              {view.paragraphs.map((p, i) => <p key={i} style={{ whiteSpace: 'pre-line' }}>{printable(p)}</p>)}
              <p className="muted small">{printable(view.footnote)}</p>
            </div>
          )}
        </>
      )}
      <HistoryCard year={year} onImported={() => setReload((n) => n + 1)} />
    </div>
  );
}
