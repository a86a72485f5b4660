/**
 * The commune pins the reviewing unit's key only after a person confirmed its fingerprint (from
 * the unit's published letter or paper); once pinned, another key is never pinned silently.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshStore, parsedSetup, provinceSetup, type TestStore } from '../../../test/helpers/context';
import { codeOf } from '../../../test/helpers/errors';
import { testKey } from '../../../test/fixtures/test-keys';
import { setUpCommune } from '../../../test/fixtures/commune-report';
import { listAudit } from '../audit/audit-repo';
import { acceptEnrolmentApproval, checkEnrolmentApproval, enrolmentState, prepareEnrolmentRequest, recordEnrolmentRequest } from './commune-enrolment';
import { approveEnrolmentRequest } from './reviewer-enrolment';
import { completeSetup } from '../setup/identity';

const commune = testKey('commune');
const reviewer = testKey('reviewer');
const attacker = testKey('stranger');
let xa: TestStore;
let so: TestStore;
let rogue: TestStore;
beforeEach(() => {
  xa = freshStore();
  so = freshStore();
  rogue = freshStore();
  setUpCommune(xa.ctx);
  completeSetup(so.ctx, parsedSetup(provinceSetup));
  completeSetup(rogue.ctx, parsedSetup(provinceSetup)); // an attacker's "Sở Nội vụ", unit 49 too
});
afterEach(() => {
  xa.cleanup();
  so.cleanup();
  rogue.cleanup();
});

/** A request from the commune, answered by `by` (the real reviewing unit or the rogue one). */
function approval(by: { store: TestStore; key: typeof reviewer }): string {
  const { record } = prepareEnrolmentRequest(xa.ctx, commune, { appVersion: '0.1.0' });
  recordEnrolmentRequest(xa.ctx, record);
  return approveEnrolmentRequest(by.store.ctx, record.text, by.key).approvalText;
}

describe('pinning the reviewing unit key needs its fingerprint confirmed', () => {
  it('without a fingerprint: refused (FINGERPRINT_REQUIRED), the file’s fingerprint given for comparison; nothing pinned', () => {
    const text = approval({ store: so, key: reviewer });
    expect(() => acceptEnrolmentApproval(xa.ctx, text, { fingerprint: '' })).toThrowError(
      expect.objectContaining({ code: 'FINGERPRINT_REQUIRED', details: expect.objectContaining({ fileFingerprint: reviewer.fingerprint }) }) as Error,
    );
    expect(enrolmentState(xa.ctx, null).pinned).toBeNull();
  });

  it('an attacker key claiming to be unit 49 is refused when the person types the fingerprint from the real letter', () => {
    const forged = approval({ store: rogue, key: attacker });
    expect(checkEnrolmentApproval(xa.ctx, forged).pin).toMatchObject({ unitCode: '49', fingerprint: attacker.fingerprint });
    expect(() => acceptEnrolmentApproval(xa.ctx, forged, { fingerprint: reviewer.fingerprint })).toThrowError(
      expect.objectContaining({ code: 'FINGERPRINT_MISMATCH', details: expect.objectContaining({ fileFingerprint: attacker.fingerprint }) }) as Error,
    );
    expect(enrolmentState(xa.ctx, null).pinned).toBeNull();
  });

  it('the real key is pinned when the fingerprint typed matches (dashes, spaces and case do not matter)', () => {
    const text = approval({ store: so, key: reviewer });
    const pin = acceptEnrolmentApproval(xa.ctx, text, { fingerprint: reviewer.fingerprint.replaceAll('-', ' ').toLowerCase() });
    expect(pin).toMatchObject({ keyId: reviewer.keyId, fingerprint: reviewer.fingerprint });
    expect(enrolmentState(xa.ctx, null).pinned?.keyId).toBe(reviewer.keyId);
  });
});

describe('once pinned, another reviewing unit key is never pinned silently', () => {
  it('an approval signed by another key is refused (REVIEWER_KEY_CHANGED) even with its own fingerprint typed', () => {
    acceptEnrolmentApproval(xa.ctx, approval({ store: so, key: reviewer }), { fingerprint: reviewer.fingerprint });
    const other = approval({ store: rogue, key: attacker });
    expect(codeOf(() => checkEnrolmentApproval(xa.ctx, other))).toBe('REVIEWER_KEY_CHANGED');
    expect(() => acceptEnrolmentApproval(xa.ctx, other, { fingerprint: attacker.fingerprint })).toThrowError(
      expect.objectContaining({ code: 'REVIEWER_KEY_CHANGED', details: expect.objectContaining({ pinnedFingerprint: reviewer.fingerprint, fileFingerprint: attacker.fingerprint }) }) as Error,
    );
    expect(enrolmentState(xa.ctx, null).pinned?.keyId).toBe(reviewer.keyId);
    // The same key answering a later request is fine (fingerprint confirmed again).
    expect(acceptEnrolmentApproval(xa.ctx, approval({ store: so, key: reviewer }), { fingerprint: reviewer.fingerprint }).keyId).toBe(reviewer.keyId);
  });

  it('a deliberate re-pin needs the flag AND the new fingerprint, and leaves an audit row with both keys', () => {
    acceptEnrolmentApproval(xa.ctx, approval({ store: so, key: reviewer }), { fingerprint: reviewer.fingerprint });
    const next = approval({ store: rogue, key: attacker });
    expect(codeOf(() => acceptEnrolmentApproval(xa.ctx, next, { fingerprint: reviewer.fingerprint, repin: true }))).toBe('FINGERPRINT_MISMATCH');
    const pin = acceptEnrolmentApproval(xa.ctx, next, { fingerprint: attacker.fingerprint, repin: true });
    expect(pin.keyId).toBe(attacker.keyId);
    const last = listAudit(xa.ctx, { entity: 'enrolment' })[0]!;
    expect(last.action).toBe('enrolment.repin');
    expect(JSON.stringify(last)).toContain(reviewer.keyId);
  });
});
