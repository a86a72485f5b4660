import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ItemEntry } from './entry';
import { appraisedDelta, type AppraisedItemPoints } from './appraised-totals';
import { computeScores, type ScoreSummary } from './engine';
import { framework, leaf } from './policy-helpers';

// Field I may not go below 0; criterion 2 may not go below 0 (deductions inside it); criterion 1 has no floor.
const fw = framework([
  {
    code: 'I',
    title: 'Chỉ đạo, điều hành',
    floor: 0,
    criteria: [
      { code: '1', title: 'Kế hoạch', items: [leaf('1.1', 100, { type: 'binary', notDonePoints: -75 }), leaf('1.2', 50, { type: 'manual', step: 25 })] },
      { code: '2', title: 'Báo cáo', floor: 0, items: [leaf('2.1', 100, { type: 'binary', notDonePoints: -50 }), leaf('2.2', 25, { type: 'manual', step: 25 })] },
    ],
  },
  { code: 'II', title: 'Thủ tục hành chính', criteria: [{ code: '3', title: 'Khác', items: [leaf('3.1', 200, { type: 'binary', notDonePoints: -100 })] }] },
]);

const criterionOf: Record<string, [string, string]> = { '1.1': ['I', '1'], '1.2': ['I', '1'], '2.1': ['I', '2'], '2.2': ['I', '2'], '3.1': ['II', '3'] };

const entriesArb = fc.record({
  '1.1': fc.boolean(),
  '1.2': fc.constantFrom(0, 25, 50),
  '2.1': fc.boolean(),
  '2.2': fc.constantFrom(0, 25),
  '3.1': fc.boolean(),
}).map((v): Record<string, ItemEntry> => ({
  '1.1': { input: { type: 'binary', done: v['1.1'] } },
  '1.2': { input: { type: 'manual', points: v['1.2'] } },
  '2.1': { input: { type: 'binary', done: v['2.1'] } },
  '2.2': { input: { type: 'manual', points: v['2.2'] } },
  '3.1': { input: { type: 'binary', done: v['3.1'] } },
}));

/** The seam's items: the commune's self-scores, the council's points where it decided. */
function seam(self: ScoreSummary, council: ScoreSummary): AppraisedItemPoints[] {
  return Object.entries(criterionOf).map(([code, [fieldCode, criterionCode]]) => ({
    code, kind: 'item', fieldCode, criterionCode, notApplicable: false, selfPoints: self.items[code]!.points, points: council.items[code]!.points,
  }));
}

describe('appraised totals', () => {
  it('equal what the engine gives for the council\'s points, floors of criteria and fields applied', () => {
    fc.assert(
      fc.property(entriesArb, entriesArb, (selfEntries, councilEntries) => {
        const self = computeScores(fw, selfEntries);
        const council = computeScores(fw, councilEntries);
        const selfFields = new Map(Object.entries(self.fields).map(([c, f]) => [c, f.points]));
        const d = appraisedDelta(fw, seam(self, council), selfFields);
        for (const code of ['I', 'II']) expect(self.fields[code]!.points + d.fields.get(code)!).toBe(council.fields[code]!.points);
        expect(self.total.points + d.total).toBe(council.total.points);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a criterion at its floor when the council deducts below it (not a plain sum of item changes)', () => {
    const self = computeScores(fw, { '2.1': { input: { type: 'binary', done: true } }, '2.2': { input: { type: 'manual', points: 0 } } });
    const council = computeScores(fw, { '2.1': { input: { type: 'binary', done: false } }, '2.2': { input: { type: 'manual', points: 0 } } });
    const items = seam(self, council).filter((i) => i.criterionCode === '2');
    const d = appraisedDelta(fw, items, new Map([['I', self.fields['I']!.points]]));
    // Plain sum: 100 → −50 is −150; criterion 2 stops at 0, so the field moves by −100.
    expect(d.fields.get('I')).toBe(-100);
  });

  it('without the framework, sums the item changes per field', () => {
    const items: AppraisedItemPoints[] = [
      { code: '1.1', kind: 'item', fieldCode: 'I', criterionCode: '1', notApplicable: false, selfPoints: 100, points: 25 },
      { code: 'B.1', kind: 'bonus', fieldCode: null, criterionCode: null, notApplicable: false, selfPoints: 50, points: 0 },
    ];
    expect(appraisedDelta(undefined, items, new Map())).toEqual({ fields: new Map([['I', -75]]), total: -75 });
  });
});
