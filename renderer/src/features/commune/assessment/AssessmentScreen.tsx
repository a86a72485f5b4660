import { useCallback, useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useAppStore } from '../../../stores/app-store';
import { CheckPanel, useChecks } from './CheckPanel';
import { AdjustmentsSection, FieldSection } from './FieldSection';
import { LockBar } from './LockBar';
import { focusItem, navigationTarget } from './navigation';
import { useAssessment } from './assessment-store';
import { SaveFailure } from './SaveFailure';
import { TotalsBar } from './TotalsBar';
import { AppraisalBanner, AppraisalNotesProvider } from '../appraisal/AppraisalNotes';

/** The criteria screen: the framework as a tree with live totals, keyboard first. */
/**
 * Buttons, lock and the check list: they depend on every entry, so they live here, apart
 * from the tree, which must not re-render on a keystroke.
 */
function Toolbar() {
  const { t } = useTranslation();
  const [showChecks, setShowChecks] = useState(false);
  const checks = useChecks();
  const errors = checks.filter((c) => c.severity === 'error').length;
  const warnings = checks.length - errors;
  return (
    <>
      <div className="assessment-actions">
        <button type="button" data-testid="check-toggle" aria-expanded={showChecks} onClick={() => setShowChecks(!showChecks)}>
          {t('assessment.check.button', { errors, warnings })}
        </button>
        <Link to="/assessment/load" className="button">{t('assessment.load.menu')}</Link>
        <Link to="/assessment/summary" className="button" data-testid="to-summary">{t('assessment.summary.menu')}</Link>
        <LockBar errors={errors} />
      </div>
      <p className="muted small">{t('assessment.keyboardHint')}</p>
      {showChecks && <CheckPanel checks={checks} onJump={(code) => focusItem(code)} />}
    </>
  );
}

export function AssessmentScreen() {
  const { t } = useTranslation();
  const identity = useAppStore((s) => s.identity);
  const status = useAssessment((s) => s.status);
  const loadError = useAssessment((s) => s.loadError);
  const framework = useAssessment((s) => s.framework);
  const version = useAssessment((s) => s.version);
  const order = useAssessment((s) => s.order);
  const fieldOf = useAssessment((s) => s.fieldOf);
  const load = useAssessment((s) => s.load);
  const flush = useAssessment((s) => s.flush);
  useEffect(() => {
    void load();
    // Leaving the screen saves what is still waiting for its debounce.
    return () => void flush();
  }, [load, flush]);
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const target = navigationTarget(e, order, fieldOf);
      if (target) {
        e.preventDefault();
        void flush();
        focusItem(target);
      }
    },
    [order, fieldOf, flush],
  );
  if (identity?.role !== 'commune') return <p className="notice">{t('assessment.reviewerOnly')}</p>;
  if (status === 'error') return <ErrorNotice error={loadError} />;
  if (!framework) return <p>{t('common.loading')}</p>;
  const adjustmentCodes = (framework.adjustments ?? []).map((a) => a.code);
  return (
    <AppraisalNotesProvider>
      <div className="assessment" data-testid="assessment-screen" onKeyDown={onKeyDown}>
        <div className="assessment-top">
          <h1>{t('assessment.title', { year: identity.year })}</h1>
          <TotalsBar />
          <SaveFailure />
          <Toolbar />
        </div>
        <AppraisalBanner />
        <div className="assessment-tree" data-testid="assessment-tree" data-ready={status === 'ready' ? 'yes' : 'no'}>
          {framework.fields.map((f) => <FieldSection key={f.code} field={f} version={version} />)}
          <AdjustmentsSection codes={adjustmentCodes} version={version} />
        </div>
      </div>
    </AppraisalNotesProvider>
  );
}
