import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommuneReport } from '../../../shared/package/envelope';
import { REPORT_REFUSAL_CODES, REPORT_REFUSAL_MESSAGES } from '../../../shared/package/report-refusals';
import golden from '../../../test/golden/commune-report.json';
import { testKey } from '../../../test/fixtures/test-keys';
import { checkReport, type ReportFacts } from './report-checks';

const commune = testKey('commune');
const stranger = testKey('stranger');
const report = (): CommuneReport => structuredClone(golden.payload) as unknown as CommuneReport;
const signing = { keyId: commune.keyId, publicKey: commune.publicKey };
/** The reviewing unit the golden report is addressed to, which enrolled the commune key for 26734. */
const reviewer: ReportFacts = { signingKey: signing, enrolment: { communeCode: '26734' }, unit: { unitCode: '49', provinceCode: '49' } };
const selfOnly: ReportFacts = { signingKey: signing };

function withRef(r: CommuneReport, change: Partial<CommuneReport['evidence'][number]>): CommuneReport {
  r.items.find((i) => i.evidence.length > 0)!.evidence[0] = { ...r.items.find((i) => i.evidence.length > 0)!.evidence[0]!, ...change };
  return r;
}

describe('checkReport: steps 7 (binding) and 8 (attachments) of a verified report', () => {
  it('accepts the golden report for the unit it is addressed to, saying what it checked', () => {
    expect(checkReport(report(), reviewer)).toEqual({ ok: true, checked: { enrolment: true, audience: true } });
  });

  it('without a reviewing unit: key binding and attachments only, and says enrolment and audience were not checked', () => {
    const r = report();
    r.audience.reviewingUnitCode = '79';
    expect(checkReport(r, selfOnly)).toEqual({ ok: true, checked: { enrolment: false, audience: false } });
  });

  describe('7: issuer, key, commune, province, audience', () => {
    it('ISSUER_KEY_MISMATCH when the issuer names another key id or another public key than the one that signed', () => {
      const otherId = report();
      otherId.issuer.keyId = stranger.keyId;
      expect(checkReport(otherId, reviewer)).toMatchObject({ ok: false, code: 'ISSUER_KEY_MISMATCH', details: { field: 'issuer.keyId' } });
      const otherKey = report();
      otherKey.issuer.publicKey = Buffer.from(stranger.publicKey).toString('base64url');
      expect(checkReport(otherKey, reviewer)).toMatchObject({ ok: false, code: 'ISSUER_KEY_MISMATCH', details: { field: 'issuer.publicKey' } });
      // Checked without a registry too: it needs nothing but the file.
      expect(checkReport(otherKey, selfOnly)).toMatchObject({ ok: false, code: 'ISSUER_KEY_MISMATCH' });
    });
    it('ISSUER_MISMATCH when the key is enrolled for another commune', () => {
      expect(checkReport(report(), { ...reviewer, enrolment: { communeCode: '26735' } })).toMatchObject({
        ok: false, code: 'ISSUER_MISMATCH', details: { communeCode: '26734', enrolledCommuneCode: '26735' },
      });
    });
    it('ISSUER_PROVINCE_MISMATCH when the commune claims another province than the reviewing unit', () => {
      const r = report();
      r.issuer.provinceCode = '79';
      expect(checkReport(r, reviewer)).toMatchObject({ ok: false, code: 'ISSUER_PROVINCE_MISMATCH', details: { provinceCode: '79', unitProvinceCode: '49' } });
      expect(checkReport(r, { ...reviewer, unit: { unitCode: '49', provinceCode: null } })).toMatchObject({ ok: true });
    });
    it('AUDIENCE_MISMATCH when the report is addressed to another reviewing unit', () => {
      const r = report();
      r.audience.reviewingUnitCode = '492';
      expect(checkReport(r, reviewer)).toMatchObject({ ok: false, code: 'AUDIENCE_MISMATCH', details: { reviewingUnitCode: '492', unitCode: '49' } });
      expect(checkReport(report(), { ...reviewer, unit: { unitCode: '492', provinceCode: '49' } })).toMatchObject({ ok: false, code: 'AUDIENCE_MISMATCH' });
    });
  });

  describe('8: every referenced file embedded, sizes and SHA-256 as claimed, one content per id', () => {
    it('ATTACHMENT_MISSING when an item points to a file the report does not carry', () => {
      const r = report();
      r.evidence = [];
      expect(checkReport(r, reviewer)).toMatchObject({ ok: false, code: 'ATTACHMENT_MISSING', details: { itemCode: '1.1', evidenceId: 'ev-1' } });
      expect(checkReport(withRef(report(), { id: 'ev-2' }), reviewer)).toMatchObject({ ok: false, code: 'ATTACHMENT_MISSING', details: { evidenceId: 'ev-2' } });
    });
    it('ATTACHMENT_MISMATCH when the embedded file is not the one the item describes (SHA-256, size, type)', () => {
      expect(checkReport(withRef(report(), { sha256: 'f'.repeat(64) }), reviewer)).toMatchObject({ ok: false, code: 'ATTACHMENT_MISMATCH', details: { field: 'sha256' } });
      expect(checkReport(withRef(report(), { size: 97 }), reviewer)).toMatchObject({ ok: false, code: 'ATTACHMENT_MISMATCH', details: { field: 'size' } });
      expect(checkReport(withRef(report(), { mediaType: 'application/x-msdownload' }), reviewer)).toMatchObject({ ok: false, code: 'ATTACHMENT_MISMATCH', details: { field: 'mediaType' } });
    });
    it('a file attached to an item under another name is the same file (the name is the attachment\'s label)', () => {
      expect(checkReport(withRef(report(), { name: 'Kế hoạch (bản chụp).pdf' }), reviewer)).toMatchObject({ ok: true });
    });
    it('ATTACHMENT_INVALID when the embedded bytes do not have the size or SHA-256 written beside them', () => {
      const wrongBytes = report();
      wrongBytes.evidence[0]!.content = Buffer.from('not the plan').toString('base64url');
      expect(checkReport(wrongBytes, reviewer)).toMatchObject({ ok: false, code: 'ATTACHMENT_INVALID', details: { evidenceId: 'ev-1' } });
      // Consistent entry and reference, but both lie about the bytes.
      const bytes = Buffer.from(report().evidence[0]!.content, 'base64url');
      const lie = withRef(report(), { size: bytes.length - 1 });
      lie.evidence[0]!.size = bytes.length - 1;
      expect(checkReport(lie, reviewer)).toMatchObject({ ok: false, code: 'ATTACHMENT_INVALID' });
      // A second spelling of the same bytes (trailing bits set) is refused: one spelling per file.
      const spelled = report();
      const c = spelled.evidence[0]!.content;
      spelled.evidence[0]!.content = c.slice(0, -1) + String.fromCharCode(c.charCodeAt(c.length - 1) + 1);
      expect(checkReport(spelled, reviewer)).toMatchObject({ ok: false, code: 'ATTACHMENT_INVALID' });
    });
    it('ATTACHMENT_DUPLICATE when one id carries two different contents; an identical repeat is harmless', () => {
      const r = report();
      const other = Buffer.from('another file');
      r.evidence.push({ ...r.evidence[0]!, size: other.length, sha256: createHash('sha256').update(other).digest('hex'), content: other.toString('base64url') });
      expect(checkReport(r, reviewer)).toMatchObject({ ok: false, code: 'ATTACHMENT_DUPLICATE', details: { evidenceId: 'ev-1' } });
      const renamed = report();
      renamed.evidence.push({ ...renamed.evidence[0]!, name: 'khác.pdf' });
      expect(checkReport(renamed, reviewer)).toMatchObject({ ok: false, code: 'ATTACHMENT_DUPLICATE' });
      const same = report();
      same.evidence.push({ ...same.evidence[0]! });
      expect(checkReport(same, reviewer)).toMatchObject({ ok: true });
    });
    it('an embedded file no item refers to is carried, not refused', () => {
      const r = report();
      const extra = Buffer.from('thêm');
      r.evidence.push({ id: 'ev-9', name: 'thêm.pdf', mediaType: 'application/pdf', size: extra.length, sha256: createHash('sha256').update(extra).digest('hex'), content: extra.toString('base64url') });
      expect(checkReport(r, reviewer)).toMatchObject({ ok: true });
    });
    it('any change to a reference\'s id, size or SHA-256 is refused (property)', () => {
      const ref = report().items.find((i) => i.evidence.length > 0)!.evidence[0]!;
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ minLength: 1, maxLength: 64 }).filter((id) => id !== ref.id).map((id) => ({ id })),
            fc.nat().filter((size) => size !== ref.size).map((size) => ({ size })),
            fc.stringMatching(/^[0-9a-f]{64}$/u).filter((h) => h !== ref.sha256).map((sha256) => ({ sha256 })),
          ),
          (change) => {
            const out = checkReport(withRef(report(), change), reviewer);
            expect(out.ok).toBe(false);
            expect(['ATTACHMENT_MISSING', 'ATTACHMENT_MISMATCH']).toContain(out.ok ? null : out.code);
          },
        ),
      );
    });
  });

  it('every refusal code has its own Vietnamese sentence saying what to do', () => {
    const sentences = REPORT_REFUSAL_CODES.map((c) => REPORT_REFUSAL_MESSAGES[c]);
    expect(new Set(sentences).size).toBe(REPORT_REFUSAL_CODES.length);
    for (const s of sentences) expect(s).toMatch(/Hãy|hãy/u);
  });
});
