import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent, formatPoints } from '@shared/framework/points';
import { indexBreakdown, indexLine } from '@shared/scoring/breakdown';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useApiCall } from '../../../lib/use-api-call';
import { useAppStore } from '../../../stores/app-store';
import { useAssessment } from './assessment-store';

/** The summary on screen (fields, totals, index, group) and its export as PDF and xlsx. */
export function SummaryScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const identity = useAppStore((s) => s.identity);
  const framework = useAssessment((s) => s.framework);
  const scores = useAssessment((s) => s.scores);
  const lock = useAssessment((s) => s.lock);
  const [written, setWritten] = useState<string | null>(null);
  const [printed, setPrinted] = useState(false);
  const { run, error } = useApiCall();
  useEffect(() => {
    void useAssessment.getState().flush().then(() => useAssessment.getState().load());
  }, []);
  const save = async (kind: 'pdf' | 'xlsx'): Promise<void> => {
    setWritten(null);
    setPrinted(false);
    const r = await run((api) => (kind === 'pdf' ? api.assessment.exportPdf() : api.assessment.exportXlsx()));
    if (r) setWritten(r.path);
  };
  // The printed summary is the PDF's document (Nghị định 30/2020/NĐ-CP layout), through the print dialog.
  const print = async (): Promise<void> => {
    setWritten(null);
    setPrinted(false);
    const r = await run((api) => api.print.summary());
    if (r?.printed) setPrinted(true);
  };
  if (identity?.role !== 'commune') return <p className="notice">{t('assessment.reviewerOnly')}</p>;
  if (!framework || !scores) return <p>{t('common.loading')}</p>;
  const p = (v: number): string => formatPoints(v, lang);
  const b = indexBreakdown(scores);
  return (
    <div className="summary-screen" data-testid="summary-screen">
      <h1>{t('assessment.summary.title')} {identity.year}</h1>
      <p className="lead">{identity.unitName} ({identity.unitCode}) · {framework.title}</p>
      {lock?.finalised ? (
        <p className="notice notice-ok">{t('assessment.summary.finalised', { revision: lock.revision })}</p>
      ) : (
        <p className="notice notice-warn">{t('assessment.summary.draft')}</p>
      )}
      <p>
        <button type="button" data-testid="export-pdf" onClick={() => void save('pdf')}>{t('assessment.summary.pdf')}</button>{' '}
        <button type="button" data-testid="export-xlsx" onClick={() => void save('xlsx')}>{t('assessment.summary.xlsx')}</button>{' '}
        <button type="button" data-testid="summary-print" onClick={() => void print()}>{t('common.print')}</button>
      </p>
      {printed && <p className="notice notice-ok" role="status" data-testid="summary-printed">{t('common.printed')}</p>}
      {written && <p className="notice" data-testid="export-written">{t('assessment.summary.written', { path: written })}</p>}
      <ErrorNotice error={error} />
      <table className="table" data-testid="summary-table">
        <thead><tr><th>{t('assessment.summary.code')}</th><th>{t('assessment.summary.content')}</th><th className="num">{t('assessment.summary.max')}</th><th className="num">{t('assessment.summary.self')}</th></tr></thead>
        <tbody>
          {framework.fields.map((f) => (
            <tr key={f.code}><td>{f.code}</td><td>{f.title}</td><td className="num">{p(scores.fields[f.code]?.applicableMax ?? 0)}</td><td className="num">{p(scores.fields[f.code]?.points ?? 0)}</td></tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th></th><th>{t('assessment.total')} ({t('assessment.summary.applicableMax')})</th><th className="num">{p(b.applicableMax)}</th><th className="num" data-testid="summary-total">{p(scores.total.points)}</th></tr>
          <tr><th></th><th>{t('assessment.bonusPenalty', { bonus: p(b.bonus), penalty: p(b.penalty) })}</th><th></th><th></th></tr>
          <tr>
            <th></th>
            <th>{t('assessment.index')} · {b.empty ? t('assessment.summary.nothingEntered') : (b.group?.label ?? t('assessment.noGroup'))}{b.provisional && !b.empty ? ` (${t('assessment.summary.provisional')})` : ''}</th>
            <th></th>
            <th className="num" data-testid="summary-index">{scores.indexPercent === null ? '—' : formatPercent(scores.indexPercent, lang)}</th>
          </tr>
          <tr><td></td><td colSpan={3} className="muted small" data-testid="summary-breakdown">{t('assessment.summary.howComputed')}: {indexLine(b, lang)}</td></tr>
        </tfoot>
      </table>
    </div>
  );
}
