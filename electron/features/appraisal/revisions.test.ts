/** Comparing two arbitrary received revisions of a commune, against real SQLite with three real received packages. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appraisalWorld, COMMUNE, editEntry, lyingTotals, YEAR, type AppraisalWorld } from '../../../test/fixtures/appraisal';
import { refusal } from '../../../test/helpers/app';
import { channelApp, type ChannelApp } from '../../../test/helpers/channels';
import { communeSetup, provinceSetup } from '../../../test/helpers/context';
import { statusBoard } from '../import/status';
import { boardLine } from '../import/commands';
import { compareRevisions, diffRevisions, revisionList } from './diff';

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
  it('lists the received revisions oldest first: received and signed when, its totals as declared and recomputed', () => {
    const list = revisionList(w.so.db, COMMUNE, YEAR);
    expect(list.map((r) => r.revision)).toEqual([1, 2, 3]);
    expect(list[0]).toEqual({
      revision: 1, receivedAt: '2026-11-22T08:00:00.000Z', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/u), receivedOn: '2026-11-22',
      onTime: null, mismatch: false, declared: { points: expect.any(Number), indexPercent: expect.any(Number) }, recomputed: list[0]!.declared,
    });
    expect(revisionList(w.so.db, '99999', YEAR)).toEqual([]);
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

describe('the comparison tells the whole story', () => {
  it('a revision whose declared figures differ from the recompute: both shown, totals and items; the revision flagged', () => {
    w.sendRevision(lyingTotals('1.2', 10));
    const c = compareRevisions(w.so.db, COMMUNE, YEAR);
    expect([c.from.revision, c.to.revision]).toEqual([3, 4]);
    expect(c.from.mismatch).toBe(false);
    expect(c.from.declared).toEqual(c.from.recomputed);
    expect(c.to.mismatch).toBe(true);
    expect(c.to.recomputed).toEqual(c.from.recomputed);
    expect(c.to.declared).toEqual({ points: c.to.recomputed.points + 10, indexPercent: c.to.recomputed.indexPercent! + 10 });
    expect(c.changes.map((x) => [x.code, x.changes])).toEqual([['1.2', ['points']]]);
    const item = c.changes[0]!;
    expect(item.from).toMatchObject({ points: item.from!.recomputedPoints });
    expect(item.to).toMatchObject({ points: item.from!.points + 10, recomputedPoints: item.from!.points });
  });

  it('each revision on time or late by the Vietnam day against the year\'s deadline; the board still judges the commune by its first', () => {
    w.so.db.prepare(`INSERT INTO report_deadlines (year, deadline) VALUES (?, '2026-11-22')`).run(YEAR);
    // 17:30 UTC on the 22nd is already the 23rd in Vietnam: late, though the UTC day is the deadline.
    w.so.clock.advance(9.5 * 3_600_000);
    w.sendRevision();
    const list = revisionList(w.so.db, COMMUNE, YEAR);
    expect(list.map((r) => [r.revision, r.receivedOn, r.onTime])).toEqual([[1, '2026-11-22', true], [2, '2026-11-22', true], [3, '2026-11-22', true], [4, '2026-11-23', false]]);
    const c = compareRevisions(w.so.db, COMMUNE, YEAR, { from: 1, to: 4 });
    expect(c.deadline).toBe('2026-11-22');
    expect([c.from.onTime, c.to.onTime]).toEqual([true, false]);
    const row = statusBoard(w.so.ctx, YEAR).rows.find((r) => r.code === COMMUNE)!;
    expect(row).toMatchObject({ onTime: true, revision: 4, receivedAt: list[3]!.receivedAt, firstReceivedAt: list[0]!.receivedAt });
    // The board's line says which receipt "on time" speaks of: the first one, on another day than the newest.
    expect(boardLine(row)).toContain('lần 4, nhận 23/11/2026 (lần đầu nhận 22/11/2026, đúng hạn)');
  });

  it('the newest two when none is named; a commune with one revision has nothing to compare', async () => {
    const c = compareRevisions(w.so.db, COMMUNE, YEAR);
    expect([c.from.revision, c.to.revision, c.changes.map((x) => x.code)]).toEqual([2, 3, ['1.3']]);
    expect(compareRevisions(w.so.db, COMMUNE, YEAR, { from: 3, to: 1 }).changes.map((x) => x.code)).toEqual(['1.2', '1.3']);
    expect(await refusal(() => compareRevisions(w.so.db, '99999', YEAR))).toBe('REVISIONS_TOO_FEW');
    expect(await refusal(() => compareRevisions(w.so.db, COMMUNE, YEAR, { from: 1, to: 9 }))).toBe('REVISION_NOT_FOUND');
  });
});

describe('revision channels', () => {
  let a: ChannelApp | undefined;
  afterEach(() => a?.cleanup());

  it('a commune installation may neither list nor compare revisions', async () => {
    a = channelApp();
    await a.call('setup:complete', { setup: communeSetup });
    expect(await a.call('appraisal:revisions', { communeCode: COMMUNE })).toMatchObject({ ok: false, error: { code: 'WRONG_ROLE' } });
    expect(await a.call('appraisal:compare', { communeCode: COMMUNE })).toMatchObject({ ok: false, error: { code: 'WRONG_ROLE' } });
  });

  it('the reviewing unit: nothing received lists nothing; bad revision numbers are refused at the boundary, the same one by the use case', async () => {
    a = channelApp();
    await a.call('setup:complete', { setup: provinceSetup });
    expect(await a.call('appraisal:revisions', { communeCode: COMMUNE })).toEqual({ ok: true, value: [] });
    expect(await a.call('appraisal:compare', { communeCode: COMMUNE, from: 0, to: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await a.call('appraisal:compare', { communeCode: COMMUNE, from: 1, to: 1 })).toMatchObject({ ok: false, error: { code: 'REVISION_SAME' } });
    expect(await a.call('appraisal:compare', { communeCode: COMMUNE, from: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await a.call('appraisal:compare', { communeCode: COMMUNE })).toMatchObject({ ok: false, error: { code: 'REVISIONS_TOO_FEW' } });
    expect(await a.call('appraisal:compare', { communeCode: COMMUNE, from: 1, to: 2 })).toMatchObject({ ok: false, error: { code: 'REVISION_NOT_FOUND' } });
  });
});
