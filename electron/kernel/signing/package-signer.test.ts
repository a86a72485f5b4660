import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toBase64Url } from '../../../shared/package/base64url';
import { FORMAT_NAME, verificationBytes, type PackageType, type PackageValue } from '../../../shared/package/canonical';
import type { Envelope } from '../../../shared/package/envelope';
import { REFUSAL_CODES, REFUSAL_MESSAGES } from '../../../shared/package/verify-steps';
import { EXTRA_PATH, extraOf, frameworkPayloadWith } from '../../../test/fixtures/framework-payload';
import { testKey } from '../../../test/fixtures/test-keys';
import { serializeEnvelope, signPackage, verifyEnvelope, type KeyResolver, type VerifyResult } from './package-signer';

const commune = testKey('commune');
const stranger = testKey('stranger');
// These tests are about bytes and signatures, not who may sign what (signer-kinds.test.ts): the key stands in for whichever kind the type needs.
const registry: KeyResolver = (keyId, ctx) => (keyId === commune.keyId ? { publicKey: commune.publicKey, status: 'active', kind: ctx.signerKind } : undefined);

// ---------- generators ----------
const vietnamese = fc.constantFrom('Ủy ban nhân dân', 'xã Hòa Bình', 'Nguyễn Thị Hường', 'điểm', 'Phường Bến Nghé', 'ĐTXHH', 'tài liệu kiểm chứng');
const text = fc.oneof(fc.string(), vietnamese).map((s) => s.normalize('NFC')).filter((s) => !/[\uD800-\uDFFF]/u.test(s));
const key = fc.oneof(fc.string({ maxLength: 8 }), vietnamese).map((s) => s.normalize('NFC')).filter((s) => !/[\uD800-\uDFFF]/u.test(s));
const { value: packageValue } = fc.letrec<{ value: PackageValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.maxSafeInteger().filter((n) => !Object.is(n, -0)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
}));
const payloadArb = fc.dictionary(key, packageValue, { minKeys: 1, maxKeys: 5 });

type Path = (string | number)[];
function paths(v: PackageValue, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(v)) v.forEach((c, i) => out.push(...paths(c, [...at, i])));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) out.push(...paths(v[k]!, [...at, k]));
  return out;
}
/** A change that always alters the canonical form. */
function mutate(v: PackageValue): PackageValue {
  if (typeof v === 'string') return v + 'x';
  if (typeof v === 'number') return v === Number.MAX_SAFE_INTEGER ? v - 1 : v + 1;
  if (typeof v === 'boolean') return !v;
  if (v === null) return 0;
  if (Array.isArray(v)) return [...v, null];
  const keys = Object.keys(v);
  if (keys.length > 0) {
    const copy = { ...v };
    delete copy[keys[0]!];
    return copy;
  }
  return { added: true };
}
function replaceAt(root: PackageValue, path: Path, f: (v: PackageValue) => PackageValue): PackageValue {
  if (path.length === 0) return f(root);
  const [head, ...rest] = path;
  if (Array.isArray(root)) return root.map((c, i) => (i === head ? replaceAt(c, rest, f) : c));
  const obj = root as Record<string, PackageValue>;
  const copy: Record<string, PackageValue> = {};
  for (const k of Object.keys(obj)) Object.defineProperty(copy, k, { value: k === head ? replaceAt(obj[k]!, rest, f) : obj[k]!, enumerable: true, writable: true, configurable: true });
  return copy;
}
/** Same JSON, keys in another order. */
function shuffleKeys(v: unknown, seed: number): unknown {
  if (Array.isArray(v)) return v.map((c, i) => shuffleKeys(c, seed + i));
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v).sort().reverse();
    const rotated = keys.length ? [...keys.slice(seed % keys.length), ...keys.slice(0, seed % keys.length)] : keys;
    const out: Record<string, unknown> = {};
    for (const k of rotated) Object.defineProperty(out, k, { value: shuffleKeys((v as Record<string, unknown>)[k], seed + 1), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}
function expectRefused(r: VerifyResult, code: string): void {
  expect(r.ok ? 'ok' : r.code).toBe(code);
}

describe('signPackage / verifyEnvelope round trip (property)', () => {
  it('a signed payload verifies and comes back equal', () => {
    fc.assert(
      fc.property(payloadArb, (payload) => {
        const text = serializeEnvelope(signPackage('framework', frameworkPayloadWith(payload), [commune]));
        const r = verifyEnvelope(text, { resolveKey: registry });
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(extraOf(r.payload)).toEqual(payload);
          expect(r.keyIds).toEqual([commune.keyId]);
        }
      }),
    );
  });

  it('changing any value anywhere in the payload gives SIGNATURE_INVALID', () => {
    fc.assert(
      fc.property(payloadArb, fc.nat(), (payload, pick) => {
        const env = signPackage('framework', frameworkPayloadWith(payload), [commune]);
        // Any value of the framework payload, the carried one's included.
        const all = paths(env.payload as PackageValue).filter((p) => p.length > 0);
        expect(all).toContainEqual([...EXTRA_PATH]);
        const path = all[pick % all.length]!;
        const tampered = { ...env, payload: replaceAt(env.payload as PackageValue, path, mutate) };
        expectRefused(verifyEnvelope(JSON.stringify(tampered), { resolveKey: registry }), 'SIGNATURE_INVALID');
      }),
    );
  });

  it('key order and white space in the file do not matter', () => {
    fc.assert(
      fc.property(payloadArb, fc.nat(50), fc.constantFrom(undefined, 1, 4, '\t', '\r\n'), (payload, seed, indent) => {
        const env = signPackage('framework', frameworkPayloadWith(payload), [commune]);
        const text = JSON.stringify(shuffleKeys(env, seed), null, indent as string | number | undefined);
        const r = verifyEnvelope(text, { resolveKey: registry });
        expect(r.ok).toBe(true);
      }),
    );
  });

  it('a duplicate key anywhere in the file is refused before anything else is read', () => {
    fc.assert(
      fc.property(payloadArb, key, (payload, k) => {
        const text = serializeEnvelope(signPackage('framework', frameworkPayloadWith(payload), [commune]));
        const dup = text.replace('"payload": {', () => `"payload": {${JSON.stringify(k)}:1,${JSON.stringify(k)}:2,`);
        expectRefused(verifyEnvelope(dup, { resolveKey: registry }), 'DUPLICATE_KEY');
      }),
    );
  });

  it('an enrolment-request signature never verifies as any other package type (domain separation)', () => {
    const selfSigned: KeyResolver = (_id, ctx) => (ctx.embeddedPublicKey ? { publicKey: ctx.embeddedPublicKey, status: 'active', kind: ctx.signerKind } : registry(_id, ctx));
    const payload = {
      requestId: 'req-00000001',
      commune: { code: '26734', name: 'Xã Hòa Bình', provinceCode: '26' },
      officer: { name: 'Nguyễn Văn A', title: 'Công chức Văn phòng - Thống kê' },
      key: { alg: 'Ed25519', publicKey: toBase64Url(commune.publicKey), keyId: commune.keyId },
      createdAt: '2026-01-05T08:00:00.000Z',
      validFrom: '2026-01-05',
      appVersion: '0.1.0',
    };
    const env = signPackage('enrolment-request', payload, [commune]);
    expect(verifyEnvelope(JSON.stringify(env), { resolveKey: selfSigned }).ok).toBe(true);
    for (const other of ['commune-report', 'framework', 'appraisal', 'enrolment-approval'] as PackageType[]) {
      const moved = { ...env, format: FORMAT_NAME[other] };
      expectRefused(verifyEnvelope(JSON.stringify(moved), { resolveKey: selfSigned }), 'SIGNATURE_INVALID');
    }
  });
});

describe('NFC: the exporter normalises; a verifier never rewrites signed text', () => {
  const payload = { commune: 'Xã Hòa Bình', officer: 'Nguyễn Thị Hường', note: 'Ủy ban nhân dân đã ban hành kế hoạch' };

  it('an NFD input is signed as NFC', () => {
    const env = signPackage('framework', frameworkPayloadWith({ commune: payload.commune.normalize('NFD') }), [commune]);
    expect(extraOf(env.payload)).toEqual({ commune: payload.commune });
  });
  it('a copy whose Vietnamese text was rewritten in NFD is refused (SIGNATURE_INVALID)', () => {
    const text = serializeEnvelope(signPackage('framework', frameworkPayloadWith(payload), [commune]));
    const nfd = text.normalize('NFD');
    expect(nfd).not.toBe(text);
    expectRefused(verifyEnvelope(nfd, { resolveKey: registry }), 'SIGNATURE_INVALID');
  });
  it('NFD text really signed by another tool passes the signature but is refused as PAYLOAD_INVALID', () => {
    const nfdPayload = frameworkPayloadWith({ note: payload.note.normalize('NFD') });
    const sig = commune.sign(verificationBytes('framework', nfdPayload));
    const env: Envelope = { format: FORMAT_NAME.framework, formatVersion: 1, payload: nfdPayload, signatures: [{ alg: 'Ed25519', keyId: commune.keyId, sig: toBase64Url(sig) }] };
    expectRefused(verifyEnvelope(JSON.stringify(env), { resolveKey: registry }), 'PAYLOAD_INVALID');
  });
});

describe('verification order and refusal codes', () => {
  const good = serializeEnvelope(signPackage('framework', frameworkPayloadWith({ a: 1 }), [commune]));
  const env = JSON.parse(good) as Envelope;

  it('every refusal code has a Vietnamese sentence', () => {
    for (const c of REFUSAL_CODES) expect(REFUSAL_MESSAGES[c]).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêệếềểễôộốồổỗơớờợởỡưứừựửữđ]/u);
  });
  it('1 size: FILE_TOO_LARGE before parsing', () => {
    expectRefused(verifyEnvelope(good + ' '.repeat(100), { resolveKey: registry, maxBytes: good.length }), 'FILE_TOO_LARGE');
    expectRefused(verifyEnvelope(new Uint8Array(11), { resolveKey: registry, maxBytes: 10 }), 'FILE_TOO_LARGE');
    expect(verifyEnvelope(new TextEncoder().encode(good), { resolveKey: registry, maxBytes: Buffer.byteLength(good) }).ok).toBe(true);
  });
  it('2 parse: NOT_JSON for invalid UTF-8, a BOM, truncation or trailing text', () => {
    expectRefused(verifyEnvelope(Uint8Array.from([0x7b, 0xff, 0x7d]), { resolveKey: registry }), 'NOT_JSON');
    expectRefused(verifyEnvelope(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(good)]), { resolveKey: registry }), 'NOT_JSON');
    expectRefused(verifyEnvelope(good.slice(0, -20), { resolveKey: registry }), 'NOT_JSON');
    expectRefused(verifyEnvelope(good + '{}', { resolveKey: registry }), 'NOT_JSON');
  });
  it('3 envelope: ENVELOPE_INVALID, FORMAT_UNKNOWN, VERSION_UNSUPPORTED', () => {
    expectRefused(verifyEnvelope('[]', { resolveKey: registry }), 'ENVELOPE_INVALID');
    expectRefused(verifyEnvelope(JSON.stringify({ ...env, signatures: [] }), { resolveKey: registry }), 'ENVELOPE_INVALID');
    expectRefused(verifyEnvelope(JSON.stringify({ ...env, extra: 1 }), { resolveKey: registry }), 'ENVELOPE_INVALID');
    expectRefused(verifyEnvelope(JSON.stringify({ ...env, signatures: [{ ...env.signatures[0], sig: 'AA' }] }), { resolveKey: registry }), 'ENVELOPE_INVALID');
    expectRefused(verifyEnvelope(JSON.stringify({ ...env, format: 'odk/submission' }), { resolveKey: registry }), 'FORMAT_UNKNOWN');
    expectRefused(verifyEnvelope(JSON.stringify({ ...env, formatVersion: 2, future: true }), { resolveKey: registry }), 'VERSION_UNSUPPORTED');
    expectRefused(verifyEnvelope(good, { resolveKey: registry, accept: ['commune-report'] }), 'FORMAT_UNKNOWN');
  });
  it('3 envelope: a second signature on a one-signature type is refused', () => {
    const twice = { ...env, signatures: [env.signatures[0]!, { ...env.signatures[0]!, keyId: stranger.keyId }] };
    expectRefused(verifyEnvelope(JSON.stringify(twice), { resolveKey: registry }), 'ENVELOPE_INVALID');
  });
  it('4 key: KEY_UNKNOWN (with the claimed commune, marked unverified), KEY_REVOKED', () => {
    const report = { ...env, payload: { issuer: { communeCode: '26734' } } };
    const r = verifyEnvelope(JSON.stringify(report), { resolveKey: () => undefined });
    expectRefused(r, 'KEY_UNKNOWN');
    if (!r.ok) expect(r.details).toEqual({ keyId: commune.keyId, claimedCommuneCode: '26734', unverified: true });
    expectRefused(verifyEnvelope(good, { resolveKey: () => ({ publicKey: commune.publicKey, status: 'revoked', kind: 'reviewer' }) }), 'KEY_REVOKED');
    // A registry entry whose key does not hash to the key id is not that key.
    expectRefused(verifyEnvelope(good, { resolveKey: () => ({ publicKey: stranger.publicKey, status: 'active', kind: 'reviewer' }) }), 'KEY_UNKNOWN');
  });
  it('4 key: a report never offers an embedded key to the resolver', () => {
    const seen: unknown[] = [];
    verifyEnvelope(good, { resolveKey: (id, ctx) => (seen.push(ctx), registry(id, ctx)) });
    expect(seen).toEqual([{ type: 'framework', signerKind: 'reviewer' }]);
  });
  it('5 signature: a signature by another key under our key id is SIGNATURE_INVALID', () => {
    const forged = { ...env, signatures: [{ ...env.signatures[0]!, sig: toBase64Url(stranger.sign(verificationBytes('framework', env.payload))) }] };
    expectRefused(verifyEnvelope(JSON.stringify(forged), { resolveKey: registry }), 'SIGNATURE_INVALID');
  });
  it('2 parse: a number too large for RFC 8785 is NOT_JSON (judged on the token), not a crash', () => {
    const huge = good.replace(/"a": ?1\b/u, '"a":1e400');
    expect(huge).not.toBe(good);
    expectRefused(verifyEnvelope(huge, { resolveKey: registry }), 'NOT_JSON');
    expectRefused(verifyEnvelope(Buffer.from(huge), { resolveKey: registry }), 'NOT_JSON');
  });
  it('6 payload: a well-signed payload that breaks its schema is PAYLOAD_INVALID', () => {
    const payload = { packageId: 'not a valid id!' };
    const sig = commune.sign(verificationBytes('commune-report', payload));
    const e: Envelope = { format: FORMAT_NAME['commune-report'], formatVersion: 1, payload, signatures: [{ alg: 'Ed25519', keyId: commune.keyId, sig: toBase64Url(sig) }] };
    expectRefused(verifyEnvelope(JSON.stringify(e), { resolveKey: registry }), 'PAYLOAD_INVALID');
    // The same payload is never signed by our own signer.
    expect(() => signPackage('commune-report', payload, [commune])).toThrow(/định dạng/u);
  });
  it('signPackage refuses a float, and a wrong number of signers', () => {
    expect(() => signPackage('framework', frameworkPayloadWith({ points: 7.5 }), [commune])).toThrow();
    expect(() => signPackage('framework', frameworkPayloadWith({ a: 1 }), [commune, stranger])).toThrow();
  });
});
