import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpCommune } from '../../../test/fixtures/commune-report';
import { testKey } from '../../../test/fixtures/test-keys';
import { refusal, testApp, type TestApp } from '../../../test/helpers/app';
import { freshStore, provinceSetup, type TestStore } from '../../../test/helpers/context';
import { prepareEnrolmentRequest } from './commune-enrolment';
import { approveEnrolmentRequest } from './reviewer-enrolment';
import { approveRequest, rejectedRequests, rejectRequest } from './use-cases';

let xa: TestStore;
let so: TestApp;
beforeEach(() => {
  xa = freshStore();
  setUpCommune(xa.ctx);
  so = testApp(provinceSetup);
});
afterEach(() => {
  xa.cleanup();
  so.cleanup();
});

const request = (key = testKey('commune')) => prepareEnrolmentRequest(xa.ctx, key, { appVersion: '0.1.0' }).record;

describe('rejecting an enrolment request', () => {
  it('records the request, the commune, who, when and why; rejecting again keeps the first record', async () => {
    const r = request();
    const first = await so.app.perform(rejectRequest, { bytes: Buffer.from(r.text), reason: '  Phiếu   không có dấu ' });
    expect(first).toMatchObject({ requestId: r.requestId, keyId: r.keyId, communeCode: '26734', reason: 'Phiếu không có dấu', rejectedBy: 'tester', rejectedAt: '2026-11-22T08:00:00.000Z' });
    so.clock.advance(60_000);
    const second = await so.app.perform(rejectRequest, { bytes: Buffer.from(r.text), reason: 'Lý do khác hẳn' });
    expect(second).toEqual(first);
    expect(await so.app.perform(rejectedRequests, undefined)).toEqual([first]);
  });

  it('refuses approval of the rejected request before the fingerprint is asked; a new request can be approved', async () => {
    const r = request();
    await so.app.perform(rejectRequest, { bytes: Buffer.from(r.text), reason: 'Người lập không đúng' });
    const folder = async () => so.dir;
    expect(await refusal(so.app.perform(approveRequest, { bytes: Buffer.from(r.text), fingerprint: '', folder }))).toBe('ENROLMENT_REJECTED');
    expect(await refusal(() => approveEnrolmentRequest(so.ctx, r.text, testKey('reviewer')))).toBe('ENROLMENT_REJECTED');
    const fresh = request();
    expect(fresh.requestId).not.toBe(r.requestId);
    expect(approveEnrolmentRequest(so.ctx, fresh.text, testKey('reviewer')).enrolled.communeCode).toBe('26734');
  });

  it('needs a reason and the reviewing role', async () => {
    const r = request();
    expect(await refusal(so.app.perform(rejectRequest, { bytes: Buffer.from(r.text), reason: ' ab ' }))).toBe('INVALID_INPUT');
    const other = testApp();
    try {
      setUpCommune(other.ctx);
      expect(await refusal(other.app.perform(rejectRequest, { bytes: Buffer.from(r.text), reason: 'Không đúng xã' }))).toBe('WRONG_ROLE');
    } finally {
      other.cleanup();
    }
  });
});
