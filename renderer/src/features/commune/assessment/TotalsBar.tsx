import { useTranslation } from 'react-i18next';
import { formatPercent, formatPoints } from '@shared/framework/points';
import { indexBreakdown, indexLine } from '@shared/scoring/breakdown';
import { formatDateTime } from '../../../lib/format';
import { useAssessment } from './assessment-store';

/** Live total, index and group, and the autosave state. Subscribes to the totals only. */
export function TotalsBar() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const scores = useAssessment((s) => s.scores);
  const savedAt = useAssessment((s) => s.savedAt);
  const pending = useAssessment((s) => s.pending);
  const saveError = useAssessment((s) => s.saveError);
  if (!scores) return null;
  // The figures the index is computed from: no group before anything is entered, "tạm tính" until the survey is complete.
  const b = indexBreakdown(scores);
  const total = scores.total;
  const index = b.indexPercent;
  const group = b.empty ? t('assessment.summary.nothingEntered') : (b.group?.label ?? null);
  const time = savedAt ? new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(savedAt)) : '';
  return (
    <div className="totals-bar" data-testid="totals-bar">
      <div><span className="muted small">{t('assessment.total')}</span><strong data-testid="total-points">{formatPoints(total.points, lang)}</strong><span className="muted small">{t('assessment.applicable', { max: formatPoints(total.applicableMax, lang) })}</span></div>
      <div><span className="muted small">{t('assessment.index')}</span><strong data-testid="total-index" title={indexLine(b, lang)}>{index === null ? '—' : formatPercent(index, lang)}</strong>{b.provisional && !b.empty && <span className="badge" data-testid="total-provisional">{t('assessment.provisional')}</span>}<span className="muted small">{t('assessment.bonusPenalty', { bonus: formatPoints(b.bonus, lang), penalty: formatPoints(b.penalty, lang) })}</span></div>
      <div><span className="muted small">{t('assessment.group')}</span><strong data-testid="total-group">{group ?? t('assessment.noGroup')}</strong></div>
      <div className={`save-state${saveError ? ' save-failed' : ''}`} data-testid="save-state" title={savedAt ? formatDateTime(savedAt, lang) : ''}>
        {saveError ? t('assessment.saveFailed') : pending > 0 ? t('assessment.saving') : savedAt ? t('assessment.saved', { time }) : t('assessment.notSaved')}
      </div>
    </div>
  );
}
