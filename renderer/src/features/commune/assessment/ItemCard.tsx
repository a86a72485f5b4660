import { memo, useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatPercent, formatPoints } from '@shared/framework/points';
import type { FrameworkItem } from '@shared/framework/schema';
import type { ValidationIssue } from '@shared/scoring/engine';
import { EvidencePanel } from './EvidencePanel';
import { AppraisalNoteBox } from '../appraisal/AppraisalNotes';
import type { FormProblem, ItemForm } from './entry-form';
import { entryFromForm, formFromEntry } from './entry-form';
import { useAssessment } from './assessment-store';
import { useOutline } from './outline-store';

function FieldError({ issues, problems, field }: { issues: ValidationIssue[]; problems: FormProblem[]; field: string }) {
  const { t } = useTranslation();
  const own = issues.filter((i) => i.field === field);
  const local = problems.filter((p) => p.field === field);
  if (!own.length && !local.length) return null;
  return (
    <div className="item-issue" role="alert" data-testid={`issue-${field}`}>
      {local.map((p) => <div key={p.key}>{t(`assessment.input.${p.key}`)}</div>)}
      {own.map((i) => <div key={i.code} data-code={i.code}>{i.message}</div>)}
    </div>
  );
}

/** The inputs its rule needs; registered with react-hook-form. */
function RuleInputs({ item, form, issues, problems, disabled }: {
  item: FrameworkItem; form: ReturnType<typeof useForm<ItemForm>>; issues: ValidationIssue[]; problems: FormProblem[]; disabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const { register } = form;
  const na = form.watch('na');
  const rule = item.rule;
  const off = disabled || na;
  const num = (name: 'numerator' | 'denominator' | 'complement' | 'events' | 'units', label: string) => (
    <label className="item-input">
      <span>{label}</span>
      <input inputMode="numeric" autoComplete="off" data-nav data-testid={`in-${name}`} disabled={off} aria-invalid={issues.some((i) => i.field === name)} {...register(name)} />
      <FieldError issues={issues} problems={problems} field={name} />
    </label>
  );
  switch (rule.type) {
    case 'manual':
      return (
        <label className="item-input">
          <span>{t('assessment.input.points', { step: formatPoints(rule.step, lang) })}</span>
          <input inputMode="decimal" autoComplete="off" data-nav data-testid="in-points" disabled={off} {...register('points')} />
          <FieldError issues={issues} problems={problems} field="points" />
        </label>
      );
    case 'binary':
      return (
        <label className="item-input">
          <span>{t('assessment.input.done')}?</span>
          <select data-nav data-testid="in-done" disabled={off} {...register('done')}>
            <option value="">{t('assessment.input.chooseLevel')}</option>
            <option value="yes">{t('assessment.input.done')}</option>
            <option value="no">{t('assessment.input.notDone')}</option>
          </select>
        </label>
      );
    case 'tiered':
      return (
        <label className="item-input wide">
          <span>{t('assessment.input.level')}</span>
          <select data-nav data-testid="in-level" disabled={off} {...register('level')}>
            <option value="">{t('assessment.input.chooseLevel')}</option>
            {rule.levels.map((l) => <option key={l.id} value={l.id}>{l.label} — {formatPoints(l.points, lang)}</option>)}
          </select>
          <FieldError issues={issues} problems={problems} field="level" />
        </label>
      );
    case 'deduction':
      return num('events', rule.eventLabel);
    case 'increment':
      return (
        <>
          {num('units', rule.unitLabel)}
          <span className="muted small">{t('assessment.input.perUnit', { points: formatPoints(rule.perUnit, lang), max: formatPoints(item.maxPoints, lang) })}</span>
        </>
      );
    case 'formula':
      return (
        <div className="ratio-inputs formula-inputs">
          {rule.inputs.map((i) => (
            <label key={i.name} className="item-input">
              <span>{i.label}</span>
              <input inputMode={(i.kind ?? 'count') === 'number' ? 'decimal' : 'numeric'} autoComplete="off" data-nav data-testid={`in-values-${i.name}`} disabled={off} {...register(`values.${i.name}`)} />
              <FieldError issues={[]} problems={problems} field={`values.${i.name}`} />
            </label>
          ))}
          <FieldError issues={issues} problems={[]} field="values" />
        </div>
      );
    case 'bands':
    case 'ratio':
    case 'ratio-target':
      return (
        <div className="ratio-inputs">
          {num('numerator', rule.numeratorLabel)}
          {num('denominator', rule.denominatorLabel)}
          {rule.complementLabel && num('complement', rule.complementLabel)}
        </div>
      );
    case 'survey':
      // Points the commune enters itself (a survey it did not key here); otherwise from the forms.
      if (rule.source !== 'entered') return null;
      return (
        <label className="item-input">
          <span>{t('assessment.input.surveyEntered')}</span>
          <input inputMode="decimal" autoComplete="off" data-nav data-testid="in-points" disabled={off} {...register('points')} />
          <FieldError issues={issues} problems={problems} field="points" />
        </label>
      );
  }
}

/** One item: scoring text, inputs, live points, explanation, evidence. Re-renders only for its own data. */
export const ItemCard = memo(function ItemCard({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const item = useAssessment((s) => s.itemsByCode.get(code)!);
  const initial = useAssessment.getState().entries[code];
  const score = useAssessment((s) => s.scores?.items[code] ?? s.scores?.adjustments.items[code]);
  const locked = useAssessment((s) => !!s.lock?.finalised);
  const explanation = useAssessment((s) => s.explanations[code] ?? '');
  const setEntry = useAssessment((s) => s.setEntry);
  const setExplanation = useAssessment((s) => s.setExplanation);
  const flush = useAssessment((s) => s.flush);
  const shown = useOutline((s) => s.visible === null || s.visible.has(code));
  const defaults = useMemo(() => formFromEntry(initial), [initial]);
  const form = useForm<ItemForm>({ defaultValues: defaults });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  useEffect(() => {
    const sub = form.watch((values) => {
      const result = entryFromForm(item, values as ItemForm);
      setProblems(result.problems);
      if (result.problems.length === 0) setEntry(code, result.entry);
    });
    return () => sub.unsubscribe();
  }, [form, item, code, setEntry]);
  const issues = score?.issues ?? [];
  // Survey items scored from the keyed forms have no inputs here; entered survey points do.
  const survey = item.rule.type === 'survey' && item.rule.source !== 'entered';
  const status = score?.status ?? 'empty';
  return (
    <article className={`item-card status-${status}`} data-item-code={code} data-testid={`item-${code}`} tabIndex={-1} hidden={!shown} onBlur={() => void flush()}>
      <header className="item-head">
        <span className="item-code">{code}</span>
        <h4>{item.title}</h4>
        <span className="item-points" data-testid={`points-${code}`}>
          {survey && status === 'empty' ? t('assessment.input.surveyNone') : t('assessment.pointsOf', { points: formatPoints(score?.points ?? 0, lang), max: formatPoints(item.maxPoints, lang) })}
        </span>
        <span className={`badge item-status-${status}`}>{t(`assessment.status.${status}`)}</span>
      </header>
      <p className="item-scoring muted small">{item.scoringText}</p>
      {survey ? (
        <p className="item-survey">
          {t('assessment.input.survey')}: {status === 'empty' ? <em>{t('assessment.input.surveyNone')}</em> : <strong>{formatPoints(score?.points ?? 0, lang)}</strong>}{' '}
          <Link to="/survey" className="button survey-link" data-testid={`survey-link-${code}`}>{t('assessment.outline.surveyLink')}</Link>
        </p>
      ) : (
        <div className="item-inputs">
          <RuleInputs item={item} form={form} issues={issues} problems={problems} disabled={locked} />
          {score?.percent !== undefined && <span className="item-percent" data-testid={`percent-${code}`}>{t('assessment.input.percent', { percent: formatPercent(score.percent, lang) })}</span>}
          {item.notApplicable !== 'not-allowed' && (
            <label className="item-na">
              <input type="checkbox" data-nav data-testid="in-na" disabled={locked} {...form.register('na')} />
              {t('assessment.input.na')} <span className="muted small">({item.notApplicable === 'exclude' ? t('assessment.input.naExclude') : t('assessment.input.naFull')})</span>
            </label>
          )}
          <FieldError issues={issues} problems={[]} field="notApplicable" />
          <FieldError issues={issues} problems={[]} field="input" />
        </div>
      )}
      {!survey && (
        <label className="item-explanation">
          <span>{t('assessment.explanation')}</span>
          <textarea rows={1} data-testid="in-explanation" disabled={locked} placeholder={t('assessment.explanationPlaceholder')} value={explanation}
            onChange={(e) => setExplanation(code, e.target.value)} />
        </label>
      )}
      {!survey && <EvidencePanel code={code} expected={item.evidence} />}
      <AppraisalNoteBox code={code} />
    </article>
  );
});
