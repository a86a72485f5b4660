import { describe, expect, it } from 'vitest';
import { buildReport } from './report';
import { handFixture, SEED_BANDS } from './test-fixtures';
import type { CommuneRow, ReportInput } from './types';

describe('figures of the hand fixture', () => {
  it('mean, change on the published mean, extremes, gap, ratio, groups, changes', () => {
    const f = buildReport(handFixture(), { year: 2026 }).figures;
    // (8250 + 3 × 8000 + 7000 + 6550 + 5999) / 7 = 51,799 / 7 = 7399.857… → 74.00%
    expect(f).toMatchObject({
      communes: 7,
      unranked: ['00107'],
      mean: 7400,
      lastYear: 2025,
      lastYearMean: 7250,
      lastYearMeanSource: 'published',
      meanChange: 150,
      highest: { code: '00104', name: 'Bình Dương', index: 8250, tied: [{ code: '00104' }] },
      lowest: { code: '00108', name: 'Côn Đảo', type: 'dac-khu', index: 5999 },
      highestGapToMean: 850,
      lowestGapToMean: 1401,
      ratio: 138, // 8250 / 5999 = 1.3752…
      changes: { up: 3, down: 2, same: 1, unknown: 1 },
    });
    expect(f.groups.map((g) => [g.code, g.members])).toEqual([
      ['nhom-1', ['00104', '00103', '00102', '00101']],
      ['nhom-2', ['00105']],
      ['nhom-3', ['00106']],
      ['nhom-4', ['00108']],
    ]);
  });

  it('truncates every division under the truncate rule', () => {
    const f = buildReport(handFixture(), { year: 2026, rounding: 'truncate' }).figures;
    expect([f.mean, f.meanChange, f.highestGapToMean, f.ratio]).toEqual([7399, 149, 851, 137]);
  });

  it('computes last year’s mean from the rows without a published one, and per type under a filter', () => {
    const input = handFixture();
    const unpublished: ReportInput = { ...input, lastYear: { year: 2025, rows: input.lastYear?.rows ?? [] } };
    // All eight rows: (7800 + 8100 + 8000 + 8000 + 6800 + 7000 + 6000 + 6400) / 8 = 58,100 / 8 = 7262.5 → 72.63%
    expect(buildReport(unpublished, { year: 2026 }).figures).toMatchObject({ lastYearMean: 7263, lastYearMeanSource: 'computed', meanChange: 137 });
    // xã only: the published mean covers every type, so it is computed over last year's xã rows,
    // typed by the row (00103 was a phường) or by this year's unit with the code (00199 has none):
    // (7800 + 8100 + 8000 + 6800 + 7000) / 5 = 75.40%; this year's xã: 37,800 / 5 = 75.60%.
    expect(buildReport(input, { year: 2026, types: ['xa'] }).figures).toMatchObject({
      mean: 7560,
      lastYearMean: 7540,
      lastYearMeanSource: 'computed',
      meanChange: 20,
    });
  });

  it('has no change without last year and no figures without a ranked commune', () => {
    const input = handFixture();
    expect(buildReport({ ...input, lastYear: null }, { year: 2026 }).figures).toMatchObject({ lastYear: null, lastYearMean: null, meanChange: null, changes: { unknown: 7 } });
    const none = buildReport({ ...input, communes: input.communes.filter((c) => c.code === '00107') }, { year: 2026 }).figures;
    expect(none).toMatchObject({ communes: 0, mean: null, highest: null, lowest: null, ratio: null, highestGapToMean: null, unranked: ['00107'] });
  });
});

const commune = (code: string, name: string, index: number | null, extra: Partial<CommuneRow> = {}): CommuneRow => ({
  code,
  name,
  type: 'xa',
  appraisedIndex: index,
  selfIndex: index,
  ...extra,
});

describe('ties at the extremes', () => {
  it('names the first in rank order and lists every tied commune', () => {
    const input: ReportInput = {
      bands: SEED_BANDS,
      communes: [commune('1', 'Bình Đào', 9000), commune('2', 'Ân Hòa', 7000), commune('3', 'Bình Dương', 9000), commune('4', 'An Hòa', 7000), commune('5', 'Hà Lam', 8000)],
    };
    const f = buildReport(input, { year: 2026 }).figures;
    expect(f.highest).toMatchObject({ code: '3', name: 'Bình Dương', tied: [{ name: 'Bình Dương' }, { name: 'Bình Đào' }] });
    expect(f.lowest).toMatchObject({ code: '4', name: 'An Hòa', tied: [{ name: 'An Hòa' }, { name: 'Ân Hòa' }] });
  });
});

describe('exactness at x.xx5', () => {
  it('rounds a mean of 50.115% half up to 50.12% and a ratio of 1.005 to 1.01', () => {
    const input: ReportInput = { bands: SEED_BANDS, communes: [commune('1', 'A', 5011), commune('2', 'B', 5012)] };
    expect(buildReport(input, { year: 2026 }).figures.mean).toBe(5012);
    expect(buildReport(input, { year: 2026, rounding: 'truncate' }).figures.mean).toBe(5011);
    const ratio: ReportInput = { bands: SEED_BANDS, communes: [commune('1', 'A', 8040), commune('2', 'B', 8000)] };
    expect(buildReport(ratio, { year: 2026 }).figures.ratio).toBe(101);
  });

  it('gives no ratio when the lowest index is 0', () => {
    const input: ReportInput = { bands: SEED_BANDS, communes: [commune('1', 'A', 5000), commune('2', 'B', 0)] };
    expect(buildReport(input, { year: 2026 }).figures.ratio).toBeNull();
  });
});

describe('points, survey, forms, receipt', () => {
  // Three appraised communes and one not appraised; every figure below is computed by hand.
  const input: ReportInput = {
    bands: SEED_BANDS,
    fieldTitles: { '1': 'Công tác chỉ đạo, điều hành CCHC', '2': 'Cải cách thủ tục hành chính' },
    itemTitles: { '2.1': 'Tỷ lệ hồ sơ giải quyết đúng hạn' },
    communes: [
      commune('X', 'Bình Xuân', 7000, {
        itemsAtSelfScore: 2,
        fields: [
          { code: '1', points: 250, max: 300 },
          { code: '2', points: 0, max: 300 },
          { code: '10', points: 100, max: 100 },
        ],
        items: [
          { code: '1.1', points: 50, max: 100 },
          { code: '1.2', points: 200, max: 200 },
          { code: '2.1', points: 0, max: 300 },
          { code: '3.1', points: 75, max: 150 },
          { code: '3.2', points: 0, max: 150 },
        ],
        survey: { points: 2049, max: 2450 },
        forms: { collected: 20, target: 20 },
        receivedOn: '2026-10-05',
      }),
      commune('Y', 'Bình Yên', 8000, {
        itemsAtSelfScore: 0,
        fields: [
          { code: '1', points: 250, max: 300 },
          { code: '2', points: 250, max: 300 },
        ],
        items: [
          { code: '1.1', points: 100, max: 100 },
          { code: '1.2', points: 150, max: 200 },
          { code: '2.1', points: 250, max: 300 },
          { code: '3.1', points: 75, max: 150 },
          { code: '3.2', points: 150, max: 150 },
        ],
        survey: { points: 2450, max: 2450 },
        forms: { collected: 18, target: 20 },
        receivedOn: '2026-10-06',
      }),
      commune('Z', 'Bình Zô', 6000, {
        itemsAtSelfScore: 3,
        fields: [
          { code: '1', points: 125, max: 300 },
          { code: '2', points: 300, max: 300 },
        ],
        items: [
          { code: '1.1', points: 25, max: 100 },
          { code: '1.2', points: 100, max: 200 },
          { code: '2.1', points: 300, max: 300 },
        ],
        survey: null,
        forms: { collected: 20, target: 20 },
      }),
      commune('W', 'Bình Wy', null, { itemsAtSelfScore: 4, items: [{ code: '2.1', points: 0, max: 300 }], receivedOn: null, forms: { collected: 0, target: 20 } }),
    ],
  };

  it('averages each field and its share of the maximum, in code order', () => {
    const f = buildReport(input, { year: 2026 }).figures;
    expect(f.fields).toEqual([
      // 625 / 3 = 208.33; 625 / 900 = 69.44%
      { code: '1', title: 'Công tác chỉ đạo, điều hành CCHC', communes: 3, averagePoints: 208, averageMax: 300, share: 6944 },
      // 550 / 3 = 183.33; 550 / 900 = 61.11%
      { code: '2', title: 'Cải cách thủ tục hành chính', communes: 3, averagePoints: 183, averageMax: 300, share: 6111 },
      { code: '10', title: null, communes: 1, averagePoints: 100, averageMax: 100, share: 10000 },
    ]);
  });

  it('lists where points were lost most: by points lost, then communes losing, then code', () => {
    const f = buildReport(input, { year: 2026 }).figures;
    expect(f.lostItems.map((i) => [i.code, i.lost, i.communesLosing, i.communes])).toEqual([
      ['2.1', 350, 2, 3], // the unappraised W's 300 lost points are not counted
      ['1.2', 150, 2, 3],
      ['3.1', 150, 2, 2],
      ['3.2', 150, 1, 2],
      ['1.1', 125, 2, 3],
    ]);
    expect(f.lostItems[0]?.title).toBe('Tỷ lệ hồ sơ giải quyết đúng hạn');
    expect(buildReport(input, { year: 2026, topItems: 2 }).figures.lostItems.map((i) => i.code)).toEqual(['2.1', '1.2']);
  });

  it('sums the survey against its maximum (an average of 22.495 rounds half up)', () => {
    const f = buildReport(input, { year: 2026 }).figures;
    // 4499 / 4900 = 91.816…%; 4499 / 2 = 2249.5 → 22,50 points
    expect(f.survey).toEqual({ communes: 2, points: 4499, max: 4900, share: 9182, averagePoints: 2250, averageMax: 2450 });
    expect(buildReport(input, { year: 2026, rounding: 'truncate' }).figures.survey).toMatchObject({ share: 9181, averagePoints: 2249 });
  });

  it('counts questionnaires over every commune in scope, the unappraised one too', () => {
    // 58 / 80 = 72.5%
    expect(buildReport(input, { year: 2026 }).figures.forms).toEqual({ communes: 4, collected: 58, target: 80, share: 7250, belowTarget: ['Y', 'W'] });
  });

  it('finds who sent late (after the deadline day) and who has not sent', () => {
    const f = buildReport(input, { year: 2026, deadline: '2026-10-05' }).figures;
    // Z's receipt is not tracked; X sent on the deadline day (on time).
    expect(f.submissions).toEqual({ deadline: '2026-10-05', tracked: 3, received: 2, late: ['Y'], notReceived: ['W'] });
    expect(buildReport(input, { year: 2026 }).figures.submissions?.late).toEqual([]);
  });

  it('counts items still at the self-score of ranked communes', () => {
    expect(buildReport(input, { year: 2026 }).figures.pendingAppraisal).toEqual({ communes: ['X', 'Z'], items: 5 });
  });
});
