import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../lib/format';
import { useApiLoad } from '../../lib/use-api-call';

function short(v: unknown): string {
  if (v === null || v === undefined) return '∅';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const { data: rows, error } = useApiLoad((api) => api.audit.list({ limit: 500 }), []);
  // Action codes contain dots ("identity.setup"), i18next's key separator: look them up in
  // the translated objects instead of by key path.
  const actions = t('audit.actions', { returnObjects: true }) as unknown as Record<string, string>;
  const entities = t('audit.entities', { returnObjects: true }) as unknown as Record<string, string>;
  return (
    <div>
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.intro')}</p>
      <ErrorNotice error={error} />
      {rows && rows.length === 0 && <p>{t('audit.empty')}</p>}
      {rows && rows.length > 0 && (
        <table className="table" data-testid="audit-table">
          <thead>
            <tr><th>{t('audit.at')}</th><th>{t('audit.actor')}</th><th>{t('audit.action')}</th><th>{t('audit.entity')}</th><th>{t('audit.change')}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.at, i18n.language)}</td>
                <td>{r.actor}</td>
                <td>{actions[r.action] ?? r.action}</td>
                <td>{entities[r.entity] ?? r.entity} <span className="muted">{r.entityKey}</span></td>
                <td className="mono small">{short(r.old)} → {short(r.new)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
