/**
 * The report's charts as inline SVG (no script, no external resource, text in the page's font):
 *   rankedBars    every ranked commune's index, in rank order, coloured by group, with the mean
 *   fieldShares   each field's average as a share of its maximum
 *   changeBars    each commune's change from last year, in percentage points (when there is one)
 * Long lists are cut into several figures of at most `perFigure` rows, so that each figure fits
 * on a page and the print engine never cuts one in half. Pure: strings in, strings out.
 */
import { viHundredths, viPercent } from '../format';
import type { RankedCommune, Report } from '../types';
import { clip, esc, groupColour } from './html';

const W = 660;
const ROW = 12;
const BAR = 8;
const TOP = 24;
const FONT = 'font-size="9"';

/** Rows per figure: 60 rows of 12 px stay under a page of A4 with its margins and caption. */
export const ROWS_PER_FIGURE = 60;

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

function svg(height: number, body: string, label: string): string {
  return `<svg viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-label="${esc(label)}">${body}</svg>`;
}

/** A signed change in points: "+1,51", "-0,40", "0,00". */
export function signed(h: number): string {
  return h > 0 ? `+${viHundredths(h)}` : h < 0 ? `-${viHundredths(-h)}` : viHundredths(0);
}

function bandIndexOf(report: Report): Map<string, number> {
  return new Map(report.figures.groups.map((g, i) => [g.code, i]));
}

/** Ranked bars on a 0–100% scale, coloured by group, with the mean as a dashed line. */
export function rankedBars(report: Report, perFigure = ROWS_PER_FIGURE): string[] {
  const ranked = report.ranking.communes.slice(0, report.ranking.rankedCount);
  const mean = report.figures.mean;
  const bands = bandIndexOf(report);
  const x0 = 215;
  const x1 = 600;
  const x = (hundredthsOfPercent: number): number => x0 + ((x1 - x0) * Math.min(hundredthsOfPercent, 10000)) / 10000;
  return chunks(ranked, perFigure).map((rows, part) => {
    const h = TOP + rows.length * ROW + 4;
    const parts: string[] = [];
    for (let p = 0; p <= 100; p += 20) {
      const gx = x(p * 100).toFixed(1);
      parts.push(`<line x1="${gx}" y1="${TOP - 4}" x2="${gx}" y2="${h - 2}" stroke="#c8c8c8" stroke-width="0.5"/>`);
      parts.push(`<text x="${gx}" y="${TOP - 7}" text-anchor="middle" ${FONT} fill="#555">${p}%</text>`);
    }
    rows.forEach((c: RankedCommune, i) => {
      const y = TOP + i * ROW;
      const index = c.index as number;
      const colour = groupColour(c.group ? (bands.get(c.group.code) ?? 0) : 0);
      parts.push(`<text x="20" y="${y + BAR}" text-anchor="end" ${FONT}>${c.rank ?? ''}</text>`);
      parts.push(`<text x="26" y="${y + BAR}" ${FONT}>${esc(clip(c.name, 34))}</text>`);
      parts.push(`<rect x="${x0}" y="${y + 1}" width="${(x(index) - x0).toFixed(1)}" height="${BAR}" fill="${colour}"/>`);
      parts.push(`<text x="${(x(index) + 3).toFixed(1)}" y="${y + BAR}" ${FONT}>${esc(viPercent(index))}</text>`);
    });
    if (mean !== null) {
      const mx = x(mean).toFixed(1);
      parts.push(`<line x1="${mx}" y1="${TOP - 2}" x2="${mx}" y2="${h - 2}" stroke="#000" stroke-width="1" stroke-dasharray="4 2"/>`);
      if (part === 0) parts.push(`<text x="${mx}" y="9" text-anchor="middle" ${FONT} font-weight="bold">Trung bình ${esc(viPercent(mean))}</text>`);
    }
    return svg(h, parts.join(''), 'Chỉ số CCHC theo thứ tự xếp hạng');
  });
}

/** Each field's average points as a share of its maximum, 0–100%. */
export function fieldShares(report: Report): string | null {
  const fields = report.figures.fields.filter((f) => f.share !== null);
  if (fields.length === 0) return null;
  const row = 16;
  const x0 = 265;
  const x1 = 600;
  const x = (share: number): number => x0 + ((x1 - x0) * Math.min(share, 10000)) / 10000;
  const h = TOP + fields.length * row + 4;
  const parts: string[] = [];
  for (let p = 0; p <= 100; p += 20) {
    const gx = x(p * 100).toFixed(1);
    parts.push(`<line x1="${gx}" y1="${TOP - 4}" x2="${gx}" y2="${h - 2}" stroke="#c8c8c8" stroke-width="0.5"/>`);
    parts.push(`<text x="${gx}" y="${TOP - 7}" text-anchor="middle" ${FONT} fill="#555">${p}%</text>`);
  }
  fields.forEach((f, i) => {
    const y = TOP + i * row;
    const share = f.share as number;
    const label = `${f.code}. ${f.title ?? `Lĩnh vực ${f.code}`}`;
    parts.push(`<text x="0" y="${y + 10}" ${FONT}>${esc(clip(label, 50))}</text>`);
    parts.push(`<rect x="${x0}" y="${y + 2}" width="${(x(share) - x0).toFixed(1)}" height="10" fill="#1565c0"/>`);
    parts.push(`<text x="${(x(share) + 3).toFixed(1)}" y="${y + 10}" ${FONT}>${esc(viPercent(share))}</text>`);
  });
  return svg(h, parts.join(''), 'Tỷ lệ điểm bình quân so với điểm tối đa theo lĩnh vực');
}

/** A round bound for the change axis: 1, 2, 5, 10, 20… points (hundredths) at or above `n`. */
export function niceBound(n: number): number {
  for (let unit = 100; ; unit *= 10) {
    for (const m of [1, 2, 5]) if (m * unit >= n) return m * unit;
  }
}

/** Change from last year per commune (those with last year's index), in rank order; [] without. */
export function changeBars(report: Report, perFigure = ROWS_PER_FIGURE): string[] {
  const rows = report.ranking.communes.filter((c) => c.change !== null);
  if (rows.length === 0) return [];
  const bound = niceBound(Math.max(...rows.map((c) => Math.abs(c.change as number)), 1));
  const x0 = 215;
  const x1 = 600;
  const mid = (x0 + x1) / 2;
  const x = (change: number): number => mid + ((x1 - x0) / 2) * (change / bound);
  return chunks(rows, perFigure).map((part) => {
    const h = TOP + part.length * ROW + 4;
    const parts: string[] = [];
    for (const t of [-bound, -bound / 2, 0, bound / 2, bound]) {
      const gx = x(t).toFixed(1);
      parts.push(`<line x1="${gx}" y1="${TOP - 4}" x2="${gx}" y2="${h - 2}" stroke="${t === 0 ? '#000' : '#c8c8c8'}" stroke-width="${t === 0 ? 1 : 0.5}"/>`);
      parts.push(`<text x="${gx}" y="${TOP - 7}" text-anchor="middle" ${FONT} fill="#555">${esc(signed(t))}</text>`);
    }
    part.forEach((c, i) => {
      const y = TOP + i * ROW;
      const change = c.change as number;
      const left = Math.min(x(0), x(change));
      const width = Math.abs(x(change) - x(0));
      parts.push(`<text x="20" y="${y + BAR}" text-anchor="end" ${FONT}>${c.rank ?? ''}</text>`);
      parts.push(`<text x="26" y="${y + BAR}" ${FONT}>${esc(clip(c.name, 34))}</text>`);
      parts.push(`<rect x="${left.toFixed(1)}" y="${y + 1}" width="${Math.max(width, change === 0 ? 0 : 0.8).toFixed(1)}" height="${BAR}" fill="${change >= 0 ? '#2e7d32' : '#c62828'}"/>`);
      parts.push(`<text x="${W - 2}" y="${y + BAR}" text-anchor="end" ${FONT}>${esc(signed(change))}</text>`);
    });
    return svg(h, parts.join(''), 'Tăng, giảm so với năm trước (điểm %)');
  });
}
