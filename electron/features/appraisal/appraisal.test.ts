/** Rounds, decisions, the lock and carry-over, against real SQLite with real received packages. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appraisalWorld, COMMUNE, editEntry, lyingSources, YEAR, type AppraisalWorld } from '../../../test/fixtures/appraisal';
import { testKey } from '../../../test/fixtures/test-keys';
import { refusal } from '../../../test/helpers/app';
import { dumpDatabase } from '../../../test/fixtures/reviewer-imports';
import { listAudit } from '../audit/audit-repo';
import { acceptSelfScores, appraise, appraisalState, appraisedScores, lockAppraisal, openAppraisal } from './appraisal';
import { assignField, markFieldDone, owedBoard } from './assignments';
import { diffRevisions } from './diff';
import { exportAppraisalResult } from './result-package';

let w: AppraisalWorld;
beforeEach(() => {
  w = appraisalWorld();
});
afterEach(() => w.cleanup());

const sendResult = () => exportAppraisalResult(w.so.ctx, COMMUNE, YEAR, { folder: w.usb, signer: testKey('reviewer'), appVersion: '0.1.0' });

describe('round 1', () => {
  it('nothing received: refused; before opening, the seam says null', async () => {
    expect(await refusal(() => openAppraisal(w.so.ctx, COMMUNE, YEAR))).toBe('APPRAISAL_NOTHING_RECEIVED');
    expect(await refusal(() => openAppraisal(w.so.ctx, '99999', YEAR))).toBe('COMMUNE_NOT_FOUND');
    expect(appraisedScores(w.so.db, COMMUNE, YEAR)).toBeNull();
  });

  it('opens on the received revision with every item still at the self-score, never counted as appraised', () => {
    expect(w.sendRevision().outcome).toBe('accepted');
    const s = openAppraisal(w.so.ctx, COMMUNE, YEAR);
    expect(s).toMatchObject({ round: 1, revision: 1, locked: null, newerRevision: null, communeName: 'Xã Bình Đào' });
    expect(s.summary).toMatchObject({ items: s.items.length, appraised: 0, stillAtSelfScore: s.items.length, differs: 0 });
    expect(s.items.find((i) => i.code === '1.1')).toMatchObject({ selfPoints: 50, appraisedPoints: null, explanation: expect.stringContaining('Kế hoạch'), evidence: [expect.objectContaining({ name: 'Kế hoạch CCHC 2026.pdf' })] });
    expect(s.items.find((i) => i.code === '1.2')).toMatchObject({ evidenceMissing: true });
    const seam = appraisedScores(w.so.db, COMMUNE, YEAR)!;
    expect(seam).toMatchObject({ round: 1, revision: 1, locked: false, lockedAt: null });
    expect(seam.stillAtSelfScore).toHaveLength(s.items.length);
    expect(seam.items.find((i) => i.code === '1.1')).toEqual({ code: '1.1', kind: 'item', fieldCode: '1', criterionCode: '1.1', notApplicable: false, selfPoints: 50, appraisedPoints: null, points: 50 });
  });

  it('records scores, comments and requests; a bad score or item changes nothing', async () => {
    w.sendRevision();
    openAppraisal(w.so.ctx, COMMUNE, YEAR);
    const s = appraise(w.so.ctx, COMMUNE, YEAR, [
      { itemCode: '1.1', points: 'self', comment: 'Đạt.' },
      { itemCode: '1.3', points: 50, request: { kind: 'evidence', text: 'Bổ sung văn bản báo cáo quý II.' } },
    ]);
    expect(s.summary).toMatchObject({ appraised: 2, differs: 1, requests: 1, stillAtSelfScore: s.items.length - 2 });
    expect(s.summary.appraisedPoints).toBe(s.summary.selfPoints - 25);
    expect(s.items.find((i) => i.code === '1.3')).toMatchObject({ appraisedPoints: 50, requestKind: 'evidence', request: 'Bổ sung văn bản báo cáo quý II.', appraiser: 'tester' });
    // A later edit of the comment alone keeps the score and the request.
    const again = appraise(w.so.ctx, COMMUNE, YEAR, [{ itemCode: '1.3', comment: 'Thiếu minh chứng.' }]);
    expect(again.items.find((i) => i.code === '1.3')).toMatchObject({ appraisedPoints: 50, comment: 'Thiếu minh chứng.', requestKind: 'evidence' });
    const before = dumpDatabase(w.so);
    expect(await refusal(() => appraise(w.so.ctx, COMMUNE, YEAR, [{ itemCode: '1.1', points: 0 }, { itemCode: '1.2', points: 99999 }]))).toBe('APPRAISAL_POINTS_OUT_OF_RANGE');
    expect(await refusal(() => appraise(w.so.ctx, COMMUNE, YEAR, [{ itemCode: '1.1', points: 0 }, { itemCode: '42.42', points: 1 }]))).toBe('APPRAISAL_ITEM_UNKNOWN');
    expect(dumpDatabase(w.so)).toEqual(before);
    expect(listAudit(w.so.ctx, { entity: 'appraisal_item' }).length).toBeGreaterThanOrEqual(3);
    // The same decision again (a note saved on leaving its box, then with the score): nothing changes, nothing is logged.
    w.so.clock.advance(60_000);
    const logged = listAudit(w.so.ctx, { entity: 'appraisal_item' }).length;
    appraise(w.so.ctx, COMMUNE, YEAR, [{ itemCode: '1.3', points: 50, comment: 'Thiếu minh chứng.' }]);
    expect(dumpDatabase(w.so)).toEqual(before);
    expect(listAudit(w.so.ctx, { entity: 'appraisal_item' }).length).toBe(logged);
  });

  it('lock: refused while items are still at the self-score; after accepting them, locked with who and when; then nothing changes', async () => {
    w.sendRevision();
    openAppraisal(w.so.ctx, COMMUNE, YEAR);
    appraise(w.so.ctx, COMMUNE, YEAR, [{ itemCode: '1.3', points: 50 }]);
    expect(await refusal(() => lockAppraisal(w.so.ctx, COMMUNE, YEAR))).toBe('APPRAISAL_INCOMPLETE');
    const acc = acceptSelfScores(w.so.ctx, COMMUNE, YEAR);
    expect(acc.skippedFlagged).toEqual([]);
    expect(acc.accepted).toBe(acc.state.items.length - 1);
    expect(acc.state.items.find((i) => i.code === '1.3')!.appraisedPoints).toBe(50);
    const locked = lockAppraisal(w.so.ctx, COMMUNE, YEAR);
    expect(locked.locked).toEqual({ round: 1, lockedAt: '2026-11-22T08:00:00.000Z', lockedBy: 'tester' });
    expect(appraisedScores(w.so.db, COMMUNE, YEAR)).toMatchObject({ locked: true, stillAtSelfScore: [], lockedBy: 'tester' });
    expect(await refusal(() => appraise(w.so.ctx, COMMUNE, YEAR, [{ itemCode: '1.1', points: 0 }]))).toBe('APPRAISAL_LOCKED');
    expect(await refusal(() => lockAppraisal(w.so.ctx, COMMUNE, YEAR))).toBe('APPRAISAL_LOCKED');
    // A newer revision after the lock opens nothing.
    w.sendRevision();
    expect(openAppraisal(w.so.ctx, COMMUNE, YEAR)).toMatchObject({ round: 1, revision: 1, newerRevision: 2 });
  });
  it('accepting self-scores in bulk skips the items flagged at import (recomputed ≠ declared)', () => {
    expect(w.sendRevision(lyingSources('1.2', 10))).toMatchObject({ outcome: 'accepted', mismatch: true });
    const s = openAppraisal(w.so.ctx, COMMUNE, YEAR);
    expect(s.items.find((i) => i.code === '1.2')).toMatchObject({ flagged: true, selfPoints: 145, recomputedPoints: 135 });
    expect(s.summary.flagged).toBe(1);
    const acc = acceptSelfScores(w.so.ctx, COMMUNE, YEAR);
    expect(acc.skippedFlagged).toEqual(['1.2']);
    expect(acc.state.summary.stillAtSelfScore).toBe(1);
    expect(acc.state.items.find((i) => i.code === '1.2')!.appraisedPoints).toBeNull();
  });
});

describe('round 2 and carry-over', () => {
  it('a newer revision before the result was sent opens no round 2: round 1 moves onto it, keeping decisions on unchanged items', () => {
    w.sendRevision();
    openAppraisal(w.so.ctx, COMMUNE, YEAR);
    appraise(w.so.ctx, COMMUNE, YEAR, [{ itemCode: '1.1', points: 'self' }, { itemCode: '1.3', points: 50 }]);
    editEntry(w.xa, '1.3', { explanation: 'Đã sửa trước khi thẩm định xong.' });
    w.sendRevision();
    const s = openAppraisal(w.so.ctx, COMMUNE, YEAR);
    expect(s).toMatchObject({ round: 1, revision: 2, newerRevision: null });
    expect(s.items.find((i) => i.code === '1.1')!.appraisedPoints).toBe(50);
    expect(s.items.find((i) => i.code === '1.3')!.appraisedPoints).toBeNull();
    expect(listAudit(w.so.ctx, { entity: 'appraisal' }).map((a) => a.action)).toContain('appraisal.rebase');
  });

  it('after the result is sent, the next revision opens round 2: unchanged items keep their decisions, changed or questioned ones need a look', () => {
    w.sendRevision();
    openAppraisal(w.so.ctx, COMMUNE, YEAR);
    appraise(w.so.ctx, COMMUNE, YEAR, [
      { itemCode: '1.1', points: 'self', comment: 'Đạt.' },
      { itemCode: '1.2', points: 100 },
      { itemCode: '1.3', points: 50, request: { kind: 'explain', text: 'Giải trình việc chậm báo cáo.' } },
      { itemCode: '9.1', points: 'self', request: { kind: 'evidence', text: 'Bổ sung quyết định công nhận sáng kiến.' } },
    ]);
    sendResult();
    editEntry(w.xa, '1.3', { explanation: 'Đã nộp bổ sung báo cáo quý II ngày 15/7.' });
    editEntry(w.xa, '1.2', { input: { type: 'ratio', numerator: 10, denominator: 10 } });
    w.sendRevision();
    const s = openAppraisal(w.so.ctx, COMMUNE, YEAR);
    expect(s).toMatchObject({ round: 2, revision: 2, newerRevision: null });
    const item = (c: string) => s.items.find((i) => i.code === c)!;
    expect(item('1.1')).toMatchObject({ appraisedPoints: 50, comment: 'Đạt.', carriedFrom: 1 });
    expect(item('1.1').changed).toEqual([]);
    expect(item('1.3').changed).toEqual(['explanation']);
    expect(item('1.2')).toMatchObject({ appraisedPoints: null, carriedFrom: null, previous: { appraisedPoints: 100 } });
    expect(item('1.3')).toMatchObject({ appraisedPoints: null, previous: { appraisedPoints: 50, requestKind: 'explain' } });
    // Unchanged but under a request: not carried, the council looks again.
    expect(item('9.1')).toMatchObject({ appraisedPoints: null, previous: { request: 'Bổ sung quyết định công nhận sáng kiến.' } });
    expect(s.summary.appraised).toBe(1);
    expect(listAudit(w.so.ctx, { entity: 'appraisal' }).map((a) => a.action)).toContain('appraisal.carryOver');

    const diff = diffRevisions(w.so.db, COMMUNE, YEAR, 1, 2);
    expect(diff.map((c) => [c.code, c.changes])).toEqual([['1.2', ['input', 'points']], ['1.3', ['explanation']]]);
    expect(diff[1]!.to!.explanation).toBe('Đã nộp bổ sung báo cáo quý II ngày 15/7.');

    acceptSelfScores(w.so.ctx, COMMUNE, YEAR);
    const locked = lockAppraisal(w.so.ctx, COMMUNE, YEAR);
    expect(locked.locked).toMatchObject({ round: 2 });
    expect(appraisalState(w.so.db, COMMUNE, YEAR)!.rounds.map((r) => [r.round, r.revision])).toEqual([[1, 1], [2, 2]]);
  });
});

describe('appraisers per field', () => {
  it('assigns fields, marks done only when the field is appraised, and says who still owes what', async () => {
    w.sendRevision();
    const ctx = w.so.ctx;
    expect(assignField(ctx, YEAR, '1', 'Sở Nội vụ').find((a) => a.fieldCode === '1')!.appraiser).toBe('Sở Nội vụ');
    assignField(ctx, YEAR, '8', 'Văn phòng UBND tỉnh');
    expect(await refusal(() => assignField(ctx, YEAR, '42', 'Ai đó'))).toBe('FIELD_UNKNOWN');
    let board = owedBoard(ctx, YEAR);
    expect(board.find((r) => r.fieldCode === '1')).toMatchObject({ appraiser: 'Sở Nội vụ', owing: 1, communes: [{ code: COMMUNE, done: false, stillAtSelfScore: null }] });
    expect(board.find((r) => r.fieldCode === '2')).toMatchObject({ appraiser: null });
    expect(await refusal(() => markFieldDone(ctx, COMMUNE, YEAR, '1', true))).toBe('APPRAISAL_NOTHING_RECEIVED');
    openAppraisal(ctx, COMMUNE, YEAR);
    expect(await refusal(() => markFieldDone(ctx, COMMUNE, YEAR, '1', true))).toBe('APPRAISAL_INCOMPLETE');
    const field1 = appraisalState(w.so.db, COMMUNE, YEAR)!.items.filter((i) => i.fieldCode === '1');
    appraise(ctx, COMMUNE, YEAR, field1.map((i) => ({ itemCode: i.code, points: 'self' as const })));
    markFieldDone(ctx, COMMUNE, YEAR, '1', true);
    board = owedBoard(ctx, YEAR);
    expect(board.find((r) => r.fieldCode === '1')).toMatchObject({ owing: 0, communes: [{ done: true, doneBy: 'tester', stillAtSelfScore: 0 }] });
    expect(board.find((r) => r.fieldCode === '8')).toMatchObject({ owing: 1, communes: [{ done: false, stillAtSelfScore: 8 }] });
    markFieldDone(ctx, COMMUNE, YEAR, '1', false);
    expect(owedBoard(ctx, YEAR).find((r) => r.fieldCode === '1')!.owing).toBe(1);
  });
});
