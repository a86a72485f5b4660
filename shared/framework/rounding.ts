/**
 * Rounding as a framework states it. Two modes, both to the hundredth (of a point, or of a
 * percent for the index):
 * - 'half-up': 0.125 → 0.13 (a half goes away from zero: −0.125 → −0.13), the app's default;
 * - 'truncate': the digits after the second decimal are dropped (toward zero): 89.4571…% →
 *   89.45%, which is how Nam Định printed 62.62 of 70 in 2020.
 * Whether the group is decided on the printed (rounded) index or on the exact fraction is a
 * separate choice (`groupOn`). Everything is exact integer arithmetic (BigInt).
 */
import type { Framework } from './schema';
import type { PointsLocale } from './points';

export const ROUNDING_MODES = ['half-up', 'truncate'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];
export const GROUP_ON = ['rounded', 'exact'] as const;
export type GroupOn = (typeof GROUP_ON)[number];

export interface RoundingPolicy {
  /** Item points computed by a division (ratio, target, survey, formula). */
  points: RoundingMode;
  /** The index in hundredths of a percent. */
  index: RoundingMode;
  /** 'rounded': a unit belongs to a group when its printed index reaches the bound; 'exact': its exact index. */
  groupOn: GroupOn;
}

export const DEFAULT_ROUNDING: RoundingPolicy = { points: 'half-up', index: 'half-up', groupOn: 'rounded' };

/** The framework's rounding, defaults filled in (a framework without `rounding` keeps today's rules). */
export function roundingOf(framework: Pick<Framework, 'rounding'>): RoundingPolicy {
  const r = framework.rounding;
  return { points: r?.points ?? 'half-up', index: r?.index ?? 'half-up', groupOn: r?.groupOn ?? 'rounded' };
}

/** num / den to an integer by the mode; den > 0, num any sign. */
export function divRound(num: bigint, den: bigint, mode: RoundingMode): number {
  if (den <= 0n) throw new RangeError('divRound: needs den > 0');
  const negative = num < 0n;
  const a = negative ? -num : num;
  const q = mode === 'truncate' ? a / den : (2n * a + den) / (2n * den);
  const out = Number(negative ? -q : q);
  if (!Number.isSafeInteger(out)) throw new RangeError('divRound: result is not a safe integer');
  return out;
}

const FOOTNOTE: Record<PointsLocale, { index: Record<RoundingMode, string>; points: Record<RoundingMode, string>; group: Record<GroupOn, string> }> = {
  vi: {
    index: {
      'half-up': 'Chỉ số được làm tròn đến hai chữ số thập phân (chữ số thứ ba từ 5 trở lên thì làm tròn lên)',
      truncate: 'Chỉ số lấy đến hai chữ số thập phân, bỏ các chữ số sau (không làm tròn)',
    },
    points: {
      'half-up': 'điểm tính theo tỷ lệ được làm tròn đến hai chữ số thập phân',
      truncate: 'điểm tính theo tỷ lệ lấy đến hai chữ số thập phân, bỏ các chữ số sau',
    },
    group: {
      rounded: 'xếp nhóm theo chỉ số đã làm tròn như in trong báo cáo.',
      exact: 'xếp nhóm theo chỉ số chính xác trước khi làm tròn.',
    },
  },
  en: {
    index: {
      'half-up': 'The index is rounded to two decimals (half up)',
      truncate: 'The index is cut to two decimals (no rounding)',
    },
    points: {
      'half-up': 'points computed from ratios are rounded to two decimals',
      truncate: 'points computed from ratios are cut to two decimals',
    },
    group: {
      rounded: 'groups are decided on the index as printed.',
      exact: 'groups are decided on the exact index before rounding.',
    },
  },
};

/** One sentence for the foot of a report: how this framework rounds and groups. */
export function roundingFootnote(framework: Pick<Framework, 'rounding'>, locale: PointsLocale = 'vi'): string {
  const r = roundingOf(framework);
  const t = FOOTNOTE[locale];
  return `${t.index[r.index]}; ${t.points[r.points]}; ${t.group[r.groupOn]}`;
}
