/**
 * A strict RFC 8259 parser for imported packages. Hand-written because JSON.parse silently keeps
 * the last of two duplicate keys (so a file could show one value to a person reading it and
 * another to us) and nothing installed reports duplicates: json5 is lenient by design, and the
 * stable-stringify packages only write. It is small, has no dependencies and is tested against
 * JSON.parse by property tests.
 *
 * Refuses: a byte order mark, anything after the value but white space, duplicate keys in any
 * object, nesting deeper than MAX_DEPTH, and everything RFC 8259 forbids (comments, trailing
 * commas, single quotes, control characters in strings, NaN, leading zeros...).
 */

export type StrictJsonReason = 'bom' | 'empty' | 'syntax' | 'trailing' | 'depth' | 'duplicate-key';

export interface StrictJsonFailure {
  ok: false;
  /** NOT_JSON for everything but duplicates, which get their own code. */
  code: 'NOT_JSON' | 'DUPLICATE_KEY';
  reason: StrictJsonReason;
  /** UTF-16 index into the text, and 1-based line and column, of the offending character. */
  offset: number;
  line: number;
  column: number;
  /** The repeated key, for DUPLICATE_KEY. */
  key?: string;
  detail: string;
}

export type StrictJsonResult = { ok: true; value: unknown } | StrictJsonFailure;

export const MAX_DEPTH = 128;

class Failure {
  constructor(
    readonly reason: StrictJsonReason,
    readonly offset: number,
    readonly detail: string,
    readonly key?: string,
  ) {}
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function parseStrictJson(text: string): StrictJsonResult {
  let i = 0;

  const fail = (reason: StrictJsonReason, detail: string, at = i, key?: string): never => {
    throw new Failure(reason, at, detail, key);
  };
  const skipWhite = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else return;
    }
  };
  const expect = (ch: string): void => {
    if (text[i] !== ch) fail('syntax', `expected '${ch}'`);
    i++;
  };

  const parseString = (): string => {
    expect('"');
    let out = '';
    let start = i;
    for (;;) {
      if (i >= text.length) fail('syntax', 'unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('syntax', 'control character in string');
      if (c === 0x5c) {
        out += text.slice(start, i);
        const e = text[i + 1];
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/u.test(hex)) fail('syntax', 'bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
          out += ESCAPES[e]!;
          i += 2;
        } else fail('syntax', 'bad escape');
        start = i;
        continue;
      }
      i++;
    }
  };

  const parseValue = (depth: number): unknown => {
    skipWhite();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth >= MAX_DEPTH) fail('depth', `nesting deeper than ${MAX_DEPTH}`);
      return c === '{' ? parseObject(depth + 1) : parseArray(depth + 1);
    }
    if (c === '"') return parseString();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) return fail('syntax', 'bad number');
      i += m[0].length;
      return Number(m[0]);
    }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    return fail('syntax', i >= text.length ? 'unexpected end of text' : 'unexpected character');
  };

  const parseArray = (depth: number): unknown[] => {
    expect('[');
    const out: unknown[] = [];
    skipWhite();
    if (text[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      out.push(parseValue(depth));
      skipWhite();
      if (text[i] === ',') {
        i++;
        continue;
      }
      expect(']');
      return out;
    }
  };

  const parseObject = (depth: number): Record<string, unknown> => {
    expect('{');
    const out: Record<string, unknown> = {};
    skipWhite();
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      skipWhite();
      const keyAt = i;
      const key = parseString();
      if (Object.prototype.hasOwnProperty.call(out, key)) fail('duplicate-key', `duplicate key "${key}"`, keyAt, key);
      skipWhite();
      expect(':');
      const value = parseValue(depth);
      // defineProperty, not assignment: a key "__proto__" must stay data, as with JSON.parse.
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      skipWhite();
      if (text[i] === ',') {
        i++;
        continue;
      }
      expect('}');
      return out;
    }
  };

  try {
    if (text.charCodeAt(0) === 0xfeff) fail('bom', 'the file starts with a byte order mark', 0);
    skipWhite();
    if (i >= text.length) fail('empty', 'no JSON value');
    const value = parseValue(0);
    skipWhite();
    if (i < text.length) fail('trailing', 'text after the JSON value');
    return { ok: true, value };
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    const { line, column } = position(text, e.offset);
    return {
      ok: false,
      code: e.reason === 'duplicate-key' ? 'DUPLICATE_KEY' : 'NOT_JSON',
      reason: e.reason,
      offset: e.offset,
      line,
      column,
      ...(e.key !== undefined ? { key: e.key } : {}),
      detail: e.detail,
    };
  }
}

/**
 * Every object member's colon follows its key's closing quote (JSON white space between), so
 * this counts each member once, plus any `":` inside string values. A count equal to the number
 * of keys JSON.parse kept therefore proves there was no duplicate key (JSON.parse keeps only the
 * last of duplicates, so duplicates always leave fewer keys than counted).
 */
function countMembers(text: string): number {
  let n = 0;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    let b = i - 1;
    for (let c = text.charCodeAt(b); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(--b));
    if (text.charCodeAt(b) === 34) n++;
  }
  return n;
}

/** Keys kept by JSON.parse, and the deepest nesting of objects and arrays. */
function countKeys(v: unknown, depth: number, out: { keys: number; depth: number }): void {
  if (v === null || typeof v !== 'object') return;
  if (depth > out.depth) out.depth = depth;
  if (Array.isArray(v)) {
    for (const x of v) countKeys(x, depth + 1, out);
    return;
  }
  for (const k in v) {
    out.keys++;
    countKeys((v as Record<string, unknown>)[k], depth + 1, out);
  }
}

/**
 * The same result as parseStrictJson, faster on large, well-formed files: JSON.parse (native),
 * then a scan proving there is no duplicate key and no excessive nesting. Anything unusual is
 * handed to parseStrictJson, which finds and locates the problem.
 */
export function parseStrictJsonFast(text: string): StrictJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseStrictJson(text);
  }
  const seen = { keys: 0, depth: 0 };
  countKeys(value, 1, seen);
  if (text.charCodeAt(0) === 0xfeff || seen.depth > MAX_DEPTH || countMembers(text) !== seen.keys) return parseStrictJson(text);
  return { ok: true, value };
}
