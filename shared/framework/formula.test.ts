import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FormulaNode } from './formula';
import { evaluateFormula, parseFormula } from './formula';
import type { Rational } from './rational';
import { fromNumber, parseDecimal, rational } from './rational';

const r = (n: number, d = 1): Rational => rational(BigInt(n), BigInt(d));

function value(src: string, values: Record<string, number> = {}): Rational | string {
  const p = parseFormula(src);
  if (!p.ok) return `${p.at}: ${p.message}`;
  const v = evaluateFormula(p.ast, new Map(Object.entries(values).map(([k, x]) => [k, fromNumber(x)!])));
  return v.ok ? v.value : v.problem;
}

describe('formula language', () => {
  it('computes exactly: 2 × 23 / 28, decimal comma or point, min/max/clamp, comparisons as 0/1', () => {
    expect(value('2 × dung_han / tong_so', { dung_han: 23, tong_so: 28 })).toEqual(r(23, 14));
    expect(value('2 * dung_han / tong_so', { dung_han: 23, tong_so: 28 })).toEqual(r(23, 14));
    expect(value('0,5 × 3 + 0.25')).toEqual(r(7, 4));
    expect(value('min(1; 0,5 × sang_kien)', { sang_kien: 3 })).toEqual(r(1));
    expect(value('max(0; 2 − 0,25 × cham)', { cham: 9 })).toEqual(r(0));
    expect(value('clamp(x; 0; 1,5)', { x: 7 })).toEqual(r(3, 2));
    expect(value('(ty_le >= 80) × 1,5', { ty_le: 80 })).toEqual(r(3, 2));
    expect(value('(ty_le ≥ 80) × 1,5', { ty_le: 79.99 })).toEqual(r(0));
    expect(value('(a ≠ b) + (a = a) + (a <= b) + (a < b) + (b > a) + (a != a)', { a: 1, b: 2 })).toEqual(r(5));
    expect(value('-(3 - 5) ÷ 4')).toEqual(r(1, 2));
    expect(value('((((1))))')).toEqual(r(1));
  });

  it('reports a division by zero with its place instead of a number', () => {
    expect(value('1 + a / b', { a: 1, b: 0 })).toBe('division-by-zero');
    const p = parseFormula('1 + a / b');
    const v = p.ok && evaluateFormula(p.ast, new Map([['a', r(1)], ['b', r(0)]]));
    expect(v).toEqual({ ok: false, problem: 'division-by-zero', at: 7 });
  });

  it('refuses what is not in the language, with the 1-based position and a Vietnamese reason', () => {
    expect(value('2 ×')).toMatch(/^4: .*thiếu một giá trị/u);
    expect(value('(a + b')).toMatch(/^7: thiếu dấu "\)"/u);
    expect(value('a b')).toMatch(/^3: thiếu phép tính/u);
    expect(value('2a')).toMatch(/^2: thiếu phép tính/u);
    expect(value('sqrt(4)')).toMatch(/^1: không có hàm "sqrt"/u);
    expect(value('min(1, 2)')).toMatch(/^6: dấu "," chỉ dùng trong số thập phân/u);
    expect(value('a < b < c')).toMatch(/so sánh nối tiếp/u);
    expect(value('clamp(1; 2)')).toMatch(/clamp cần đúng 3 đối số/u);
    expect(value('a)')).toMatch(/^2: thừa dấu "\)"/u);
    expect(value('x.constructor')).toMatch(/^2: ký tự "\." không được dùng/u);
    expect(value("process['exit']()")).toMatch(/ký tự "\[" không được dùng/u);
    expect(value('1'.repeat(600))).toMatch(/dài quá 500 ký tự/u);
    expect(value('('.repeat(60) + '1' + ')'.repeat(60))).toMatch(/lồng quá nhiều cấp/u);
  });

  it('names are only the given inputs: "constructor" or "__proto__" are unknown unless declared, never a prototype', () => {
    expect(value('constructor + 1')).toBe('unknown-name');
    expect(value('__proto__ × 2')).toBe('unknown-name');
    expect(value('toString', { toString: 4 })).toEqual(r(4));
    const p = parseFormula('constructor + toString');
    expect(p.ok && p.names.sort()).toEqual(['constructor', 'toString']);
  });

  it('reads decimals exactly (0,1 is 1/10, not the nearest double)', () => {
    expect(parseDecimal('0,1')).toEqual(r(1, 10));
    expect(fromNumber(0.1)).toEqual(r(1, 10));
    expect(fromNumber(1e-7)).toEqual(r(1, 10_000_000));
    expect(fromNumber(98.89)).toEqual(r(9889, 100));
    expect(fromNumber(Number.NaN)).toBeNull();
    expect(parseDecimal('1.2.3')).toBeNull();
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (src) => {
        const p = parseFormula(src);
        if (p.ok) evaluateFormula(p.ast, new Map(p.names.map((n) => [n, r(1)])));
      }),
      { numRuns: 2000 },
    );
  });

  // Oracle: random expression trees printed as text, parsed back, evaluated; compared with an
  // evaluation of the tree by plain fraction arithmetic written here, independently.
  type Tree = { n: number } | { v: 'a' | 'b' | 'c' } | { op: '+' | '-' | '*' | '/'; l: Tree; r: Tree } | { f: 'min' | 'max'; args: Tree[] } | { neg: Tree };
  const leaf: fc.Arbitrary<Tree> = fc.oneof(fc.integer({ min: 0, max: 50 }).map((n) => ({ n })), fc.constantFrom('a', 'b', 'c').map((v) => ({ v }) as Tree));
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
    t: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ op: fc.constantFrom('+', '-', '*', '/'), l: tie('t'), r: tie('t') }) as fc.Arbitrary<Tree>,
      fc.record({ f: fc.constantFrom('min', 'max'), args: fc.array(tie('t'), { minLength: 1, maxLength: 3 }) }) as fc.Arbitrary<Tree>,
      fc.record({ neg: tie('t') }) as fc.Arbitrary<Tree>,
    ),
  })).t;
  const print = (t: Tree): string => {
    if ('n' in t) return String(t.n);
    if ('v' in t) return t.v;
    if ('neg' in t) return `-(${print(t.neg)})`;
    if ('f' in t) return `${t.f}(${t.args.map(print).join('; ')})`;
    return `(${print(t.l)} ${{ '+': '+', '-': '−', '*': '×', '/': '÷' }[t.op]} ${print(t.r)})`;
  };
  type Frac = [bigint, bigint];
  const norm = ([n, d]: Frac): Frac => {
    if (d < 0n) [n, d] = [-n, -d];
    let [x, y] = [n < 0n ? -n : n, d];
    while (y) [x, y] = [y, x % y];
    return x > 1n ? [n / x, d / x] : [n, d];
  };
  const oracle = (t: Tree, env: Record<string, number>): Frac | null => {
    if ('n' in t) return [BigInt(t.n), 1n];
    if ('v' in t) return [BigInt(env[t.v]!), 1n];
    if ('neg' in t) {
      const a = oracle(t.neg, env);
      return a && [-a[0], a[1]];
    }
    if ('f' in t) {
      const vs = t.args.map((x) => oracle(x, env));
      if (vs.some((x) => x === null)) return null;
      return (vs as Frac[]).reduce((best, x) => {
        const less = x[0] * best[1] < best[0] * x[1];
        return (t.f === 'min' ? less : x[0] * best[1] > best[0] * x[1]) ? x : best;
      });
    }
    const a = oracle(t.l, env);
    const b = oracle(t.r, env);
    if (!a || !b) return null;
    if (t.op === '+') return norm([a[0] * b[1] + b[0] * a[1], a[1] * b[1]]);
    if (t.op === '-') return norm([a[0] * b[1] - b[0] * a[1], a[1] * b[1]]);
    if (t.op === '*') return norm([a[0] * b[0], a[1] * b[1]]);
    return b[0] === 0n ? null : norm([a[0] * b[1], a[1] * b[0]]);
  };

  it('evaluates any printed expression exactly as fraction arithmetic does', () => {
    fc.assert(
      fc.property(tree, fc.record({ a: fc.integer({ min: 0, max: 30 }), b: fc.integer({ min: 0, max: 30 }), c: fc.integer({ min: 0, max: 30 }) }), (t, env) => {
        const src = print(t);
        fc.pre(src.length <= 500);
        const p = parseFormula(src);
        expect(p.ok).toBe(true);
        if (!p.ok) return;
        const got = evaluateFormula(p.ast, new Map(Object.entries(env).map(([k, v]) => [k, r(v)])));
        const want = oracle(t, env);
        if (want === null) expect(got).toMatchObject({ ok: false, problem: 'division-by-zero' });
        else expect(got.ok && [got.value.n, got.value.d]).toEqual(norm(want));
      }),
      { numRuns: 1000 },
    );
  });

  it('builds the tree it is given: precedence and left association', () => {
    const p = parseFormula('1 - 2 - 3 × 4 / 2');
    const shape = (n: FormulaNode): unknown => (n.k === 'bin' ? [shape(n.a), n.op, shape(n.b)] : n.k === 'num' ? Number(n.v.n) : n.k);
    expect(p.ok && shape(p.ast)).toEqual([[1, '-', 2], '-', [[3, '*', 4], '/', 2]]);
  });
});
