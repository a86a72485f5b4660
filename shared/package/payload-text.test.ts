/**
 * Text in a payload is shown to people (the reviewing officer reads names, titles, file names and
 * explanations): step 6 refuses what could rewrite a terminal line or hide or reorder text.
 */
import { describe, expect, it } from 'vitest';
import { communeReportSchema, enrolmentApprovalSchema, enrolmentRequestSchema, type CommuneReport, type ReportDocument } from './envelope';
import { NAME_TEXT_PATTERN, PROSE_TEXT_PATTERN } from '../text';
import { payloadStep } from './verify-steps';
import golden from '../../test/golden/commune-report.json';

type Report = CommuneReport;
const report = (): Report => structuredClone(golden.payload) as unknown as Report;

const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
const BIDI_CONTROLS = [...'\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069'];

describe('name pattern (single line: names, titles, file names, codes)', () => {
  it('refuses every control, separator and invisible format character, in the BMP and beyond', () => {
    const accepted: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (HIDDEN.test(c) && NAME_TEXT_PATTERN.test(`Xã${c}Bình`)) accepted.push(cp.toString(16));
    }
    expect(accepted).toEqual([]);
  });
  it('accepts Vietnamese names, punctuation, Hán Nôm; refuses leading or trailing space', () => {
    for (const s of ['Xã Bình Đào', 'Công chức Văn phòng - Thống kê', 'Kế hoạch CCHC 2026 (bản 2).pdf', 'Số 12/KH-UBND', '𠀋', 'Phường Đông Hòa – TP. Dĩ An']) {
      expect(NAME_TEXT_PATTERN.test(s), s).toBe(true);
    }
    for (const s of ['', ' Xã', 'Xã ', '\u00a0Xã']) expect(NAME_TEXT_PATTERN.test(s), JSON.stringify(s)).toBe(false);
  });
});

describe('prose pattern (explanations, survey text answers)', () => {
  it('allows line feeds; refuses other controls, line separators and bidi overrides/isolates', () => {
    expect(PROSE_TEXT_PATTERN.test('Dòng một\nDòng hai\n')).toBe(true);
    expect(PROSE_TEXT_PATTERN.test('')).toBe(true);
    for (const c of ['\r', '\t', '\u001b', '\u0000', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', ...BIDI_CONTROLS]) {
      expect(PROSE_TEXT_PATTERN.test(`a${c}b`), c.codePointAt(0)!.toString(16)).toBe(false);
    }
  });
});

describe('payload schemas refuse hidden characters in text', () => {
  const refused = (mutate: (r: Report) => void) => {
    const r = report();
    mutate(r);
    return communeReportSchema.safeParse(r).success === false;
  };
  it('the golden report passes', () => {
    expect(communeReportSchema.safeParse(report()).success).toBe(true);
  });
  it('report: names, file names, document fields, codes', () => {
    expect(refused((r) => (r.issuer.communeName = 'Xã Bình Đào\u001b[1A\u001b[2KHỢP LỆ'))).toBe(true);
    expect(refused((r) => (r.issuer.communeName = 'Xã \u202eoàĐ hnìB'))).toBe(true);
    expect(refused((r) => (r.issuer.communeName = 'Xã Bình\u200bĐào'))).toBe(true);
    expect(refused((r) => (r.issuer.communeName = 'Xã Bình Đào\nXã Khác'))).toBe(true);
    expect(refused((r) => (r.evidence[0]!.name = 'Kế hoạch\u202efdp.exe'))).toBe(true);
    expect(refused((r) => (r.items[0]!.evidence[0]!.name = 'a\rb.pdf'))).toBe(true);
    const doc = (change: Partial<ReportDocument>) => (r: Report) => {
      r.items[0]!.documents = [{ number: '12/KH-UBND', date: '2026-01-05', issuer: 'UBND xã', summary: 'Kế hoạch CCHC năm 2026', locator: 'Mục II', ...change }];
    };
    expect(refused(doc({}))).toBe(false);
    expect(refused(doc({ summary: 'Kế hoạch CCHC\nnăm 2026' }))).toBe(false);
    expect(refused(doc({ issuer: 'UBND\u0085xã' }))).toBe(true);
    expect(refused(doc({ number: '12/KH\u200b-UBND' }))).toBe(true);
    expect(refused(doc({ summary: 'Kế hoạch\u2066 năm' }))).toBe(true);
    expect(refused(doc({ summary: 'Kế hoạch\r\nnăm' }))).toBe(true);
    expect(refused(doc({ locator: 'Mục II\u001b[8m' }))).toBe(true);
    expect(refused((r) => (r.items[0]!.code = '1.1\u001b'))).toBe(true);
    expect(refused((r) => (r.evidence[0]!.mediaType = 'application/pdf\u2028'))).toBe(true);
    expect(refused((r) => (r.subject.framework.id = 'mau\u{e0041}'))).toBe(true);
  });
  it('report: explanations keep their line feeds but nothing else', () => {
    expect(refused((r) => (r.items[0]!.explanation = 'Dòng một\nDòng hai'))).toBe(false);
    expect(refused((r) => (r.items[0]!.explanation = 'Dòng một\r\nDòng hai'))).toBe(true);
    expect(refused((r) => (r.items[0]!.explanation = 'a\u001b]0;x\u0007'))).toBe(true);
    expect(refused((r) => (r.items[0]!.explanation = 'a\u202eb'))).toBe(true);
  });
  it('report: questionnaire answers and their keys', () => {
    const answers = (a: Record<string, unknown>) => (r: Report) => ((r.questionnaires[0] as { answers: unknown }).answers = a);
    expect(refused(answers({ Q1: 'Cán bộ nhiệt tình.\nThủ tục nhanh.' }))).toBe(false);
    expect(refused(answers({ Q1: 'x\u001b[2J' }))).toBe(true);
    expect(refused(answers({ Q1: 'x\u2067y' }))).toBe(true);
    expect(refused(answers({ 'Q\u001b': '1' }))).toBe(true);
  });
  it('enrolment request and approval: commune, officer and reviewing unit names', () => {
    const request = {
      requestId: 'req-26734-0001', commune: { code: '26734', name: 'Xã Bình Đào', provinceCode: '49' },
      officer: { name: 'Nguyễn Thị Hoa', title: 'Công chức' },
      key: { alg: 'Ed25519', publicKey: 'x9mI01xpCMcMBy78vVzZghTfMGV60DvpCsIqTY-r8Zg', keyId: '62A394VF5SN054V7' },
      createdAt: '2026-01-05T08:00:00.000Z', validFrom: '2026-01-05', appVersion: '0.1.0',
    };
    expect(enrolmentRequestSchema.safeParse(request).success).toBe(true);
    expect(enrolmentRequestSchema.safeParse({ ...request, officer: { ...request.officer, name: 'Hoa\u001b[8m' } }).success).toBe(false);
    expect(enrolmentRequestSchema.safeParse({ ...request, officer: { ...request.officer, title: 'Công\u2068 chức' } }).success).toBe(false);
    expect(enrolmentRequestSchema.safeParse({ ...request, commune: { ...request.commune, name: 'Xã\u00adBình' } }).success).toBe(false);
    const approval = {
      reviewer: { code: '49', name: 'Sở Nội vụ', key: request.key },
      approved: { requestId: 'req-26734-0001', requestSha256: 'a'.repeat(64), communeCode: '26734', keyId: '62A394VF5SN054V7', fingerprint: '62A3-94VF-5SN0-54V7-61ZC-Q4CP-M9GZ-6PWS-TP04-BTTC-62T8-0ZHS-4VZ0' },
      approvedAt: '2026-01-09T02:30:00.000Z', validFrom: '2026-01-10',
    };
    expect(enrolmentApprovalSchema.safeParse(approval).success).toBe(true);
    expect(enrolmentApprovalSchema.safeParse({ ...approval, reviewer: { ...approval.reviewer, name: 'Sở\rNội vụ' } }).success).toBe(false);
  });
  it('payloadStep says PAYLOAD_INVALID and names the path, not the text', () => {
    const r = report();
    r.issuer.communeName = 'Xã \u001b]0;secret-value\u0007';
    const out = payloadStep('commune-report', r);
    expect(out).toMatchObject({ ok: false, code: 'PAYLOAD_INVALID', details: { issues: [expect.objectContaining({ path: 'issuer.communeName' })] } });
    expect(JSON.stringify(out)).not.toContain('secret-value');
  });
});
