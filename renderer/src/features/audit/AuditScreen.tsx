import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../lib/format';
import { useApiLoad } from '../../lib/use-api-call';
import { auditSentence } from './audit-sentence';

export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const { data: rows, error } = useApiLoad((api) => api.audit.list({ limit: 500 }), []);
  // Tier labels ("Đầy đủ") instead of their ids, from the framework in use (none before setup).
  const { data: framework } = useApiLoad((api) => api.framework.active(), []);
  const levels = new Map<string, string>();
  for (const f of framework?.fields ?? []) for (const c of f.criteria) for (const i of c.items) if (i.rule.type === 'tiered') for (const l of i.rule.levels) levels.set(`${i.code}\u0000${l.id}`, l.label);
  const levelLabel = (code: string, level: string) => levels.get(`${code}\u0000${level}`);
  // Action codes contain dots ("identity.setup"), i18next's key separator: look them up in
  // the translated objects instead of by key path.
  const actions = t('audit.actions', { returnObjects: true }) as unknown as Record<string, string>;
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const actionName = (a: string) => actions[a] ?? t('audit.otherAction');
  return (
    <div>
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.intro')}</p>
      <ErrorNotice error={error} />
      {rows && rows.length === 0 && <p>{t('audit.empty')}</p>}
      {rows && rows.length > 0 && (
        <table className="table" data-testid="audit-table">
          <thead>
            <tr><th>{t('audit.at')}</th><th>{t('audit.actor')}</th><th>{t('audit.change')}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{formatDateTime(r.at, i18n.language)}</td>
                <td className="nowrap">{r.actor}</td>
                <td data-action={r.action}>{auditSentence(r, lang, actionName, levelLabel)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
