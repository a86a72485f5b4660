import { describe, expect, it } from 'vitest';
import { envelopeStep, parseStep, payloadStep, readStep } from './verify-steps';
import { FORMAT_NAME } from './canonical';

const sig = { alg: 'Ed25519', keyId: '62A394VF5SN054V7', sig: 'A'.repeat(86) };
const node = { points: 50, max: 100, applicableMax: 100 };
const report = {
  packageId: 'pkg-2026-26734-0003',
  revision: 3,
  supersedes: { packageId: 'pkg-2026-26734-0002', sha256: 'c'.repeat(64) },
  createdAt: '2026-10-01T07:30:00Z',
  issuer: { communeCode: '26734', communeName: 'Xã Hòa Bình', provinceCode: '26', keyId: '62A394VF5SN054V7', publicKey: 'A'.repeat(43), appVersion: '0.1.0' },
  audience: { reviewingUnitCode: '26' },
  subject: { year: 2026, framework: { id: 'sample-xa-2026', version: '1.0', sha256: 'a'.repeat(64) } },
  assessment: { locked: false, lockedAt: null, revision: 0 },
  items: [
    {
      code: '1.1', kind: 'item', fieldCode: '1', criterionCode: '1.1', notApplicable: false, input: { type: 'binary', done: true },
      status: 'scored', points: 50, max: 100, applicableMax: 100, percent: null, explanation: null,
      documents: [{ number: '12/KH-UBND', date: '2026-01-05', issuer: 'UBND xã', summary: 'Kế hoạch CCHC năm 2026', locator: '' }],
      evidence: [{ id: 'e1', name: 'Kế hoạch CCHC 2026.pdf', mediaType: 'application/pdf', size: 3, sha256: 'b'.repeat(64) }],
    },
  ],
  questionnaires: [{ formNo: '001', answers: { Q1: '4', Q2: null, AGE: 42 } }],
  surveyCounts: { forms: 1, questions: [{ questionCode: 'Q1', answered: 1, blank: 0, invalid: 0, counts: { '1': 0, '4': 1 } }] },
  totals: { selfAssessment: node, survey: { points: 0, max: 0, applicableMax: 0 }, total: node, bonus: 0, penalty: 0, indexPercent: 5000, groupCode: 'tb', fields: [{ code: '1', ...node }] },
  evidence: [{ id: 'e1', name: 'Kế hoạch CCHC 2026.pdf', mediaType: 'application/pdf', size: 3, sha256: 'b'.repeat(64), content: 'AQID' }],
};

describe('envelopeStep: shape, then format, then version, then the rest', () => {
  it('says FORMAT_UNKNOWN for an unknown format even when the rest is malformed', () => {
    expect(envelopeStep({ format: 'x', formatVersion: 1 })).toMatchObject({ ok: false, code: 'FORMAT_UNKNOWN' });
  });
  it('says VERSION_UNSUPPORTED for a future version whose envelope may look different', () => {
    expect(envelopeStep({ format: FORMAT_NAME['commune-report'], formatVersion: 2, body: {} })).toMatchObject({ ok: false, code: 'VERSION_UNSUPPORTED' });
  });
  it('says ENVELOPE_INVALID when format or version is missing or of the wrong type', () => {
    expect(envelopeStep({ formatVersion: 1 })).toMatchObject({ code: 'ENVELOPE_INVALID' });
    expect(envelopeStep({ format: FORMAT_NAME.framework, formatVersion: '1' })).toMatchObject({ code: 'ENVELOPE_INVALID' });
    expect(envelopeStep({ format: FORMAT_NAME.framework, formatVersion: 1, payload: [], signatures: [sig] })).toMatchObject({ code: 'ENVELOPE_INVALID' });
    expect(envelopeStep(null)).toMatchObject({ code: 'ENVELOPE_INVALID' });
  });
  it('accepts a well-formed envelope and reports its type', () => {
    expect(envelopeStep({ format: FORMAT_NAME.framework, formatVersion: 1, payload: {}, signatures: [sig] })).toMatchObject({ ok: true, type: 'framework' });
  });
});

describe('payloadStep', () => {
  it('accepts a commune report', () => {
    expect(payloadStep('commune-report', report)).toMatchObject({ ok: true });
  });
  it('refuses points given as fractions, and unknown fields', () => {
    expect(payloadStep('commune-report', { ...report, totals: { ...report.totals, bonus: 75.25 } })).toMatchObject({ ok: false, code: 'PAYLOAD_INVALID', details: { rule: 'package-value' } });
    expect(payloadStep('commune-report', { ...report, extra: 1 })).toMatchObject({ ok: false, code: 'PAYLOAD_INVALID' });
    expect(payloadStep('commune-report', { ...report, issuer: { ...report.issuer, communeCode: '2673' } })).toMatchObject({ ok: false, code: 'PAYLOAD_INVALID' });
  });
  it('refuses questionnaire answers that are not a string, a safe integer or null, and over-long codes', () => {
    const form = (answers: unknown) => ({ ...report, questionnaires: [{ formNo: '001', answers }] });
    expect(payloadStep('commune-report', form({ Q1: { nested: 1 } }))).toMatchObject({ ok: false, code: 'PAYLOAD_INVALID' });
    expect(payloadStep('commune-report', form({ Q1: true }))).toMatchObject({ ok: false, code: 'PAYLOAD_INVALID' });
    expect(payloadStep('commune-report', form({ ['Q'.repeat(65)]: '1' }))).toMatchObject({ ok: false, code: 'PAYLOAD_INVALID' });
    expect(payloadStep('commune-report', form({ Q1: 'x'.repeat(2001) }))).toMatchObject({ ok: false, code: 'PAYLOAD_INVALID' });
    expect(payloadStep('commune-report', form([]))).toMatchObject({ ok: false, code: 'PAYLOAD_INVALID' });
    expect(payloadStep('commune-report', form({ Q1: '5', Q2: -3, Q3: null }))).toMatchObject({ ok: true });
  });
  it('never echoes payload values in its details', () => {
    const r = payloadStep('commune-report', { ...report, issuer: { ...report.issuer, communeName: ' secret-value ' } });
    expect(JSON.stringify(r)).not.toContain('secret-value');
  });
});

describe('readStep', () => {
  it('counts UTF-8 bytes, not characters', () => {
    expect(readStep('ạạạ', 8)).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' });
    expect(readStep('ạạạ', 9)).toMatchObject({ ok: true });
  });
  it('refuses text no UTF-8 file can hold, and bytes that are not UTF-8', () => {
    expect(readStep('{"a":"\uD800"}')).toMatchObject({ ok: false, code: 'NOT_JSON', details: { reason: 'utf-8' } });
    expect(readStep(Uint8Array.from([0x22, 0xed, 0xa0, 0x80, 0x22]))).toMatchObject({ ok: false, code: 'NOT_JSON', details: { reason: 'utf-8' } });
  });
  it('decodes the text only up to the text-path size', () => {
    const bytes = new TextEncoder().encode('{"a":1}');
    expect(readStep(bytes, 100, 7)).toEqual({ ok: true, bytes, text: '{"a":1}' });
    expect(readStep(bytes, 100, 6)).toEqual({ ok: true, bytes });
  });
});

describe('the payload handed on is the parsed object itself, never a schema copy', () => {
  const parse = (text: string) => {
    const read = readStep(text);
    if (!read.ok) throw new Error(read.code);
    return parseStep(read);
  };
  it('envelopeStep and payloadStep pass the very objects along', () => {
    const parsed = parse(JSON.stringify({ format: FORMAT_NAME['commune-report'], formatVersion: 1, payload: report, signatures: [sig] }));
    if (!parsed.ok) throw new Error(parsed.code);
    const env = envelopeStep(parsed.value);
    if (!env.ok) throw new Error(env.code);
    expect(env.envelope.payload).toBe((parsed.value as { payload: unknown }).payload);
    const p = payloadStep('commune-report', env.envelope.payload);
    expect(p.ok && p.payload).toBe(env.envelope.payload);
  });
  it('a "__proto__" member stays in the payload handed on (a schema copy would drop it)', () => {
    const parsed = parse(`{"format":"${FORMAT_NAME.framework}","formatVersion":1,"payload":{"a":1,"__proto__":{"b":2}},"signatures":[${JSON.stringify(sig)}]}`);
    const env = parsed.ok ? envelopeStep(parsed.value) : parsed;
    expect(env.ok && Object.keys(env.envelope.payload)).toEqual(['a', '__proto__']);
    expect(env.ok && payloadStep('framework', env.envelope.payload)).toMatchObject({ ok: false, code: 'PAYLOAD_INVALID', details: { path: '.__proto__' } });
  });
});
