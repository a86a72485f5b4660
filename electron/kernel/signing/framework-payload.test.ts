/**
 * Step 6 holds a framework package's payload to its strict schema (frameworkPackageSchema), as it
 * does every other type's: a payload that breaks it is refused as PAYLOAD_INVALID even when the
 * signature over it is good, with Vietnamese issues naming where; our signer never signs one.
 */
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../../shared/package/base64url';
import { FORMAT_NAME, verificationBytes } from '../../../shared/package/canonical';
import { frameworkPayload } from '../../../test/fixtures/framework-payload';
import { testKey } from '../../../test/fixtures/test-keys';
import { goldenText } from '../../../test/helpers/packages';
import { signPackage, verifyEnvelope, type KeyResolver } from './package-signer';

const reviewer = testKey('reviewer');
const resolveKey: KeyResolver = (keyId) => (keyId === reviewer.keyId ? { publicKey: reviewer.publicKey, status: 'active', kind: 'reviewer' } : undefined);
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

/** Signed as another tool could sign it: over the payload as given, no schema consulted. */
function signedAsIs(payload: Record<string, unknown>): string {
  const sig = toBase64Url(reviewer.sign(verificationBytes('framework', payload)));
  return JSON.stringify({ format: FORMAT_NAME.framework, formatVersion: 1, payload, signatures: [{ alg: 'Ed25519', keyId: reviewer.keyId, sig }] });
}

type Payload = Record<string, unknown> & { framework: Record<string, unknown> };

const broken: [string, (p: Payload) => void, string][] = [
  ['a bare { id } object', (p) => { for (const k of Object.keys(p)) delete p[k]; p['id'] = 'x'; }, 'packageId'],
  ['a member the format does not have', (p) => { p['extra'] = 1; }, '(gốc)'],
  ['no publisher', (p) => { delete p['publisher']; }, 'publisher'],
  ['the year as text', (p) => { p['year'] = '2020'; }, 'year'],
  ['no unit type', (p) => { p['unitTypes'] = []; }, 'unitTypes'],
  ['content that is not an object', (p) => { p.framework['content'] = [1, 2]; }, 'framework.content'],
  ['a SHA-256 that is not one', (p) => { p.framework['sha256'] = 'abc'; }, 'framework.sha256'],
  ['a version with letters', (p) => { p['version'] = 'v1'; }, 'version'],
];

describe('step 6: the framework payload schema is strict', () => {
  it('the golden framework package verifies', () => {
    expect(verifyEnvelope(goldenText('framework'), { resolveKey }).ok).toBe(true);
    expect(verifyEnvelope(signedAsIs(frameworkPayload()), { resolveKey }).ok).toBe(true);
  });

  it.each(broken)('well signed, %s: PAYLOAD_INVALID at step 6, with a Vietnamese issue naming where', (_what, breakIt, path) => {
    const p = frameworkPayload() as Payload;
    breakIt(p);
    const r = verifyEnvelope(signedAsIs(p), { resolveKey });
    expect(r).toMatchObject({ ok: false, code: 'PAYLOAD_INVALID' });
    if (r.ok) return;
    const issues = r.details?.['issues'] as { path: string; message: string }[];
    expect(issues.map((i) => i.path)).toContain(path);
    for (const i of issues) expect(i.message).toMatch(VIETNAMESE);
    expect(() => signPackage('framework', p, [reviewer])).toThrow(expect.objectContaining({ code: 'PAYLOAD_INVALID' }));
  });
});
