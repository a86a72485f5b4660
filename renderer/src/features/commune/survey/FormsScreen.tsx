import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatPercent } from '@shared/framework/points';
import type { SurveyFormSummary, VerifyStatus } from '@shared/survey/types';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatDateTime } from '../../../lib/format';
import { useApiCall, useApiLoad } from '../../../lib/use-api-call';
import { SurveyTabs } from './SurveyTabs';
import { TargetLine } from './TargetLine';

const VERIFY_KEY: Record<VerifyStatus, string> = {
  none: 'survey.forms.verifyNone',
  keying: 'survey.forms.verifyKeying',
  differences: 'survey.forms.verifyDifferences',
  verified: 'survey.forms.verifyVerified',
};

/** Every live questionnaire: search by number, open to correct, second pass, delete with a reason. */
export function FormsScreen() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  // A late answer for an earlier search never replaces the list for the current one.
  const list = useApiLoad((api) => api.survey.list(search.trim() ? { search: search.trim() } : {}), [search]);
  const rows = list.data;
  const tally = useApiLoad(async (api) => (await api.survey.results()).progress, []);
  const progress = tally.data;
  const { run, error } = useApiCall();
  const [removing, setRemoving] = useState<SurveyFormSummary | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const remove = async () => {
    if (!removing) return;
    await run(async (api) => {
      await api.survey.remove({ formId: removing.id, reason });
      setNotice(t('survey.forms.removed', { formNo: removing.formNo }));
      setRemoving(null);
      setReason('');
      void list.reload();
      void tally.reload();
    });
  };

  const pct = progress ? Math.min(100, Math.round((progress.saved * 100) / progress.target)) : 0;
  return (
    <div className="survey">
      <h1>{t('survey.title')}</h1>
      <SurveyTabs />
      {progress && (
        <div className="card">
          <TargetLine progress={progress} testId="forms-progress" />
          <div className="progress-bar" aria-hidden><span style={{ width: `${pct}%` }} /></div>
          {progress.keyers.length > 0 && (
            <>
              <h3>{t('survey.forms.keyers')}</h3>
              <table className="table" data-testid="keyer-table">
                <thead>
                  <tr><th>{t('survey.forms.keyerName')}</th><th className="num">{t('survey.forms.keyerPasses')}</th><th className="num">{t('survey.forms.keyerAnswers')}</th><th className="num">{t('survey.forms.keyerDisagreements')}</th><th className="num">{t('survey.forms.keyerRate')}</th></tr>
                </thead>
                <tbody>
                  {progress.keyers.map((k) => (
                    <tr key={k.name}>
                      <td>{k.name}</td><td className="num">{k.passes}</td><td className="num">{k.answers}</td><td className="num">{k.disagreements}</td>
                      <td className="num">{k.ratePercent === null ? '—' : formatPercent(k.ratePercent, i18n.language === 'en' ? 'en' : 'vi')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      )}
      <div className="field search">
        <label htmlFor="form-search">{t('survey.forms.search')}</label>
        <input id="form-search" data-testid="form-search" value={search} maxLength={30} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {notice && <div className="notice notice-ok" role="status">{notice}</div>}
      <ErrorNotice error={error ?? list.error ?? tally.error} />
      {removing && (
        <div className="card remove-box" data-testid="remove-box">
          <h2>{t('survey.forms.removeTitle', { formNo: removing.formNo })}</h2>
          <div className="field">
            <label htmlFor="remove-reason">{t('survey.forms.removeReason')}</label>
            <input id="remove-reason" data-testid="remove-reason" autoFocus value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => { if (e.key === 'Enter') void remove(); else if (e.key === 'Escape') setRemoving(null); }} />
          </div>
          <div className="actions">
            <button type="button" onClick={() => setRemoving(null)}>{t('common.cancel')}</button>
            <button type="button" className="primary" disabled={reason.trim() === ''} onClick={() => void remove()}>{t('survey.forms.removeConfirm')}</button>
          </div>
        </div>
      )}
      {progress && progress.saved > progress.target && (
        <p className="notice notice-warn" data-testid="beyond-note">{t('survey.forms.beyondNote', { target: progress.target, count: progress.saved - progress.target })}</p>
      )}
      {rows && rows.length === 0 && <p>{search ? t('survey.forms.noMatch') : t('survey.forms.none')}</p>}
      {rows && rows.length > 0 && (
        <table className="table" data-testid="forms-table">
          <thead>
            <tr>
              <th>{t('survey.forms.formNo')}</th><th>{t('survey.forms.status')}</th><th>{t('survey.forms.keyedBy')}</th>
              <th className="num">{t('survey.forms.answered')}</th><th>{t('survey.forms.verify')}</th><th>{t('survey.forms.updated')}</th><th>{t('survey.forms.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid={`form-row-${r.formNo}`}>
                <td><strong>{r.formNo}</strong></td>
                <td>
                  {r.status === 'draft' ? t('survey.forms.draft') : r.source === 'import' ? t('survey.forms.imported') : t('survey.forms.saved')}
                  {r.beyondTarget && <> <span className="badge badge-warn" data-testid={`beyond-${r.formNo}`} title={t('survey.forms.beyondTitle')}>{t('survey.forms.beyond')}</span></>}
                  {r.blankRequired > 0 && r.status === 'saved' && <div className="muted small">{t('survey.forms.blankRequired', { count: r.blankRequired })}</div>}
                </td>
                <td>{r.keyedBy}</td>
                <td className="num">{r.answered}</td>
                <td><span className={`badge verify-${r.verify}`}>{t(VERIFY_KEY[r.verify])}</span></td>
                <td className="small">{formatDateTime(r.updatedAt, i18n.language)}</td>
                <td className="row-actions">
                  <button type="button" className="link" onClick={() => navigate(`/survey?edit=${r.id}`)}>{t('survey.forms.open')}</button>
                  {r.status === 'saved' && r.verify !== 'verified' && (
                    <button type="button" className="link" onClick={() => navigate(`/survey/verify?no=${encodeURIComponent(r.formNo)}`)}>
                      {r.verify === 'differences' ? t('survey.forms.resolveAction') : t('survey.forms.verifyAction')}
                    </button>
                  )}
                  <button type="button" className="link danger" data-testid={`remove-${r.formNo}`} onClick={() => { setRemoving(r); setReason(''); }}>{t('survey.forms.remove')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
