import { useTranslation } from 'react-i18next';
import type { ReportView } from '@shared/ipc/report';
import { viHundredths, viPercent } from '@shared/report/format';
import { printable } from '@shared/text';

const signed = (v: number): string => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${viHundredths(Math.abs(v))}`;

/** The unit's figures: count, mean and its change, extremes, ratio, groups, survey, forms, receipt, pending appraisal. */
export function FiguresPanel({ view }: { view: ReportView }) {
  const { t } = useTranslation();
  const f = view.figures;
  const nameOf = new Map(view.rows.map((r) => [r.code, r.name]));
  const names = (codes: readonly string[]) => codes.map((c) => printable(nameOf.get(c) ?? c)).join(', ');
  return (
    <div className="card figures" data-testid="report-figures">
      <h2>{t('reviewReport.figures.title')}</h2>
      <dl className="figure-grid">
        <div><dt>{t('reviewReport.figures.communes')}</dt><dd data-testid="fig-communes">{f.communes}</dd></div>
        <div>
          <dt>{t('reviewReport.figures.mean')}</dt>
          <dd data-testid="fig-mean">{f.mean === null ? '—' : viPercent(f.mean)}</dd>
          <dd className="muted" data-testid="fig-mean-change">
            {f.meanChange === null ? t('reviewReport.figures.noLastYear') : `${t('reviewReport.figures.change', { year: f.lastYear })}: ${signed(f.meanChange)} điểm %`}
          </dd>
        </div>
        {f.highest && (
          <div>
            <dt>{t('reviewReport.figures.highest')}</dt>
            <dd data-testid="fig-highest">{printable(f.highest.tied.map((c) => c.name).join(', '))} ({viPercent(f.highest.index)})</dd>
            {f.highestGapToMean !== null && <dd className="muted">{t('reviewReport.figures.gapHigh', { gap: viHundredths(f.highestGapToMean) })}</dd>}
          </div>
        )}
        {f.lowest && (
          <div>
            <dt>{t('reviewReport.figures.lowest')}</dt>
            <dd data-testid="fig-lowest">{printable(f.lowest.tied.map((c) => c.name).join(', '))} ({viPercent(f.lowest.index)})</dd>
            {f.lowestGapToMean !== null && <dd className="muted">{t('reviewReport.figures.gapLow', { gap: viHundredths(f.lowestGapToMean) })}</dd>}
          </div>
        )}
        <div><dt>{t('reviewReport.figures.ratio')}</dt><dd data-testid="fig-ratio">{f.ratio === null ? '—' : t('reviewReport.figures.times', { ratio: viHundredths(f.ratio) })}</dd></div>
        {f.survey && <div><dt>{t('reviewReport.figures.survey')}</dt><dd>{viHundredths(f.survey.averagePoints)} / {viHundredths(f.survey.averageMax)}</dd></div>}
        {f.forms && (
          <div>
            <dt>{t('reviewReport.figures.forms')}</dt>
            <dd>{t('reviewReport.figures.formsValue', { collected: f.forms.collected, target: f.forms.target, share: f.forms.share === null ? '—' : viPercent(f.forms.share) })}</dd>
          </div>
        )}
        {f.submissions && f.submissions.late.length > 0 && <div><dt>{t('reviewReport.figures.late')}</dt><dd data-testid="fig-late">{names(f.submissions.late)}</dd></div>}
        {f.submissions && f.submissions.notReceived.length > 0 && <div><dt>{t('reviewReport.figures.notReceived')}</dt><dd>{names(f.submissions.notReceived)}</dd></div>}
        {f.pendingAppraisal.items > 0 && (
          <div><dt>{t('reviewReport.figures.pending')}</dt><dd data-testid="fig-pending">{t('reviewReport.figures.pendingValue', { communes: f.pendingAppraisal.communes.length, items: f.pendingAppraisal.items })}</dd></div>
        )}
      </dl>
      <h3>{t('reviewReport.figures.groups')}</h3>
      <ul className="group-list" data-testid="fig-groups">
        {f.groups.map((g) => (
          <li key={g.code} data-group={g.code}>
            <strong>{printable(g.label)}</strong>: {t('reviewReport.figures.members', { count: g.members.length })}{g.members.length > 0 && g.members.length <= 30 ? ` (${names(g.members)})` : ''}
          </li>
        ))}
      </ul>
      {f.lostItems.length > 0 && (
        <>
          <h3>{t('reviewReport.figures.lost')}</h3>
          <ol className="lost-list">
            {f.lostItems.slice(0, 5).map((i) => (
              <li key={i.code}><span className="mono">{i.code}</span> {printable(i.title ?? '')}: {t('reviewReport.figures.lostValue', { lost: viHundredths(i.lost), count: i.communesLosing })}</li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
