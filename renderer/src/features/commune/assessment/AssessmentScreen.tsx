import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FocusEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useApiCall } from '../../../lib/use-api-call';
import { useAppStore } from '../../../stores/app-store';
import { useChecks } from './CheckPanel';
import { CheckDrawer } from './CheckDrawer';
import { AdjustmentsSection, FieldSection } from './FieldSection';
import { LockBar } from './LockBar';
import { focusItem, itemOf, navigationTarget } from './navigation';
import { itemMarks } from './outline';
import { useOutline } from './outline-store';
import { EmptyFilter, OutlineFilters, OutlinePanel } from './OutlinePanel';
import { useAssessment } from './assessment-store';
import { SaveFailure } from './SaveFailure';
import { TotalsBar } from './TotalsBar';
import { AppraisalBanner, AppraisalNotesProvider } from '../appraisal/AppraisalNotes';
import './assessment.css';

/** How long the cursor rests on an item before it is remembered as the place to come back to. */
const REMEMBER_AFTER_MS = 600;

/**
 * The criteria screen: a one-line sticky bar (totals, save state, the check list in a drawer),
 * the outline of fields and items with their marks and filters on the left, the items on the
 * right; keyboard first. The tree does not re-render on a keystroke: items subscribe to their own
 * data and to whether the filter shows them.
 */
export function AssessmentScreen() {
  const { t } = useTranslation();
  const identity = useAppStore((s) => s.identity);
  const status = useAssessment((s) => s.status);
  const loadError = useAssessment((s) => s.loadError);
  const framework = useAssessment((s) => s.framework);
  const version = useAssessment((s) => s.version);
  const order = useAssessment((s) => s.order);
  const fieldOf = useAssessment((s) => s.fieldOf);
  const scores = useAssessment((s) => s.scores);
  const load = useAssessment((s) => s.load);
  const flush = useAssessment((s) => s.flush);
  const checks = useChecks();
  const marks = useMemo(() => (scores ? itemMarks(order, scores, checks) : {}), [order, scores, checks]);
  const outlineOpen = useOutline((s) => s.open);
  const setOutlineOpen = useOutline((s) => s.setOpen);
  const refresh = useOutline((s) => s.refresh);
  const keepItem = useOutline((s) => s.keepItem);
  const [checksOpen, setChecksOpen] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  const checkButton = useRef<HTMLButtonElement>(null);
  const remember = useApiCall();
  const restore = useApiCall();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const restored = useRef(false);
  const commune = identity?.role === 'commune';

  useEffect(() => {
    void load();
    // Leaving the screen saves what is still waiting for its debounce.
    return () => {
      void flush();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [load, flush]);
  useEffect(() => refresh(marks), [marks, refresh]);

  // Back to the item the clerk was on last (this year), once the items are on screen.
  useEffect(() => {
    if (!commune || status !== 'ready' || restored.current) return;
    restored.current = true;
    void restore.run((api) => api.assessment.lastItem(), { background: true }).then((code) => {
      if (!code || document.activeElement?.closest('[data-item-code]')) return;
      keepItem(code, marks);
      setCurrent(code);
      requestAnimationFrame(() => focusItem(code));
    });
  }, [commune, status, restore, keepItem, marks]);

  const go = useCallback((code: string) => {
    keepItem(code, marks);
    void flush();
    requestAnimationFrame(() => focusItem(code));
  }, [keepItem, marks, flush]);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      // Under a filter the keys move through the items it shows.
      const visible = useOutline.getState().visible;
      const target = navigationTarget(e, visible ? order.filter((c) => visible.has(c)) : order, fieldOf);
      if (target) {
        e.preventDefault();
        void flush();
        focusItem(target);
      }
    },
    [order, fieldOf, flush],
  );
  // The item in focus: highlighted in the outline, kept shown under the filter, remembered.
  const onFocus = useCallback(
    (e: FocusEvent<HTMLDivElement>) => {
      const code = itemOf(e.target)?.dataset['itemCode'];
      if (!code || code === current) return;
      setCurrent(code);
      keepItem(code, marks);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void remember.run((api) => api.assessment.setLastItem({ code }), { background: true }), REMEMBER_AFTER_MS);
    },
    [current, keepItem, marks, remember],
  );

  if (!commune) return <p className="notice">{t('assessment.reviewerOnly')}</p>;
  if (status === 'error') return <ErrorNotice error={loadError} />;
  if (!framework) return <p>{t('common.loading')}</p>;
  const adjustmentCodes = (framework.adjustments ?? []).map((a) => a.code);
  // What stops finalising (errors and required items not entered) and, of it, the real errors.
  const blocking = checks.filter((c) => c.severity === 'error').length;
  const errors = checks.filter((c) => c.severity === 'error' && c.key !== 'missing').length;
  const warnings = checks.filter((c) => c.severity === 'warning').length;
  return (
    <AppraisalNotesProvider>
      <div className="assessment" data-testid="assessment-screen" onKeyDown={onKeyDown} onFocus={onFocus}>
        <div className="assessment-head">
          <h1>{t('assessment.title', { year: identity.year })}</h1>
          <div className="assessment-actions">
            <Link to="/assessment/load" className="button">{t('assessment.load.menu')}</Link>
            <Link to="/assessment/summary" className="button" data-testid="to-summary">{t('assessment.summary.menu')}</Link>
            <LockBar errors={blocking} />
          </div>
        </div>
        <div className="assessment-top">
          <TotalsBar errors={errors} warnings={warnings} checksOpen={checksOpen} onChecks={() => setChecksOpen(!checksOpen)} checkButton={checkButton}
            outlineOpen={outlineOpen} onOutline={() => setOutlineOpen(!outlineOpen)} />
          <SaveFailure />
        </div>
        <AppraisalBanner />
        <div className={`assessment-layout${outlineOpen ? '' : ' outline-closed'}`}>
          {outlineOpen && (
            <div id="criteria-outline" className="outline-column">
              <OutlinePanel framework={framework} marks={marks} current={current} onGo={go} />
            </div>
          )}
          <div className="assessment-main">
            <OutlineFilters marks={marks} />
            <p className="muted small keyboard-hint">{t('assessment.keyboardHint')}</p>
            <EmptyFilter marks={marks} />
            <div className="assessment-tree" data-testid="assessment-tree" data-ready={status === 'ready' ? 'yes' : 'no'}>
              {framework.fields.map((f) => <FieldSection key={f.code} field={f} version={version} />)}
              <AdjustmentsSection codes={adjustmentCodes} version={version} />
            </div>
          </div>
        </div>
        {checksOpen && <CheckDrawer checks={checks} opener={checkButton} onClose={() => setChecksOpen(false)} onJump={go} />}
      </div>
    </AppraisalNotesProvider>
  );
}
