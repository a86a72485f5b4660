import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedFrameworkView } from '@shared/ipc/framework';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useApiCall, useApiLoad } from '../../lib/use-api-call';
import { CompareView } from './CompareView';
import { useAppStore } from '../../stores/app-store';

/** Commune: a framework signed by its reviewing unit, verified against the pinned key, previewed, applied. */
export function SignedImport() {
  const { t } = useTranslation();
  const reload = useAppStore((s) => s.load);
  const { run, busy, error } = useApiCall();
  const [chosen, setChosen] = useState<SignedFrameworkView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const identity = useAppStore((s) => s.identity);
  const active = useApiLoad((api) => api.framework.active(), [identity?.framework?.sha256]);

  const choose = async () => {
    setDone(null);
    setChosen(null);
    const r = await run((api) => api.framework.chooseSigned());
    if (r) setChosen(r);
  };
  const apply = async () => {
    if (!chosen) return;
    const r = await run((api) => api.framework.importSigned({ token: chosen.token }));
    if (r) {
      setChosen(null);
      setDone(t('reviewFrameworks.signedDone', { title: r.framework.title, version: r.framework.version, carried: r.carried.length, dropped: r.dropped.length }));
      await reload();
    }
  };
  return (
    <section className="card" data-testid="signed-import">
      <h2>{t('reviewFrameworks.signedTitle')}</h2>
      <p className="muted">{t('reviewFrameworks.signedLead')}</p>
      <button type="button" className="primary" data-testid="signed-choose" disabled={busy} onClick={() => void choose()}>{t('reviewFrameworks.signedChoose')}</button>
      <ErrorNotice error={error} />
      {done && <p className="notice notice-ok" role="status" data-testid="signed-done">{done}</p>}
      {chosen && (
        <div className="replace-preview" data-testid="signed-preview">
          <p><strong>{chosen.framework.title}</strong> — {t('framework.chosenMeta', { province: chosen.framework.province.code, year: chosen.framework.year, version: chosen.framework.version, items: chosen.framework.fields.reduce((n, f) => n + f.criteria.reduce((m, c) => m + c.items.length, 0), 0) })}</p>
          <p className="small">{t('reviewFrameworks.signedBy', chosen.publisher)}{chosen.supersedes ? ` · ${t('reviewFrameworks.supersedes', { version: chosen.supersedes.version })}` : ''}</p>
          <p>{t('framework.carried', { count: chosen.carried.length })}</p>
          {chosen.dropped.length > 0 && (
            <>
              <p className="notice notice-warn">{t('framework.droppedIntro', { count: chosen.dropped.length })}</p>
              <ul className="issue-list" data-testid="signed-dropped">
                {chosen.dropped.map((d) => <li key={d.code}><code>{d.code}</code> {t(`framework.reasons.${d.reason}`)}</li>)}
              </ul>
            </>
          )}
          {active.data && <CompareView before={active.data} after={chosen.framework} />}
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setChosen(null)}>{t('common.cancel')}</button>
            <button type="button" className="primary" disabled={busy} data-testid="signed-apply" onClick={() => void apply()}>{t('reviewFrameworks.signedApply')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
