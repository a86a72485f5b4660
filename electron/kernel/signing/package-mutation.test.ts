/**
 * No change to the bytes of a valid package is accepted with a different meaning: every mutated
 * file is either refused with a refusal code, or accepted with a payload whose canonical form is
 * the original's, from a file that differs from the original only in white space. Nothing throws. The text path (small files), the byte path (large files) and a
 * string input all decide alike.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jcs, type PackageValue } from '../../../shared/package/canonical';
import { REFUSAL_CODES } from '../../../shared/package/verify-steps';
import { frameworkPayloadWith } from '../../../test/fixtures/framework-payload';
import { testKey } from '../../../test/fixtures/test-keys';
import { GOLDEN_CASES, type GoldenCase } from '../../../test/helpers/packages';
import { serializeEnvelope, signPackage, verifyEnvelope, type KeyResolver, type VerifyResult } from './package-signer';

const commune = testKey('commune');
const registry: KeyResolver = (keyId) => (keyId === commune.keyId ? { publicKey: commune.publicKey, status: 'active', kind: 'commune' } : undefined);

type Base = Pick<GoldenCase, 'name' | 'text' | 'resolveKey'>;

function payloadText(text: string): string {
  return jcs((JSON.parse(text) as { payload: unknown }).payload);
}

const SNIPPETS = [
  '"__proto__":{},', '"__proto__":null,', '"constructor":1,', '"prototype":{"a":1},', ',"__proto__":[]', '{"__proto__":1}', ',"x":1', '"x":1,',
  '{', '}', '[', ']', ',', ':', '"', '\\', '\\u0000', '\u0000', ' ', '\n', '0', '1', '-', '.0', 'e5', '1.00000000000000001', '-0', 'null', 'true',
  '\ufeff', 'à', 'a\u0301', '😀', '\\ud800', '[[[[[[[[', '9007199254740993',
];
const RESERVED_VALUES = ['{}', 'null', '1', '{"a":1}', '[]', '"x"'];
/** `$` is the original token; `0.99999999999999999` is 1 to JSON.parse. */
const NUMBER_SPELLINGS = ['$.0', '$e0', '$E+0', '$.00000000000000001', '0$', '-$', '$.', '+$', '$0', '0.99999999999999999', '9007199254740993'];

interface Mutation {
  describe: string;
  apply(bytes: Buffer): Buffer;
}

const at = (bytes: Buffer, pick: number): number => (bytes.length === 0 ? 0 : pick % bytes.length);
const splice = (bytes: Buffer, i: number, remove: number, insert: string | Buffer): Buffer =>
  Buffer.concat([bytes.subarray(0, i), typeof insert === 'string' ? Buffer.from(insert, 'utf8') : insert, bytes.subarray(i + remove)]);
/** Byte offsets of every match of `re` in the (UTF-8) text, with the match. */
function matches(bytes: Buffer, re: RegExp): { index: number; text: string }[] {
  const text = bytes.toString('latin1'); // one char per byte: the offsets are byte offsets
  return [...text.matchAll(re)].map((m) => ({ index: m.index, text: m[0] }));
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([p, x]) => ({ describe: `flip byte ${p} ^ ${x}`, apply: (b: Buffer) => { const i = at(b, p); const out = Buffer.from(b); out[i] = out[i]! ^ x; return out; } })),
  fc.tuple(fc.nat(), fc.constantFrom(...SNIPPETS)).map(([p, s]) => ({ describe: `insert ${JSON.stringify(s)} at ${p}`, apply: (b: Buffer) => splice(b, at(b, p), 0, s) })),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 12 })).map(([p, n]) => ({ describe: `delete ${n} at ${p}`, apply: (b: Buffer) => splice(b, at(b, p), n, '') })),
  fc.tuple(fc.nat(), fc.constantFrom('0', 'null', '"x"', '{}')).map(([p, v]) => ({
    describe: `duplicate member #${p} with value ${v}`,
    apply: (b: Buffer) => {
      const ms = matches(b, /[{,]\s*"([^"\\]*)"\s*:/gu);
      if (ms.length === 0) return b;
      const m = ms[p % ms.length]!;
      const name = /"([^"\\]*)"/u.exec(m.text)![0];
      return splice(b, m.index + 1, 0, `${name}:${v},`);
    },
  })),
  fc.tuple(fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.constantFrom(...RESERVED_VALUES)).map(([p, name, v]) => ({
    describe: `add "${name}":${v} in object #${p}`,
    apply: (b: Buffer) => {
      const ms = matches(b, /\{(?=\s*")/gu);
      if (ms.length === 0) return b;
      return splice(b, ms[p % ms.length]!.index + 1, 0, `"${name}":${v},`);
    },
  })),
  fc.tuple(fc.nat(), fc.constantFrom(...NUMBER_SPELLINGS)).map(([p, spelling]) => ({
    describe: `respell number #${p} as ${spelling}`,
    apply: (b: Buffer) => {
      const ms = matches(b, /(?<=[:[,]\s*)-?\d+(?=\s*[,\]}])/gu);
      if (ms.length === 0) return b;
      const m = ms[p % ms.length]!;
      return splice(b, m.index, m.text.length, spelling.replace('$', m.text));
    },
  })),
  fc.tuple(fc.nat(), fc.constantFrom('array', 'object', 'unwrap')).map(([p, how]) => ({
    describe: `re-nest value #${p} (${how})`,
    apply: (b: Buffer) => {
      const env = JSON.parse(b.toString('utf8')) as { payload: PackageValue };
      const paths: (string | number)[][] = [];
      const walk = (v: PackageValue, path: (string | number)[]): void => {
        paths.push(path);
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
        else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) walk(v[k]!, [...path, k]);
      };
      walk(env.payload, []);
      const path = paths[p % paths.length]!;
      if (path.length === 0) return b;
      const parent = path.slice(0, -1).reduce<PackageValue>((v, k) => (v as Record<string | number, PackageValue>)[k]!, env.payload) as Record<string | number, PackageValue>;
      const last = path[path.length - 1]!;
      const v = parent[last]!;
      parent[last] = how === 'array' ? [v] : how === 'object' ? { v } : Array.isArray(v) && v.length > 0 ? v[0]! : [v];
      return Buffer.from(JSON.stringify(env, null, 2), 'utf8');
    },
  })),
);

function verdict(r: VerifyResult | { threw: unknown }): unknown {
  if ('threw' in r) return { threw: String(r.threw) };
  return r.ok ? { ok: true, canonical: jcs(r.payload) } : { ok: false, code: r.code };
}
function run(f: () => VerifyResult): VerifyResult | { threw: unknown } {
  try {
    return f();
  } catch (e) {
    return { threw: e };
  }
}

/** The text without white space between tokens, every string in one spelling: two files mean the same only if these are equal. */
const compact = (text: string): string => text.replace(/("(?:[^"\\]|\\.)*")|[ \t\n\r]+/gu, (_m, s: string | undefined) => (s === undefined ? '' : JSON.stringify(JSON.parse(s))));

function check(base: Base, m: Mutation): void {
  const original = payloadText(base.text);
  const bytes = m.apply(Buffer.from(base.text, 'utf8'));
  const small = run(() => verifyEnvelope(bytes, { resolveKey: base.resolveKey }));
  const large = run(() => verifyEnvelope(bytes, { resolveKey: base.resolveKey, textPathMaxBytes: 0 }));
  const v = verdict(small);
  expect(verdict(large), m.describe).toEqual(v);
  if (!('threw' in small) && !small.ok && small.code !== 'NOT_JSON') {
    // Valid UTF-8 (else NOT_JSON): a string input decides alike.
    expect(verdict(run(() => verifyEnvelope(bytes.toString('utf8'), { resolveKey: base.resolveKey }))), m.describe).toEqual(v);
  }
  if ('threw' in small) expect.fail(`${m.describe}: threw ${String(small.threw)}`);
  if (small.ok) {
    expect(jcs(small.payload), m.describe).toBe(original);
    // What was accepted is what the file holds: nothing added, dropped or respelled but white space.
    expect(compact(bytes.toString('utf8')), m.describe).toBe(compact(base.text));
  }
  else expect(REFUSAL_CODES, m.describe).toContain(small.code);
}

describe('a mutated package is refused, or accepted only with the meaning it was signed with', () => {
  for (const base of GOLDEN_CASES) {
    it(`${base.name}: flips, inserts, deletions, duplicates, reserved members, number spellings, re-nesting`, () => {
      fc.assert(fc.property(mutation, (m) => check(base, m)), { numRuns: base.text.length > 5000 ? 250 : 500 });
    }, 60_000);
  }
  const { value } = fc.letrec<{ value: PackageValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.oneof(fc.string(), fc.constantFrom('Ủy ban nhân dân', 'Hòa', 'x"y\\z', '\u2028')).map((s) => s.normalize('NFC')).filter((s) => !/[\uD800-\uDFFF]/u.test(s)),
      fc.maxSafeInteger().filter((n) => !Object.is(n, -0)),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom('a', 'b', '1', 'tên', 'x y', '_proto_'), tie('value'), { maxKeys: 4 }),
    ),
  }));
  it('generated payloads: the same mutations', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('a', 'b', 'c', '10'), value, { minKeys: 1, maxKeys: 4 }), mutation, (payload, m) => {
        check({ name: 'framework', text: serializeEnvelope(signPackage('framework', frameworkPayloadWith(payload), [commune])), resolveKey: registry }, m);
      }),
      { numRuns: 600 },
    );
  }, 60_000);
});
