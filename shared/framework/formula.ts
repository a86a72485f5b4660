/**
 * The formula rule's expression language: a tiny parser and an exact evaluator. No eval, no
 * Function, no property access: the only things an expression can name are the rule's own
 * inputs and three functions.
 *
 *   numbers      12   0,5   0.5        (decimal comma or point)
 *   inputs       dung_han   tong_so    (names declared in the rule's `inputs`)
 *   arithmetic   +  -  −  *  ×  /  ÷   and parentheses
 *   functions    min(a; b; …)   max(a; b; …)   clamp(x; thấp; cao)   (arguments separated by ;)
 *   comparisons  <  <=  ≤  >  >=  ≥  =  ==  !=  ≠   → 1 when true, 0 when false
 *
 * Example: "2 × dung_han / tong_so"; "min(1; 0,5 × sang_kien)"; "(ty_le >= 80) × 1,5".
 * The value is in points; the rule turns it into hundredths with the framework's rounding.
 */
import type { Rational } from './rational';
import { ONE, ZERO, add, compare, div, mul, neg, parseDecimal, sub } from './rational';

export type FormulaNode =
  | { k: 'num'; v: Rational }
  | { k: 'var'; name: string; at: number }
  | { k: 'neg'; a: FormulaNode }
  | { k: 'bin'; op: '+' | '-' | '*' | '/'; a: FormulaNode; b: FormulaNode; at: number }
  | { k: 'cmp'; op: '<' | '<=' | '>' | '>=' | '=' | '!='; a: FormulaNode; b: FormulaNode }
  | { k: 'call'; fn: FormulaFunction; args: FormulaNode[] };

export const FORMULA_FUNCTIONS = ['min', 'max', 'clamp'] as const;
export type FormulaFunction = (typeof FORMULA_FUNCTIONS)[number];

export const FORMULA_MAX_LENGTH = 500;
const MAX_DEPTH = 40;
export const FORMULA_NAME = /^[a-z][a-z0-9_]{0,39}$/u;

export type ParsedFormula = { ok: true; ast: FormulaNode; names: string[] } | { ok: false; at: number; message: string };

type Token =
  | { t: 'num'; v: Rational; at: number; text: string }
  | { t: 'name'; v: string; at: number }
  | { t: 'op'; v: string; at: number }
  | { t: 'end'; at: number };

class FormulaError extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

const OPERATORS: [string, string][] = [
  ['<=', '<='], ['>=', '>='], ['==', '='], ['!=', '!='], ['≤', '<='], ['≥', '>='], ['≠', '!='],
  ['<', '<'], ['>', '>'], ['=', '='], ['+', '+'], ['-', '-'], ['−', '-'], ['*', '*'], ['×', '*'],
  ['/', '/'], ['÷', '/'], ['(', '('], [')', ')'], [';', ';'],
];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0') {
      i += 1;
      continue;
    }
    const at = i + 1;
    const num = /^\d+(?:[.,]\d+)?/u.exec(src.slice(i));
    if (num) {
      const v = parseDecimal(num[0]);
      if (!v) throw new FormulaError(at, `số "${num[0]}" quá dài`);
      out.push({ t: 'num', v, at, text: num[0] });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/u.exec(src.slice(i));
    if (name) {
      out.push({ t: 'name', v: name[0], at });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find(([s]) => src.startsWith(s, i));
    if (!op && c === ',') throw new FormulaError(at, 'dấu "," chỉ dùng trong số thập phân (0,5); các đối số của hàm cách nhau bằng dấu ";"');
    if (!op) throw new FormulaError(at, `ký tự "${c}" không được dùng trong công thức`);
    out.push({ t: 'op', v: op[1], at });
    i += op[0].length;
  }
  out.push({ t: 'end', at: src.length + 1 });
  return out;
}

class Parser {
  private i = 0;
  private depth = 0;
  readonly names = new Set<string>();
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    const t = this.tokens[this.i]!;
    if (t.t !== 'end') this.i += 1;
    return t;
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === v;
  }
  private expectOp(v: string, what: string): void {
    const t = this.peek();
    if (!this.isOp(v)) throw new FormulaError(t.at, `thiếu ${what}`);
    this.next();
  }

  parse(): FormulaNode {
    const e = this.comparison();
    const t = this.peek();
    if (t.t !== 'end') throw new FormulaError(t.at, t.t === 'op' && t.v === ')' ? 'thừa dấu ")"' : 'thừa phần sau biểu thức');
    return e;
  }

  private comparison(): FormulaNode {
    const a = this.additive();
    const t = this.peek();
    if (t.t === 'op' && ['<', '<=', '>', '>=', '=', '!='].includes(t.v)) {
      this.next();
      const b = this.additive();
      const again = this.peek();
      if (again.t === 'op' && ['<', '<=', '>', '>=', '=', '!='].includes(again.v)) {
        throw new FormulaError(again.at, 'không so sánh nối tiếp (a < b < c); hãy tách thành hai điều kiện');
      }
      return { k: 'cmp', op: t.v as '<', a, b };
    }
    return a;
  }

  private additive(): FormulaNode {
    let a = this.multiplicative();
    for (;;) {
      const t = this.peek();
      if (t.t !== 'op' || (t.v !== '+' && t.v !== '-')) return a;
      this.next();
      a = { k: 'bin', op: t.v, a, b: this.multiplicative(), at: t.at };
    }
  }

  private multiplicative(): FormulaNode {
    let a = this.unary();
    for (;;) {
      const t = this.peek();
      if (t.t !== 'op' || (t.v !== '*' && t.v !== '/')) return a;
      this.next();
      a = { k: 'bin', op: t.v, a, b: this.unary(), at: t.at };
    }
  }

  private unary(): FormulaNode {
    const t = this.peek();
    if (t.t === 'op' && (t.v === '-' || t.v === '+')) {
      this.next();
      const a = this.nested(() => this.unary(), t.at);
      return t.v === '-' ? { k: 'neg', a } : a;
    }
    return this.primary();
  }

  private nested<T>(f: () => T, at: number): T {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw new FormulaError(at, 'lồng quá nhiều cấp ngoặc');
    try {
      return f();
    } finally {
      this.depth -= 1;
    }
  }

  private primary(): FormulaNode {
    const t = this.next();
    if (t.t === 'num') {
      const after = this.peek();
      if (after.t === 'num' || after.t === 'name') throw new FormulaError(after.at, 'thiếu phép tính giữa hai giá trị');
      return { k: 'num', v: t.v };
    }
    if (t.t === 'op' && t.v === '(') {
      const e = this.nested(() => this.comparison(), t.at);
      this.expectOp(')', 'dấu ")"');
      return e;
    }
    if (t.t === 'name') {
      if (this.isOp('(')) {
        const fn = t.v.toLowerCase();
        if (!(FORMULA_FUNCTIONS as readonly string[]).includes(fn)) throw new FormulaError(t.at, `không có hàm "${t.v}" (chỉ có min, max, clamp)`);
        this.next();
        const args: FormulaNode[] = [];
        if (!this.isOp(')')) {
          for (;;) {
            args.push(this.nested(() => this.comparison(), t.at));
            if (!this.isOp(';')) break;
            this.next();
          }
        }
        this.expectOp(')', `dấu ")" đóng hàm ${fn} (các đối số cách nhau bằng dấu ";")`);
        if (fn === 'clamp' && args.length !== 3) throw new FormulaError(t.at, 'hàm clamp cần đúng 3 đối số: clamp(giá trị; thấp nhất; cao nhất)');
        if (args.length === 0) throw new FormulaError(t.at, `hàm ${fn} cần ít nhất 1 đối số`);
        return { k: 'call', fn: fn as FormulaFunction, args };
      }
      const after = this.peek();
      if (after.t === 'num' || after.t === 'name') throw new FormulaError(after.at, 'thiếu phép tính giữa hai giá trị');
      this.names.add(t.v);
      return { k: 'var', name: t.v, at: t.at };
    }
    if (t.t === 'end') throw new FormulaError(t.at, 'công thức kết thúc khi còn thiếu một giá trị');
    throw new FormulaError(t.at, `không mong đợi "${t.t === 'op' ? t.v : ''}" ở đây`);
  }
}

/** Parses an expression; a problem comes back with its 1-based character position and a Vietnamese reason. */
export function parseFormula(src: string): ParsedFormula {
  if (src.length > FORMULA_MAX_LENGTH) return { ok: false, at: FORMULA_MAX_LENGTH + 1, message: `công thức dài quá ${FORMULA_MAX_LENGTH} ký tự` };
  try {
    const p = new Parser(tokenize(src));
    const ast = p.parse();
    return { ok: true, ast, names: [...p.names] };
  } catch (err) {
    if (err instanceof FormulaError) return { ok: false, at: err.at, message: err.message };
    throw err;
  }
}

export type FormulaValue = { ok: true; value: Rational } | { ok: false; problem: 'division-by-zero'; at: number } | { ok: false; problem: 'unknown-name'; name: string };

class EvalStop extends Error {
  constructor(readonly stop: Exclude<FormulaValue, { ok: true }>) {
    super(stop.problem);
  }
}

/** Evaluates exactly; `values` holds every input the expression names. */
export function evaluateFormula(ast: FormulaNode, values: ReadonlyMap<string, Rational>): FormulaValue {
  const ev = (n: FormulaNode): Rational => {
    switch (n.k) {
      case 'num':
        return n.v;
      case 'var': {
        const v = values.get(n.name);
        if (!v) throw new EvalStop({ ok: false, problem: 'unknown-name', name: n.name });
        return v;
      }
      case 'neg':
        return neg(ev(n.a));
      case 'bin': {
        const a = ev(n.a);
        const b = ev(n.b);
        if (n.op === '+') return add(a, b);
        if (n.op === '-') return sub(a, b);
        if (n.op === '*') return mul(a, b);
        const q = div(a, b);
        if (!q) throw new EvalStop({ ok: false, problem: 'division-by-zero', at: n.at });
        return q;
      }
      case 'cmp': {
        const c = compare(ev(n.a), ev(n.b));
        const yes = { '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '=': c === 0, '!=': c !== 0 }[n.op];
        return yes ? ONE : ZERO;
      }
      case 'call': {
        const args = n.args.map(ev);
        if (n.fn === 'clamp') {
          const [x, lo, hi] = args as [Rational, Rational, Rational];
          const up = compare(x, lo) < 0 ? lo : x;
          return compare(up, hi) > 0 ? hi : up;
        }
        return args.reduce((best, v) => ((n.fn === 'min' ? compare(v, best) < 0 : compare(v, best) > 0) ? v : best));
      }
    }
  };
  try {
    return { ok: true, value: ev(ast) };
  } catch (err) {
    if (err instanceof EvalStop) return err.stop;
    throw err;
  }
}

const cache = new Map<string, ParsedFormula>();

/** parseFormula with a small cache: the engine evaluates the same few expressions on every keystroke. */
export function compiledFormula(src: string): ParsedFormula {
  let p = cache.get(src);
  if (!p) {
    if (cache.size > 500) cache.clear();
    p = parseFormula(src);
    cache.set(src, p);
  }
  return p;
}
