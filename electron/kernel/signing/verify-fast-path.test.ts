/**
 * The verifier's fast paths must give exactly the reference decisions:
 *  - bytes in (signed bytes taken from the file's own canonical payload span) against text in
 *    (signed bytes rebuilt as UTF-8(prefix + RFC 8785 of the parsed payload)), on generated
 *    packages and on mutated copies of them;
 *  - isPackageValue (path-free walk) against assertPackageValue (the reference value rules).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toBase64Url } from '../../../shared/package/base64url';
import {
  assertPackageValue,
  FORMAT_NAME,
  inCanonicalOrder,
  isPackageValue,
  jcs,
  jcsKnowingOrder,
  scanPayload,
  stringsAreNfcIn,
  verificationBytes,
  type PackageValue,
} from '../../../shared/package/canonical';
import { payloadStep } from '../../../shared/package/verify-steps';
import type { Envelope } from '../../../shared/package/envelope';
import { frameworkPayloadWith } from '../../../test/fixtures/framework-payload';
import { testKey } from '../../../test/fixtures/test-keys';
import { serializeEnvelope, signPackage, verifyEnvelope, type KeyResolver, type VerifyResult } from './package-signer';

const commune = testKey('commune');
// These tests are about bytes and signatures, not who may sign what (signer-kinds.test.ts): the key stands in for whichever kind the type needs.
const registry: KeyResolver = (keyId, ctx) => (keyId === commune.keyId ? { publicKey: commune.publicKey, status: 'active', kind: ctx.signerKind } : undefined);

// Strings that stress the NFC rule and the escaping: decomposed Vietnamese, lone combining
// marks, characters JSON escapes, U+2028, astral characters, lone surrogates.
const tricky = fc.constantFrom(
  'Hòa Bình',
  'Hòa Bình'.normalize('NFD'),
  '\u0301',
  'a\u0301',
  '\n\u0301',
  '"\u0301',
  'x\\y',
  'tab\there',
  '\u2028',
  '😀',
  '\uD800',
  '\uDC00x',
  'דּ',
  '\u0000',
  '1.0',
  '-0',
);
// Strings built from pieces where escaping and composition meet: the letters JSON escapes
// turn into (n, t, r, b, f) next to combining marks, Hangul jamo, quotes and backslashes.
const piece = fc.constantFrom('a', 'n', 't', 'r', 'b', 'f', 'o', 'e', '\n', '\t', '\r', '\b', '\f', '"', '\\', '\u0000', '\u001f', '\u0301', '\u0300', '\u0323', '\u0302', '\u031b', '\u0345', '\u1100', '\u1161', '\u11a8', '\uac00', 'à', 'ơ', '\uD800', '\uDC00', '😀', 'ﬁ', '\u212b', '\u0958');
const composed = fc.array(piece, { maxLength: 8 }).map((a) => a.join(''));
const str = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), tricky, composed, composed.map((s) => s.normalize('NFC')));
const num = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(-0, 0, 1.0, 1e3, 1.5, 2 ** 53, -(2 ** 53), 2 ** 53 - 1, 1e21, Number.NaN, Number.POSITIVE_INFINITY),
  fc.double(),
);
const { value: anyValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    str,
    num,
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), tricky), tie('value'), { maxKeys: 4 }),
  ),
}));

function referenceAccepts(v: unknown): boolean {
  try {
    assertPackageValue(v);
    return true;
  } catch {
    return false;
  }
}

describe('isPackageValue decides exactly as assertPackageValue', () => {
  it('on generated values (NFD, lone marks, escapes, floats, -0, huge integers, undefined)', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        expect(isPackageValue(v)).toBe(referenceAccepts(v));
      }),
      { numRuns: 3000 },
    );
  });
  it('also when the strings are judged on the canonical text at once (stringsAreNfcIn)', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        let canonical: string;
        try {
          canonical = jcs(v);
        } catch {
          return;
        }
        expect(isPackageValue(v, stringsAreNfcIn(canonical))).toBe(referenceAccepts(v));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.dictionary(composed, composed, { maxKeys: 4 }), (v) => {
        expect(isPackageValue(v, stringsAreNfcIn(jcs(v)))).toBe(referenceAccepts(v));
      }),
      { numRuns: 5000 },
    );
  });
  it('scanPayload answers as inCanonicalOrder and isPackageValue(v, true), and payloadStep decides alike with it', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, anyValue.map((v) => reorder(v)), fc.jsonValue()), (v) => {
        const scanned = scanPayload(v);
        expect(scanned.ordered).toBe(inCanonicalOrder(v));
        expect(scanned.values).toBe(isPackageValue(v, true));
        let canonical: string;
        try {
          canonical = jcsKnowingOrder(v, scanned.ordered);
        } catch {
          return;
        }
        expect(canonical).toBe(jcs(v));
        // Same verdict and details with the verifier's knowledge as without it.
        expect(payloadStep('framework', v, { canonical, values: scanned.values })).toEqual(payloadStep('framework', v));
      }),
      { numRuns: 3000 },
    );
  });
  it('on parsed JSON texts, including escaped unicode and number spellings', () => {
    const texts = ['{"a":"\\u0301"}', '{"a":"a\\u0301"}', '{"a\\u0301":1}', '{"a":1.0}', '{"a":1e3}', '{"a":-0}', '{"a":-0.0}', '{"a":9007199254740992}', '{"a":"\\ud800"}', '{"__proto__":1}', '[1,[2,{"b":[3]}]]'];
    for (const t of texts) {
      const v: unknown = JSON.parse(t);
      expect(isPackageValue(v), t).toBe(referenceAccepts(v));
    }
  });
  it('on sparse arrays, symbol keys, class instances and functions', () => {
    const sym: Record<string | symbol, unknown> = { a: 1 };
    sym[Symbol('s')] = 1;
    // eslint-disable-next-line no-sparse-arrays
    for (const v of [[1, , 2], sym, new Date(0), new Map(), () => 1, Object.create(null) as object, 10n]) {
      expect(isPackageValue(v)).toBe(referenceAccepts(v));
      for (const w of [v, { a: v }, [v]]) {
        expect(scanPayload(w).values).toBe(isPackageValue(w, true));
        expect(scanPayload(w).ordered).toBe(inCanonicalOrder(w));
      }
    }
  });
});

// ---------- packages: bytes in (fast span) against text in (reference rebuild) ----------
const vietnamese = fc.constantFrom('Ủy ban nhân dân', 'xã Hòa Bình', 'Nguyễn Thị Hường', 'điểm', 'ĐTXHH', 'a\u2028b', 'x"y\\z');
const text = fc.oneof(fc.string(), vietnamese).map((s) => s.normalize('NFC')).filter((s) => !/[\uD800-\uDFFF]/u.test(s));
const key = fc.oneof(fc.string({ maxLength: 6 }), vietnamese, fc.constantFrom('1', '10', '9', '__proto', 'constructors')).map((s) => s.normalize('NFC')).filter((s) => !/[\uD800-\uDFFF]/u.test(s));
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

function outcome(r: VerifyResult): unknown {
  return r.ok ? { ok: true, payload: r.payload, signed: Buffer.from(r.signedBytes).toString('hex') } : { ok: false, code: r.code };
}
/**
 * Fast (bytes) and reference (text) verdicts agree on this file text, and so does the path for
 * large files (parsed from the bytes, signed bytes written without the canonical text).
 */
function expectSameVerdict(fileText: string): VerifyResult {
  const fast = verifyEnvelope(Buffer.from(fileText, 'utf8'), { resolveKey: registry });
  // A string input never takes the span path: the signed bytes are rebuilt.
  const reference = verifyEnvelope(fileText, { resolveKey: registry });
  const large = verifyEnvelope(Buffer.from(fileText, 'utf8'), { resolveKey: registry, textPathMaxBytes: 0 });
  expect(outcome(fast)).toEqual(outcome(reference));
  expect(outcome(large)).toEqual(outcome(reference));
  return fast;
}
/** A framework package carrying `payload` inside its content (step 6 holds the rest to its schema). */
function signedFile(payload: PackageValue): { env: Envelope; text: string } {
  const env = signPackage('framework', frameworkPayloadWith(payload), [commune]);
  return { env, text: serializeEnvelope(env) };
}
function reorder(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reorder);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).reverse()) Object.defineProperty(out, k, { value: reorder((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

describe('the signed-span fast path decides exactly as the rebuilt bytes', () => {
  it('accepts every file we write, over the same bytes as the reference', () => {
    fc.assert(
      fc.property(payloadArb, (p) => {
        expect(expectSameVerdict(signedFile(p).text).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it('agrees after any one character is replaced, inserted or deleted', () => {
    const replacement = fc.constantFrom('"', '\\', '{', '}', ',', ':', ' ', '\n', '0', '1', '.', 'e', '-', 'a', 'à', '\u0301', '😀', '');
    fc.assert(
      fc.property(payloadArb, fc.nat(), replacement, fc.boolean(), (p, at, ch, insert) => {
        const t = signedFile(p).text;
        const i = at % t.length;
        expectSameVerdict(t.slice(0, i) + ch + t.slice(insert ? i : i + 1));
      }),
      { numRuns: 600 },
    );
  });
  it('agrees on reordered keys, re-indented, compact and NFD-rewritten copies', () => {
    fc.assert(
      fc.property(payloadArb, fc.integer({ min: 0, max: 4 }), (p, indent) => {
        const { env, text: t } = signedFile(p);
        expect(expectSameVerdict(JSON.stringify({ ...env, payload: reorder(env.payload) }, null, indent)).ok).toBe(true);
        expect(expectSameVerdict(JSON.stringify(env, null, indent)).ok).toBe(true);
        expectSameVerdict(t.normalize('NFD'));
        // Escape spelling changes the file's bytes but not the parsed payload: still valid.
        const escaped = t.replace(/[^\p{ASCII}]/u, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
        expect(expectSameVerdict(escaped).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
  it('agrees on duplicate keys and on other spellings of the same numbers', () => {
    fc.assert(
      fc.property(payloadArb, fc.constantFrom('.0', 'e0', 'E0', '.00e+0'), (p, tail) => {
        const t = signedFile(p).text;
        expectSameVerdict(t.replace('"payload": {', '"payload": {"k":1,"k":2,'));
        // 7 → 7.0 / 7e0: not an integer written as one, refused on the token by every path.
        // The first number token outside a string (a string may hold ":0," too).
        let done = false;
        const respelled = t.replace(/("(?:[^"\\]|\\.)*")|:(-?\d+)([,}\]])/gu, (m, str: string | undefined, n: string, end: string) => {
          if (str !== undefined || done) return m;
          done = true;
          return `:${n}${tail}${end}`;
        });
        if (respelled !== t) expect(expectSameVerdict(respelled)).toMatchObject({ ok: false, code: 'NOT_JSON' });
        expectSameVerdict(t.replace('"payload": ', '"payload": {"x":-0.0,"y":'));
      }),
      { numRuns: 200 },
    );
  });
  it('agrees on packages another tool signed over non-NFC text, a float spelling or a reserved name', () => {
    const cases: [string, string][] = [
      ['{"name":"Ho\u0300a"}', 'PAYLOAD_INVALID'], // signed over NFD: signature fine, value rule refuses
      ['{"a":1e3}', 'NOT_JSON'], // not an integer token: refused before any signature is looked at
      ['{"__proto__":{"a":1}}', 'PAYLOAD_INVALID'], // signed as is, but a reserved member name
      ['{"a":{"constructor":1}}', 'PAYLOAD_INVALID'],
      ['{"a":1000}', 'ok'],
      ['{"b":1,"a":2}', 'SIGNATURE_INVALID'], // keys out of order: not what RFC 8785 writes
      ['{"b":1,"1":2}', 'SIGNATURE_INVALID'], // integer-like key: JSON.parse moves it first
    ];
    // Each text stands where the golden framework payload carries a value (framework.content.extra).
    const slot = '"SLOT-7f3a"';
    const around = jcs(frameworkPayloadWith('SLOT-7f3a'));
    expect(around).toContain(slot);
    for (const [extraText, expected] of cases) {
      const payloadText = around.replace(slot, () => extraText);
      const sig = commune.sign(new TextEncoder().encode(`CHISO-CCHC/framework/v1\n${payloadText}`));
      const file = `{\n  "format": "${FORMAT_NAME.framework}",\n  "formatVersion": 1,\n  "payload": ${payloadText},\n  "signatures": [{"alg": "Ed25519", "keyId": "${commune.keyId}", "sig": "${toBase64Url(sig)}"}]\n}\n`;
      const r = expectSameVerdict(file);
      expect(r.ok ? 'ok' : r.code, extraText).toBe(expected);
    }
  });
  it('a span that only looks canonical (same text elsewhere in the file) is not trusted blindly', () => {
    const { env } = signedFile({ a: 1 });
    const sig = toBase64Url(commune.sign(verificationBytes('framework', { a: 1 })));
    // The payload differs from what was signed; the signed text appears only inside a string.
    const file = `{\n  "format": "${env.format}",\n  "formatVersion": 1,\n  "payload": {"a":2,"note":"{\\"a\\":1}"},\n  "signatures": [{"alg": "Ed25519", "keyId": "${commune.keyId}", "sig": "${sig}"}]\n}\n`;
    expect(expectSameVerdict(file).ok).toBe(false);
  });
});
