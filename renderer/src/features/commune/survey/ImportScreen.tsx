import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useApiCall } from '../../../lib/use-api-call';
import { SurveyTabs } from './SurveyTabs';

/** Import questionnaires from a spreadsheet (all or nothing), and get the template. */
export function ImportScreen() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const { run: call, busy, error } = useApiCall();

  const run = async (what: 'import' | 'template') => {
    setNotice(null);
    await call(async (api) => {
      if (what === 'import') {
        const r = await api.survey.import();
        if (r) setNotice(t('survey.import.imported', { count: r.imported }));
      } else {
        const r = await api.survey.template();
        if (r) setNotice(t('survey.import.templateSaved', { path: r.path }));
      }
    });
  };

  return (
    <div className="survey">
      <h1>{t('survey.title')}</h1>
      <SurveyTabs />
      <div className="card">
        <p>{t('survey.import.intro')}</p>
        <p>
          <button type="button" className="primary" data-testid="import-file" disabled={busy} onClick={() => void run('import')}>{t('survey.import.choose')}</button>
        </p>
        <p className="muted small">{t('survey.import.templateHint')}</p>
        <p>
          <button type="button" className="secondary" data-testid="download-template" disabled={busy} onClick={() => void run('template')}>{t('survey.import.template')}</button>
        </p>
        {busy && <p className="muted">{t('survey.import.working')}</p>}
      </div>
      {notice && <div className="notice notice-ok" role="status" data-testid="import-notice">{notice}</div>}
      <ErrorNotice error={error} />
    </div>
  );
}
