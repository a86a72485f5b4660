import { indexLine } from '@shared/scoring/breakdown';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { SurveyDefinition, SurveyQuestion } from '@shared/framework/schema';
import { formatPercent, formatPoints } from '@shared/framework/points';
import type { QuestionTally } from '@shared/scoring/survey';
import type { SurveyResults } from '@shared/survey/types';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useApiLoad } from '../../../lib/use-api-call';
import { isOptionQuestion, paperSections } from './keying-model';
import { SurveyTabs } from './SurveyTabs';
import { TargetLine } from './TargetLine';
import { useSurveyDef } from './use-survey-def';

/** Counts per option of one question, as a table and a bar chart (fixed size: no layout probe). */
const QuestionResult = memo(function QuestionResult({ q, tally }: { q: SurveyQuestion; tally: QuestionTally | undefined }) {
  const { t } = useTranslation();
  if (!tally) return null;
  const data = (q.options ?? []).map((o) => ({ name: o.value, label: o.label, count: tally.counts[o.value] ?? 0 }));
  return (
    <div className="question-result card" data-testid={`result-${q.code}`}>
      <h3><span className="paper-q-code">{q.code}</span> {q.text}</h3>
      <p className="muted small">{q.feeds ? t('survey.results.feeds', { code: q.feeds }) : t('survey.results.factual')}</p>
      <div className="question-result-body">
        <table className="table compact">
          <tbody>
            {data.map((d) => (
              <tr key={d.name}><td><kbd>{d.name}</kbd> {d.label}</td><td className="num" data-testid={`count-${q.code}-${d.name}`}>{d.count}</td></tr>
            ))}
            <tr className="muted"><td>{t('survey.results.blank')}</td><td className="num">{tally.blank}</td></tr>
            {tally.invalid > 0 && <tr><td>{t('survey.results.invalid')}</td><td className="num">{tally.invalid}</td></tr>}
          </tbody>
        </table>
        <BarChart width={300} height={150} data={data} margin={{ top: 5, right: 5, bottom: 5, left: -20 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} />
          <Tooltip formatter={(v) => [String(v), t('survey.results.count')]} labelFormatter={(l) => data.find((d) => d.name === l)?.label ?? String(l)} />
          <Bar dataKey="count" fill="#0b5cad" isAnimationActive={false} />
        </BarChart>
      </div>
    </div>
  );
});

function Totals({ r }: { r: SurveyResults }) {
  const { t, i18n } = useTranslation();
  const loc = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <div className="card">
      <h2>{t('survey.results.items')}</h2>
      <table className="table" data-testid="survey-items">
        <thead><tr><th>{t('survey.results.item')}</th><th className="num">{t('survey.results.points')}</th><th className="num">{t('survey.results.max')}</th></tr></thead>
        <tbody>
          {r.items.map((i) => (
            <tr key={i.code} data-testid={`item-${i.code}`}>
              <td><strong>{i.code}</strong> {i.title}</td>
              <td className="num">{i.points === null ? <span className="muted">{t('survey.results.notYet')}</span> : formatPoints(i.points, loc)}</td>
              <td className="num">{formatPoints(i.max, loc)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th>{t('survey.results.surveyTotal')}</th><th className="num" data-testid="survey-total">{formatPoints(r.survey.points, loc)}</th><th className="num">{formatPoints(r.survey.max, loc)}</th></tr>
          <tr><th>{t('survey.results.selfTotal')}</th><th className="num" data-testid="self-total">{formatPoints(r.selfAssessment.points, loc)}</th><th className="num">{formatPoints(r.selfAssessment.max, loc)}</th></tr>
          <tr><th>{t('survey.results.total')}</th><th className="num">{formatPoints(r.total.points, loc)}</th><th className="num">{formatPoints(r.total.max, loc)}</th></tr>
          <tr>
            <th>{t('survey.results.index')}{r.group ? ` · ${t('survey.results.group')}: ${r.group}` : ''}{r.breakdown.provisional && !r.breakdown.empty ? ` (${t('survey.results.provisional')})` : ''}</th>
            <th className="num" data-testid="index">{r.indexPercent === null ? '—' : formatPercent(r.indexPercent, loc)}</th><th />
          </tr>
          <tr><td colSpan={3} className="muted small" data-testid="index-breakdown">{indexLine(r.breakdown, loc)}</td></tr>
        </tfoot>
      </table>
    </div>
  );
}

function Questions({ def, r }: { def: SurveyDefinition; r: SurveyResults }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('survey.results.questions')}</h2>
      {paperSections(def).map((s) => (
        <section key={s.code}>
          <h3>{s.title ?? t('survey.respondent')}</h3>
          <div className="question-grid">
            {s.questions.filter(({ q }) => isOptionQuestion(q)).map(({ q }) => <QuestionResult key={q.code} q={q} tally={r.tally.questions[q.code]} />)}
          </div>
        </section>
      ))}
    </>
  );
}

/** Live results: item points by the framework's weights, beside the self-assessment and index. */
export function ResultsScreen() {
  const { t } = useTranslation();
  const { def, error: defError } = useSurveyDef();
  const { data: r, error } = useApiLoad((api) => api.survey.results(), []);
  return (
    <div className="survey">
      <h1>{t('survey.title')}</h1>
      <SurveyTabs />
      <p className="muted">{t('survey.results.intro')}</p>
      <ErrorNotice error={defError ?? error} />
      {r && (
        <>
          <TargetLine progress={r.progress} testId="results-progress" />
          {r.progress.saved < r.progress.min && <div className="notice notice-warn">{t('survey.results.belowMin', { saved: r.progress.saved, min: r.progress.min })}</div>}
          <Totals r={r} />
          {def && <Questions def={def} r={r} />}
        </>
      )}
    </div>
  );
}
