import { describe, expect, it } from 'vitest';
import { testKey } from '../../../test/fixtures/test-keys';
import type { EnrolmentRequest } from '../../../shared/package/envelope';
import { serializeEnvelope, signPackage } from './package-signer';
import { approveEnrolment, buildEnrolmentRequest, verifyEnrolmentApproval, verifyEnrolmentRequest } from './enrolment';
import { buildKeyRotation, verifyKeyRotation, type RegisteredKey } from './rotation';

const commune = testKey('commune');
const next = testKey('communeNext');
const reviewer = testKey('reviewer');
const stranger = testKey('stranger');
const now = new Date('2026-01-05T08:00:00.000Z');
const requestInput = {
  commune: { code: '26734', name: 'Xã Hòa Bình', provinceCode: '26' },
  officer: { name: 'Nguyễn Thị Hường', title: 'Công chức Văn phòng - Thống kê' },
  validFrom: '2026-01-05',
  appVersion: '0.1.0',
  now,
  requestId: 'req-26734-0001',
};
const approvalInput = { reviewer: { code: '26', name: 'Sở Nội vụ tỉnh Mẫu' }, approvedAt: new Date('2026-01-09T02:30:00.000Z'), validFrom: '2026-01-10' };

function codeOf(r: { ok: boolean; code?: string }): string {
  return r.ok ? 'ok' : r.code!;
}

function enrol() {
  const { text, fingerprint } = buildEnrolmentRequest(requestInput, commune);
  const verified = verifyEnrolmentRequest(text);
  if (!verified.ok) throw new Error(verified.code);
  return { text, fingerprint, verified, approval: approveEnrolment(verified, approvalInput, reviewer) };
}

describe('enrolment', () => {
  it('request → verify (reviewer) → approval → verify (commune) and pin', () => {
    const { fingerprint, verified, approval } = enrol();
    expect(fingerprint).toBe(commune.fingerprint);
    expect(verified.fingerprint).toBe(commune.fingerprint);
    expect(verified.request.commune.name).toBe('Xã Hòa Bình');
    const mine = { request: verified.request, requestSha256: verified.requestSha256 };
    const a = verifyEnrolmentApproval(approval, mine);
    expect(codeOf(a)).toBe('ok');
    if (a.ok) {
      expect(a.reviewerFingerprint).toBe(reviewer.fingerprint);
      expect(a.approval.approved.fingerprint).toBe(commune.fingerprint);
      // Next time the pinned key is required.
      expect(codeOf(verifyEnrolmentApproval(approval, { ...mine, pinnedReviewerKey: a.reviewerPublicKey }))).toBe('ok');
    }
  });
  it('NFD names from the keyboard are signed as NFC', () => {
    const { text } = buildEnrolmentRequest({ ...requestInput, commune: { ...requestInput.commune, name: 'Xã Hòa Bình'.normalize('NFD') } }, commune);
    const v = verifyEnrolmentRequest(text);
    expect(v.ok && v.request.commune.name).toBe('Xã Hòa Bình'.normalize('NFC'));
  });
  it('a request whose embedded key was replaced is refused', () => {
    const { text } = buildEnrolmentRequest(requestInput, commune);
    const env = JSON.parse(text) as { payload: EnrolmentRequest; signatures: { keyId: string }[] };
    env.payload.key.publicKey = Buffer.from(stranger.publicKey).toString('base64url');
    expect(codeOf(verifyEnrolmentRequest(JSON.stringify(env)))).toBe('KEY_UNKNOWN');
    env.payload.key.keyId = stranger.keyId;
    env.signatures[0]!.keyId = stranger.keyId;
    expect(codeOf(verifyEnrolmentRequest(JSON.stringify(env)))).toBe('SIGNATURE_INVALID');
  });
  it('a request signed by its key but naming another key id in the payload is PAYLOAD_INVALID', () => {
    const payload = {
      requestId: 'req-26734-0001',
      commune: requestInput.commune,
      officer: requestInput.officer,
      key: { alg: 'Ed25519', publicKey: Buffer.from(commune.publicKey).toString('base64url'), keyId: stranger.keyId },
      createdAt: now.toISOString(),
      validFrom: '2026-01-05',
      appVersion: '0.1.0',
    };
    const text = serializeEnvelope(signPackage('enrolment-request', payload, [commune]));
    expect(codeOf(verifyEnrolmentRequest(text))).toBe('PAYLOAD_INVALID');
  });
  it('an approval signed by another key than the pinned one is refused', () => {
    const { verified, approval } = enrol();
    expect(codeOf(verifyEnrolmentApproval(approval, { request: verified.request, requestSha256: verified.requestSha256, pinnedReviewerKey: stranger.publicKey }))).toBe('KEY_UNKNOWN');
  });
  it('an approval for another request (or another commune, or another key) is ENROLMENT_MISMATCH', () => {
    const { verified, approval } = enrol();
    const other = buildEnrolmentRequest({ ...requestInput, requestId: 'req-26734-0002' }, commune);
    const otherVerified = verifyEnrolmentRequest(other.text);
    if (!otherVerified.ok) throw new Error('setup');
    expect(codeOf(verifyEnrolmentApproval(approval, { request: otherVerified.request, requestSha256: otherVerified.requestSha256 }))).toBe('ENROLMENT_MISMATCH');
    const strangerReq = verifyEnrolmentRequest(buildEnrolmentRequest(requestInput, stranger).text);
    if (!strangerReq.ok) throw new Error('setup');
    expect(codeOf(verifyEnrolmentApproval(approval, { request: strangerReq.request, requestSha256: strangerReq.requestSha256 }))).toBe('ENROLMENT_MISMATCH');
    expect(codeOf(verifyEnrolmentApproval(approval, { request: verified.request, requestSha256: '0'.repeat(64) }))).toBe('ENROLMENT_MISMATCH');
  });
  it('a request file is not an approval, and vice versa', () => {
    const { text, verified, approval } = enrol();
    expect(codeOf(verifyEnrolmentApproval(text, { request: verified.request, requestSha256: verified.requestSha256 }))).toBe('FORMAT_UNKNOWN');
    expect(codeOf(verifyEnrolmentRequest(approval))).toBe('FORMAT_UNKNOWN');
  });
});

describe('key rotation', () => {
  const registry = (entries: Record<string, RegisteredKey>) => (keyId: string) => entries[keyId];
  const registered = { [commune.keyId]: { publicKey: commune.publicKey, status: 'active' as const, communeCode: '26734', kind: 'commune' as const } };
  const rotation = buildKeyRotation({ communeCode: '26734', effectiveFrom: '2026-06-01', now }, commune, next);

  it('is signed by the old and the new key and verifies against the registry', () => {
    const env = JSON.parse(rotation) as { signatures: { keyId: string }[] };
    expect(env.signatures.map((s) => s.keyId)).toEqual([commune.keyId, next.keyId]);
    const r = verifyKeyRotation(rotation, registry(registered));
    expect(codeOf(r)).toBe('ok');
    if (r.ok) expect(r.newFingerprint).toBe(next.fingerprint);
  });
  it('an unregistered or revoked old key, or another commune, is refused', () => {
    expect(codeOf(verifyKeyRotation(rotation, registry({})))).toBe('KEY_UNKNOWN');
    expect(codeOf(verifyKeyRotation(rotation, registry({ [commune.keyId]: { ...registered[commune.keyId]!, status: 'revoked' } })))).toBe('KEY_REVOKED');
    expect(codeOf(verifyKeyRotation(rotation, registry({ [commune.keyId]: { ...registered[commune.keyId]!, communeCode: '26735' } })))).toBe('ENROLMENT_MISMATCH');
  });
  it('a statement with only one of the two signatures is refused', () => {
    const env = JSON.parse(rotation) as { signatures: unknown[] };
    expect(codeOf(verifyKeyRotation(JSON.stringify({ ...env, signatures: env.signatures.slice(0, 1) }), registry(registered)))).toBe('ENVELOPE_INVALID');
    const swapped = { ...env, signatures: [env.signatures[0], env.signatures[0]] };
    expect(codeOf(verifyKeyRotation(JSON.stringify(swapped), registry(registered)))).toBe('ENVELOPE_INVALID');
  });
  it('a thief holding only the new key cannot rotate: the old signature is required', () => {
    const forged = buildKeyRotation({ communeCode: '26734', effectiveFrom: '2026-06-01', now }, stranger, next);
    expect(codeOf(verifyKeyRotation(forged, registry(registered)))).toBe('KEY_UNKNOWN');
  });
});
