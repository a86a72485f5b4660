/**
 * Hostile files against the verifier, on the real (golden) packages of each type: members added
 * after signing under names JavaScript treats specially, numbers that are not what they look like,
 * nesting far beyond the limit, and large-but-legal shapes. Each is tried on the text path (small
 * files, JSON.parse) and on the byte path used for large files.
 */
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../../shared/package/base64url';
import { jcs, signingPrefix, verificationBytes } from '../../../shared/package/canonical';
import type { Envelope } from '../../../shared/package/envelope';
import { PACKAGE_JSON_LIMITS } from '../../../shared/package/strict-json';
import { testKey } from '../../../test/fixtures/test-keys';
import { GOLDEN_CASES, insertAfter, type GoldenCase } from '../../../test/helpers/packages';
import { verifyEnrolmentRequest } from './enrolment';
import { verifyKeyRotation } from './rotation';
import { signPackage, verifyEnvelope, type VerifyOptions, type VerifyResult } from './package-signer';

const commune = testKey('commune');

/** Verify on both paths; they must agree, and neither may throw. */
function verifyBoth(c: GoldenCase, text: string, extra: Partial<VerifyOptions> = {}): VerifyResult {
  const bytes = Buffer.from(text, 'utf8');
  const small = verifyEnvelope(bytes, { resolveKey: c.resolveKey, ...extra });
  const large = verifyEnvelope(bytes, { resolveKey: c.resolveKey, textPathMaxBytes: 0, ...extra });
  expect(large.ok ? { ok: true, payload: large.payload } : { ok: false, code: large.code, details: large.details }).toEqual(
    small.ok ? { ok: true, payload: small.payload } : { ok: false, code: small.code, details: small.details },
  );
  return small;
}
const codeOf = (r: VerifyResult): string => (r.ok ? 'ok' : r.code);

/** Where to add a member inside each golden payload: the top, a nested object, an object in an array. */
const PLACES: Record<string, string[]> = {
  'commune-report': ['"payload": {', '"issuer":{', '"evidence":[{', '"input":{', '"totals":{'],
  'enrolment-request': ['"payload": {', '"commune":{', '"key":{', '"officer":{'],
  'key-rotation': ['"payload": {', '"newKey":{'],
};

describe('unsigned members under special names never pass as part of a signed payload', () => {
  it('the golden packages verify, and hand back exactly the signed value', () => {
    for (const c of GOLDEN_CASES) {
      const r = verifyBoth(c, c.text);
      expect(codeOf(r), c.name).toBe('ok');
      if (r.ok) expect(signingPrefix(c.type) + jcs(r.payload)).toBe(Buffer.from(r.signedBytes).toString('utf8'));
    }
  });
  for (const c of GOLDEN_CASES) {
    it(`${c.name}: "__proto__", "constructor" or "prototype" added anywhere is refused`, () => {
      for (const place of PLACES[c.name]!) {
        for (const member of ['"__proto__":{"x":1},', '"__proto__":null,', '"constructor":{"prototype":1},', '"prototype":"x",', '"__proto__":[],']) {
          const r = verifyBoth(c, insertAfter(c.text, place, member));
          expect(codeOf(r), `${member} after ${place}`).toBe('SIGNATURE_INVALID');
        }
      }
    });
  }
  it('the enrolment and rotation checks refuse them too', () => {
    const [, request, rotation] = GOLDEN_CASES;
    for (const place of ['"payload": {', '"commune":{', '"key":{']) {
      expect(verifyEnrolmentRequest(insertAfter(request!.text, place, '"__proto__":{"code":"99999"},')).ok).toBe(false);
    }
    const registry = (keyId: string) => (keyId === commune.keyId ? { publicKey: commune.publicKey, status: 'active' as const, kind: 'commune' as const, communeCode: '26734' } : undefined);
    expect(verifyKeyRotation(rotation!.text, registry).ok).toBe(true);
    for (const place of ['"payload": {', '"newKey":{']) {
      expect(verifyKeyRotation(insertAfter(rotation!.text, place, '"__proto__":{"communeCode":"99999"},'), registry).ok).toBe(false);
    }
  });
  it('a payload honestly signed with such a member is refused as PAYLOAD_INVALID after the signature, naming it', () => {
    const [report] = GOLDEN_CASES;
    const env = JSON.parse(report!.text) as Envelope;
    for (const [name, where] of [['__proto__', 'top'], ['constructor', 'issuer'], ['prototype', 'top']] as const) {
      const payload = JSON.parse(JSON.stringify(env.payload)) as Record<string, unknown>;
      const target = where === 'top' ? payload : (payload['issuer'] as Record<string, unknown>);
      Object.defineProperty(target, name, { value: { x: 1 }, enumerable: true, writable: true, configurable: true });
      const sig = toBase64Url(commune.sign(verificationBytes('commune-report', payload)));
      const file = JSON.stringify({ ...env, payload, signatures: [{ ...env.signatures[0]!, sig }] });
      expect(file).toContain(`"${name}":{"x":1}`);
      const r = verifyBoth(report!, file);
      expect(r).toMatchObject({ ok: false, code: 'PAYLOAD_INVALID', details: { rule: 'package-value', path: where === 'top' ? `.${name}` : `.issuer.${name}` } });
    }
  });
  it('our signer never signs such a member', () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const payload = { a: {} as Record<string, unknown> };
      Object.defineProperty(payload.a, name, { value: 1, enumerable: true, writable: true, configurable: true });
      expect(() => signPackage('framework', payload, [commune])).toThrow(expect.objectContaining({ code: 'PACKAGE_VALUE_INVALID' }));
    }
  });
});

describe('numbers are read on their token: only safe integers written as integers', () => {
  const spellings: [RegExp, string][] = [
    [/"size":96/u, '"size":96.00000000000000001'],
    [/"numerator":9/u, '"numerator":8.99999999999999999'],
    [/"done":true,/u, '"done":true,"n":0.99999999999999999,'],
    [/"revision":1/u, '"revision":1.0'],
    [/"revision":1/u, '"revision":1e0'],
    [/"revision":0/u, '"revision":-0'],
    [/"revision":1/u, '"revision":9007199254740993'],
    [/"formatVersion": 1/u, '"formatVersion": 1.0'],
  ];
  it('a commune report with any other spelling of a number is NOT_JSON, before any signature is looked at', () => {
    const [report] = GOLDEN_CASES;
    for (const [from, to] of spellings) {
      const text = report!.text.replace(from, to);
      expect(text, to).not.toBe(report!.text);
      const r = verifyBoth(report!, text);
      expect(r, to).toMatchObject({ ok: false, code: 'NOT_JSON', details: { reason: 'number' } });
    }
  });
  it('so do the enrolment request and the rotation (the envelope counts)', () => {
    for (const c of GOLDEN_CASES.slice(1)) {
      expect(verifyBoth(c, c.text.replace('"formatVersion": 1', '"formatVersion": 1.00000000000000001'))).toMatchObject({ code: 'NOT_JSON', details: { reason: 'number' } });
      expect(verifyBoth(c, insertAfter(c.text, '"payload": {', '"n":8279.00000000000000001,'))).toMatchObject({ code: 'NOT_JSON', details: { reason: 'number' } });
    }
  });
});

describe('nesting beyond the limit is NOT_JSON, never a crash', () => {
  for (const levels of [5_000, 200_000, 1_000_000]) {
    it(`${levels.toLocaleString('en')} levels, in every type and in several shapes`, () => {
      const shapes = ['['.repeat(levels) + ']'.repeat(levels), '{"a":'.repeat(levels) + '0' + '}'.repeat(levels), '[{"a":'.repeat(levels / 2) + '0' + '}]'.repeat(levels / 2), '['.repeat(levels)];
      for (const c of GOLDEN_CASES) {
        for (const shape of shapes) {
          const r = verifyBoth(c, insertAfter(c.text, '"payload": {', `"deep":${shape},`));
          expect(r, c.name).toMatchObject({ ok: false, code: 'NOT_JSON', details: { reason: 'depth' } });
        }
      }
      expect(verifyEnrolmentRequest(insertAfter(GOLDEN_CASES[1]!.text, '"payload": {', `"deep":${shapes[0]},`))).toMatchObject({ ok: false, code: 'NOT_JSON' });
    });
  }
});

describe('large-but-legal shapes are refused at a limit, cheaply', () => {
  const [report] = GOLDEN_CASES;
  const withMember = (member: string): string => insertAfter(report!.text, '"payload": {', `"z":${member},`);
  it('an array of zeros longer than maxArrayLength (default limits)', () => {
    const r = verifyBoth(report!, withMember(`[${'0,'.repeat(PACKAGE_JSON_LIMITS.maxArrayLength)}0]`));
    expect(r).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE', details: { reason: 'limit', limit: 'maxArrayLength', max: PACKAGE_JSON_LIMITS.maxArrayLength } });
  });
  it('more values than maxValues in arrays each within their own limit (default limits)', () => {
    const chunk = `[${'0,'.repeat(99_998)}0]`;
    const r = verifyBoth(report!, withMember(`[${Array(11).fill(chunk).join(',')}]`));
    expect(r).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE', details: { limit: 'maxValues', max: PACKAGE_JSON_LIMITS.maxValues } });
  });
  it('10 MB of zeros, empty objects or members with a lowered limit', () => {
    const limits = { maxValues: 50_000, maxArrayLength: 1_000_000, maxTotalMembers: 20_000 };
    expect(verifyBoth(report!, withMember(`[${'0,'.repeat(5_000_000)}0]`), { limits })).toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: 'maxValues' } });
    expect(verifyBoth(report!, withMember(`[${'{},'.repeat(3_000_000)}{}]`), { limits })).toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: 'maxValues' } });
    expect(verifyBoth(report!, withMember(`[${'{"a":0},'.repeat(1_000_000)}{}]`), { limits })).toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: 'maxTotalMembers' } });
  });
  it('a string longer than maxStringBytes, and a long member name', () => {
    expect(verifyBoth(report!, withMember(`"${'A'.repeat(10_001)}"`), { limits: { maxStringBytes: 10_000 } })).toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: 'maxStringBytes' } });
    expect(verifyBoth(report!, withMember(`{"${'k'.repeat(PACKAGE_JSON_LIMITS.maxKeyBytes + 1)}":1}`))).toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: 'maxKeyBytes' } });
  });
  it('an object with too many members', () => {
    const members = Array.from({ length: PACKAGE_JSON_LIMITS.maxObjectMembers + 1 }, (_, k) => `"m${k}":0`).join(',');
    expect(verifyBoth(report!, withMember(`{${members}}`))).toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: 'maxObjectMembers' } });
  });
});
