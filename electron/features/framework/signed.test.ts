/**
 * A commune takes a framework only from the reviewing unit it pinned, for its own province and
 * year; every refusal changes nothing. The workbook the app writes reads back to the same
 * framework, byte for byte of its canonical form (same SHA-256).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toBase64Url } from '../../../shared/package/base64url';
import type { Framework } from '../../../shared/framework/schema';
import { sampleFramework } from '../../../shared/framework/sample';
import { parseFramework } from '../../../shared/framework/validate';
import { parseFrameworkSheets } from '../../../shared/framework/sheet/read';
import type { TestApp } from '../../../test/helpers/app';
import { refusal, testApp } from '../../../test/helpers/app';
import { communeSetup, provinceSetup } from '../../../test/helpers/context';
import { testKey } from '../../../test/fixtures/test-keys';
import { fingerprintOf } from '../../kernel/signing/ed25519';
import { FORMAT_NAME, verificationBytes } from '../../../shared/package/canonical';
import type { Signer } from '../../kernel/signing/signer';
import { requireIdentity } from '../setup/identity';
import { frameworkSha256 } from './frameworks';
import { buildFrameworkPackage } from './package';
import { importAtCommune, installAtReviewer, listInstalled } from './signed';
import { findFramework } from './versions';
import { frameworkWorkbookBytes, workbookSheets } from './xlsx';
import { parseFrameworkBytes } from './framework-file';

const reviewer = testKey('reviewer');
const stranger = testKey('stranger');

function province(overrides: Partial<Framework> = {}): Framework {
  const r = parseFramework({ ...structuredClone(sampleFramework), id: 'quang-nam-cap-xa-2026', sample: false, title: 'Bộ tiêu chí tỉnh Quảng Nam 2026', province: { code: '49', name: 'Quảng Nam' }, year: 2026, ...overrides });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.framework;
}

function pkg(fw: Framework, signer: Signer = reviewer): Buffer {
  const { text } = buildFrameworkPackage({ framework: fw, publisher: { code: '49', name: 'Sở Nội vụ tỉnh Quảng Nam' }, supersedes: null, createdAt: '2026-02-01T00:00:00.000Z', packageId: 'fw-test-0001' }, signer);
  return Buffer.from(text, 'utf8');
}

/** A framework package whose payload breaks its schema, signed the way another tool could (our signer refuses it). */
function signedOutsideTheSchema(payload: Record<string, unknown>, signer: Signer): Buffer {
  const sig = toBase64Url(signer.sign(verificationBytes('framework', payload)));
  return Buffer.from(JSON.stringify({ format: FORMAT_NAME.framework, formatVersion: 1, payload, signatures: [{ alg: 'Ed25519', keyId: signer.keyId, sig }] }));
}

let s: TestApp;
beforeEach(() => {
  s = testApp(communeSetup);
});
afterEach(() => s.cleanup());

/** The reviewing unit's key as the enrolment would have pinned it (the request row is beside the point here). */
function pin(): void {
  s.ctx.db.pragma('foreign_keys = OFF');
  s.ctx.db
    .prepare(
      `INSERT INTO reviewer_pin (id, unit_code, unit_name, key_id, public_key, fingerprint, request_id, approval_text, approved_at, valid_from, pinned_at)
       VALUES (1, '49', 'Sở Nội vụ tỉnh Quảng Nam', ?, ?, ?, 'req-1', '{}', '2026-01-09T00:00:00.000Z', '2026-01-10', '2026-01-10T00:00:00.000Z')`,
    )
    .run(reviewer.keyId, toBase64Url(reviewer.publicKey), fingerprintOf(reviewer.publicKey));
  s.ctx.db.pragma('foreign_keys = ON');
}

describe('a commune imports a signed framework', () => {
  it('refuses before any key is pinned, then takes the pinned unit\'s framework and switches to it', async () => {
    expect(await refusal(s.app.perform(importAtCommune, { bytes: pkg(province()) }))).toBe('FRAMEWORK_NO_PINNED_KEY');
    pin();
    const r = await s.app.perform(importAtCommune, { bytes: pkg(province()) });
    expect(r.framework).toMatchObject({ id: 'quang-nam-cap-xa-2026', version: '1.0', sha256: frameworkSha256(province()) });
    expect(r.publisher).toEqual({ code: '49', name: 'Sở Nội vụ tỉnh Quảng Nam', keyId: reviewer.keyId });
    expect(requireIdentity(s.ctx).framework!.id).toBe('quang-nam-cap-xa-2026');
    expect(findFramework(s.ctx.db, { id: 'quang-nam-cap-xa-2026', version: '1.0', sha256: frameworkSha256(province()) })?.ref).toBe(r.framework.ref);
    expect(findFramework(s.ctx.db, { id: 'quang-nam-cap-xa-2026', version: '1.0', sha256: '0'.repeat(64) })).toBeNull();
  });

  it.each([
    ['signed by another key', () => pkg(province(), stranger), 'FRAMEWORK_SIGNER_UNKNOWN'],
    ['for another province', () => pkg(province({ province: { code: '48', name: 'Đà Nẵng' } })), 'FRAMEWORK_WRONG_PROVINCE'],
    ['for another year', () => pkg(province({ year: 2027 })), 'FRAMEWORK_WRONG_YEAR'],
    ['that is not a framework package inside', () => signedOutsideTheSchema({ id: 'x' }, reviewer), 'FRAMEWORK_PACKAGE_INVALID'],
    ['a commune report instead', () => Buffer.from(JSON.stringify({ format: 'chiso-cchc/commune-report', formatVersion: 1, payload: {}, signatures: [{ alg: 'Ed25519', keyId: reviewer.keyId, sig: 'A'.repeat(86) }] })), 'FRAMEWORK_PACKAGE_WRONG_TYPE'],
  ])('refuses a framework %s, changing nothing', async (_what, file, code) => {
    pin();
    const before = requireIdentity(s.ctx);
    const rows = (await s.app.perform(listInstalled, undefined)).length;
    expect(await refusal(s.app.perform(importAtCommune, { bytes: file() }))).toBe(code);
    expect(requireIdentity(s.ctx)).toEqual(before);
    expect((await s.app.perform(listInstalled, undefined)).length).toBe(rows);
  });

  it('refuses while the self-assessment is finalised', async () => {
    pin();
    const ref = requireIdentity(s.ctx).framework!.ref;
    s.ctx.db.prepare(`INSERT INTO assessment_lock (framework_ref, finalised, revision, changed_at, changed_by) VALUES (?, 1, 1, 'now', 'tester')`).run(ref);
    expect(await refusal(s.app.perform(importAtCommune, { bytes: pkg(province()) }))).toBe('ASSESSMENT_LOCKED');
  });
});

describe('the reviewing unit installs versions side by side', () => {
  it('keeps 1.0 and 1.1 of a framework, refuses another content under a version it holds', async () => {
    const so = testApp(provinceSetup);
    try {
      const v10 = province();
      const v11 = province({ version: '1.1', decision: 'Quyết định số 12/QĐ-UBND' });
      await so.app.perform(installAtReviewer, { file: { form: 'json', ok: true, framework: v10 } });
      await so.app.perform(installAtReviewer, { file: { form: 'json', ok: true, framework: v11 } });
      const rows = (await so.app.perform(listInstalled, undefined)).filter((r) => r.id === 'quang-nam-cap-xa-2026');
      expect(rows.map((r) => r.version)).toEqual(['1.0', '1.1']);
      const conflict = province({ decision: 'Quyết định khác' });
      expect(await refusal(so.app.perform(installAtReviewer, { file: { form: 'json', ok: true, framework: conflict } }))).toBe('FRAMEWORK_VERSION_CONFLICT');
    } finally {
      so.cleanup();
    }
  });
});

describe('the workbook the app writes', () => {
  it('reads back to the same framework and the same SHA-256 (JSON → xlsx → JSON)', async () => {
    for (const fw of [parseFramework(sampleFramework), { ok: true as const, framework: province() }]) {
      if (!fw.ok) throw new Error('sample invalid');
      const bytes = await frameworkWorkbookBytes(fw.framework);
      const back = parseFrameworkSheets(await workbookSheets(bytes));
      expect(back.ok ? [] : back.issues).toEqual([]);
      if (back.ok) expect(frameworkSha256(back.framework)).toBe(frameworkSha256(fw.framework));
      const file = await parseFrameworkBytes(Buffer.from(bytes));
      expect(file).toMatchObject({ form: 'xlsx', ok: true });
    }
  }, 60_000);
});
