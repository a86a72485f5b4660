/**
 * The appraisal result travels to the commune and back: verified with the pinned reviewing-unit
 * key only, bound to this commune, year and one of its exported revisions; comments and requests
 * kept per item; the clerk's answers ride on the next revision and reach the council.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appraisalWorld, COMMUNE, YEAR, type AppraisalWorld } from '../../../test/fixtures/appraisal';
import { dumpDatabase } from '../../../test/fixtures/reviewer-imports';
import { testKey, type TEST_SEEDS } from '../../../test/fixtures/test-keys';
import { refusal } from '../../../test/helpers/app';
import { AppError } from '../../../shared/errors';
import type { AppraisalResult } from '../../../shared/package/envelope';
import { serializeEnvelope, signPackage } from '../../kernel/signing/package-signer';
import { appraise, openAppraisal } from './appraisal';
import { listAudit } from '../audit/audit-repo';
import { answerRequest, appraisalNotes, importAppraisalResult } from './commune-side';
import { buildAppraisalPayload, exportAppraisalResult } from './result-package';

let w: AppraisalWorld;
beforeEach(() => {
  w = appraisalWorld();
  w.sendRevision();
  openAppraisal(w.so.ctx, COMMUNE, YEAR);
  appraise(w.so.ctx, COMMUNE, YEAR, [
    { itemCode: '1.1', points: 'self', comment: 'Đạt.' },
    { itemCode: '1.3', points: 50, request: { kind: 'explain', text: 'Giải trình việc chậm báo cáo quý II.' } },
  ]);
});
afterEach(() => w.cleanup());

const sendResult = () => exportAppraisalResult(w.so.ctx, COMMUNE, YEAR, { folder: w.usb, signer: testKey('reviewer'), appVersion: '0.1.0' });

/** A result payload changed by `edit`, signed by `key`, written to the USB folder. */
function forged(name: string, key: keyof typeof TEST_SEEDS, edit: (p: AppraisalResult) => void = () => {}): string {
  const p = w.so.db.transaction(() => buildAppraisalPayload(w.so.ctx, COMMUNE, YEAR, testKey(key), { packageId: `forged-${name}`, createdAt: '2026-11-22T09:00:00.000Z', appVersion: '0.1.0' }))();
  edit(p);
  const path = join(w.usb, `${name}.json`);
  writeFileSync(path, serializeEnvelope(signPackage('appraisal', p, [testKey(key)])));
  return path;
}

describe('importAppraisalResult', () => {
  it('accepts the result signed by the pinned unit: notes per item, the same file again is a duplicate', () => {
    const sent = sendResult();
    expect(sent).toMatchObject({ round: 1, revision: 1, locked: false, requests: 1 });
    const r = importAppraisalResult(w.xa.ctx, sent.path);
    expect(r).toMatchObject({ outcome: 'accepted', round: 1, answersRevision: 1, locked: false, requests: 1, comments: 1 });
    const notes = appraisalNotes(w.xa.ctx);
    expect(notes.result).toMatchObject({ round: 1, answersRevision: 1, locked: false });
    expect(notes.notes).toEqual([
      { itemCode: '1.1', selfPoints: 50, appraisedPoints: 50, comment: 'Đạt.', requestKind: null, request: null, answer: null },
      { itemCode: '1.3', selfPoints: 75, appraisedPoints: 50, comment: null, requestKind: 'explain', request: 'Giải trình việc chậm báo cáo quý II.', answer: null },
    ]);
    expect(importAppraisalResult(w.xa.ctx, sent.path).outcome).toBe('duplicate');
  });

  it('the answer travels with the next revision and the council sees it next to the item in round 2', async () => {
    const sent = sendResult();
    importAppraisalResult(w.xa.ctx, sent.path);
    expect(await refusal(() => answerRequest(w.xa.ctx, '1.1', 'không hỏi'))).toBe('APPRAISAL_ITEM_UNKNOWN');
    const notes = answerRequest(w.xa.ctx, '1.3', '  Báo cáo quý II gửi chậm 2 ngày do mất điện.  ');
    expect(notes.notes.find((n) => n.itemCode === '1.3')!.answer).toBe('Báo cáo quý II gửi chậm 2 ngày do mất điện.');
    // The same answer again (saved on leaving the box, then with the button) changes and logs nothing.
    const logged = listAudit(w.xa.ctx, { entity: 'appraisal_answer' }).length;
    const before = dumpDatabase(w.xa);
    answerRequest(w.xa.ctx, '1.3', 'Báo cáo quý II gửi chậm 2 ngày do mất điện.');
    expect(dumpDatabase(w.xa)).toEqual(before);
    expect(listAudit(w.xa.ctx, { entity: 'appraisal_answer' }).length).toBe(logged);
    const r2 = w.exportRevision();
    const payload = (JSON.parse(readFileSync(r2, 'utf8')) as { payload: { appraisalAnswers: unknown } }).payload;
    expect(payload.appraisalAnswers).toEqual({ appraisal: { packageId: sent.packageId, sha256: sent.sha256 }, items: [{ itemCode: '1.3', answer: 'Báo cáo quý II gửi chậm 2 ngày do mất điện.' }] });
    expect(w.receive(r2).outcome).toBe('accepted');
    const s = openAppraisal(w.so.ctx, COMMUNE, YEAR);
    expect(s.round).toBe(2);
    expect(s.items.find((i) => i.code === '1.3')).toMatchObject({ answer: 'Báo cáo quý II gửi chậm 2 ngày do mất điện.', appraisedPoints: null });
  });

  it('refuses, writing nothing: tampered, signed by a commune key or a stranger, another commune, another year, an unknown revision, an older result', async () => {
    const sent = sendResult();
    const tampered = join(w.usb, 'tampered.json');
    writeFileSync(tampered, readFileSync(sent.path, 'utf8').replace('Đạt.', 'Tốt.'));
    const cases: [string, string][] = [
      [tampered, 'SIGNATURE_INVALID'],
      [forged('by-commune', 'commune'), 'KEY_UNKNOWN'],
      [forged('by-stranger', 'stranger'), 'KEY_UNKNOWN'],
      [forged('other-commune', 'reviewer', (p) => { p.audience.communeCode = '26735'; }), 'APPRAISAL_WRONG_COMMUNE'],
      [forged('other-year', 'reviewer', (p) => { p.subject.year = 2025; }), 'APPRAISAL_WRONG_YEAR'],
      [forged('unknown-revision', 'reviewer', (p) => { p.subject.answers.sha256 = 'a'.repeat(64); }), 'APPRAISAL_UNKNOWN_REVISION'],
    ];
    const before = dumpDatabase(w.xa);
    for (const [file, code] of cases) expect(await refusal(() => importAppraisalResult(w.xa.ctx, file)), file).toBe(code);
    expect(dumpDatabase(w.xa)).toEqual(before);
    // An older result after a newer one is refused too.
    const newer = forged('newer', 'reviewer', (p) => { p.createdAt = '2026-12-01T00:00:00.000Z'; });
    expect(importAppraisalResult(w.xa.ctx, newer).outcome).toBe('accepted');
    expect(await refusal(() => importAppraisalResult(w.xa.ctx, sent.path))).toBe('APPRAISAL_STALE');
  });

  it('refuses a result signed by the pinned unit that does not speak of the report it answers, or whose summary does not count its items', () => {
    sendResult();
    /** The summary counted again, so only the change under test is wrong. */
    const recount = (p: AppraisalResult) => {
      p.summary.items = p.items.length;
      p.summary.appraised = p.items.filter((i) => i.appraisedPoints !== null).length;
      p.summary.stillAtSelfScore = p.items.length - p.summary.appraised;
      p.summary.requests = p.items.filter((i) => i.request !== null).length;
    };
    const cases: [string, (p: AppraisalResult) => void, Record<string, unknown>][] = [
      ['left-out', (p) => { p.items = p.items.filter((i) => i.code !== '1.2'); recount(p); }, { problem: 'MISSING_ITEM', itemCode: '1.2', issues: [{ path: 'tiêu chí 1.2', message: 'có trong báo cáo xã đã gửi nhưng kết quả bỏ sót' }] }],
      ['self-score', (p) => { p.items.find((i) => i.code === '1.2')!.selfPoints = 100; }, { problem: 'SELF_POINTS_MISMATCH', itemCode: '1.2', declared: 135, selfPoints: 100, issues: [{ path: 'tiêu chí 1.2', message: 'kết quả ghi điểm tự chấm 1,00, báo cáo xã đã gửi ghi 1,35' }] }],
      ['negative-self', (p) => { p.items.find((i) => i.code === '1.4')!.selfPoints = -50; }, { problem: 'SELF_POINTS_MISMATCH', itemCode: '1.4', declared: 0 }],
      ['count', (p) => { p.summary.requests += 1; }, { problem: 'SUMMARY_MISMATCH', field: 'requests' }],
      ['still', (p) => { p.summary.stillAtSelfScore -= 1; }, { problem: 'SUMMARY_MISMATCH', field: 'stillAtSelfScore' }],
      ['self-sum', (p) => { p.summary.selfPoints += 25; }, { problem: 'SUMMARY_MISMATCH', field: 'selfPoints', issues: [{ path: 'phần tổng hợp', message: 'tổng điểm tự chấm ghi 17,72, đếm lại từ từng tiêu chí được 17,47' }] }],
      ['appraised-sum', (p) => { p.summary.appraisedPoints -= 25; }, { problem: 'SUMMARY_MISMATCH', field: 'appraisedPoints' }],
    ];
    const before = dumpDatabase(w.xa);
    for (const [name, edit, details] of cases) {
      const file = forged(name, 'reviewer', edit);
      let caught: unknown;
      try {
        importAppraisalResult(w.xa.ctx, file);
      } catch (err) {
        caught = err;
      }
      expect(caught, name).toBeInstanceOf(AppError);
      expect((caught as AppError).code, name).toBe('APPRAISAL_RESULT_INVALID');
      expect((caught as AppError).details, name).toMatchObject(details);
    }
    expect(dumpDatabase(w.xa)).toEqual(before);
    // An item of the framework that the report did not declare (as if the report had left it out).
    const declared = w.xa.db.prepare('SELECT items_json AS j FROM package_exports').get() as { j: string };
    w.xa.db.prepare('UPDATE package_exports SET items_json = ?').run(JSON.stringify((JSON.parse(declared.j) as { code: string }[]).filter((i) => i.code !== '1.2')));
    const added = forged('added', 'reviewer');
    const withoutItem = dumpDatabase(w.xa);
    expect(() => importAppraisalResult(w.xa.ctx, added)).toThrow(expect.objectContaining({ code: 'APPRAISAL_RESULT_INVALID', details: expect.objectContaining({ problem: 'NOT_IN_REPORT', itemCode: '1.2' }) }));
    expect(dumpDatabase(w.xa)).toEqual(withoutItem);
    w.xa.db.prepare('UPDATE package_exports SET items_json = ?').run(declared.j);
    // The same payload unchanged is accepted: the checks refuse the changes, not the result.
    expect(importAppraisalResult(w.xa.ctx, added).outcome).toBe('accepted');
  });

  it('a report exported before the commune kept its declared items is checked against the framework only', () => {
    w.xa.db.prepare('UPDATE package_exports SET items_json = NULL').run();
    sendResult();
    const file = forged('left-out-old', 'reviewer', (p) => { p.items = p.items.filter((i) => i.code !== '1.2'); p.summary.items -= 1; p.summary.stillAtSelfScore -= 1; });
    expect(importAppraisalResult(w.xa.ctx, file).outcome).toBe('accepted');
  });

  it('a commune that pinned no reviewing unit refuses the result (NOT_ENROLLED)', async () => {
    const sent = sendResult();
    w.xa.db.prepare('DELETE FROM reviewer_pin').run();
    expect(await refusal(() => importAppraisalResult(w.xa.ctx, sent.path))).toBe('NOT_ENROLLED');
  });
});
