import { useTranslation } from 'react-i18next';
import { compareFrameworks } from '@shared/framework/compare';
import { formatPoints } from '@shared/framework/points';
import type { Framework } from '@shared/framework/schema';

/** What differs from `before` to `after`: items new, gone, moved, changed (matched by code). */
export function CompareView({ before, after }: { before: Framework; after: Framework }) {
  const { t } = useTranslation();
  const d = compareFrameworks(before, after);
  const rows: { kind: 'added' | 'removed' | 'moved' | 'changed'; code: string; title: string; detail: string }[] = [
    ...d.added.map((i) => ({ kind: 'added' as const, code: i.code, title: i.title, detail: `${i.place} · ${formatPoints(i.maxPoints)}` })),
    ...d.removed.map((i) => ({ kind: 'removed' as const, code: i.code, title: i.title, detail: `${i.place} · ${formatPoints(i.maxPoints)}` })),
    ...d.moved.map((m) => ({ kind: 'moved' as const, code: m.code, title: m.title, detail: `${m.from} → ${m.to}` })),
    ...d.changed.map((c) => ({
      kind: 'changed' as const, code: c.code, title: c.title,
      detail: c.aspects.map((a) => (a === 'maxPoints' ? `${t(`reviewFrameworks.aspects.${a}`)} ${formatPoints(c.before.maxPoints)} → ${formatPoints(c.after.maxPoints)}` : t(`reviewFrameworks.aspects.${a}`))).join(', '),
    })),
  ];
  return (
    <div data-testid="framework-compare">
      <p data-testid="compare-summary"><strong>{t('reviewFrameworks.diffSummary', { added: d.added.length, removed: d.removed.length, moved: d.moved.length, changed: d.changed.length, unchanged: d.unchanged })}</strong></p>
      {rows.length > 0 && (
        <table className="table compact">
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kind}-${r.code}`} data-kind={r.kind}>
                <td><span className={r.kind === 'removed' ? 'badge badge-error' : r.kind === 'added' ? 'badge badge-added' : 'badge badge-warn'}>{t(`reviewFrameworks.diff.${r.kind}`)}</span></td>
                <td className="mono">{r.code}</td>
                <td>{r.title}</td>
                <td className="small">{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
