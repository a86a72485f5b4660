import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EntriesChoice, ItemChange, LoadFileReport } from '@shared/ipc/assessment';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useApiCall } from '../../../lib/use-api-call';
import { useAssessment } from './assessment-store';
import { changeWords } from './entries-change';
import './assessment.css';

/**
 * "Nạp số liệu từ tệp…": main opens the dialog and previews the file (a bad file is refused
 * with its lines); the clerk sees item by item what would change and confirms. Nothing is
 * written before "Nạp N thay đổi"; Hủy leaves everything as it was.
 */
export function LoadScreen() {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<EntriesChoice | null>(null);
  const [report, setReport] = useState<LoadFileReport | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const { run, busy, error } = useApiCall();
  const started = useRef(false);
  const choose = async (): Promise<void> => {
    setReport(null);
    setChoice(null);
    setCancelled(false);
    await run(async (api) => {
      // Pending autosaves first: the preview compares with what is stored.
      await useAssessment.getState().flush();
      if (!useAssessment.getState().framework) await useAssessment.getState().load();
      setChoice(await api.assessment.chooseFile());
    });
  };
  const confirm = async (token: string): Promise<void> => {
    await run(async (api) => {
      const r = await api.assessment.loadChosen({ token });
      setChoice(null);
      setReport(r);
      await useAssessment.getState().load();
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
      {choice && <Preview choice={choice} busy={busy} onConfirm={() => void confirm(choice.token)} onCancel={() => { setChoice(null); setCancelled(true); }} />}
      {cancelled && <p className="notice" data-testid="load-cancelled">{t('assessment.load.cancelled')}</p>}
      {report && (
        <div className="notice" data-testid="load-report">
          <p>{t('assessment.load.done', { file: report.file })}</p>
          <ul>{report.sections.map((s) => <li key={s.name}>{t('assessment.load.section', { count: s.count, label: s.label })}</li>)}</ul>
        </div>
      )}
      {!choice && (
        <p>
          <button type="button" data-testid="load-choose" disabled={busy} onClick={() => void choose()}>{t('assessment.load.choose')}</button>{' '}
          <Link to="/assessment" className="button">{t('assessment.load.back')}</Link>
        </p>
      )}
    </div>
  );
}

function Preview({ choice, busy, onConfirm, onCancel }: { choice: EntriesChoice; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const itemsByCode = useAssessment((s) => s.itemsByCode);
  const { preview } = choice;
  const changes = preview.counts.new + preview.counts.changed + preview.forms;
  const differing = preview.items.filter((i) => i.change !== 'same');
  const same = preview.items.filter((i) => i.change === 'same');
  const row = (c: ItemChange) => {
    const item = itemsByCode.get(c.code);
    const words = changeWords(c, item, lang);
    return (
      <tr key={c.code} data-testid={`preview-${c.code}`} data-change={c.change}>
        <td className="preview-code">{c.code}</td>
        <td>{item?.title ?? ''}</td>
        <td className="preview-kind"><span className={`badge preview-${c.change}`}>{t(`assessment.load.change.${c.change}`)}</span></td>
        <td className="preview-words" data-testid={`preview-words-${c.code}`}>
          {words ?? (c.change === 'same' ? t('assessment.load.asStored') : '')}
          {c.explanation && <span className="muted"> · {t('assessment.load.explanation')}</span>}
          {c.documents > 0 && <span className="muted"> · {t('assessment.load.documents', { count: c.documents })}</span>}
        </td>
      </tr>
    );
  };
  return (
    <section className="card load-preview" data-testid="load-preview" aria-labelledby="load-preview-title">
      <h2 id="load-preview-title">{t('assessment.load.previewTitle', { file: choice.file })}</h2>
      <p data-testid="load-counts">
        <strong>{t('assessment.load.counts', { new: preview.counts.new, changed: preview.counts.changed, same: preview.counts.same })}</strong>
        {preview.forms > 0 && <> · {t('assessment.load.forms', { count: preview.forms })}</>}
      </p>
      <p className="muted small">{changes > 0 ? t('assessment.load.previewIntro', { count: changes }) : t('assessment.load.nothing')}</p>
      <p className="button-row">
        {changes > 0 && <button type="button" className="primary" data-testid="load-confirm" disabled={busy} onClick={onConfirm}>{t('assessment.load.confirm', { count: changes })}</button>}
        <button type="button" data-testid="load-cancel" disabled={busy} onClick={onCancel}>{t('assessment.load.cancel')}</button>
      </p>
      {differing.length > 0 && (
        <div className="table-scroll">
          <table className="table compact preview-table">
            <thead><tr><th>{t('assessment.load.col.code')}</th><th>{t('assessment.load.col.title')}</th><th>{t('assessment.load.col.change')}</th><th>{t('assessment.load.col.what')}</th></tr></thead>
            <tbody>{differing.map(row)}</tbody>
          </table>
        </div>
      )}
      {same.length > 0 && (
        <details>
          <summary>{t('assessment.load.showSame', { count: same.length })}</summary>
          <table className="table compact preview-table"><tbody>{same.map(row)}</tbody></table>
        </details>
      )}
    </section>
  );
}
