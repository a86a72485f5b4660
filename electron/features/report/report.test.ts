import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportJson } from '../../../shared/report/report';
import { provinceSetup } from '../../../test/helpers/context';
import { testApp, type TestApp } from '../../../test/helpers/app';
import { addCommunes, addHistory, handUnit } from '../../../test/fixtures/report-store';
import type { AppraisedScores } from './appraisal-source';
import { reportFor, reportWithData } from './report';

let t: TestApp;
beforeEach(() => {
  t = testApp(provinceSetup);
});
afterEach(() => t.cleanup());

describe('reportFor', () => {
  it('ranks the hand-computed unit: ties share a rank in Vietnamese order, changes by code, the unranked last', () => {
    handUnit(t.ctx.db);
    const json = reportJson(reportFor(t.ctx.db, 2026, 'appraised'));
    expect(json.communes.map((c) => [c.code, c.name, c.rank, c.index, c.selfIndex, c.change])).toEqual([
      ['00003', 'Bình An', 1, 80, 80, null],
      ['00002', 'Bình Đào', 1, 80, 80, -1],
      ['00001', 'Bình Minh', 1, 80, 80, 2],
      ['00004', 'Phường 1', 4, 72.5, 72.5, 0],
      ['00007', 'Tam Hải', 5, 70, 70, 1],
      ['00005', 'Bình Dương', 6, 65, 65, null],
      ['00006', 'Bình Trung', null, null, null, null],
    ]);
    expect(json).toMatchObject({
      mean: 74.58,
      meanChange: -0.52,
      highest: { code: '00003', name: 'Bình An', index: 80 },
      lowest: { code: '00005', name: 'Bình Dương', index: 65 },
      highestGapToMean: 5.42,
      ratio: 1.23,
    });
    expect(json.groups.map((g) => g.members)).toEqual([['00003', '00002', '00001'], ['00004', '00007'], ['00005'], []]);
    expect(json.communes[0]!.group).toBe('Nhóm 1: từ 80% trở lên');
  });

  it('computes the unit figures from stored rows: fields, lost items, survey, forms, receipt, items at the self-score', () => {
    handUnit(t.ctx.db);
    const { report, data } = reportWithData(t.ctx.db, 2026);
    const f = report.figures;
    expect(data.lastYearSource).toBe('imported');
    expect(data.deadline).toBe('2026-03-31');
    expect(f.communes).toBe(6);
    expect(f.unranked).toEqual(['00006']);
    expect(f.lastYearMean).toBe(7510);
    expect(f.lastYearMeanSource).toBe('computed');
    expect(f.fields).toEqual([{ code: '1', title: 'Công tác chỉ đạo, điều hành cải cách hành chính', communes: 2, averagePoints: 750, averageMax: 900, share: 8333 }]);
    expect(f.lostItems.map((i) => [i.code, i.lost, i.communesLosing, i.communes])).toEqual([
      ['1.3', 125, 2, 3],
      ['1.2', 80, 2, 3],
    ]);
    expect(f.survey).toMatchObject({ communes: 2, points: 4900, max: 6000, share: 8167 });
    expect(f.forms).toMatchObject({ collected: 112, target: 130, belowTarget: ['00003', '00004'] });
    expect(f.submissions).toMatchObject({ deadline: '2026-03-31', received: 6, late: ['00005'], notReceived: ['00006'] });
    // Nothing appraised yet: every scored item is still at the self-score, and the report says so.
    expect(f.pendingAppraisal).toEqual({ communes: ['00003', '00002', '00001'], items: 6 });
    expect(f.changes).toEqual({ up: 2, down: 1, same: 1, unknown: 2 });
  });

  it('filters by commune type', () => {
    handUnit(t.ctx.db);
    const json = reportJson(reportFor(t.ctx.db, 2026, 'appraised', { types: ['phuong'] }));
    expect(json.communes.map((c) => [c.code, c.rank])).toEqual([['00004', 1]]);
    expect(json.mean).toBe(72.5);
  });

  it('reads appraised scores through the seam: the appraised index ranks, the self index stays beside it', () => {
    handUnit(t.ctx.db);
    const appraised: AppraisedScores = { items: new Map([['1.2', 100]]), itemsAtSelfScore: 0, net: 8400, max: 10000, indexPercent: 8400, fields: new Map() };
    const source = (_db: unknown, code: string) => (code === '00005' ? appraised : null);
    const json = reportJson(reportFor(t.ctx.db, 2026, 'appraised', { appraisal: source }));
    expect(json.communes[0]).toMatchObject({ code: '00005', index: 84, selfIndex: 65, rank: 1 });
    const self = reportJson(reportFor(t.ctx.db, 2026, 'self', { appraisal: source }));
    expect(self.communes.find((c) => c.code === '00005')).toMatchObject({ index: 65, rank: 6 });
  });

  it("takes last year from the unit's own packages when the store has them, before an imported file", () => {
    addCommunes(t.ctx.db, [
      { code: '00001', name: 'Bình Minh', packages: [{ year: 2025, index: 7000 }, { year: 2026, index: 7500 }] },
      { code: '00002', name: 'Bình Đào', packages: [{ year: 2026, index: 6000 }] },
    ]);
    addHistory(t.ctx.db, 2025, [{ code: '00001', name: 'Bình Minh', index: 9000 }]);
    const { report, data } = reportWithData(t.ctx.db, 2026);
    expect(data.lastYearSource).toBe('database');
    expect(reportJson(report).communes.map((c) => c.change)).toEqual([5, null]);
  });

  it('reports an empty year: every roster commune unranked, no mean', () => {
    addCommunes(t.ctx.db, [{ code: '00001', name: 'Bình Minh' }]);
    const json = reportJson(reportFor(t.ctx.db, 2026));
    expect(json).toMatchObject({ mean: null, meanChange: null, highest: null, ratio: null });
    expect(json.communes).toEqual([{ code: '00001', name: 'Bình Minh', type: 'xa', index: null, selfIndex: null, rank: null, group: null, change: null }]);
  });
});
