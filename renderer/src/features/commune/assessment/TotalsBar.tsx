import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent, formatPoints } from '@shared/framework/points';
import { indexBreakdown, indexLine } from '@shared/scoring/breakdown';
import { formatDateTime } from '../../../lib/format';
import { useAssessment } from './assessment-store';

/**
 * The one-line sticky bar: the outline toggle, live total, index and group, the autosave state
 * and the check list's button. The figures behind the index are on hover.
 */
export function TotalsBar({ errors, warnings, checksOpen, onChecks, checkButton, outlineOpen, onOutline }: {
  errors: number; warnings: number; checksOpen: boolean; onChecks(): void; checkButton: Ref<HTMLButtonElement>;
  outlineOpen: boolean; onOutline(): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const scores = useAssessment((s) => s.scores);
  const savedAt = useAssessment((s) => s.savedAt);
  const pending = useAssessment((s) => s.pending);
  const saveError = useAssessment((s) => s.saveError);
  if (!scores) return null;
  // No group before anything is entered, "tạm tính" until the survey is complete.
  const b = indexBreakdown(scores);
  const total = scores.total;
  const index = b.indexPercent;
  const group = b.empty ? t('assessment.summary.nothingEntered') : (b.group?.label ?? null);
  const time = savedAt ? new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(savedAt)) : '';
  const totalTitle = `${t('assessment.applicable', { max: formatPoints(total.applicableMax, lang) })} · ${t('assessment.bonusPenalty', { bonus: formatPoints(b.bonus, lang), penalty: formatPoints(b.penalty, lang) })}`;
  return (
    <div className="totals-bar" data-testid="totals-bar">
      <button type="button" className="bar-outline" data-testid="outline-toggle" aria-expanded={outlineOpen} aria-controls="criteria-outline" onClick={onOutline}>
        ☰ {t('assessment.outline.title')}
      </button>
      <span className="bar-figure" title={totalTitle}>
        <span className="muted">{t('assessment.total')}</span> <strong data-testid="total-points">{formatPoints(total.points, lang)}</strong>
        <span className="muted bar-max">/{formatPoints(total.applicableMax, lang)}</span>
      </span>
      <span className="bar-figure" title={indexLine(b, lang)}>
        <span className="muted">{t('assessment.index')}</span> <strong data-testid="total-index">{index === null ? '—' : formatPercent(index, lang)}</strong>
        {b.provisional && !b.empty && <span className="badge" data-testid="total-provisional">{t('assessment.provisional')}</span>}
      </span>
      <span className="bar-figure bar-group" title={group ?? t('assessment.noGroup')}>
        <span className="muted">{t('assessment.group')}</span> <strong data-testid="total-group">{group ?? t('assessment.noGroup')}</strong>
      </span>
      <span className={`save-state${saveError ? ' save-failed' : ''}`} data-testid="save-state" title={savedAt ? formatDateTime(savedAt, lang) : ''}>
        {saveError ? t('assessment.saveFailed') : pending > 0 ? t('assessment.saving') : savedAt ? t('assessment.saved', { time }) : t('assessment.notSaved')}
      </span>
      <button type="button" ref={checkButton} className={`bar-checks${errors > 0 ? ' has-errors' : ''}`} data-testid="check-toggle" aria-expanded={checksOpen} aria-haspopup="dialog" onClick={onChecks}>
        {t('assessment.check.button', { errors, warnings })}
      </button>
    </div>
  );
}
