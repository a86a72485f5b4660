import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_DEPTH, parseStrictJson } from './strict-json';

function fails(text: string) {
  const r = parseStrictJson(text);
  if (r.ok) throw new Error(`accepted: ${text}`);
  return r;
}

describe('parseStrictJson', () => {
  it('agrees with JSON.parse on any JSON text JSON.stringify writes, compact or indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (v, indent) => {
        const text = JSON.stringify(v, null, indent);
        const r = parseStrictJson(text);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value).toEqual(JSON.parse(text));
      }),
    );
  });
  it('agrees with JSON.parse on escapes and numbers', () => {
    const text = '{"s":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/\\b\\f\\r\\t","n":[0,-0,1e3,-1.5E-2,333333333.33333329,1E400]}';
    const r = parseStrictJson(text);
    expect(r.ok && r.value).toEqual(JSON.parse(text));
  });
  it('refuses a duplicate key at any depth, with its position', () => {
    const r = fails('{\n  "a": 1,\n  "b": [ {"x": 1, "x": 2} ]\n}');
    expect(r).toMatchObject({ code: 'DUPLICATE_KEY', reason: 'duplicate-key', key: 'x', line: 3, column: 19 });
    expect(fails('{"a":1,"a":1}').code).toBe('DUPLICATE_KEY');
    // Keys are compared after escapes are decoded: "\u0061" is "a".
    expect(fails('{"a":1,"\\u0061":2}').code).toBe('DUPLICATE_KEY');
  });
  it('refuses duplicates wherever fast-check puts them', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), fc.jsonValue(), fc.jsonValue(), (outer, key, v1, v2) => {
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
    for (const bad of ['', '   ', '{"a":1,}', '[1,]', "{'a':1}", '{a:1}', '// c\n1', '01', '-', '1.', '.5', '+1', 'NaN', 'Infinity', '"a\nb"', '"\\x41"', '"\\u12"', 'tru', '[1 2]', '{"a" 1}', '"abc', '\u00a01']) {
      expect(fails(bad).code, JSON.stringify(bad)).toBe('NOT_JSON');
    }
  });
  it('refuses nesting deeper than MAX_DEPTH without overflowing the stack', () => {
    expect(parseStrictJson('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH)).ok).toBe(true);
    expect(fails('['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1)).reason).toBe('depth');
    expect(fails('['.repeat(100_000)).reason).toBe('depth');
  });
  it('keeps "__proto__" as an ordinary key, as JSON.parse does', () => {
    const r = parseStrictJson('{"__proto__":{"polluted":true}}');
    expect(r.ok).toBe(true);
    const v = (r.ok ? r.value : {}) as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((v as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('parseStrictJsonFast', () => {
  it('gives exactly what parseStrictJson gives, duplicates and nesting included', async () => {
    const fc = (await import('fast-check')).default;
    const { parseStrictJson: strict, parseStrictJsonFast: fast } = await import('./strict-json');
    const texts = fc.oneof(
      fc.json(),
      fc.json().map((t) => t.replace(/\{"([^"]*)":/u, '{"$1":1,"$1":')),
      fc.constantFrom('{"a":1,"a":2}', '{"a":{"b":"x\\"y:","b":0}}', '\uFEFF{}', '[1,]', '{"__proto__":1,"__proto__":2}', '['.repeat(129) + ']'.repeat(129), '{"k":"\\\\"}'),
    );
    fc.assert(
      fc.property(texts, (t) => {
        expect(fast(t)).toEqual(strict(t));
      }),
      { numRuns: 1000 },
    );
  });
});
