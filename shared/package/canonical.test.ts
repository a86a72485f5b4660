import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../errors';
import { assertPackageValue, canonicalBytes, canonicalJson, jcs, PACKAGE_TYPES, signedBytes, signingPrefix, toPackageValue } from './canonical';

// RFC 8785 test data, copied into the repository (test/vectors/jcs/NOTICE says from where).
const JCS = fileURLToPath(new URL('../../test/vectors/jcs/', import.meta.url));
const vectorNames = readdirSync(join(JCS, 'input')).filter((f) => f.endsWith('.json')).sort();

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'NOT_APP_ERROR';
  }
  return undefined;
}

describe('RFC 8785 vectors (cyberphone/json-canonicalization testdata)', () => {
  it('has all six vectors', () => {
    expect(vectorNames).toEqual(['arrays.json', 'french.json', 'structures.json', 'unicode.json', 'values.json', 'weird.json']);
  });
  for (const name of vectorNames) {
    it(`canonicalises ${name} to output/ and outhex/`, () => {
      const input: unknown = JSON.parse(readFileSync(join(JCS, 'input', name), 'utf8'));
      const expected = readFileSync(join(JCS, 'output', name), 'utf8').replace(/\n$/u, '');
      const expectedHex = readFileSync(join(JCS, 'outhex', name.replace('.json', '.txt')), 'utf8').trim().split(/\s+/u).join(' ');
      const text = jcs(input);
      expect(text).toBe(expected);
      expect(hex(new TextEncoder().encode(text))).toBe(expectedHex);
      // The byte writer used for large files gives the same bytes, whatever room it starts with.
      for (const capacity of [0, 7, 1 << 16]) expect(hex(canonicalBytes('', input, capacity))).toBe(expectedHex);
    });
  }

  // The package policy sits on top of RFC 8785: three vectors hold what a payload may not.
  it('canonicalJson equals the plain JCS form for the vectors the policy allows', () => {
    for (const name of ['arrays.json', 'french.json', 'structures.json']) {
      const input: unknown = JSON.parse(readFileSync(join(JCS, 'input', name), 'utf8'));
      expect(canonicalJson(input)).toBe(jcs(input));
    }
  });
  it('canonicalJson refuses values.json (floats), unicode.json (NFD) and weird.json (U+FB33 is not NFC)', () => {
    for (const name of ['values.json', 'unicode.json', 'weird.json']) {
      const input: unknown = JSON.parse(readFileSync(join(JCS, 'input', name), 'utf8'));
      expect(code(() => canonicalJson(input)), name).toBe('PACKAGE_VALUE_INVALID');
    }
  });
});

describe('assertPackageValue', () => {
  it('accepts strings, booleans, null, arrays, plain objects and safe integers', () => {
    expect(() => assertPackageValue({ a: [1, -2, 0, Number.MAX_SAFE_INTEGER, 'Phường Bến Nghé', true, null, { b: [] }] })).not.toThrow();
    expect(() => assertPackageValue(Object.assign(Object.create(null) as object, { a: 1 }))).not.toThrow();
  });
  const refused: [string, unknown][] = [
    ['a float', { points: 1.5 }],
    ['NaN', [Number.NaN]],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-0', { x: -0 }],
    ['an unsafe integer', 2 ** 53],
    ['undefined', { x: undefined }],
    ['a function', [() => 1]],
    ['a Date', { at: new Date(0) }],
    ['a Map', new Map()],
    ['a class instance', new (class Point { x = 1 })()],
    ['a bigint', 1n],
    ['a sparse array', [1, , 3]], // eslint-disable-line no-sparse-arrays -- the hole is the point
    ['a lone surrogate', '\ud83d'],
    ['an NFD value', 'Pho\u031b\u0300ng'],
    ['an NFD key', { 'ha\u0300nh chi\u0301nh': 1 }],
    ['a "__proto__" member', JSON.parse('{"a":{"__proto__":{"x":1}}}')],
    ['a "constructor" member', { constructor: 1 }],
    ['a "prototype" member', [{ prototype: {} }]],
  ];
  for (const [what, value] of refused) {
    it(`refuses ${what}`, () => expect(code(() => assertPackageValue(value))).toBe('PACKAGE_VALUE_INVALID'));
  }
  it('names the path of the refused value', () => {
    try {
      assertPackageValue({ items: [{ ok: 1 }, { points: 0.25 }] });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).details).toEqual({ path: '.items[1].points' });
    }
  });
});

describe('toPackageValue (the exporter normalises to NFC)', () => {
  it('normalises strings and keys, deeply', () => {
    const nfd = { ['Xã Hòa Bình'.normalize('NFD')]: ['Ủy ban nhân dân'.normalize('NFD'), { ['tên'.normalize('NFD')]: 'Nguyễn Văn A'.normalize('NFD') }] };
    expect(toPackageValue(nfd)).toEqual({ 'Xã Hòa Bình': ['Ủy ban nhân dân', { tên: 'Nguyễn Văn A' }] });
  });
  it('refuses two keys that become one after NFC instead of merging them', () => {
    expect(code(() => toPackageValue({ 'é': 1, ['é'.normalize('NFD')]: 2 }))).toBe('PACKAGE_VALUE_INVALID');
  });
  it('refuses a "__proto__" key (kept as data, never as the prototype, and named in the refusal)', () => {
    let refused: AppError | undefined;
    try {
      toPackageValue(JSON.parse('{"__proto__":{"x":1}}'));
    } catch (e) {
      refused = e as AppError;
    }
    expect(refused?.details).toEqual({ path: '.__proto__' });
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
  it('still refuses floats', () => expect(code(() => toPackageValue({ a: 0.5 }))).toBe('PACKAGE_VALUE_INVALID'));
  it('is idempotent and its result always passes assertPackageValue', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        let once: unknown;
        try {
          once = toPackageValue(v);
        } catch (e) {
          // Only floats, -0, NFC key collisions and reserved member names may be refused.
          expect((e as AppError).code).toBe('PACKAGE_VALUE_INVALID');
          return;
        }
        expect(() => assertPackageValue(once)).not.toThrow();
        expect(canonicalJson(toPackageValue(once))).toBe(canonicalJson(once));
      }),
    );
  });
});

describe('signedBytes', () => {
  it('is the UTF-8 of the prefix line and the canonical payload', () => {
    const bytes = signedBytes('commune-report', { b: 'Đồng', a: 1 });
    expect(new TextDecoder().decode(bytes)).toBe('CHISO-CCHC/commune-report/v1\n{"a":1,"b":"Đồng"}');
  });
  it('has one distinct prefix line per package type', () => {
    const prefixes = PACKAGE_TYPES.map((t) => signingPrefix(t));
    expect(new Set(prefixes).size).toBe(PACKAGE_TYPES.length);
    for (const p of prefixes) expect(p).toMatch(/^CHISO-CCHC\/[a-z-]+\/v1\n$/u);
    // No prefix is a prefix of another, so no payload text can make two types' bytes collide.
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });
});

describe('jcs fast path (JSON.stringify when already in canonical order)', () => {
  it('always equals canonicalize, for any JSON value and for its parsed canonical form', async () => {
    const { default: canonicalize } = await import('canonicalize');
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(jcs(v)).toBe(canonicalize(v));
        const sorted = JSON.parse(canonicalize(v)!) as unknown;
        expect(jcs(sorted)).toBe(canonicalize(sorted));
      }),
      { numRuns: 500 },
    );
  });
});

describe('canonicalBytes (large files: bytes written without the canonical text)', () => {
  const { json } = fc.letrec<{ json: unknown }>((tie) => ({
    json: fc.oneof(
      { depthSize: 'small' },
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('\u2028', '\u0000\u001f', '"\\/', '\uD800', 'x\uDC00', '😀', '\ufeff'),
      fc.maxSafeInteger(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('json'), { maxLength: 5 }),
      fc.dictionary(fc.oneof(fc.string({ maxLength: 5, unit: 'binary' }), fc.constantFrom('1', '10', '__proto__', 'a')), tie('json'), { maxKeys: 5 }),
    ),
  }));
  it('equals UTF-8(prefix + jcs(value)) for any JSON value and any starting capacity', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(...PACKAGE_TYPES), fc.nat(64), (v, type, capacity) => {
        const expected = new TextEncoder().encode(signingPrefix(type) + jcs(v));
        expect(Buffer.from(canonicalBytes(signingPrefix(type), v, capacity)).equals(Buffer.from(expected))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
  it('refuses what RFC 8785 cannot write, as jcs does', () => {
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, { a: Number.NEGATIVE_INFINITY }]) {
      expect(() => jcs(v)).toThrow();
      expect(() => canonicalBytes('', v, 0)).toThrow();
    }
  });
});
