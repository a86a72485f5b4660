import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPoints } from '@shared/framework/points';
import type { FrameworkCriterion, FrameworkField } from '@shared/framework/schema';
import { ItemCard } from './ItemCard';
import { useAssessment } from './assessment-store';
import { useAnyVisible } from './outline-store';

/** One field (lĩnh vực): progress header, its criteria and items. Items re-render on their own. */
export const FieldSection = memo(function FieldSection({ field, version }: { field: FrameworkField; version: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const node = useAssessment((s) => s.scores?.fields[field.code]);
  const shown = useAnyVisible(field.criteria.flatMap((c) => c.items.map((i) => i.code)));
  return (
    <section className="field-section card" data-field={field.code} data-testid={`field-${field.code}`} hidden={!shown}>
      <header className="field-head">
        <h2>{field.code}. {field.title}</h2>
        {node && (
          <span className="field-progress" data-testid={`progress-${field.code}`}>
            {t('assessment.fieldProgress', { done: node.done, required: node.required, points: formatPoints(node.points, lang), max: formatPoints(node.max, lang) })}
          </span>
        )}
      </header>
      {field.criteria.map((c) => <CriterionBlock key={c.code} criterion={c} version={version} />)}
    </section>
  );
});

/** A criterion's heading, its whole-criterion mark and its items; hidden when the filter shows none of them. */
function CriterionBlock({ criterion: c, version }: { criterion: FrameworkCriterion; version: number }) {
  const shown = useAnyVisible(c.items.map((i) => i.code));
  return (
    <div className="criterion" hidden={!shown}>
      {!(c.items.length === 1 && c.items[0]?.code === c.code) && <h3>{c.code}. {c.title}</h3>}
      {c.notApplicable && !c.items.some((i) => i.code === c.code) && <CriterionNotApplicable criterion={c} />}
      {c.items.map((i) => <ItemCard key={`${i.code}:${version}`} code={i.code} />)}
    </div>
  );
}

/**
 * A whole criterion marked not applicable ("không có nhiệm vụ được giao"), where the framework
 * allows it: stored as the entry keyed by the criterion's code; the engine counts it by the
 * criterion's mode (left out of the maximum, full points, or a fixed number of points).
 */
function CriterionNotApplicable({ criterion }: { criterion: FrameworkCriterion }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const marked = useAssessment((s) => s.entries[criterion.code]?.notApplicable === true);
  const locked = useAssessment((s) => !!s.lock?.finalised);
  const node = useAssessment((s) => s.scores?.criteria[criterion.code]);
  const setEntry = useAssessment((s) => s.setEntry);
  const mode = criterion.notApplicable!;
  const how = mode === 'points' ? t('assessment.criterionNa.points', { points: formatPoints(criterion.notApplicablePoints ?? 0, lang) }) : t(`assessment.criterionNa.${mode}`);
  return (
    <label className="item-na criterion-na" data-testid={`criterion-na-${criterion.code}`}>
      <input type="checkbox" checked={marked} disabled={locked} onChange={(e) => setEntry(criterion.code, e.target.checked ? { notApplicable: true } : null)} />
      {t('assessment.criterionNa.label')} <span className="muted small">({how})</span>
      {marked && node?.notApplicable && <span className="badge" data-testid={`criterion-na-points-${criterion.code}`}>{t('assessment.pointsOf', { points: formatPoints(node.points, lang), max: formatPoints(node.max, lang) })}</span>}
    </label>
  );
}

/** Bonus and penalty lines, entered like manual items. */
export const AdjustmentsSection = memo(function AdjustmentsSection({ codes, version }: { codes: string[]; version: number }) {
  const { t } = useTranslation();
  const shown = useAnyVisible(codes);
  if (codes.length === 0) return null;
  return (
    <section className="field-section card" data-field="adjustments" data-testid="field-adjustments" hidden={!shown}>
      <header className="field-head"><h2>{t('assessment.adjustments')}</h2></header>
      {codes.map((c) => <ItemCard key={`${c}:${version}`} code={c} />)}
    </section>
  );
});
