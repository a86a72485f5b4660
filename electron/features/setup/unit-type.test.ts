import { afterEach, describe, expect, it } from 'vitest';
import { computeScores } from '../../../shared/scoring/engine';
import type { TestStore } from '../../../test/helpers/context';
import { communeSetup, freshStore, parsedSetup, provinceSetup } from '../../../test/helpers/context';
import { refusal } from '../../../test/helpers/app';
import { addToRoster, enrol, makeCommune, makeReviewer } from '../../../test/fixtures/reviewer-imports';
import { listAudit } from '../audit/audit-repo';
import { assessmentSnapshot } from '../assessment/snapshot';
import { importPackages } from '../import/import';
import { correctSetup } from './identity-correct';
import { completeSetup, getIdentity } from './identity';

const stores: TestStore[] = [];
const store = (): TestStore => {
  const s = freshStore();
  stores.push(s);
  return s;
};
afterEach(() => {
  for (const s of stores.splice(0)) s.cleanup();
});

describe('the commune type decides the framework variant it is scored against', () => {
  it('is stored at setup, scores the variant, and is said when left out', () => {
    const dk = store();
    completeSetup(dk.ctx, parsedSetup({ ...communeSetup, unitType: 'dac-khu' }));
    expect(getIdentity(dk.ctx)?.unitType).toBe('dac-khu');
    const snap = assessmentSnapshot(dk.ctx);
    expect(snap.unitType).toBe('dac-khu');
    expect(snap.scores).toMatchObject({ unitType: 'dac-khu', unitTypeAssumed: false });
    // The special zone's variant has items a xã's has not.
    const keys = (ut: 'xa' | 'dac-khu') => Object.keys(computeScores(snap.framework, {}, undefined, { unitType: ut }).items).sort();
    expect(Object.keys(snap.scores.items).sort()).toEqual(keys('dac-khu'));
    expect(keys('dac-khu')).not.toEqual(keys('xa'));

    const old = store();
    completeSetup(old.ctx, parsedSetup(communeSetup));
    expect(getIdentity(old.ctx)?.unitType).toBeNull();
    expect(assessmentSnapshot(old.ctx).scores.unitTypeAssumed).toBe(true);
  });

  it('can be corrected, logged; a reviewing unit has none; a wrong value is refused', async () => {
    const s = store();
    completeSetup(s.ctx, parsedSetup(communeSetup));
    correctSetup(s.ctx, { unitType: 'phuong' });
    expect(getIdentity(s.ctx)?.unitType).toBe('phuong');
    // A ward's survey needs 30 forms in the sample framework.
    expect(assessmentSnapshot(s.ctx).scores.surveyStatus.minForms).toBe(30);
    const entry = listAudit(s.ctx).find((e) => e.action === 'identity.correct');
    expect(JSON.stringify(entry)).toContain('phuong');
    expect(await refusal(() => correctSetup(s.ctx, { unitType: 'quan' }))).toBe('INVALID_INPUT');

    const so = store();
    completeSetup(so.ctx, parsedSetup(provinceSetup));
    expect(getIdentity(so.ctx)?.unitType).toBeNull();
    expect(await refusal(() => correctSetup(so.ctx, { unitType: 'xa' }))).toBe('INVALID_INPUT');
  });

  it('the reviewing unit recomputes a package with the roster type of its commune', () => {
    const r = makeReviewer();
    const c = makeCommune('26734', 'commune');
    try {
      correctSetup(c.store.ctx, { unitType: 'dac-khu' });
      enrol(r, c);
      addToRoster(r, '26734', 'Đặc khu Thử', 'dac-khu');
      const unit = { unitCode: '49', provinceCode: '49' };
      const [same] = importPackages(r.ctx, [c.export()], unit, { dryRun: false });
      expect(same).toMatchObject({ outcome: 'accepted', mismatch: false });
      // Listed as a xã, the same package does not reproduce: the difference is flagged, not hidden.
      r.db.prepare(`UPDATE communes SET type = 'xa' WHERE code = '26734'`).run();
      const [other] = importPackages(r.ctx, [c.export()], unit, { dryRun: false });
      expect(other).toMatchObject({ outcome: 'accepted', mismatch: true });
    } finally {
      c.store.cleanup();
      r.cleanup();
    }
  });
});
