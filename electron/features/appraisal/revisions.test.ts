/** Comparing two arbitrary received revisions of a commune, against real SQLite with three real received packages. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appraisalWorld, COMMUNE, editEntry, YEAR, type AppraisalWorld } from '../../../test/fixtures/appraisal';
import { refusal } from '../../../test/helpers/app';
import { channelApp, type ChannelApp } from '../../../test/helpers/channels';
import { communeSetup, provinceSetup } from '../../../test/helpers/context';
import { diffRevisions } from './diff';
import { receivedRevisions } from './appraisal-repo';

let w: AppraisalWorld;
beforeEach(() => {
  w = appraisalWorld();
  w.sendRevision();
  editEntry(w.xa, '1.2', { input: { type: 'ratio', numerator: 10, denominator: 10 } });
  w.sendRevision();
  editEntry(w.xa, '1.3', { explanation: 'Đã nộp bổ sung báo cáo quý II ngày 15/7.' });
  w.sendRevision();
});
afterEach(() => w.cleanup());

const codes = (from: number, to: number) => diffRevisions(w.so.db, COMMUNE, YEAR, from, to).map((c) => [c.code, c.changes]);

describe('comparing two received revisions', () => {
  it('lists the received revisions oldest first, with when each was received and signed', () => {
    const list = receivedRevisions(w.so.db, COMMUNE, YEAR);
    expect(list.map((r) => r.revision)).toEqual([1, 2, 3]);
    expect(list[0]).toEqual({ revision: 1, receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/u), createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/u) });
    expect(receivedRevisions(w.so.db, '99999', YEAR)).toEqual([]);
  });

  it('each step shows its own change; r1 → r3 shows the union; backwards shows the same items', () => {
    expect(codes(1, 2)).toEqual([['1.2', ['input', 'points']]]);
    expect(codes(2, 3)).toEqual([['1.3', ['explanation']]]);
    expect(codes(1, 3)).toEqual([['1.2', ['input', 'points']], ['1.3', ['explanation']]]);
    const back = diffRevisions(w.so.db, COMMUNE, YEAR, 3, 1);
    expect(back.map((c) => c.code)).toEqual(['1.2', '1.3']);
    expect(back[1]).toMatchObject({ from: { explanation: 'Đã nộp bổ sung báo cáo quý II ngày 15/7.' } });
    const r13 = diffRevisions(w.so.db, COMMUNE, YEAR, 1, 3);
    expect(r13[0]!.to!.points).toBeGreaterThan(r13[0]!.from!.points);
  });

  it('the same revision twice, or a revision never received, is refused', async () => {
    expect(await refusal(() => diffRevisions(w.so.db, COMMUNE, YEAR, 2, 2))).toBe('REVISION_SAME');
    expect(await refusal(() => diffRevisions(w.so.db, COMMUNE, YEAR, 1, 4))).toBe('REVISION_NOT_FOUND');
    expect(await refusal(() => diffRevisions(w.so.db, '99999', YEAR, 1, 2))).toBe('REVISION_NOT_FOUND');
  });
});

describe('revision channels', () => {
  let a: ChannelApp | undefined;
  afterEach(() => a?.cleanup());

  it('a commune installation may neither list nor compare revisions', async () => {
    a = channelApp();
    await a.call('setup:complete', { setup: communeSetup });
    expect(await a.call('appraisal:revisions', { communeCode: COMMUNE })).toMatchObject({ ok: false, error: { code: 'WRONG_ROLE' } });
    expect(await a.call('appraisal:diff', { communeCode: COMMUNE, from: 1, to: 2 })).toMatchObject({ ok: false, error: { code: 'WRONG_ROLE' } });
  });

  it('the reviewing unit: nothing received lists nothing; bad revision numbers are refused at the boundary, the same one by the use case', async () => {
    a = channelApp();
    await a.call('setup:complete', { setup: provinceSetup });
    expect(await a.call('appraisal:revisions', { communeCode: COMMUNE })).toEqual({ ok: true, value: [] });
    expect(await a.call('appraisal:diff', { communeCode: COMMUNE, from: 0, to: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await a.call('appraisal:diff', { communeCode: COMMUNE, from: 1, to: 1 })).toMatchObject({ ok: false, error: { code: 'REVISION_SAME' } });
    expect(await a.call('appraisal:diff', { communeCode: COMMUNE, from: 1, to: 2 })).toMatchObject({ ok: false, error: { code: 'REVISION_NOT_FOUND' } });
  });
});
