import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { LoadFileReport } from '@shared/ipc/assessment';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useApiCall } from '../../../lib/use-api-call';
import { useAssessment } from './assessment-store';

/** "Nạp số liệu từ tệp…": main opens the dialog and loads; a bad file loads nothing. */
export function LoadScreen() {
  const { t } = useTranslation();
  const [report, setReport] = useState<LoadFileReport | null>(null);
  const { run, busy, error } = useApiCall();
  const started = useRef(false);
  const choose = async (): Promise<void> => {
    setReport(null);
    await run(async (api) => {
      await useAssessment.getState().flush();
      const r = await api.assessment.loadFile();
      if (r) {
        setReport(r);
        await useAssessment.getState().load();
      }
    });
  };
  // Opened from the menu: show the dialog at once.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void choose();
  }, []);
  return (
    <div className="load-screen" data-testid="load-screen">
      <h1>{t('assessment.load.title')}</h1>
      <p className="lead">{t('assessment.load.intro')}</p>
      <ErrorNotice error={error} />
      {report && (
        <div className="notice" data-testid="load-report">
          <p>{t('assessment.load.done', { file: report.file })}</p>
          <ul>{report.sections.map((s) => <li key={s.name}>{t('assessment.load.section', { count: s.count, label: s.label })}</li>)}</ul>
        </div>
      )}
      <p>
        <button type="button" data-testid="load-choose" disabled={busy} onClick={() => void choose()}>{t('assessment.load.choose')}</button>{' '}
        <Link to="/assessment" className="button">{t('assessment.load.back')}</Link>
      </p>
    </div>
  );
}
