import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportBundleWritten } from '@shared/ipc/diagnostics';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useApiCall } from '../../lib/use-api-call';

function size(bytes: number, lang: string): string {
  const kb = bytes / 1024;
  return kb >= 1024 ? `${(kb / 1024).toLocaleString(lang, { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(kb)).toLocaleString(lang)} KB`;
}

/** "Tạo gói hỗ trợ": main asks for a folder and writes one JSON file there (nothing when cancelled). */
export function SupportBundleSection() {
  const { t, i18n } = useTranslation();
  const { run, error, busy } = useApiCall();
  const [written, setWritten] = useState<SupportBundleWritten | null>(null);
  async function create(): Promise<void> {
    setWritten(null);
    const res = await run((api) => api.diagnostics.supportBundle());
    if (res) setWritten(res);
  }
  return (
    <section className="card" data-testid="support-bundle">
      <h2>{t('diagnostics.title')}</h2>
      <p className="muted small">{t('diagnostics.lead')}</p>
      <button type="button" data-testid="support-bundle-create" disabled={busy} onClick={() => void create()}>{t('diagnostics.create')}</button>
      {written && (
        <p className="notice notice-ok" role="status" data-testid="support-bundle-written">
          {t('diagnostics.written', { path: written.path, size: size(written.bytes, i18n.language === 'en' ? 'en' : 'vi-VN') })}
        </p>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}
