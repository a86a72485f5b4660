import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reportJson } from './json';
import { buildReport } from './report';
import { SEED_BANDS } from './test-fixtures';
import type { CommuneRow, CommuneType, GroupBand, IndexBasis, ReportInput } from './types';

const NAMES = ['Bình An', 'Bình Ăn', 'Bình Ân', 'Bình Dương', 'Bình Đào', 'Bình Minh', 'Mỹ Lộc', 'Tân Hòa', 'Tân Hóa', 'Hà Lam'];

/** Indices from a narrow range (ties are common), some missing; names repeat. */
const arbRow = (i: number): fc.Arbitrary<CommuneRow> =>
  fc
    .record({
      name: fc.constantFrom(...NAMES),
      type: fc.constantFrom<CommuneType>('xa', 'phuong', 'dac-khu', 'thi-tran'),
      appraisedIndex: fc.option(fc.oneof(fc.integer({ min: 5995, max: 6005 }), fc.integer({ min: 0, max: 11000 })), { freq: 8 }),
      selfIndex: fc.option(fc.integer({ min: 0, max: 10000 }), { freq: 8 }),
    })
    .map((r) => ({ code: String(i).padStart(5, '0'), ...r }));

const arbInput: fc.Arbitrary<ReportInput> = fc
  .integer({ min: 0, max: 40 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbRow(i))))
  .map((communes) => ({ communes, bands: SEED_BANDS }));

const arbBasis = fc.constantFrom<IndexBasis>('appraised', 'self');
const arbRule = fc.constantFrom('half-up' as const, 'truncate' as const);

describe('report properties', () => {
  it('ranks are non-decreasing, ties share a rank, and rank r has exactly r − 1 communes above it', () => {
    fc.assert(
      fc.property(arbInput, arbBasis, (input, basis) => {
        const { communes, rankedCount } = buildReport(input, { year: 2026, basis }).ranking;
        const ranked = communes.slice(0, rankedCount);
        for (const [i, c] of ranked.entries()) {
          const prev = ranked[i - 1];
          expect(c.rank).not.toBeNull();
          if (prev) {
            expect(c.rank as number).toBeGreaterThanOrEqual(prev.rank as number);
            expect(c.index as number).toBeLessThanOrEqual(prev.index as number);
            expect(c.rank === prev.rank).toBe(c.index === prev.index);
          }
          expect(ranked.filter((o) => (o.rank as number) < (c.rank as number)).length).toBe((c.rank as number) - 1);
          expect(ranked.filter((o) => (o.index as number) > (c.index as number)).length).toBe((c.rank as number) - 1);
        }
        for (const c of communes.slice(rankedCount)) expect([c.index, c.rank, c.group]).toEqual([null, null, null]);
      }),
    );
  });

  it('the mean lies within [lowest, highest] and the gap and ratio agree with them', () => {
    fc.assert(
      fc.property(arbInput, arbBasis, arbRule, (input, basis, rounding) => {
        const f = buildReport(input, { year: 2026, basis, rounding }).figures;
        if (f.mean === null) {
          expect(f.communes).toBe(0);
          return;
        }
        const hi = f.highest?.index as number;
        const lo = f.lowest?.index as number;
        expect(f.mean).toBeGreaterThanOrEqual(lo);
        expect(f.mean).toBeLessThanOrEqual(hi);
        expect(f.highestGapToMean).toBe(hi - f.mean);
        if (lo > 0) expect(f.ratio).toBeGreaterThanOrEqual(100);
      }),
    );
  });

  it('group members partition the ranked communes, each inside its band', () => {
    fc.assert(
      fc.property(arbInput, arbBasis, (input, basis) => {
        const { ranking, figures } = buildReport(input, { year: 2026, basis });
        const ranked = ranking.communes.slice(0, ranking.rankedCount);
        const members = figures.groups.flatMap((g) => g.members);
        expect(new Set(members).size).toBe(members.length);
        expect([...members].sort()).toEqual(ranked.map((c) => c.code).sort());
        const byCode = new Map(ranked.map((c) => [c.code, c]));
        figures.groups.forEach((g, i) => {
          const upper = figures.groups[i - 1]?.minPercent ?? Infinity;
          for (const code of g.members) {
            const index = byCode.get(code)?.index as number;
            expect(index).toBeGreaterThanOrEqual(g.minPercent);
            expect(index).toBeLessThan(upper);
          }
          // Members in rank order.
          const ranks = g.members.map((code) => byCode.get(code)?.rank as number);
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        });
      }),
    );
  });

  it('does not depend on the order of the input rows', () => {
    fc.assert(
      fc.property(
        arbInput.chain((input) => fc.tuple(fc.constant(input), fc.shuffledSubarray([...input.communes], { minLength: input.communes.length }))),
        ([input, shuffled]) => {
          const a = reportJson(buildReport(input, { year: 2026 }));
          const b = reportJson(buildReport({ ...input, communes: shuffled }, { year: 2026 }));
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it('puts every index in the JSON as a number with at most two decimals', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const json = reportJson(buildReport(input, { year: 2026 }));
        const text = JSON.stringify(json);
        for (const m of text.matchAll(/"(?:index|selfIndex|mean|ratio|change|meanChange|highestGapToMean)":(-?[\d.e+-]+)/gu)) {
          expect(m[1]).toMatch(/^-?\d+(?:\.\d{1,2})?$/u);
        }
      }),
    );
  });

  it('any band list the framework allows (descending, last at 0) gives every ranked commune a group', () => {
    const arbBands: fc.Arbitrary<GroupBand[]> = fc
      .uniqueArray(fc.integer({ min: 1, max: 10000 }), { maxLength: 5 })
      .map((bounds) => [...bounds, 0].sort((a, b) => b - a).map((minPercent, i) => ({ code: `g-${i}`, label: `Nhóm ${i + 1}`, minPercent })));
    fc.assert(
      fc.property(arbInput, arbBands, (input, bands) => {
        const { ranking } = buildReport({ ...input, bands }, { year: 2026 });
        for (const c of ranking.communes.slice(0, ranking.rankedCount)) expect(c.group).not.toBeNull();
      }),
    );
  });
});
