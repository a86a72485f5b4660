import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communeSetup, freshStore, parsedSetup, type TestStore } from '../../../test/helpers/context';
import { frameworkPayload } from '../../../test/fixtures/framework-payload';
import { testKey } from '../../../test/fixtures/test-keys';
import { listAudit } from '../audit/audit-repo';
import { acceptEnrolmentApproval, enrolmentState, pinnedReviewerResolver, prepareEnrolmentRequest, recordEnrolmentRequest } from './commune-enrolment';
import { approveEnrolmentRequest, listEnrolledKeys, registryResolver, revokeEnrolledKey } from './reviewer-enrolment';
import { serializeEnvelope, signPackage, verifyEnvelope } from '../../kernel/signing/package-signer';
import { enrolledKeyId } from '../keys/keys';
import { completeSetup } from '../setup/identity';
import { verifyPackageBytes } from '../verify/verify';
import { exportReport } from '../export/export';
import { communeAndReviewer, goldenSources } from '../../../test/fixtures/commune-report';

const commune = testKey('commune');
const reviewer = testKey('reviewer');
const stranger = testKey('stranger');
let xa: TestStore;
let so: TestStore;
beforeEach(() => {
  ({ xa, so } = communeAndReviewer());
});
afterEach(() => {
  xa.cleanup();
  so.cleanup();
});

function enrol(signer = commune) {
  const { record } = prepareEnrolmentRequest(xa.ctx, signer, { appVersion: '0.1.0' });
  recordEnrolmentRequest(xa.ctx, record);
  const { approvalText } = approveEnrolmentRequest(so.ctx, record.text, reviewer);
  return { record, approvalText };
}

/** A valid appraisal result (its payload is schema-checked at signing): the golden one's. */
const appraisal = (JSON.parse(readFileSync(new URL('../../../test/golden/appraisal.json', import.meta.url), 'utf8')) as { payload: Record<string, unknown> }).payload;

describe('enrolment in the database', () => {
  it('request → approval (key enrolled active) → accepted (reviewer key pinned), each with an audit row', () => {
    const { approvalText } = enrol();
    expect(listEnrolledKeys(so.ctx)).toEqual([expect.objectContaining({ keyId: commune.keyId, communeCode: '26734', status: 'active', fingerprint: commune.fingerprint })]);
    const pin = acceptEnrolmentApproval(xa.ctx, approvalText, { fingerprint: reviewer.fingerprint });
    expect(pin).toMatchObject({ unitCode: '49', keyId: reviewer.keyId, fingerprint: reviewer.fingerprint });
    expect(enrolmentState(xa.ctx, commune.keyId).pinned?.keyId).toBe(reviewer.keyId);
    expect(enrolledKeyId(xa.ctx)).toBe(commune.keyId);
    expect(listAudit(xa.ctx, { entity: 'enrolment' }).map((a) => a.action)).toEqual(['enrolment.accept', 'enrolment.request']);
    expect(listAudit(so.ctx, { entity: 'enrolled_key' }).map((a) => a.action)).toEqual(['enrolment.approve']);
  });

  it('refuses an approval for a request this commune never made, and one signed by another key once pinned', () => {
    const other = freshStore();
    try {
      completeSetup(other.ctx, parsedSetup({ ...communeSetup, unitCode: '26735' }));
      const { record } = prepareEnrolmentRequest(other.ctx, stranger, { appVersion: '0.1.0' });
      const { approvalText } = approveEnrolmentRequest(so.ctx, record.text, reviewer);
      expect(() => acceptEnrolmentApproval(xa.ctx, approvalText, { fingerprint: reviewer.fingerprint })).toThrowError(expect.objectContaining({ code: 'ENROLMENT_NOT_FOUND' }) as Error);
    } finally {
      other.cleanup();
    }
    const first = enrol();
    acceptEnrolmentApproval(xa.ctx, first.approvalText, { fingerprint: reviewer.fingerprint });
    // A second request approved by an impostor "reviewing unit" key: refused, the pin stays.
    const { record } = prepareEnrolmentRequest(xa.ctx, commune, { appVersion: '0.1.0' });
    recordEnrolmentRequest(xa.ctx, record);
    const { approvalText } = approveEnrolmentRequest(so.ctx, record.text, stranger);
    expect(() => acceptEnrolmentApproval(xa.ctx, approvalText, { fingerprint: stranger.fingerprint })).toThrowError(expect.objectContaining({ code: 'REVIEWER_KEY_CHANGED' }) as Error);
    expect(enrolmentState(xa.ctx, null).pinned?.keyId).toBe(reviewer.keyId);
  });

  it('verifies reports against enrolled, unknown and revoked keys', () => {
    enrol();
    const out = join(xa.dir, 'usb');
    mkdirSync(out);
    const bytes = readFileSync(exportReport(xa.ctx, { folder: out, signer: commune, sources: goldenSources(), appVersion: '0.1.0' }).path);
    const registry = { kind: 'registry' as const, lookup: registryResolver(so.ctx) };
    expect(verifyPackageBytes(bytes, registry)).toMatchObject({ ok: true, enrolmentChecked: true });
    const forged = readFileSync(exportReport(xa.ctx, { folder: out, signer: stranger, sources: goldenSources(), appVersion: '0.1.0' }).path);
    expect(verifyPackageBytes(forged, registry)).toMatchObject({ ok: false, code: 'KEY_UNKNOWN', details: { claimedCommuneCode: '26734' } });
    expect(verifyPackageBytes(forged, { kind: 'self' })).toMatchObject({ ok: true, enrolmentChecked: false }); // intact, but whose key?
    revokeEnrolledKey(so.ctx, commune.keyId, '2026-11-22');
    expect(verifyPackageBytes(bytes, registry)).toMatchObject({ ok: false, code: 'KEY_REVOKED' });
  });

  it('a report signed by a key enrolled for ANOTHER commune is refused (ISSUER_MISMATCH)', () => {
    const other = freshStore();
    try {
      completeSetup(other.ctx, parsedSetup({ ...communeSetup, unitCode: '26735', unitName: 'Xã Khác' }));
      const { record } = prepareEnrolmentRequest(other.ctx, stranger, { appVersion: '0.1.0' });
      approveEnrolmentRequest(so.ctx, record.text, reviewer);
      const out = join(xa.dir, 'usb');
      mkdirSync(out);
      const bytes = readFileSync(exportReport(xa.ctx, { folder: out, signer: stranger, sources: goldenSources(), appVersion: '0.1.0' }).path);
      expect(verifyPackageBytes(bytes, { kind: 'registry', lookup: registryResolver(so.ctx) })).toMatchObject({ ok: false, code: 'ISSUER_MISMATCH' });
    } finally {
      other.cleanup();
    }
  });

});

describe('who may sign what, against real registries', () => {
  it('the reviewing unit refuses a framework or an appraisal result signed by an enrolled commune key (KEY_WRONG_KIND)', () => {
    enrol();
    const registry = { kind: 'registry' as const, lookup: registryResolver(so.ctx) };
    for (const type of ['framework', 'appraisal'] as const) {
      const forged = Buffer.from(serializeEnvelope(signPackage(type, type === 'appraisal' ? appraisal : frameworkPayload(), [commune])));
      // `chiso verify --db` takes commune reports only (FORMAT_UNKNOWN); the key kind is refused underneath.
      expect(verifyPackageBytes(forged, registry), type).toMatchObject({ ok: false, code: 'FORMAT_UNKNOWN' });
      const underneath = verifyEnvelope(forged, { resolveKey: (keyId) => registry.lookup(keyId) });
      expect(underneath, type).toMatchObject({ ok: false, code: 'KEY_WRONG_KIND' });
    }
  });
  it('a commune accepts a framework signed by the pinned reviewing unit key, and no other', () => {
    const { approvalText } = enrol();
    acceptEnrolmentApproval(xa.ctx, approvalText, { fingerprint: reviewer.fingerprint });
    const resolveKey = pinnedReviewerResolver(xa.ctx);
    expect(verifyEnvelope(serializeEnvelope(signPackage('framework', frameworkPayload(), [reviewer])), { resolveKey }).ok).toBe(true);
    expect(verifyEnvelope(serializeEnvelope(signPackage('appraisal', appraisal, [stranger])), { resolveKey })).toMatchObject({ ok: false, code: 'KEY_UNKNOWN' });
    // A report "signed by the reviewing unit" is not a report.
    const report = signPackage('framework', frameworkPayload(), [reviewer]);
    expect(verifyEnvelope(JSON.stringify({ ...report, format: 'chiso-cchc/commune-report' }), { resolveKey })).toMatchObject({ ok: false, code: 'KEY_WRONG_KIND' });
  });
});
