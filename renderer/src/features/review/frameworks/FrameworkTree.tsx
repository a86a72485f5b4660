import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatPercent, formatPoints } from '@shared/framework/points';
import type { Framework, FrameworkItem, Rule } from '@shared/framework/schema';
import { printedNumber } from '@shared/framework/schema';

export function ruleText(t: TFunction, rule: Rule): string {
  const k = 'reviewFrameworks.rules.';
  switch (rule.type) {
    case 'manual': return t(`${k}manual`, { step: formatPoints(rule.step) });
    case 'binary': return rule.notDonePoints ? t(`${k}binaryDeduct`, { points: formatPoints(rule.notDonePoints) }) : t(`${k}binary`);
    case 'tiered': return t(`${k}tiered`, { count: rule.levels.length });
    case 'bands': return t(`${k}bands`, { bands: rule.bands.map((b) => `≥ ${formatPercent(b.minPercent)} → ${formatPoints(b.points)}`).join('; ') });
    case 'ratio': return rule.zeroBelowPercent ? t(`${k}ratioZero`, { percent: formatPercent(rule.zeroBelowPercent) }) : t(`${k}ratio`);
    case 'ratio-target': return t(`${k}ratio-target`, { percent: formatPercent(rule.targetPercent) });
    case 'deduction': return t(`${k}deduction`, { per: formatPoints(rule.perEvent), floor: formatPoints(rule.floor) });
    case 'increment': return t(`${k}increment`, { per: formatPoints(rule.perUnit) });
    case 'formula': return t(`${k}formula`, { expression: rule.expression });
    case 'survey': return rule.source === 'entered' ? t(`${k}surveyEntered`) : t(`${k}survey`);
  }
}

function naText(t: TFunction, item: FrameworkItem): string {
  return t(`reviewFrameworks.naModes.${item.notApplicable}`, { points: formatPoints(item.notApplicablePoints ?? 0) });
}

/** The framework as the reviewing unit reviews it: the tree with points, rules and N/A, the survey, the groups. */
export function FrameworkTree({ framework: fw }: { framework: Framework }) {
  const { t } = useTranslation();
  const items = fw.fields.reduce((n, f) => n + f.criteria.reduce((m, c) => m + c.items.length, 0), 0);
  const questions = fw.survey ? fw.survey.sections.reduce((n, s) => n + s.questions.length, 0) : 0;
  return (
    <div data-testid="framework-tree">
      <p className="muted">{t('reviewFrameworks.summary', { fields: fw.fields.length, items, total: formatPoints(fw.totalMax), groups: fw.groups.length })}</p>
      <table className="table compact">
        <thead>
          <tr><th>{t('reviewFrameworks.code')}</th><th>{t('reviewFrameworks.name')}</th><th className="num">{t('reviewFrameworks.max')}</th><th>{t('reviewFrameworks.rule')}</th><th>{t('reviewFrameworks.na')}</th></tr>
        </thead>
        <tbody>
          {fw.fields.map((f) => [
            <tr key={`f${f.code}`} className="tree-field"><td><strong>{printedNumber(f)}</strong></td><td colSpan={4}><strong>{f.title}</strong>{f.maxPoints !== undefined ? ` — ${formatPoints(f.maxPoints)}` : ''}</td></tr>,
            ...f.criteria.flatMap((c) => {
              const direct = c.items.length === 1 && c.items[0]!.code === c.code;
              const rows = direct ? [] : [<tr key={`c${c.code}`}><td>{printedNumber(c)}</td><td colSpan={4}><em>{c.title}</em></td></tr>];
              return [
                ...rows,
                ...c.items.map((i) => (
                  <tr key={`i${i.code}`} data-code={i.code}>
                    <td className="mono">{printedNumber(i)}</td>
                    <td>{i.title}</td>
                    <td className="num">{formatPoints(i.maxPoints)}</td>
                    <td className="small">{ruleText(t, i.rule)}</td>
                    <td className="small">{naText(t, i)}</td>
                  </tr>
                )),
              ];
            }),
          ])}
        </tbody>
      </table>
      {fw.survey && (
        <details>
          <summary>{t('reviewFrameworks.survey', { questions, target: fw.survey.targetForms, min: fw.survey.minForms })}</summary>
          <ul className="small">
            {fw.survey.sections.flatMap((s) => s.questions.map((q) => (
              <li key={q.code}><code>{q.code}</code> {q.text}{q.feeds ? ` — ${t('reviewFrameworks.surveyFeeds', { item: q.feeds })}` : ''}</li>
            )))}
          </ul>
        </details>
      )}
      <p className="small"><strong>{t('reviewFrameworks.groups')}:</strong> {fw.groups.map((g) => `${g.label} (≥ ${formatPercent(g.minPercent)})`).join(' · ')}</p>
    </div>
  );
}
