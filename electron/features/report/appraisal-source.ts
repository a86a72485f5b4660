/**
 * The one place the report reads the appraisal council's scores (electron/features/appraisal,
 * `appraisedScores`). An item the council has not re-scored counts at the commune's self-score
 * and is counted as such: the report says how many items are still at the self-score instead of
 * pretending they were reviewed.
 *
 * The appraised totals are the package's recomputed totals moved by the council's changes: each
 * item's (appraised − self) points added to its field and to the total; bonus and penalty summed
 * again from their lines and capped by the framework; the index divided by the same applicable
 * maximum with the framework's rounding. The framework's criterion and field floors are applied
 * again to the appraised points (shared/scoring/appraised-totals.ts).
 */
import type { Framework } from '../../../shared/framework/schema';
import { divRound, roundingOf } from '../../../shared/framework/rounding';
import type { ReportTotals } from '../../../shared/package/envelope';
import type { Db } from '../../kernel/db/open';
import { appraisedDelta } from '../../../shared/scoring/appraised-totals';
import { appraisedScores } from '../appraisal/appraisal';

/** A commune's appraisal as the report needs it (points in hundredths, indices in hundredths of a percent). */
export interface AppraisedScores {
  /** Appraised points per scored item; an item absent here is still at the self-score. */
  items: ReadonlyMap<string, number>;
  /** Items the council has not re-scored. */
  itemsAtSelfScore: number;
  /** The appraised total, bonus and penalty counted, and its applicable maximum. */
  net: number;
  max: number;
  indexPercent: number | null;
  /** Appraised points per field. */
  fields: ReadonlyMap<string, number>;
}

/** What the report already holds for the commune's package: its recomputed totals and the framework it names. */
export interface AppraisalBasis {
  totals: ReportTotals;
  framework: Framework | undefined;
}

/** null: not appraised (yet). */
export type AppraisalSource = (db: Db, communeCode: string, year: number, basis: AppraisalBasis) => AppraisedScores | null;

export const appraisalSource: AppraisalSource = (db, communeCode, year, basis) => {
  const a = appraisedScores(db, communeCode, year);
  if (!a) return null;
  const items = new Map<string, number>();
  let bonus = 0;
  let penalty = 0;
  for (const i of a.items) {
    if (i.kind === 'bonus') bonus += i.points;
    else if (i.kind === 'penalty') penalty += Math.abs(i.points);
    else if (i.appraisedPoints !== null) items.set(i.code, i.appraisedPoints);
  }
  const t = basis.totals;
  const moved = appraisedDelta(basis.framework, a.items, new Map(t.fields.map((f) => [f.code, f.points])));
  const delta = moved.total;
  const caps = basis.framework?.adjustmentCaps;
  if (caps) {
    bonus = Math.min(bonus, caps.bonus);
    penalty = Math.min(penalty, caps.penalty);
  }
  const max = t.total.applicableMax;
  const net = Math.max(0, t.total.points + delta + bonus - penalty);
  const rounding = basis.framework ? roundingOf(basis.framework).index : 'half-up';
  return {
    items,
    itemsAtSelfScore: a.stillAtSelfScore.length,
    net,
    max,
    indexPercent: max > 0 ? divRound(BigInt(net) * 10000n, BigInt(max), rounding) : null,
    fields: new Map(t.fields.map((f) => [f.code, f.points + (moved.fields.get(f.code) ?? 0)])),
  };
};
