import { afterEach, describe, expect, it } from 'vitest';
import { appraisalWorld, COMMUNE, YEAR, type AppraisalWorld } from '../../../test/fixtures/appraisal';
import { appraise, openAppraisal } from '../appraisal/appraisal';
import { reportFor } from './report';

let w: AppraisalWorld | undefined;
afterEach(() => w?.cleanup());

describe('the report reads the appraisal council', () => {
  it('counts appraised points, says how many items are still at the self-score, and lowers the appraised index when the council lowers a score', () => {
    w = appraisalWorld();
    w.sendRevision();
    const before = reportFor(w.so.db, YEAR, 'appraised').ranking.communes[0]!;
    expect(before.index).toBe(before.selfIndex);

    const state = openAppraisal(w.so.ctx, COMMUNE, YEAR);
    const item = state.items.find((i) => i.kind === 'item' && i.selfPoints >= 100)!;
    appraise(w.so.ctx, COMMUNE, YEAR, [{ itemCode: item.code, points: item.selfPoints - 100, comment: 'Thiếu tài liệu kiểm chứng.' }]);
    const self = reportFor(w.so.db, YEAR, 'self').ranking.communes[0]!;
    const after = reportFor(w.so.db, YEAR, 'appraised').ranking.communes[0]!;
    // The self index is unchanged; the appraised one is lower.
    expect(after.selfIndex).toBe(self.index);
    expect(after.index).toBeLessThan(self.index!);
    expect(after.itemsAtSelfScore).toBe(state.items.filter((i) => i.kind === 'item' || i.kind === 'bonus' || i.kind === 'penalty').length - 1);
  });
});
