import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import type { TestApp } from '../../../test/helpers/app';
import { refusal, testApp } from '../../../test/helpers/app';
import { communeSetup, provinceSetup } from '../../../test/helpers/context';
import { listAudit } from '../audit/audit-repo';
import { activeFramework } from '../framework/active';
import { listEntries, lockState } from './assessment';
import { assessmentSnapshot } from './snapshot';
import { finaliseAssessment, reopenAssessment, saveEntry, saveExplanation } from './use-cases';

let s: TestApp;
beforeEach(() => {
  s = testApp(communeSetup);
});
afterEach(() => s.cleanup());

const ref = () => activeFramework(s.ctx).ref;
const entry = (code: string, value: Parameters<typeof saveEntry.run>[1]['entry']) => s.app.perform(saveEntry, { code, entry: value });

describe('assessment entries', () => {
  it('stores each change with an audit row old → new, and skips a no-op', async () => {
    await entry('1.1', { input: { type: 'binary', done: true } });
    expect(await entry('1.1', { input: { type: 'binary', done: true } })).toMatchObject({ changed: false });
    // The same entry with its keys in another order is no change either.
    expect(await entry('1.1', { input: { done: true, type: 'binary' } } as never)).toMatchObject({ changed: false });
    await entry('1.1', { input: { type: 'binary', done: false } });
    expect(listEntries(s.ctx, ref())['1.1']?.entry).toEqual({ input: { type: 'binary', done: false } });
    const rows = listAudit(s.ctx, { entity: 'assessment_entry' });
    expect(rows.map((r) => [r.old, r.new])).toEqual([
      [{ input: { type: 'binary', done: true } }, { input: { type: 'binary', done: false } }],
      [null, { input: { type: 'binary', done: true } }],
    ]);
    expect(rows[0]?.actor).toBe('tester');
  });

  it('keeps an entry with a hard error (the keystrokes) but it does not count', async () => {
    await entry('1.2', { input: { type: 'ratio', numerator: 50, denominator: 40 } });
    const line = assessmentSnapshot(s.ctx).items.find((i) => i.code === '1.2');
    expect(line?.entry).toEqual({ input: { type: 'ratio', numerator: 50, denominator: 40 } });
    expect(line?.status).toBe('error');
    expect(line?.points).toBe(0);
  });

  it('refuses an unknown item, writing nothing', async () => {
    expect(await refusal(entry('99.9', { input: { type: 'binary', done: true } }))).toBe('ITEM_NOT_FOUND');
    expect(listEntries(s.ctx, ref())).toEqual({});
    expect(listAudit(s.ctx, { entity: 'assessment_entry' })).toEqual([]);
  });

  it('stores explanations (NFC, trimmed) separately from inputs', async () => {
    await entry('1.1', { input: { type: 'binary', done: true } });
    await s.app.perform(saveExplanation, { code: '1.1', text: '  Kế hoạch ban hành ngày 10/01  '.normalize('NFD') });
    expect(listEntries(s.ctx, ref())['1.1']).toMatchObject({ entry: { input: { type: 'binary', done: true } }, explanation: 'Kế hoạch ban hành ngày 10/01' });
    await s.app.perform(saveExplanation, { code: '1.1', text: '   ' });
    expect(listEntries(s.ctx, ref())['1.1']?.explanation).toBeNull();
  });

  it('accepts adjustments (bonus/penalty) by code', async () => {
    await entry('9.1', { input: { type: 'manual', points: 100 } });
    const snap = assessmentSnapshot(s.ctx);
    expect(snap.scores.adjustments.bonus).toBe(100);
    expect(snap.items.find((i) => i.code === '9.1')).toMatchObject({ kind: 'adjustment', points: 100 });
  });
});

describe('finalise and reopen', () => {
  it('the lock refuses every write, reopening takes a reason, and each lock is a new revision', async () => {
    await entry('1.1', { input: { type: 'binary', done: true } });
    expect(lockState(s.ctx, ref())).toMatchObject({ finalised: false, revision: 0 });
    expect(await s.app.perform(finaliseAssessment, undefined)).toMatchObject({ finalised: true, revision: 1 });
    expect(await refusal(entry('1.1', { input: { type: 'binary', done: false } }))).toBe('ASSESSMENT_LOCKED');
    expect(await refusal(s.app.perform(saveExplanation, { code: '1.1', text: 'x' }))).toBe('ASSESSMENT_LOCKED');
    expect(await refusal(s.app.perform(finaliseAssessment, undefined))).toBe('ASSESSMENT_LOCKED');
    expect(listEntries(s.ctx, ref())['1.1']?.entry).toEqual({ input: { type: 'binary', done: true } });

    expect(await refusal(s.app.perform(reopenAssessment, { reason: ' ' }))).toBe('INVALID_INPUT');
    expect(await s.app.perform(reopenAssessment, { reason: 'Sửa số liệu hồ sơ 3.3 theo góp ý' })).toMatchObject({ finalised: false, revision: 1, reopenReason: 'Sửa số liệu hồ sơ 3.3 theo góp ý' });
    expect(await refusal(s.app.perform(reopenAssessment, { reason: 'lần nữa' }))).toBe('ASSESSMENT_NOT_LOCKED');
    await entry('1.1', { input: { type: 'binary', done: false } });
    expect(await s.app.perform(finaliseAssessment, undefined)).toMatchObject({ finalised: true, revision: 2 });
    expect(assessmentSnapshot(s.ctx).lock).toMatchObject({ finalised: true, revision: 2 });
    const actions = listAudit(s.ctx, { entity: 'assessment' }).map((a) => a.action);
    expect(actions).toEqual(['assessment.finalise', 'assessment.reopen', 'assessment.finalise']);
    expect(listAudit(s.ctx, { entity: 'assessment' })[1]?.new).toMatchObject({ reason: 'Sửa số liệu hồ sơ 3.3 theo góp ý' });
  });
});

describe('finalise refuses what the engine does not count', () => {
  it('names the items with hard errors, locks nothing, and locks once they are fixed', async () => {
    // 1,133 on time + 15 late is not the 1,157 resolved (seed 003): a hard error.
    await entry('3.3', { input: { type: 'bands', numerator: 1133, denominator: 1157, complement: 15 } });
    const caught = (await s.app.perform(finaliseAssessment, undefined).catch((e: unknown) => e)) as AppError;
    expect(caught.code).toBe('ASSESSMENT_HAS_ERRORS');
    expect(caught.details).toEqual({ items: ['3.3'] });
    expect(lockState(s.ctx, ref())).toMatchObject({ finalised: false, revision: 0 });
    await entry('3.3', { input: { type: 'bands', numerator: 1133, denominator: 1157, complement: 24 } });
    expect(await s.app.perform(finaliseAssessment, undefined)).toMatchObject({ finalised: true, revision: 1 });
  });
});

describe('assessmentSnapshot', () => {
  it('lists every item and adjustment in framework order with totals from computeScores', async () => {
    await entry('3.3', { input: { type: 'bands', numerator: 1133, denominator: 1157, complement: 24 } });
    await entry('3.5', { notApplicable: true });
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
  it('cannot write a self-assessment (WRONG_ROLE, the policy of every write)', async () => {
    const r = testApp(provinceSetup);
    expect(await refusal(r.app.perform(saveEntry, { code: '1.1', entry: { input: { type: 'binary', done: true } } }))).toBe('WRONG_ROLE');
    expect(await refusal(r.app.perform(finaliseAssessment, undefined))).toBe('WRONG_ROLE');
    expect(await refusal(r.app.perform(reopenAssessment, { reason: 'Không được phép' }))).toBe('WRONG_ROLE');
    expect(listEntries(r.ctx, activeFramework(r.ctx).ref)).toEqual({});
    r.cleanup();
  });
});
