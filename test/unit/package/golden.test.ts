/**
 * Golden files: packages made with the fixed TEST keys (test/fixtures/test-keys.ts — public, never
 * to be enrolled) must come out byte for byte the same, and must verify. Another implementation of
 * docs/package-format.md can check itself against test/golden/. The JSON Schemas in docs/schemas/
 * are generated from the zod schemas and must stay in step with them.
 *
 * After a deliberate format change: UPDATE_GOLDEN=1 npx vitest run test/unit/package/golden.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signingPrefix, canonicalJson } from '../../../shared/package/canonical';
import { ANSWERS_JSON_SCHEMA, answersSchema } from '../../../shared/package/survey-answers';
import { appraisalResultSchema, communeReportSchema, enrolmentApprovalSchema, enrolmentRequestSchema, envelopeSchema, keyRotationApprovalSchema, keyRotationSchema } from '../../../shared/package/envelope';
import { exportReport } from '../../../electron/features/export/export';
import { verifyPackageBytes } from '../../../electron/features/verify/verify';
import { freshStore } from '../../helpers/context';
import { goldenSources, setUpCommune } from '../../fixtures/commune-report';
import { approveEnrolment, buildEnrolmentRequest, verifyEnrolmentApproval, verifyEnrolmentRequest } from '../../../electron/kernel/signing/enrolment';
import { approveRotation, buildKeyRotation, verifyKeyRotation, verifyRotationApproval } from '../../../electron/kernel/signing/rotation';
import { testKey } from '../../fixtures/test-keys';
import { appraisalWorld, COMMUNE, YEAR } from '../../fixtures/appraisal';
import { appraise, openAppraisal } from '../../../electron/features/appraisal/appraisal';
import { importAppraisalResult } from '../../../electron/features/appraisal/commune-side';
import { exportAppraisalResult } from '../../../electron/features/appraisal/result-package';

const update = process.env['UPDATE_GOLDEN'] === '1';
const root = new URL('../../../', import.meta.url);

function golden(relative: string, actual: string): void {
  const path = fileURLToPath(new URL(relative, root));
  if (update) writeFileSync(path, actual);
  expect(actual, `${relative} changed; if intended, regenerate with UPDATE_GOLDEN=1`).toBe(readFileSync(path, 'utf8'));
}

const commune = testKey('commune');
const next = testKey('communeNext');
const reviewer = testKey('reviewer');

const request = buildEnrolmentRequest(
  {
    commune: { code: '26734', name: 'Xã Hòa Bình', provinceCode: '26' },
    officer: { name: 'Nguyễn Thị Hường', title: 'Công chức Văn phòng - Thống kê' },
    validFrom: '2026-01-05',
    appVersion: '0.1.0',
    now: new Date('2026-01-05T08:00:00.000Z'),
    requestId: 'golden-req-26734-0001',
  },
  commune,
);
const verified = verifyEnrolmentRequest(request.text);
if (!verified.ok) throw new Error(`golden request does not verify: ${verified.code}`);
const approval = approveEnrolment(verified, { reviewer: { code: '26', name: 'Sở Nội vụ tỉnh Mẫu' }, approvedAt: new Date('2026-01-09T02:30:00.000Z'), validFrom: '2026-01-10' }, reviewer);
const rotation = buildKeyRotation({ communeCode: '26734', effectiveFrom: '2026-06-01', now: new Date('2026-05-20T03:00:00.000Z') }, commune, next);

describe('golden packages (TEST keys)', () => {
  it('test keys are pinned', () => {
    golden(
      'test/golden/test-keys.txt',
      [
        'TEST KEYS ONLY — seeds are in test/fixtures/test-keys.ts; never enrol these keys.',
        `commune      keyId ${commune.keyId}  fingerprint ${commune.fingerprint}`,
        `communeNext  keyId ${next.keyId}  fingerprint ${next.fingerprint}`,
        `reviewer     keyId ${reviewer.keyId}  fingerprint ${reviewer.fingerprint}`,
        '',
      ].join('\n'),
    );
  });
  it('enrolment request: file and exact signed bytes', () => {
    golden('test/golden/enrolment-request.json', request.text);
    const payload = (JSON.parse(request.text) as { payload: unknown }).payload;
    golden('test/golden/enrolment-request.signed-bytes.txt', signingPrefix('enrolment-request') + canonicalJson(payload));
    expect(verified.requestSha256).toMatch(/^[0-9a-f]{64}$/u);
  });
  it('enrolment approval', () => {
    golden('test/golden/enrolment-approval.json', approval);
    const a = verifyEnrolmentApproval(readFileSync(fileURLToPath(new URL('test/golden/enrolment-approval.json', root))), {
      request: verified.request,
      requestSha256: verified.requestSha256,
      pinnedReviewerKey: reviewer.publicKey,
    });
    expect(a.ok).toBe(true);
  });
  it('commune report: a small fixed commune (3 questionnaires, one evidence file)', () => {
    const s = freshStore();
    try {
      setUpCommune(s.ctx);
      const r = exportReport(s.ctx, { folder: s.dir, signer: commune, sources: goldenSources(), appVersion: '0.1.0', packageId: 'golden-report-26734-0001' });
      const text = readFileSync(r.path, 'utf8');
      golden('test/golden/commune-report.json', text);
      const payload = (JSON.parse(text) as { payload: unknown }).payload;
      golden('test/golden/commune-report.signed-bytes.txt', signingPrefix('commune-report') + canonicalJson(payload));
      expect(verifyPackageBytes(readFileSync(fileURLToPath(new URL('test/golden/commune-report.json', root))), { kind: 'self' })).toMatchObject({ ok: true, revision: 1 });
    } finally {
      s.cleanup();
    }
  });
  it('key rotation', () => {
    golden('test/golden/key-rotation.json', rotation);
    const r = verifyKeyRotation(rotation, (id) => (id === commune.keyId ? { publicKey: commune.publicKey, status: 'active', communeCode: '26734', kind: 'commune' } : undefined));
    expect(r.ok).toBe(true);
  });
  it('key rotation approval (after the paper check of the new fingerprint)', () => {
    const r = verifyKeyRotation(rotation, (id) => (id === commune.keyId ? { publicKey: commune.publicKey, status: 'active', communeCode: '26734', kind: 'commune' } : undefined));
    if (!r.ok) throw new Error(r.code);
    const text = approveRotation(r, { reviewer: { code: '26', name: 'Sở Nội vụ tỉnh Mẫu' }, approvedAt: new Date('2026-05-25T02:00:00.000Z') }, reviewer);
    golden('test/golden/key-rotation-approval.json', text);
    const back = readFileSync(fileURLToPath(new URL('test/golden/key-rotation-approval.json', root)));
    expect(verifyRotationApproval(back, { pinnedReviewerKey: reviewer.publicKey, statementSha256: r.statementSha256, rotation: r.rotation }).ok).toBe(true);
  });
});

describe('golden appraisal result (TEST keys)', () => {
  it('appraisal.json: a round-1 result with a comment, an adjusted score and a request; the commune imports it', () => {
    const w = appraisalWorld();
    try {
      const report = exportReport(w.xa.ctx, { folder: w.usb, signer: commune, sources: goldenSources(), appVersion: '0.1.0', packageId: 'golden-report-26734-0001' });
      expect(w.receive(report.path).outcome).toBe('accepted');
      openAppraisal(w.so.ctx, COMMUNE, YEAR);
      appraise(w.so.ctx, COMMUNE, YEAR, [
        { itemCode: '1.1', points: 'self', comment: 'Đạt: có Kế hoạch CCHC năm 2026.' },
        { itemCode: '1.3', points: 50, request: { kind: 'explain', text: 'Giải trình việc chậm báo cáo quý II.' } },
        { itemCode: '9.1', points: 'self', request: { kind: 'evidence', text: 'Bổ sung quyết định công nhận sáng kiến.' } },
      ]);
      const r = exportAppraisalResult(w.so.ctx, COMMUNE, YEAR, { folder: w.usb, signer: reviewer, appVersion: '0.1.0', packageId: 'golden-appraisal-26734-0001' });
      const text = readFileSync(r.path, 'utf8');
      golden('test/golden/appraisal.json', text);
      const payload = (JSON.parse(text) as { payload: unknown }).payload;
      golden('test/golden/appraisal.signed-bytes.txt', signingPrefix('appraisal') + canonicalJson(payload));
      const back = fileURLToPath(new URL('test/golden/appraisal.json', root));
      expect(importAppraisalResult(w.xa.ctx, back)).toMatchObject({ outcome: 'accepted', round: 1, answersRevision: 1, requests: 2, comments: 1 });
    } finally {
      w.cleanup();
    }
  });
});

describe('docs/schemas are generated from the zod schemas', () => {
  const schemas: [string, z.ZodType, string][] = [
    ['envelope', envelopeSchema, 'Chỉ số CCHC signed package envelope (formatVersion 1)'],
    ['enrolment-request', enrolmentRequestSchema, 'Payload of chiso-cchc/enrolment-request v1'],
    ['enrolment-approval', enrolmentApprovalSchema, 'Payload of chiso-cchc/enrolment-approval v1'],
    ['key-rotation', keyRotationSchema, 'Payload of chiso-cchc/key-rotation v1'],
    ['key-rotation-approval', keyRotationApprovalSchema, 'Payload of chiso-cchc/key-rotation-approval v1'],
    ['commune-report', communeReportSchema, 'Payload of chiso-cchc/commune-report v1'],
    ['appraisal', appraisalResultSchema, 'Payload of chiso-cchc/appraisal v1'],
  ];
  for (const [name, schema, title] of schemas) {
    it(`${name}.schema.json`, () => {
      const json = {
        $id: `https://chiso-cchc.invalid/schemas/${name}.schema.json`,
        title,
        ...z.toJSONSchema(schema, {
          target: 'draft-2020-12',
          unrepresentable: 'any',
          // The one custom type (a plain loop for speed) gets its documented JSON Schema.
          override: (ctx) => {
            if (ctx.zodSchema === answersSchema) Object.assign(ctx.jsonSchema, ANSWERS_JSON_SCHEMA);
          },
        }),
      };
      golden(`docs/schemas/${name}.schema.json`, JSON.stringify(json, null, 2) + '\n');
    });
  }
});
