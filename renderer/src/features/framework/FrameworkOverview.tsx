import { useTranslation } from 'react-i18next';
import type { Framework } from '@shared/framework/schema';
import { formatPercent, formatPoints } from '@shared/framework/points';
import { useAppStore } from '../../stores/app-store';

/** The framework in use: fields with their items and maximum points, and the groups. */
export function FrameworkOverview({ framework, sha256 }: { framework: Framework; sha256: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  // The reviewing unit issues the official framework; a commune receives it.
  const reviewer = useAppStore((s) => s.identity?.role === 'reviewer');
  const rows = framework.fields.map((f) => {
    const items = f.criteria.flatMap((c) => c.items);
    return { code: f.code, title: f.title, count: items.length, max: items.reduce((s, i) => s + i.maxPoints, 0) };
  });
  const totalMax = rows.reduce((s, r) => s + r.max, 0);
  const totalCount = rows.reduce((s, r) => s + r.count, 0);
  return (
    <section className="card" data-testid="framework-overview">
      <h2>
        {t('home.framework')}: {framework.title} {framework.sample && <span className="badge badge-warn">{t('common.sample')}</span>}
      </h2>
      <p className="muted small">{t('home.frameworkVersion', { version: framework.version, year: framework.year, sha: sha256.slice(0, 16) })}</p>
      {framework.sample && <p className="notice notice-warn" data-testid="sample-warning">{t(reviewer ? 'home.sampleWarningReviewer' : 'home.sampleWarning')}</p>}
      <table className="table">
        <thead>
          <tr><th>{t('home.field')}</th><th className="num">{t('home.items')}</th><th className="num">{t('home.maxPoints')}</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}><td>{r.code}. {r.title}</td><td className="num">{r.count}</td><td className="num">{formatPoints(r.max, lang)}</td></tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th>{t('home.total')}</th><th className="num">{totalCount}</th><th className="num" data-testid="framework-total">{formatPoints(totalMax, lang)}</th></tr>
        </tfoot>
      </table>
      <h3>{t('home.groups')}</h3>
      <ul className="groups">
        {framework.groups.map((g) => (
          <li key={g.code}><strong>{g.label}</strong> — {t('home.groupFrom', { percent: formatPercent(g.minPercent, lang) })}</li>
        ))}
      </ul>
    </section>
  );
}
