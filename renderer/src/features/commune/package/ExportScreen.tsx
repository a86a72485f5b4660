import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ExportView } from '@shared/ipc/export';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatDateTime } from '../../../lib/format';
import { useApiCall, useApiLoad } from '../../../lib/use-api-call';
import { PassphraseInput } from '../../../components/PassphraseInput';
import { printable } from '@shared/text';
import { OVERRIDE_REASON_MIN } from '@shared/ipc/export';
import { PrecheckList } from './PrecheckList';

export function formatSize(bytes: number, lang: string): string {
  const nf = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${nf.format(bytes / 1024)} KB`;
  return `${nf.format(bytes / 1024 / 1024)} MB`;
}

/** "Gửi hồ sơ": export the signed report to a folder or USB stick, then optionally an email draft. */
export function ExportScreen() {
  const { t, i18n } = useTranslation();
  const loaded = useApiLoad(async (api) => {
    const [keys, status, check] = await Promise.all([api.keys.status(), api.package.status(), api.package.check()]);
    return { keys, status, check };
  }, []);
  const keys = loaded.data?.keys ?? null;
  const status = loaded.data?.status ?? null;
  const check = loaded.data?.check ?? null;
  const [keyPass, setKeyPass] = useState('');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<ExportView | null>(null);
  const [email, setEmail] = useState<string | null>(null);
  const { run, busy, error } = useApiCall();
  const load = () => void loaded.reload();
  const key = keys?.key ?? null;
  const needsPass = key?.protection === 'passphrase';
  const exportNow = () =>
    run(async (api) => {
      setEmail(null);
      const warned = (check?.warnings.length ?? 0) > 0;
      const r = await api.package.export({ ...(needsPass ? { keyPassphrase: keyPass } : {}), ...(warned ? { overrideReason: reason } : {}) });
      if (r) {
        setResult(r);
        load();
      }
    });
  const sendEmail = () =>
    run(async (api) => {
      if (!result) return;
      setEmail((await api.package.email({ packageId: result.packageId })).emlPath);
    });
  const limit = status ? formatSize(status.emailLimit, i18n.language) : '';
  const stopped = (check?.stops.length ?? 0) > 0;
  const reasonShort = (check?.warnings.length ?? 0) > 0 && reason.trim().length < OVERRIDE_REASON_MIN;
  return (
    <div className="package-screen" data-testid="export-screen">
      <h1>{t('package.export.title')}</h1>
      <p className="lead">{t('package.export.lead')}</p>
      <ErrorNotice error={error ?? loaded.error} />
      {keys && !key && (
        <div className="notice notice-warn" data-testid="export-need-key">
          <p>{t('package.export.needKey')}</p>
          <Link to="/keys">{t('package.export.goKeys')}</Link>
        </div>
      )}
      {check && (
        <section className="card" data-testid="export-precheck">
          <h2>{t('checklist.precheck.title')}</h2>
          <PrecheckList check={check} />
          {!stopped && check.warnings.length > 0 && (
            <div className="field">
              <label htmlFor="overrideReason">{t('checklist.precheck.reason')}</label>
              <textarea id="overrideReason" className="reason-text" rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="export-reason" />
              <p className="muted small">{t('checklist.precheck.reasonHint')}</p>
            </div>
          )}
        </section>
      )}
      {key && !stopped && (
        <section className="card">
          {keys && keys.enrolledKeyId !== key.keyId && <p className="notice notice-warn" data-testid="export-not-enrolled">{t('package.export.notEnrolled')}</p>}
          {needsPass && <PassphraseInput id="exportKeyPassphrase" label={t('package.keys.keyPassphrase')} value={keyPass} onChange={setKeyPass} autoComplete="current-password" />}
          <button type="button" className="primary" disabled={busy || reasonShort} onClick={() => void exportNow()} data-testid="export-run">{busy ? t('package.export.running') : t('package.export.run')}</button>
        </section>
      )}
      {result && (
        <section className="card" data-testid="export-result">
          <p className="notice notice-ok" role="status">{t('package.export.done')}</p>
          <dl className="facts">
            <dt>{t('package.export.path')}</dt><dd className="mono" data-testid="export-path">{printable(result.path)}</dd>
            <dt>{t('package.export.sha')}</dt><dd className="mono small" data-testid="export-sha">{result.sha256}</dd>
            <dt>{t('package.export.revision')}</dt><dd data-testid="export-revision">{result.revision}</dd>
            <dt>{t('package.export.size')}</dt><dd>{formatSize(result.size, i18n.language)}</dd>
          </dl>
          {result.tooLargeForEmail && <p className="notice notice-warn" data-testid="export-too-large">{t('package.export.tooLarge', { limit })}</p>}
          <button type="button" className="secondary" disabled={busy} onClick={() => void sendEmail()} data-testid="export-email">{t('package.export.email')}</button>
          {email && <p className="notice notice-ok" role="status" data-testid="export-email-done">{t('package.export.emailDone', { path: printable(email) })}</p>}
        </section>
      )}
      {status && (
        <section className="card">
          <h2>{t('package.export.history')}</h2>
          {status.exports.length === 0 ? (
            <p className="muted">{t('package.export.none')}</p>
          ) : (
            <table className="table" data-testid="export-history">
              <thead><tr><th>{t('package.export.revision')}</th><th>{t('package.export.when')}</th><th>{t('package.export.file')}</th><th className="num">{t('package.export.size')}</th><th>{t('package.export.sha')}</th></tr></thead>
              <tbody>
                {status.exports.map((e) => (
                  <tr key={e.packageId}>
                    <td className="num">{e.revision}</td>
                    <td>{formatDateTime(e.createdAt, i18n.language)}</td>
                    <td className="mono small">{printable(e.path)}</td>
                    <td className="num">{formatSize(e.size, i18n.language)}</td>
                    <td className="mono small" title={e.sha256}>{e.sha256.slice(0, 16)}…</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
