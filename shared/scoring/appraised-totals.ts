/**
 * The appraisal council's totals from its item points, with the framework's floors applied again.
 *
 * The council re-scores items; the totals it stands behind are the commune's recomputed totals
 * moved by those changes. A plain sum of (appraised − self) per item would let a criterion or a
 * field fall below the floor the framework sets for it (the engine raises the self-assessment to
 * that floor, see engine.ts): so the change is taken per criterion, each side raised to the
 * criterion's floor, and per field, each side raised to the field's floor.
 *
 * Limits, stated: the items are those of the package (every scored item with its criterion); a
 * criterion whose fixed not-applicable points replaced its items is left as the package has it
 * (its items are N/A and the council's change to them moves nothing); a field raised to its floor
 * in the package is taken to stand, before that floor, at the sum of its criteria as the items give.
 */
import type { Framework } from '../framework/schema';

export interface AppraisedItemPoints {
  code: string;
  kind: 'item' | 'bonus' | 'penalty';
  fieldCode: string | null;
  criterionCode: string | null;
  notApplicable: boolean;
  /** The commune's self-score (hundredths). */
  selfPoints: number;
  /** What the council counts: its score, or the self-score when it has not decided (hundredths). */
  points: number;
}

export interface AppraisedDelta {
  /** Per field: appraised points − the package's points for that field. */
  fields: Map<string, number>;
  /** The sum over the fields (what the total moves by). */
  total: number;
}

const floorOf = (floor: number | undefined, v: number) => (floor !== undefined && v < floor ? floor : v);

/**
 * @param selfFields the package's (recomputed) points per field, floors already applied.
 */
export function appraisedDelta(framework: Framework | undefined, items: readonly AppraisedItemPoints[], selfFields: ReadonlyMap<string, number>): AppraisedDelta {
  const scored = items.filter((i) => i.kind === 'item');
  const fields = new Map<string, number>();
  if (!framework) {
    for (const i of scored) if (i.fieldCode) fields.set(i.fieldCode, (fields.get(i.fieldCode) ?? 0) + i.points - i.selfPoints);
    return { fields, total: [...fields.values()].reduce((a, b) => a + b, 0) };
  }
  const byCriterion = new Map<string, { fieldCode: string | null; self: number; appraised: number; na: boolean }>();
  const loose = new Map<string, number>();
  for (const i of scored) {
    if (i.criterionCode === null) {
      if (i.fieldCode) loose.set(i.fieldCode, (loose.get(i.fieldCode) ?? 0) + i.points - i.selfPoints);
      continue;
    }
    const c = byCriterion.get(i.criterionCode) ?? { fieldCode: i.fieldCode, self: 0, appraised: 0, na: true };
    c.self += i.selfPoints;
    c.appraised += i.points;
    c.na &&= i.notApplicable;
    byCriterion.set(i.criterionCode, c);
  }
  // A criterion the framework does not list (it should not happen) still moves its field, without a floor.
  const known = new Set(framework.fields.flatMap((f) => f.criteria.map((c) => c.code)));
  for (const [code, c] of byCriterion) {
    if (known.has(code) || c.na || !c.fieldCode) continue;
    loose.set(c.fieldCode, (loose.get(c.fieldCode) ?? 0) + c.appraised - c.self);
  }
  let total = 0;
  for (const field of framework.fields) {
    let selfSum = 0;
    let appraisedSum = 0;
    for (const criterion of field.criteria) {
      const c = byCriterion.get(criterion.code);
      if (!c || c.na) continue;
      selfSum += floorOf(criterion.floor, c.self);
      appraisedSum += floorOf(criterion.floor, c.appraised);
    }
    const moved = appraisedSum - selfSum + (loose.get(field.code) ?? 0);
    const self = selfFields.get(field.code);
    let delta = moved;
    if (field.floor !== undefined && self !== undefined) {
      const before = self > field.floor ? self : Math.min(self, selfSum);
      delta = floorOf(field.floor, before + moved) - self;
    }
    fields.set(field.code, delta);
    total += delta;
  }
  return { fields, total };
}
