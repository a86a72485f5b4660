import { describe, expect, it } from 'vitest';
import { testKey } from '../../../test/fixtures/test-keys';
import type { KeyRotation } from '../../../shared/package/envelope';
import { approveRotation, buildKeyRotation, verifyKeyRotation, verifyRotationApproval, type RegisteredKey } from './rotation';

const commune = testKey('commune');
const next = testKey('communeNext');
const reviewer = testKey('reviewer');
const stranger = testKey('stranger');
const now = new Date('2026-05-20T03:00:00.000Z');
const registered: Record<string, RegisteredKey> = { [commune.keyId]: { publicKey: commune.publicKey, status: 'active', communeCode: '26734', kind: 'commune' } };
const statement = buildKeyRotation({ communeCode: '26734', effectiveFrom: '2026-06-01', now }, commune, next);
const code = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code);

function verified() {
  const v = verifyKeyRotation(statement, (id) => registered[id]);
  if (!v.ok) throw new Error(v.code);
  return v;
}

describe('rotation approval', () => {
  it('is bound to the statement bytes and verifies with the pinned reviewing unit key only', () => {
    const v = verified();
    expect(v.statementSha256).toMatch(/^[0-9a-f]{64}$/u);
    const approval = approveRotation(v, { reviewer: { code: '49', name: 'Sở Nội vụ' }, approvedAt: now }, reviewer);
    const mine = { statementSha256: v.statementSha256, rotation: v.rotation };
    const ok = verifyRotationApproval(approval, { ...mine, pinnedReviewerKey: reviewer.publicKey });
    expect(code(ok)).toBe('ok');
    if (ok.ok) expect(ok.approval.approved).toMatchObject({ newKeyId: next.keyId, newFingerprint: next.fingerprint, oldKeyId: commune.keyId, effectiveFrom: '2026-06-01' });
    expect(code(verifyRotationApproval(approval, { ...mine, pinnedReviewerKey: stranger.publicKey }))).toBe('KEY_UNKNOWN');
    // Signed by any other key, whatever the payload says about the reviewer.
    const byCommune = approveRotation(v, { reviewer: { code: '49', name: 'Sở Nội vụ' }, approvedAt: now }, stranger);
    expect(code(verifyRotationApproval(byCommune, { ...mine, pinnedReviewerKey: reviewer.publicKey }))).toBe('KEY_UNKNOWN');
  });

  it('answers exactly one statement: another statement, commune, key or date is ENROLMENT_MISMATCH', () => {
    const v = verified();
    const approval = approveRotation(v, { reviewer: { code: '49', name: 'Sở Nội vụ' }, approvedAt: now }, reviewer);
    const base = { pinnedReviewerKey: reviewer.publicKey, statementSha256: v.statementSha256, rotation: v.rotation };
    expect(code(verifyRotationApproval(approval, { ...base, statementSha256: '0'.repeat(64) }))).toBe('ENROLMENT_MISMATCH');
    const other: KeyRotation = { ...v.rotation, effectiveFrom: '2026-07-01' };
    expect(code(verifyRotationApproval(approval, { ...base, rotation: other }))).toBe('ENROLMENT_MISMATCH');
    expect(code(verifyRotationApproval(approval, { ...base, rotation: { ...v.rotation, newKey: { ...v.rotation.newKey, keyId: stranger.keyId } } }))).toBe('ENROLMENT_MISMATCH');
  });

  it('an enrolment approval or a statement is not a rotation approval (domain separation)', () => {
    const v = verified();
    expect(code(verifyRotationApproval(statement, { pinnedReviewerKey: reviewer.publicKey, statementSha256: v.statementSha256, rotation: v.rotation }))).toBe('FORMAT_UNKNOWN');
  });

  it('the new key is never taken from the registry: only its own signature proves it', () => {
    // Even a registry that (wrongly) lists the new key as revoked does not stand in for its signature.
    const lying = { ...registered, [next.keyId]: { publicKey: stranger.publicKey, status: 'revoked' as const, communeCode: '26734', kind: 'commune' as const } };
    expect(code(verifyKeyRotation(statement, (id) => lying[id]))).toBe('ok');
  });
});
