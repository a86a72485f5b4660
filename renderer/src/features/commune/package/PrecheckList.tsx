import { useTranslation } from 'react-i18next';
import type { ExportCheck, ExportProblem } from '@shared/ipc/export';
import { printable } from '@shared/text';

/** At most this many lines per list; the rest is counted ("và 12 mục khác"). */
const SHOWN = 6;

function ProblemLines({ problems, testId }: { problems: ExportProblem[]; testId: string }) {
  const { t } = useTranslation();
  const shown = problems.slice(0, SHOWN);
  return (
    <ul className="precheck-list" data-testid={testId}>
      {shown.map((p, i) => (
        <li key={`${p.code}-${p.itemCode ?? i}`} data-code={p.code}>
          {t(`checklist.precheck.codes.${p.code}`, { item: p.itemCode ?? '', message: printable(p.message.replace(/^Mục \S+: /u, '')), ...p.params })}
        </li>
      ))}
      {problems.length > SHOWN && <li className="muted">{t('checklist.precheck.more', { count: problems.length - SHOWN })}</li>}
    </ul>
  );
}

/** The information lines (the deadline within three days): nothing to do, nothing to override. */
function Notes({ check }: { check: ExportCheck }) {
  if (check.notes.length === 0) return null;
  return (
    <div className="notice notice-info" data-testid="precheck-notes-box">
      <ProblemLines problems={check.notes} testId="precheck-notes" />
    </div>
  );
}

/** The pre-export check: what must be done first (stops), what needs a reason (warnings), and information. */
export function PrecheckList({ check }: { check: ExportCheck }) {
  const { t } = useTranslation();
  if (check.stops.length === 0 && check.warnings.length === 0) {
    return (
      <>
        <p className="notice notice-ok" data-testid="precheck-ok">{t('checklist.precheck.ok')}</p>
        <Notes check={check} />
      </>
    );
  }
  return (
    <div className="precheck" data-testid="precheck">
      {check.stops.length > 0 && (
        <div className="notice notice-error">
          <p><strong>{t('checklist.precheck.stops')}</strong></p>
          <ProblemLines problems={check.stops} testId="precheck-stops" />
        </div>
      )}
      {/* Information before the warnings: the reason field below belongs to the warnings. */}
      <Notes check={check} />
      {check.warnings.length > 0 && (
        <div className="notice notice-warn">
          <p><strong>{t('checklist.precheck.warnings')}</strong></p>
          <ProblemLines problems={check.warnings} testId="precheck-warnings" />
        </div>
      )}
    </div>
  );
}
