import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ChecklistStep, ChecklistStepId, YearChecklist as Checklist } from '@shared/ipc/home';
import { isoToDateText } from '../../components/date-text';

/** Where each row's button leads. */
const ROUTE: Record<ChecklistStepId, string> = {
  framework: '/framework', assessment: '/assessment', survey: '/survey', finalise: '/assessment',
  key: '/keys', backup: '/keys', enrolment: '/keys', export: '/package',
};

function detailKey(r: ChecklistStep): string {
  switch (r.step) {
    case 'framework': return `framework_${r.note ?? 'official'}`;
    case 'assessment': return 'assessment';
    case 'survey': return r.note === 'beyond' ? 'survey_beyond' : r.note === 'reached' ? 'survey_reached' : 'survey';
    case 'finalise': return r.state === 'done' ? 'finalise_done' : 'finalise_todo';
    case 'key': return r.state === 'done' ? 'key_done' : 'key_todo';
    case 'backup': return r.state === 'done' ? 'backup_done' : 'backup_todo';
    case 'enrolment': return `enrolment_${r.state === 'done' ? 'done' : r.state === 'waiting' ? 'waiting' : 'todo'}`;
    case 'export': return r.note === 'resend' ? 'export_resend' : r.counts['revision'] ? 'export_done' : 'export_todo';
  }
}

/** The export row's deadline: the date, the days left (overdue in red) while unsent, and where the date came from. */
function Deadline({ row, source }: { row: ChecklistStep; source: 'signed' | 'typed' | null }) {
  const { t } = useTranslation();
  const days = row.counts['daysLeft'] ?? 0;
  return (
    <span data-testid="checklist-deadline">
      {isoToDateText(row.deadline)}
      {row.state !== 'done' && (
        days < 0
          ? <strong className="overdue" data-testid="checklist-overdue"> ({t('checklist.overdue', { count: -days })})</strong>
          : <span> ({days === 0 ? t('checklist.dueToday') : t('checklist.daysLeft', { count: days })})</span>
      )}
      {source && <span className="muted small deadline-source">{t(`checklist.deadlineSource.${source}`)}</span>}
    </span>
  );
}

/** "Việc cần làm năm YYYY": one row per step, its state, figures, deadline and a button. */
export function YearChecklist({ checklist }: { checklist: Checklist }) {
  const { t } = useTranslation();
  return (
    <section className="card" data-testid="year-checklist">
      <h2>{t('checklist.title', { year: checklist.year })}</h2>
      <table className="table checklist">
        <thead>
          <tr><th>{t('checklist.step')}</th><th>{t('checklist.state')}</th><th>{t('checklist.detail')}</th><th>{t('checklist.deadline')}</th><th /></tr>
        </thead>
        <tbody>
          {checklist.steps.map((r) => (
            <tr key={r.step} data-step={r.step} data-state={r.state}>
              <th scope="row">{t(`checklist.steps.${r.step}`)}</th>
              <td><span className={`badge step-${r.state}`}>{t(`checklist.states.${r.state}`)}</span></td>
              <td>{t(`checklist.detailText.${detailKey(r)}`, r.counts)}</td>
              <td className="nowrap">{r.deadline ? <Deadline row={r} source={checklist.deadline?.source ?? null} /> : t('checklist.noDeadline')}</td>
              <td>
                {r.state !== 'done' && (
                  <Link className="button-link" to={ROUTE[r.step]} data-testid={`checklist-go-${r.step}`}>{t(`checklist.go.${r.step}`)}</Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
