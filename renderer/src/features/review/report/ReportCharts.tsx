import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportView } from '@shared/ipc/report';
import { viHundredths } from '@shared/report/format';

/** One colour per band, from the highest down (colour-blind-safe order: green, blue, orange, red, grey). */
export const BAND_COLOURS = ['#1b7f3b', '#2f6fb3', '#d08b1a', '#c0392b', '#6b7280', '#6b7280'];

const fmt = (v: number): string => viHundredths(Math.round(v * 100));

/** Ranked bars coloured by group with the mean as a line; per-field shares; change against last year. */
export function ReportCharts({ view }: { view: ReportView }) {
  const { t } = useTranslation();
  const colourOf = new Map(view.bands.map((b, i) => [b.code, BAND_COLOURS[i] ?? '#6b7280']));
  const ranked = view.rows.filter((r) => r.index !== null).map((r) => ({ code: r.code, name: r.name, value: r.index! / 100, colour: colourOf.get(r.groupCode ?? '') ?? '#6b7280' }));
  const mean = view.figures.mean === null ? null : view.figures.mean / 100;
  const fields = view.figures.fields.map((f) => ({ name: f.code, title: f.title ?? f.code, value: (f.share ?? 0) / 100 }));
  const changes = view.rows.filter((r) => r.change !== null).map((r) => ({ code: r.code, name: r.name, value: r.change! / 100 }));
  return (
    <div className="report-charts">
      <div className="card chart-card" data-testid="chart-ranked">
        <h2>{t('reviewReport.charts.ranked')}</h2>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={ranked} margin={{ top: 8, right: 8, bottom: 4, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={false} height={6} />
            <YAxis domain={[0, 100]} tickFormatter={(v: number) => String(v)} />
            <Tooltip formatter={(v) => `${fmt(Number(v))}%`} />
            <Bar dataKey="value" isAnimationActive={false}>
              {ranked.map((d) => <Cell key={d.code} fill={d.colour} />)}
            </Bar>
            {mean !== null && <ReferenceLine y={mean} stroke="#111827" strokeDasharray="6 3" label={{ value: `${t('reviewReport.charts.mean')} ${fmt(mean)}%`, position: 'insideTopRight', fontSize: 12 }} />}
          </BarChart>
        </ResponsiveContainer>
        <p className="chart-legend">
          {view.bands.map((b, i) => (
            <span key={b.code}><span className="swatch" style={{ background: BAND_COLOURS[i] ?? '#6b7280' }} />{b.label}</span>
          ))}
        </p>
      </div>
      <div className="chart-pair">
        <div className="card chart-card" data-testid="chart-fields">
          <h2>{t('reviewReport.charts.fields')}</h2>
          <ResponsiveContainer width="100%" height={200}>
            <BarChart data={fields} margin={{ top: 8, right: 8, bottom: 4, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" />
              <YAxis domain={[0, 100]} />
              <Tooltip formatter={(v) => `${fmt(Number(v))}%`} labelFormatter={(l) => fields.find((f) => f.name === l)?.title ?? String(l)} />
              <Bar dataKey="value" fill="#2f6fb3" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <div className="card chart-card" data-testid="chart-change">
          <h2>{t('reviewReport.charts.change')}</h2>
          {changes.length === 0 ? <p className="muted">{t('reviewReport.figures.noLastYear')}</p> : (
            <ResponsiveContainer width="100%" height={200}>
              <BarChart data={changes} margin={{ top: 8, right: 8, bottom: 4, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="name" tick={false} height={6} />
                <YAxis />
                <ReferenceLine y={0} stroke="#111827" />
                <Tooltip formatter={(v) => `${Number(v) > 0 ? '+' : ''}${fmt(Number(v))}`} />
                <Bar dataKey="value" isAnimationActive={false}>
                  {changes.map((d) => <Cell key={d.code} fill={d.value < 0 ? '#c0392b' : '#1b7f3b'} />)}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          )}
        </div>
      </div>
    </div>
  );
}
