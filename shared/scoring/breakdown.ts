/**
 * The numbers an index is computed from, in one place, so every screen and command that shows
 * an index shows the figures that reproduce it: the self-assessed part and the survey part out of
 * their applicable maxima, the bonus and the penalty counted, the net, and the applicable maximum
 * the net is divided by. Whoever reads "80,96 %" can redo the division from what is beside it.
 *
 * Two honesty marks travel with it: `provisional` ("tạm tính") while the survey is not complete
 * (fewer forms than the minimum, or survey points still missing), and `empty` when nothing has
 * been entered yet (then there is no group to show).
 */
import type { FrameworkGroup } from '../framework/schema';
import type { PointsLocale } from '../framework/points';
import { formatPercent, formatPoints } from '../framework/points';
import { divRound } from '../framework/rounding';
import type { ScoreSummary } from './engine';

export interface IndexBreakdown {
  /** Self-assessed points and the applicable maximum of the self-assessed items. */
  self: { points: number; applicableMax: number };
  /** Survey points and the applicable maximum of the survey items (0/0 when the survey is left out). */
  survey: { points: number; applicableMax: number };
  bonus: number;
  /** Counted penalty, as a positive number of hundredths (shown with a minus sign). */
  penalty: number;
  /** max(0, points + bonus − penalty): the numerator. */
  net: number;
  /** The denominator. */
  applicableMax: number;
  indexPercent: number | null;
  /** Null when the assessment is empty, whatever the arithmetic gives. */
  group: FrameworkGroup | null;
  /** The survey is not complete: the index may still move. */
  provisional: boolean;
  /** No item has been entered yet. */
  empty: boolean;
}

export function indexBreakdown(s: ScoreSummary): IndexBreakdown {
  const entered = Object.values(s.items).some((i) => i.status !== 'empty') || Object.values(s.adjustments.items).some((i) => i.status !== 'empty');
  const net = Math.max(0, s.total.points + s.adjustments.bonus - s.adjustments.penalty);
  return {
    self: { points: s.selfAssessment.points, applicableMax: s.selfAssessment.applicableMax },
    survey: { points: s.survey.points, applicableMax: s.survey.applicableMax },
    bonus: s.adjustments.bonus,
    penalty: s.adjustments.penalty,
    net,
    applicableMax: s.total.applicableMax,
    indexPercent: s.indexPercent,
    group: entered ? s.group : null,
    provisional: s.surveyStatus.treatment !== 'none' && !s.surveyStatus.complete,
    empty: !entered,
  };
}

/** The index the breakdown's own figures give, by the framework's rounding: equal to indexPercent by construction. */
export function indexFromBreakdown(b: IndexBreakdown, rounding: ScoreSummary['rounding']): number | null {
  if (b.applicableMax <= 0) return null;
  return divRound(BigInt(b.net) * 10000n, BigInt(b.applicableMax), rounding.index);
}

const WORDS = {
  vi: { self: 'tự đánh giá', survey: 'điều tra', bonus: 'thưởng', penalty: 'trừ', index: 'chỉ số', noGroup: 'chưa xếp nhóm', provisional: 'tạm tính', empty: 'chưa nhập' },
  en: { self: 'self-assessment', survey: 'survey', bonus: 'bonus', penalty: 'penalty', index: 'index', noGroup: 'no group', provisional: 'provisional', empty: 'nothing entered' },
} as const;

/**
 * One line that reproduces the index, e.g.
 * "tự đánh giá 58,05/68,50 + điều tra 20,50/30,00 + thưởng 1,20 − trừ 0,00 = 79,75/98,50 → chỉ số 80,96 % · Nhóm 2 (tạm tính)".
 */
export function indexLine(b: IndexBreakdown, locale: PointsLocale = 'vi'): string {
  const w = WORDS[locale];
  const p = (n: number) => formatPoints(n, locale);
  const parts = [`${w.self} ${p(b.self.points)}/${p(b.self.applicableMax)}`];
  if (b.survey.applicableMax > 0 || b.survey.points > 0) parts.push(`${w.survey} ${p(b.survey.points)}/${p(b.survey.applicableMax)}`);
  if (b.bonus > 0) parts.push(`${w.bonus} ${p(b.bonus)}`);
  let sum = parts.join(' + ');
  if (b.penalty > 0) sum += ` − ${w.penalty} ${p(b.penalty)}`;
  const index = b.indexPercent === null ? '—' : formatPercent(b.indexPercent, locale);
  const group = b.empty ? w.empty : b.group ? b.group.label : w.noGroup;
  const mark = b.provisional && !b.empty ? ` (${w.provisional})` : '';
  return `${sum} = ${p(b.net)}/${p(b.applicableMax)} → ${w.index} ${index} · ${group}${mark}`;
}

/** A signed points figure for a deduction: 25 → "−0,25". */
export function formatDeduction(hundredths: number, locale: PointsLocale = 'vi'): string {
  return hundredths === 0 ? formatPoints(0, locale) : `−${formatPoints(Math.abs(hundredths), locale)}`;
}
