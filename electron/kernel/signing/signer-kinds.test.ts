/**
 * Each package type names the kind of key that may sign it (commune or reviewing unit), and the
 * verifier refuses any other with KEY_WRONG_KIND, whatever the signature says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAME, PACKAGE_TYPES, type PackageType } from '../../../shared/package/canonical';
import { SIGNER_KINDS, type SignerKind } from '../../../shared/package/envelope';
import { frameworkPayload } from '../../../test/fixtures/framework-payload';
import { testKey } from '../../../test/fixtures/test-keys';
import { serializeEnvelope, signPackage, verifyEnvelope, type KeyResolver } from './package-signer';
import type { Signer } from './signer';

/** A valid appraisal result (its payload is schema-checked at signing): the golden one's. */
const appraisal = (JSON.parse(readFileSync(new URL('../../../test/golden/appraisal.json', import.meta.url), 'utf8')) as { payload: Record<string, unknown> }).payload;
const payloadOf = (type: 'framework' | 'appraisal') => (type === 'appraisal' ? appraisal : frameworkPayload());

const commune = testKey('commune');
const next = testKey('communeNext');
const reviewer = testKey('reviewer');

/** The registry as a reviewing unit or a commune knows it: each key with its kind. */
const kindOf: Record<string, SignerKind> = { [commune.keyId]: 'commune', [next.keyId]: 'commune', [reviewer.keyId]: 'reviewer' };
const keys = [commune, next, reviewer];
const resolver: KeyResolver = (keyId) => {
  const k = keys.find((x) => x.keyId === keyId);
  return k ? { publicKey: k.publicKey, status: 'active', kind: kindOf[keyId]! } : undefined;
};

/** Envelope of `type` signed by `signers`, bypassing payload schemas (step 4 runs before step 6). */
function forge(type: PackageType, signers: Signer[]): string {
  const real = signPackage('framework', frameworkPayload(), [signers[0]!]);
  return JSON.stringify({ ...real, format: FORMAT_NAME[type], signatures: signers.map((s) => ({ alg: 'Ed25519', keyId: s.keyId, sig: real.signatures[0]!.sig })) });
}

describe('who may sign what', () => {
  it('names a kind for every signature of every package type', () => {
    for (const t of PACKAGE_TYPES) expect(SIGNER_KINDS[t].length).toBeGreaterThan(0);
    expect(SIGNER_KINDS['commune-report']).toEqual(['commune']);
    expect(SIGNER_KINDS['enrolment-request']).toEqual(['commune']);
    expect(SIGNER_KINDS['enrolment-approval']).toEqual(['reviewer']);
    expect(SIGNER_KINDS['key-rotation']).toEqual(['commune', 'commune']);
    expect(SIGNER_KINDS.framework).toEqual(['reviewer']);
    expect(SIGNER_KINDS.appraisal).toEqual(['reviewer']);
  });

  it('a framework or an appraisal result signed by a commune key is KEY_WRONG_KIND', () => {
    for (const type of ['framework', 'appraisal'] as const) {
      const text = serializeEnvelope(signPackage(type, payloadOf(type), [commune]));
      expect(verifyEnvelope(text, { resolveKey: resolver }), type).toMatchObject({ ok: false, code: 'KEY_WRONG_KIND', details: { keyId: commune.keyId, expected: 'reviewer', actual: 'commune' } });
      const good = serializeEnvelope(signPackage(type, payloadOf(type), [reviewer]));
      expect(verifyEnvelope(good, { resolveKey: resolver }).ok, type).toBe(true);
    }
  });

  it('every type refuses the other kind of key at step 4, before the signature is looked at', () => {
    for (const type of PACKAGE_TYPES) {
      const wrong = SIGNER_KINDS[type].map((k) => (k === 'commune' ? reviewer : commune));
      const signers = new Set(wrong.map((s) => s.keyId)).size === wrong.length ? wrong : [reviewer, commune];
      const r = verifyEnvelope(forge(type, signers), { resolveKey: resolver });
      expect(r, type).toMatchObject({ ok: false, code: 'KEY_WRONG_KIND' });
    }
  });

  it('the resolver is told which kind the type needs for each signature', () => {
    const seen: { keyId: string; signerKind: SignerKind }[] = [];
    const text = serializeEnvelope(signPackage('appraisal', appraisal, [reviewer]));
    verifyEnvelope(text, { resolveKey: (id, ctx) => (seen.push({ keyId: id, signerKind: ctx.signerKind }), resolver(id, ctx)) });
    expect(seen).toEqual([{ keyId: reviewer.keyId, signerKind: 'reviewer' }]);
  });
});
