import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPoints } from '@shared/framework/points';
import type { Check } from './checks';
import { runChecks } from './checks';
import { useAssessment } from './assessment-store';

/** The current check list; recomputed when entries, evidence or explanations change. */
export function useChecks(): Check[] {
  const order = useAssessment((s) => s.order);
  const itemsByCode = useAssessment((s) => s.itemsByCode);
  const entries = useAssessment((s) => s.entries);
  const explanations = useAssessment((s) => s.explanations);
  const documents = useAssessment((s) => s.documents);
  const files = useAssessment((s) => s.files);
  const scores = useAssessment((s) => s.scores);
  return useMemo(() => {
    if (!scores) return [];
    const evidenceCount = new Map<string, number>();
    for (const d of [...documents, ...files]) evidenceCount.set(d.itemCode, (evidenceCount.get(d.itemCode) ?? 0) + 1);
    return runChecks({ order, itemsByCode, entries, explanations, evidenceCount, scores });
  }, [order, itemsByCode, entries, explanations, documents, files, scores]);
}

/** "Kiểm tra": every error and warning with a jump to its item. */
export function CheckPanel({ checks, onJump }: { checks: Check[]; onJump(code: string): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const text = (c: Check): string =>
    c.key === null ? c.text : t(`assessment.check.${c.key}`, { code: c.code, points: formatPoints(c.points ?? 0, lang) });
  return (
    <section className="check-panel" data-testid="check-panel" aria-live="polite">
      {checks.filter((c) => c.severity === 'error').length === 0 && <p className="notice">{t('assessment.check.ok')}</p>}
      <ul>
        {checks.map((c, i) => (
          <li key={`${c.code}-${i}`} className={`check-${c.severity}`} data-testid="check-row" data-code={c.code} data-severity={c.severity}>
            {/* A required item not entered stops finalising but is "chưa nhập", not an error. */}
            {c.key === 'missing'
              ? <span className="badge item-status-empty">{t('assessment.outline.mark.empty')}</span>
              : <span className={`badge ${c.severity === 'error' ? 'badge-error' : 'badge-warn'}`}>{t(`assessment.check.${c.severity}`)}</span>}{' '}
            {text(c)}{' '}
            <button type="button" className="link" data-testid={`jump-${c.code}`} onClick={() => onJump(c.code)}>{t('assessment.check.jump', { code: c.code })}</button>
          </li>
        ))}
        <li className="check-info muted small">{t('assessment.check.noPriorYear')}</li>
      </ul>
    </section>
  );
}
