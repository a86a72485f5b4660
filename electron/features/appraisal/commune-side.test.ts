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
import type { AppraisalResult } from '../../../shared/package/envelope';
import { serializeEnvelope, signPackage } from '../../kernel/signing/package-signer';
import { appraise, openAppraisal } from './appraisal';
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

  it('a commune that pinned no reviewing unit refuses the result (NOT_ENROLLED)', async () => {
    const sent = sendResult();
    w.xa.db.prepare('DELETE FROM reviewer_pin').run();
    expect(await refusal(() => importAppraisalResult(w.xa.ctx, sent.path))).toBe('NOT_ENROLLED');
  });
});
