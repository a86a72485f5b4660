import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkChoice, ReplacePreview } from '@shared/ipc/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useApiCall, useApiLoad } from '../../lib/use-api-call';
import { useAppStore } from '../../stores/app-store';
import { FrameworkOverview } from './FrameworkOverview';
import { SignedImport } from './SignedImport';

/** The framework in use, and replacing it (the province's official one replacing the sample). */
export function FrameworkScreen() {
  const { t } = useTranslation();
  const identity = useAppStore((s) => s.identity);
  const reload = useAppStore((s) => s.load);
  const active = useApiLoad((api) => api.framework.active(), [identity?.framework?.sha256]);
  const framework = active.data;
  const { run, busy, error } = useApiCall();
  const [choice, setChoice] = useState<FrameworkChoice | null>(null);
  const [preview, setPreview] = useState<ReplacePreview | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function choose(): Promise<void> {
    setDone(null);
    await run(async (api) => {
      try {
        const c = await api.framework.choose();
        if (!c) return;
        setChoice(c);
        setPreview(await api.framework.previewReplace({ token: c.token }));
      } catch (err) {
        setChoice(null);
        setPreview(null);
        throw err;
      }
    });
  }

  async function apply(): Promise<void> {
    if (!choice) return;
    await run(async (api) => {
      const r = await api.framework.replace({ token: choice.token });
      setDone(t('framework.replaced', { title: r.framework.title, carried: r.carried.length, dropped: r.dropped.length }));
      setChoice(null);
      setPreview(null);
      await reload();
    });
  }

  return (
    <div data-testid="framework-screen">
      <h1>{t('framework.title')}</h1>
      {identity?.role === 'commune' && <SignedImport />}
      <section className="card">
        <h2>{t('framework.replaceTitle')}</h2>
        <p className="muted">{t('framework.replaceIntro')}</p>
        <button type="button" className="secondary" onClick={() => void choose()} data-testid="replace-choose">
          {t('framework.choose')}
        </button>
        {done && <p className="notice notice-ok" role="status" data-testid="replace-done">{done}</p>}
        <ErrorNotice error={error ?? active.error} />
        {choice && preview && (
          <div className="replace-preview" data-testid="replace-preview">
            <p>
              <strong>{choice.title}</strong> — {t('framework.chosenMeta', { province: choice.provinceCode, year: choice.year, version: choice.version, items: choice.itemCount })}
            </p>
            {identity && choice.year !== identity.year && (
              <p className="notice notice-warn" data-testid="year-mismatch">{t('framework.yearMismatch', { fw: choice.year, unit: identity.year })}</p>
            )}
            <p>{t('framework.carried', { count: preview.carried.length })}</p>
            {preview.dropped.length > 0 && (
              <>
                <p className="notice notice-warn">{t('framework.droppedIntro', { count: preview.dropped.length })}</p>
                <ul className="issue-list">
                  {preview.dropped.map((d) => (
                    <li key={d.code}><code>{d.code}</code> {t(`framework.reasons.${d.reason}`)}</li>
                  ))}
                </ul>
              </>
            )}
            <div className="actions">
              <button type="button" className="secondary" onClick={() => { setChoice(null); setPreview(null); }}>{t('common.cancel')}</button>
              <button type="button" className="primary" disabled={busy} onClick={() => void apply()} data-testid="replace-apply">
                {t('framework.apply')}
              </button>
            </div>
          </div>
        )}
      </section>
      {framework && identity?.framework && <FrameworkOverview framework={framework} sha256={identity.framework.sha256} />}
    </div>
  );
}
