import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Framework } from '@shared/framework/schema';
import type { FrameworkSourceView, InstalledFramework } from '@shared/ipc/framework';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { PassphraseInput } from '../../../components/PassphraseInput';
import { useApiCall, useApiLoad } from '../../../lib/use-api-call';
import { CompareView } from '../../framework/CompareView';
import { FrameworkTree } from './FrameworkTree';

const keyOf = (r: { id: string; version: string }): string => `${r.id}@${r.version}`;

/** The reviewing unit's frameworks: author from the spreadsheet, review, compare, publish signed. */
export function FrameworksScreen() {
  const { t } = useTranslation();
  const [reload, setReload] = useState(0);
  const { data: list, error: listError } = useApiLoad((api) => api.framework.list(), [reload]);
  const { run, busy, error } = useApiCall();
  const [source, setSource] = useState<FrameworkSourceView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState<{ ref: InstalledFramework; framework: Framework } | null>(null);
  const [other, setOther] = useState<{ ref: InstalledFramework; framework: Framework } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [published, setPublished] = useState<string | null>(null);

  const saveTemplate = async () => {
    setNotice(null);
    const r = await run((api) => api.framework.saveTemplate());
    if (r) setNotice(t('reviewFrameworks.templateSaved', { path: r.path }));
  };
  const choose = async () => {
    setNotice(null);
    setSource(null);
    const r = await run((api) => api.framework.chooseSource());
    if (r) setSource(r);
  };
  const view = async (row: InstalledFramework, as: 'selected' | 'other') => {
    const r = await run((api) => api.framework.get({ id: row.id, version: row.version }));
    if (r && as === 'selected') {
      setSelected(r);
      setPublished(null);
      setOther(null);
    }
    if (r && as === 'other') setOther(r);
  };
  const install = async () => {
    if (!source?.token) return;
    const r = await run((api) => api.framework.install({ token: source.token! }));
    if (r) {
      setSource(null);
      setNotice(t(r.added ? 'reviewFrameworks.installed' : 'reviewFrameworks.already', { title: r.title, version: r.version }));
      setReload((n) => n + 1);
      await view({ ...r, installedAt: '', inUse: false }, 'selected');
    }
  };
  const publish = async () => {
    if (!selected) return;
    setNotice(null);
    setPublished(null);
    const r = await run((api) => api.framework.publish({ id: selected.ref.id, version: selected.ref.version, ...(passphrase ? { keyPassphrase: passphrase } : {}) }));
    if (r) {
      setPassphrase('');
      setPublished(`${t('reviewFrameworks.published', { path: r.path })}${r.supersedes ? ` (${t('reviewFrameworks.supersedes', { version: r.supersedes.version })})` : ''}`);
    }
  };

  const others = (list ?? []).filter((r) => selected && keyOf(r) !== keyOf(selected.ref));
  return (
    <div data-testid="frameworks-screen">
      <h1>{t('reviewFrameworks.title')}</h1>
      <p className="muted">{t('reviewFrameworks.lead')}</p>
      <section className="card">
        <h2>{t('reviewFrameworks.author')}</h2>
        <div className="button-row">
          <button type="button" className="secondary" data-testid="fw-template" disabled={busy} onClick={() => void saveTemplate()}>{t('reviewFrameworks.template')}</button>
          <button type="button" className="primary" data-testid="fw-choose" disabled={busy} onClick={() => void choose()}>{t('reviewFrameworks.choose')}</button>
        </div>
        {source && source.issues.length > 0 && (
          <div data-testid="fw-problems">
            <div className="notice notice-error" role="alert">{t('reviewFrameworks.problems', { count: source.issues.length, file: source.file })}</div>
            <table className="table compact">
              <thead><tr><th>{t('reviewFrameworks.place')}</th><th>{t('reviewFrameworks.problem')}</th></tr></thead>
              <tbody>
                {source.issues.map((i, n) => (
                  <tr key={n} data-sheet={i.sheet} data-row={i.row} data-column={i.column}><td className="small nowrap">{i.place}</td><td>{i.message}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {source?.token && (
          <div data-testid="fw-valid">
            <p className="notice notice-ok" role="status">{source.form === 'package' ? t('reviewFrameworks.signedFile', { file: source.file }) : t('reviewFrameworks.valid', { file: source.file })}</p>
            {source.framework && <p><strong>{source.framework.title}</strong> — {source.framework.province.name}, {source.framework.year}, {t('reviewFrameworks.version')} {source.framework.version}</p>}
            <button type="button" className="primary" data-testid="fw-install" disabled={busy} onClick={() => void install()}>{t('reviewFrameworks.install')}</button>
          </div>
        )}
      </section>
      <ErrorNotice error={error ?? listError} />
      {notice && <div className="notice notice-ok" role="status" data-testid="fw-notice">{notice}</div>}
      <section className="card">
        <h2>{t('reviewFrameworks.list')}</h2>
        <table className="table compact" data-testid="fw-list">
          <thead>
            <tr><th>{t('reviewFrameworks.id')}</th><th>{t('reviewFrameworks.version')}</th><th>{t('reviewFrameworks.year')}</th><th>{t('reviewFrameworks.province')}</th><th>{t('reviewFrameworks.name')}</th><th /></tr>
          </thead>
          <tbody>
            {(list ?? []).map((r) => (
              <tr key={keyOf(r)} data-key={keyOf(r)} className={selected && keyOf(selected.ref) === keyOf(r) ? 'selected' : undefined}>
                <td className="mono">{r.id}</td>
                <td>{r.version}</td>
                <td>{r.year}</td>
                <td>{r.provinceCode}</td>
                <td>{r.title}{r.sample && <> <span className="badge badge-warn">{t('reviewFrameworks.sample')}</span></>}{r.inUse && <> <span className="badge">{t('reviewFrameworks.inUse')}</span></>}</td>
                <td><button type="button" className="secondary" data-testid={`fw-view-${keyOf(r)}`} disabled={busy} onClick={() => void view(r, 'selected')}>{t('reviewFrameworks.view')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {selected && (
        <section className="card" data-testid="fw-review">
          <h2>{t('reviewFrameworks.review', { title: selected.framework.title, version: selected.ref.version })}</h2>
          <div className="card" data-testid="fw-publish">
            <h3>{t('reviewFrameworks.publish')}</h3>
            <p className="muted small">{t('reviewFrameworks.publishLead')}</p>
            <div className="button-row">
              <PassphraseInput id="fw-passphrase" label={t('reviewFrameworks.passphrase')} value={passphrase} onChange={setPassphrase} autoComplete="current-password" />
              <button type="button" className="primary" data-testid="fw-publish-button" style={{ alignSelf: 'flex-end' }} disabled={busy} onClick={() => void publish()}>{t('reviewFrameworks.publishButton')}</button>
            </div>
            {published && <p className="notice notice-ok" role="status" data-testid="fw-published">{published}</p>}
          </div>
          <label className="field">
            {t('reviewFrameworks.compare')}
            <select data-testid="fw-compare" value={other ? keyOf(other.ref) : ''} onChange={(e) => {
              const row = others.find((r) => keyOf(r) === e.target.value);
              if (row) void view(row, 'other');
              else setOther(null);
            }}>
              <option value="">{t('reviewFrameworks.compareNone')}</option>
              {others.map((r) => <option key={keyOf(r)} value={keyOf(r)}>{r.id} — {r.version} ({r.year})</option>)}
            </select>
          </label>
          {other && <CompareView before={other.framework} after={selected.framework} />}
          <FrameworkTree framework={selected.framework} />
        </section>
      )}
    </div>
  );
}
