import { codeOf } from '../../../test/helpers/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import { communeStore } from '../../../test/helpers/assessment';
import type { TestStore } from '../../../test/helpers/context';
import { freshStore, provinceSetup } from '../../../test/helpers/context';
import { completeSetup } from '../setup/identity';
import { finalise, listEntries, lockState, reopen, setEntry, setExplanation } from './assessment';
import { assessmentSnapshot } from './snapshot';
import { listAudit } from '../../kernel/audit';

let s: TestStore;
beforeEach(() => {
  s = communeStore();
});
afterEach(() => s.cleanup());

describe('assessment entries', () => {
  it('stores each change with an audit row old → new, and skips a no-op', () => {
    setEntry(s.ctx, '1.1', { input: { type: 'binary', done: true } });
    setEntry(s.ctx, '1.1', { input: { type: 'binary', done: true } });
    setEntry(s.ctx, '1.1', { input: { type: 'binary', done: false } });
    expect(listEntries(s.ctx)['1.1']?.entry).toEqual({ input: { type: 'binary', done: false } });
    const rows = listAudit(s.ctx, { entity: 'assessment_entry' });
    expect(rows.map((r) => [r.old, r.new])).toEqual([
      [{ input: { type: 'binary', done: true } }, { input: { type: 'binary', done: false } }],
      [null, { input: { type: 'binary', done: true } }],
    ]);
    expect(rows[0]?.actor).toBe('tester');
  });

  it('keeps an entry with a hard error (the keystrokes) but it does not count', () => {
    setEntry(s.ctx, '1.2', { input: { type: 'ratio', numerator: 50, denominator: 40 } });
    const snap = assessmentSnapshot(s.ctx);
    const line = snap.items.find((i) => i.code === '1.2');
    expect(line?.entry).toEqual({ input: { type: 'ratio', numerator: 50, denominator: 40 } });
    expect(line?.status).toBe('error');
    expect(line?.points).toBe(0);
  });

  it('refuses an unknown item and a malformed entry, writing nothing', () => {
    expect(codeOf(() => setEntry(s.ctx, '99.9', { input: { type: 'binary', done: true } }))).toBe('ITEM_NOT_FOUND');
    expect(codeOf(() => setEntry(s.ctx, '1.1', { input: { type: 'binary', done: 'yes' } }))).toBe('INVALID_INPUT');
    expect(listEntries(s.ctx)).toEqual({});
    expect(listAudit(s.ctx, { entity: 'assessment_entry' })).toEqual([]);
  });

  it('stores explanations (NFC, trimmed) separately from inputs', () => {
    setEntry(s.ctx, '1.1', { input: { type: 'binary', done: true } });
    setExplanation(s.ctx, '1.1', '  Kế hoạch ban hành ngày 10/01  '.normalize('NFD'));
    expect(listEntries(s.ctx)['1.1']).toMatchObject({ entry: { input: { type: 'binary', done: true } }, explanation: 'Kế hoạch ban hành ngày 10/01' });
    setExplanation(s.ctx, '1.1', '   ');
    expect(listEntries(s.ctx)['1.1']?.explanation).toBeNull();
  });

  it('accepts adjustments (bonus/penalty) by code', () => {
    setEntry(s.ctx, '9.1', { input: { type: 'manual', points: 100 } });
    const snap = assessmentSnapshot(s.ctx);
    expect(snap.scores.adjustments.bonus).toBe(100);
    expect(snap.items.find((i) => i.code === '9.1')).toMatchObject({ kind: 'adjustment', points: 100 });
  });
});

describe('finalise and reopen', () => {
  it('locks every write in the service, reopens with a reason, and counts revisions', () => {
    setEntry(s.ctx, '1.1', { input: { type: 'binary', done: true } });
    expect(lockState(s.ctx)).toMatchObject({ finalised: false, revision: 0 });
    expect(finalise(s.ctx)).toMatchObject({ finalised: true, revision: 1 });
    expect(codeOf(() => setEntry(s.ctx, '1.1', { input: { type: 'binary', done: false } }))).toBe('ASSESSMENT_LOCKED');
    expect(codeOf(() => setExplanation(s.ctx, '1.1', 'x'))).toBe('ASSESSMENT_LOCKED');
    expect(codeOf(() => finalise(s.ctx))).toBe('ASSESSMENT_LOCKED');
    expect(listEntries(s.ctx)['1.1']?.entry).toEqual({ input: { type: 'binary', done: true } });

    expect(codeOf(() => reopen(s.ctx, ' '))).toBe('INVALID_INPUT');
    expect(reopen(s.ctx, 'Sửa số liệu hồ sơ 3.3 theo góp ý')).toMatchObject({ finalised: false, revision: 1, reopenReason: 'Sửa số liệu hồ sơ 3.3 theo góp ý' });
    expect(codeOf(() => reopen(s.ctx, 'lần nữa'))).toBe('ASSESSMENT_NOT_LOCKED');
    setEntry(s.ctx, '1.1', { input: { type: 'binary', done: false } });
    expect(finalise(s.ctx)).toMatchObject({ finalised: true, revision: 2 });
    expect(assessmentSnapshot(s.ctx).lock).toMatchObject({ finalised: true, revision: 2 });
    const actions = listAudit(s.ctx, { entity: 'assessment' }).map((a) => a.action);
    expect(actions).toEqual(['assessment.finalise', 'assessment.reopen', 'assessment.finalise']);
    expect(listAudit(s.ctx, { entity: 'assessment' })[1]?.new).toMatchObject({ reason: 'Sửa số liệu hồ sơ 3.3 theo góp ý' });
  });
});

describe('finalise refuses what the engine does not count', () => {
  it('names the items with hard errors, locks nothing, and locks once they are fixed', () => {
    // 1,133 on time + 15 late is not the 1,157 resolved (seed 003): a hard error.
    setEntry(s.ctx, '3.3', { input: { type: 'bands', numerator: 1133, denominator: 1157, complement: 15 } });
    let caught: AppError | undefined;
    try {
      finalise(s.ctx);
    } catch (err) {
      caught = err as AppError;
    }
    expect(caught?.code).toBe('ASSESSMENT_HAS_ERRORS');
    expect(caught?.details).toEqual({ items: ['3.3'] });
    expect(lockState(s.ctx)).toMatchObject({ finalised: false, revision: 0 });
    setEntry(s.ctx, '3.3', { input: { type: 'bands', numerator: 1133, denominator: 1157, complement: 24 } });
    expect(finalise(s.ctx)).toMatchObject({ finalised: true, revision: 1 });
  });
});

describe('assessmentSnapshot', () => {
  it('lists every item and adjustment in framework order with totals from computeScores', () => {
    setEntry(s.ctx, '3.3', { input: { type: 'bands', numerator: 1133, denominator: 1157, complement: 24 } });
    setEntry(s.ctx, '3.5', { notApplicable: true });
    const snap = assessmentSnapshot(s.ctx);
    expect(snap.items).toHaveLength(49 + 4);
    expect(snap.items[0]?.code).toBe('1.1');
    expect(snap.items.find((i) => i.code === '3.3')).toMatchObject({ points: 200, max: 400, applicableMax: 400, status: 'scored', documents: [], files: [] });
    expect(snap.items.find((i) => i.code === '3.5')).toMatchObject({ points: 0, applicableMax: 0, status: 'na' });
    expect(snap.scores.total.points).toBe(200);
    expect(snap.scores.total.applicableMax).toBe(10000 - 150);
    expect(snap.lock).toMatchObject({ finalised: false, revision: 0 });
  });
});

describe('a reviewing unit', () => {
  it('cannot write a self-assessment', () => {
    const r = freshStore();
    completeSetup(r.ctx, provinceSetup);
    expect(codeOf(() => setEntry(r.ctx, '1.1', { input: { type: 'binary', done: true } }))).toBe('WRONG_ROLE');
    expect(codeOf(() => finalise(r.ctx))).toBe('WRONG_ROLE');
    expect(listEntries(r.ctx)).toEqual({});
    r.cleanup();
  });
});
