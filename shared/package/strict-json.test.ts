import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jcs } from './canonical';
import { MAX_DEPTH, PACKAGE_JSON_LIMITS, parseStrictJson, parseStrictJsonBytes } from './strict-json';

function fails(text: string) {
  const r = parseStrictJson(text);
  if (r.ok) throw new Error(`accepted: ${text}`);
  return r;
}

/** JSON values as a package may hold them: safe integers only. */
const { json: intJson } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary' }),
    fc.string(),
    fc.maxSafeInteger().map((n) => (Object.is(n, -0) ? 0 : n)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('json'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', '1', '0', 'a')), tie('json'), { maxKeys: 5 }),
  ),
}));
const intText = fc.tuple(intJson, fc.constantFrom(undefined, 2, '\t')).map(([v, indent]) => JSON.stringify(v, null, indent));

describe('parseStrictJson', () => {
  it('agrees with JSON.parse on any integer-only JSON text JSON.stringify writes, compact or indented', () => {
    fc.assert(
      fc.property(intText, (text) => {
        const r = parseStrictJson(text);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value).toEqual(JSON.parse(text));
      }),
    );
  });
  it('agrees with JSON.parse on escapes', () => {
    const text = '{"s":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/\\b\\f\\r\\t","t":"\\uD83D\\ude00\\ud800x","\\ufeffk":"\\ufeff"}';
    const r = parseStrictJson(text);
    expect(r.ok && r.value).toEqual(JSON.parse(text));
  });
  it('refuses a duplicate key at any depth, with its position', () => {
    const r = fails('{\n  "a": 1,\n  "b": [ {"x": 1, "x": 2} ]\n}');
    expect(r).toMatchObject({ code: 'DUPLICATE_KEY', reason: 'duplicate-key', key: 'x', line: 3, column: 19 });
    expect(fails('{"a":1,"a":1}').code).toBe('DUPLICATE_KEY');
    // Keys are compared after escapes are decoded: "\u0061" is "a".
    expect(fails('{"a":1,"\\u0061":2}').code).toBe('DUPLICATE_KEY');
    expect(fails('{"__proto__":1,"__proto__":2}').code).toBe('DUPLICATE_KEY');
    // The first repeated name in text order is the one reported.
    expect(fails('{"a":{"x":1},"a":{"y":1,"y":2}}')).toMatchObject({ key: 'a', column: 14 });
  });
  it('refuses duplicates wherever fast-check puts them', () => {
    fc.assert(
      fc.property(intJson, fc.string(), intJson, intJson, (outer, key, v1, v2) => {
        const inner = `{${JSON.stringify(key)}:${JSON.stringify(v1)},${JSON.stringify(key)}:${JSON.stringify(v2)}}`;
        const text = `[${JSON.stringify(outer)},{"wrap":${inner}}]`;
        expect(fails(text).code).toBe('DUPLICATE_KEY');
      }),
    );
  });
  it('refuses a byte order mark', () => {
    expect(fails('\ufeff{"a":1}')).toMatchObject({ code: 'NOT_JSON', reason: 'bom', offset: 0 });
  });
  it('refuses trailing garbage but allows trailing white space', () => {
    expect(fails('{"a":1} x')).toMatchObject({ code: 'NOT_JSON', reason: 'trailing', offset: 8 });
    expect(fails('{"a":1}{}').reason).toBe('trailing');
    expect(fails('{"a":1}\u0000').reason).toBe('trailing');
    expect(parseStrictJson('{"a":1}\r\n\t ').ok).toBe(true);
  });
  it('refuses what RFC 8259 forbids', () => {
    for (const bad of ['', '   ', '{"a":1,}', '[1,]', "{'a':1}", '{a:1}', '// c\n1', '01', '-', '1.', '.5', '+1', 'NaN', 'Infinity', '"a\nb"', '"\\x41"', '"\\u12"', 'tru', '[1 2]', '{"a" 1}', '"abc', '\u00a01', '"\\', '"\\u', '[', '{"a":', '{"a"', '{', '[1', 'nul', '{"a":1 "b":2}']) {
      expect(fails(bad).code, JSON.stringify(bad)).toBe('NOT_JSON');
    }
  });
  it('refuses a text that cannot be UTF-8 (a lone surrogate outside an escape)', () => {
    expect(fails('{"a":"\uD800"}')).toMatchObject({ code: 'NOT_JSON', reason: 'utf-8', offset: 6 });
  });
  it('reports positions in UTF-16 units of the text, whatever the bytes', () => {
    expect(fails('{"ạ😀":1,\n "ư": x}')).toMatchObject({ reason: 'syntax', line: 2, column: 7, offset: 16 });
  });
});

describe('numbers are decided on the token text: safe integers written as integers only', () => {
  it('accepts integers up to ±(2^53−1)', () => {
    for (const t of ['0', '7', '-7', '9007199254740991', '-9007199254740991', '1000000', '[0,-1,2]']) {
      const r = parseStrictJson(t);
      expect(r.ok && r.value, t).toEqual(JSON.parse(t));
    }
  });
  it('refuses fractions, exponents, -0 and integers beyond the safe range, even when they equal an integer', () => {
    for (const t of ['8279.00000000000000001', '0.99999999999999999', '1.0', '1.5', '1e3', '1E3', '1e-0', '10E+2', '-0', '-0.0', '9007199254740992', '-9007199254740992', '90071992547409910', '12345678901234567890', '1e400']) {
      expect(fails(t), t).toMatchObject({ code: 'NOT_JSON', reason: 'number', offset: 0 });
      expect(fails(`{"a":[1,${t}]}`), t).toMatchObject({ code: 'NOT_JSON', reason: 'number', offset: 8 });
    }
  });
});

describe('nesting is decided on the text, before any walk', () => {
  it('allows MAX_DEPTH and refuses one more, as NOT_JSON with the position', () => {
    expect(parseStrictJson('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH)).ok).toBe(true);
    expect(fails('['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1))).toMatchObject({ code: 'NOT_JSON', reason: 'depth', offset: MAX_DEPTH });
  });
  it('refuses 5,000 and 1,000,000 levels of arrays and objects without overflowing the stack', () => {
    for (const levels of [5_000, 1_000_000]) {
      expect(fails('['.repeat(levels) + ']'.repeat(levels)).reason).toBe('depth');
      expect(fails('{"a":'.repeat(levels) + '1' + '}'.repeat(levels)).reason).toBe('depth');
      expect(fails(`{"ok":1,"x":${'[{"k":'.repeat(levels / 2)}`).reason).toBe('depth');
    }
  });
});

describe('size limits are decided on the text, before any value is built', () => {
  const cases: [string, Partial<typeof PACKAGE_JSON_LIMITS>, string][] = [
    [`[${Array(11).fill(0).join(',')}]`, { maxArrayLength: 10 }, 'maxArrayLength'],
    [`[${Array(6).fill('{}').join(',')}]`, { maxValues: 6 }, 'maxValues'],
    [`{${Array.from({ length: 4 }, (_, k) => `"k${k}":0`).join(',')}}`, { maxObjectMembers: 3 }, 'maxObjectMembers'],
    [`[${Array(3).fill('{"a":1,"b":2}').join(',')}]`, { maxTotalMembers: 5 }, 'maxTotalMembers'],
    [`["${'x'.repeat(9)}"]`, { maxStringBytes: 8 }, 'maxStringBytes'],
    [`["${'\\n'.repeat(5)}"]`, { maxStringBytes: 8 }, 'maxStringBytes'],
    [`{"${'k'.repeat(9)}":1}`, { maxKeyBytes: 8 }, 'maxKeyBytes'],
  ];
  it('refuses each limit exceeded by one as FILE_TOO_LARGE naming the limit, and accepts at the limit', () => {
    for (const [text, limits, name] of cases) {
      const r = parseStrictJson(text, limits);
      expect(r, name).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE', reason: 'limit', limit: name });
      expect(parseStrictJson(text).ok, name).toBe(true);
    }
    expect(parseStrictJson(`[${Array(10).fill(0).join(',')}]`, { maxArrayLength: 10 }).ok).toBe(true);
    expect(parseStrictJson(`["${'x'.repeat(8)}"]`, { maxStringBytes: 8 }).ok).toBe(true);
  });
  it('a 10 MB array of zeros stops at the limit, long before the end of the text', () => {
    const text = `{"a":[${'0,'.repeat(5_000_000)}0]}`;
    const r = parseStrictJson(text, { maxValues: 100_000 });
    expect(r).toMatchObject({ code: 'FILE_TOO_LARGE', limit: 'maxValues', max: 100_000 });
    if (!r.ok) expect(r.offset).toBeLessThan(300_000);
  });
  it('the package limits leave room for the largest honest report', () => {
    const L = PACKAGE_JSON_LIMITS;
    // 200 questionnaires × 30 answers; a 50 MB evidence file in base64url.
    expect(L.maxTotalMembers).toBeGreaterThan(20 * 200 * 30);
    expect(L.maxValues).toBeGreaterThanOrEqual(20 * 50_000);
    expect(L.maxStringBytes).toBeGreaterThan(Math.ceil((50 * 1024 * 1024 * 4) / 3));
  });
});

describe('value from the bytes (large files) against JSON.parse of the text (small files)', () => {
  const mutated = fc.tuple(intText, fc.nat(), fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', ' ', '0', '1', '.', 'e', '-', 'a', 'à', '😀', '\u0000', '\ufeff', ''), fc.boolean()).map(
    ([t, at, ch, insert]) => {
      const i = t.length === 0 ? 0 : at % t.length;
      return t.slice(0, i) + ch + t.slice(insert ? i : i + 1);
    },
  );
  const texts = fc.oneof(intText, mutated, intText.map((t) => t.replace(/\{"([^"]*)":/u, '{"$1":1,"$1":')));
  it('give the same result, value or refusal, on generated and mutated texts', () => {
    fc.assert(
      fc.property(texts, (t) => {
        if (/[\uD800-\uDFFF]/u.test(t)) return;
        const bytes = new TextEncoder().encode(t);
        const viaParse = parseStrictJsonBytes(bytes, { text: t });
        const viaBytes = parseStrictJsonBytes(bytes);
        expect(viaBytes).toEqual(viaParse);
        if (viaBytes.ok && viaBytes.value !== null && typeof viaBytes.value === 'object') expect(Object.keys(viaBytes.value)).toEqual(Object.keys(JSON.parse(t) as object));
        // The scan never accepts what JSON.parse refuses.
        let native = true;
        try {
          JSON.parse(t);
        } catch {
          native = false;
        }
        if (!native) expect(viaBytes.ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
  it('long strings (evidence) with escapes and quotes spread through them, read in one pass by both', () => {
    const piece = `${'A'.repeat(70)}\\n${'b'.repeat(90)}\\"${'ạ'.repeat(30)}\\u00e9`;
    const t = `{"s":"${piece.repeat(20_000)}","t":"${'x'.repeat(100_000)}\\u0000","u":"${'y'.repeat(70)}\u0001"}`;
    const bytes = new TextEncoder().encode(t);
    expect(parseStrictJsonBytes(bytes)).toMatchObject({ ok: false, reason: 'syntax', detail: 'control character in string' });
    const ok = t.replace('\u0001', '!');
    const okBytes = new TextEncoder().encode(ok);
    const viaBytes = parseStrictJsonBytes(okBytes);
    expect(viaBytes).toEqual(parseStrictJsonBytes(okBytes, { text: ok }));
    expect(viaBytes.ok && viaBytes.value).toEqual(JSON.parse(ok));
  });
  it('keep "__proto__" as an ordinary key, as JSON.parse does', () => {
    for (const t of ['{"__proto__":{"polluted":true}}', '[{"a":{"__proto__":1}}]']) {
      const bytes = new TextEncoder().encode(t);
      for (const r of [parseStrictJsonBytes(bytes), parseStrictJsonBytes(bytes, { text: t })]) {
        expect(r.ok).toBe(true);
        expect(JSON.stringify(r.ok && r.value)).toBe(t);
      }
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('the span of a top-level member, and whether it is written in RFC 8785 form', () => {
  const piece = fc.constantFrom('a', 'b', 'Z', '0', '1', '10', '9', ' ', 'à', 'ơ', '\u0301', '"', '\\', '/', '\n', '\t', '\u0000', '\u001f', '\u007f', '\u2028', '😀', '\ue000', '\uffff', 'ﬁ', '\ud800', '\udc00');
  const str = fc.array(piece, { maxLength: 5 }).map((a) => a.join(''));
  const { json } = fc.letrec<{ json: unknown }>((tie) => ({
    json: fc.oneof(
      { depthSize: 'small' },
      str,
      fc.maxSafeInteger().map((n) => (Object.is(n, -0) ? 0 : n)),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('json'), { maxLength: 4 }),
      fc.dictionary(str, tie('json'), { maxKeys: 4 }),
    ),
  }));
  // Per UTF-16 unit (no `u` flag), so an astral character matches by its surrogates.
  const CAUTIOUS_KEY = /["\\\u0000-\u001f\ud800-\uffff]/; // eslint-disable-line no-control-regex -- controls are what needs escaping
  const cautiousKeys = (v: unknown): boolean =>
    Array.isArray(v)
      ? v.some(cautiousKeys)
      : v !== null && typeof v === 'object' && Object.entries(v).some(([k, x]) => CAUTIOUS_KEY.test(k) || cautiousKeys(x));
  /** Other spellings of the same value: reordered keys, white space, escapes for characters that need none. */
  const respell = (t: string, how: number): string =>
    how === 0 ? t : how === 1 ? t.replace(/,/u, ', ') : how === 2 ? t.replace(/à/u, '\\u00e0') : how === 3 ? t.replace(/\//u, '\\/') : t.replace(/\\u001f/u, '\\u001F');
  it('a span said canonical is exactly the UTF-8 of the RFC 8785 text of its value; the RFC 8785 text of a value is said canonical', () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: 4 }), fc.boolean(), (v, how, reorder) => {
        const canonicalText = jcs(v);
        const written = reorder ? JSON.stringify(v) : respell(canonicalText, how);
        if (/[\uD800-\uDFFF]/u.test(written.replace(/\uD83D\uDE00/gu, ''))) return; // lone surrogates are written escaped only
        const text = `{"format":"x","payload":${written},"z":1}`;
        const r = parseStrictJsonBytes(new TextEncoder().encode(text), { spanKey: 'payload' });
        if (!r.ok) throw new Error(r.detail);
        const span = r.span!;
        const bytes = new TextEncoder().encode(text).subarray(span.start, span.end);
        expect(new TextDecoder().decode(bytes)).toBe(written);
        if (span.canonical) expect(new TextDecoder().decode(bytes)).toBe(canonicalText);
        // No false "not canonical" for what RFC 8785 writes, outside the documented cautious cases:
        // member names with an escape or a character from U+E000 up, escaped lone surrogates.
        const cautious = /\\ud[89a-f]/u.test(canonicalText) || cautiousKeys(v);
        if (written === canonicalText && !cautious) expect(span.canonical).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
  it('is reported only for a top-level member of that exact name', () => {
    const enc = (t: string) => new TextEncoder().encode(t);
    expect(parseStrictJsonBytes(enc('{"a":{"payload":1}}'), { spanKey: 'payload' })).toEqual({ ok: true, value: { a: { payload: 1 } } });
    expect(parseStrictJsonBytes(enc('[{"payload":1}]'), { spanKey: 'payload' })).toEqual({ ok: true, value: [{ payload: 1 }] });
    expect(parseStrictJsonBytes(enc('{"payload" : 12 ,"b":1}'), { spanKey: 'payload' })).toMatchObject({ span: { start: 13, end: 15, canonical: true } });
    expect(parseStrictJsonBytes(enc('{"payload":{ }}'), { spanKey: 'payload' })).toMatchObject({ span: { start: 11, end: 14, canonical: false } });
    expect(parseStrictJsonBytes(enc('{"payload":{"b":1,"a":2}}'), { spanKey: 'payload' })).toMatchObject({ span: { canonical: false } });
    expect(parseStrictJsonBytes(enc('{"payload":{"a":[1, 2]}}'), { spanKey: 'payload' })).toMatchObject({ span: { canonical: false } });
  });
});
