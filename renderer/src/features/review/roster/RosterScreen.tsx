import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterPreview } from '@shared/ipc/roster';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { CommuneTable } from './CommuneTable';
import { useApiCall, useApiLoad } from '../../../lib/use-api-call';
import { useAppStore } from '../../../stores/app-store';

/** The reviewing unit's communes: import a roster (preview, then confirm) and the deadline per year. */
export function RosterScreen() {
  const { t } = useTranslation();
  const year = useAppStore((s) => s.identity?.year) ?? new Date().getFullYear();
  const [reload, setReload] = useState(0);
  const { data: list, error: listError } = useApiLoad((api) => api.roster.list(), [reload]);
  const { data: deadlines } = useApiLoad((api) => api.roster.deadlines(), [reload]);
  const { run, busy, error } = useApiCall();
  const [chosen, setChosen] = useState<{ token: string; file: string; preview: RosterPreview } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deadlineYear, setDeadlineYear] = useState(String(year));
  const [deadline, setDeadline] = useState('');

  const choose = async () => {
    setNotice(null);
    const r = await run((api) => api.roster.choose());
    if (r) setChosen(r);
  };
  const confirm = async () => {
    if (!chosen) return;
    const r = await run((api) => api.roster.import({ token: chosen.token }));
    if (r) {
      setChosen(null);
      setNotice(t('roster.imported', { new: r.counts.new, changed: r.counts.changed }));
      setReload((n) => n + 1);
    }
  };
  const saveDeadline = async () => {
    setNotice(null);
    const r = await run((api) => api.roster.setDeadline({ year: Number(deadlineYear), deadline }));
    if (r) {
      setNotice(t('roster.deadlineSaved', { year: r.year, deadline: r.deadline }));
      setReload((n) => n + 1);
    }
  };

  const p = chosen?.preview;
  return (
    <div data-testid="roster-screen">
      <h1>{t('roster.title')}</h1>
      <p className="muted">{t('roster.lead')}</p>
      <div className="card">
        <button type="button" className="primary" data-testid="roster-choose" disabled={busy} onClick={() => void choose()}>{t('roster.choose')}</button>
      </div>
      <ErrorNotice error={error ?? listError} />
      {notice && <div className="notice notice-ok" role="status" data-testid="roster-notice">{notice}</div>}
      {chosen && p && (
        <div className="card" data-testid="roster-preview">
          <h2>{t('roster.previewTitle', { file: chosen.file })}</h2>
          <p data-testid="roster-counts"><strong>{t('roster.counts', p.counts)}</strong></p>
          {p.notInFile > 0 && <p className="muted">{t('roster.notInFile', { count: p.notInFile })}</p>}
          {p.counts.refused > 0 && <div className="notice notice-error" role="alert">{t('roster.refusedHint')}</div>}
          <table className="table">
            <thead>
              <tr><th>{t('roster.line')}</th><th>{t('roster.code')}</th><th>{t('roster.name')}</th><th>{t('roster.type')}</th><th>{t('roster.status')}</th><th>{t('roster.reason')}</th></tr>
            </thead>
            <tbody>
              {p.rows.filter((r) => r.status !== 'unchanged').map((r) => (
                <tr key={`${r.line ?? 0}-${r.code ?? ''}`} data-status={r.status}>
                  <td>{r.line ?? '—'}</td>
                  <td className="mono">{r.code ?? '—'}</td>
                  <td>{r.name ?? '—'}</td>
                  <td>{r.type ? t(`roster.types.${r.type}`) : '—'}</td>
                  <td><span className={r.status === 'refused' ? 'badge badge-error' : r.status === 'changed' ? 'badge badge-warn' : 'badge'}>{t(`roster.statuses.${r.status}`)}</span></td>
                  <td className="small">{r.status === 'changed' && r.before ? `${r.reason ?? ''}: ${r.before.name} → ${r.name ?? ''}` : (r.reason ?? '')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="button-row">
            <button type="button" className="primary" data-testid="roster-confirm" disabled={busy || p.counts.refused > 0} onClick={() => void confirm()}>{t('roster.confirm')}</button>
            <button type="button" className="secondary" disabled={busy} onClick={() => setChosen(null)}>{t('roster.cancel')}</button>
          </div>
        </div>
      )}
      <div className="card">
        <h2>{t('roster.deadlineTitle')}</h2>
        {deadlines && deadlines.length === 0 && <p className="muted">{t('roster.noDeadline')}</p>}
        {deadlines && deadlines.length > 0 && (
          <ul data-testid="roster-deadlines">{deadlines.map((d) => <li key={d.year}>{d.year}: <strong>{d.deadline}</strong></li>)}</ul>
        )}
        <div className="button-row">
          <label className="field">{t('roster.year')}<input type="number" value={deadlineYear} onChange={(e) => setDeadlineYear(e.target.value)} data-testid="deadline-year" /></label>
          <label className="field">{t('roster.deadline')}<input type="text" value={deadline} placeholder="2026-12-15" onChange={(e) => setDeadline(e.target.value)} data-testid="deadline-date" /></label>
          <button type="button" className="secondary" data-testid="deadline-save" style={{ alignSelf: 'flex-end' }} disabled={busy} onClick={() => void saveDeadline()}>{t('roster.setDeadline')}</button>
        </div>
      </div>
      {list && <CommuneTable list={list} onChange={() => setReload((n) => n + 1)} />}
    </div>
  );
}
