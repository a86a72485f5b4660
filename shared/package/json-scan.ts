/**
 * One pass over the bytes of a JSON text that decides everything about it except duplicate keys,
 * before any value is built: RFC 8259 syntax, a byte order mark, trailing text, nesting depth,
 * number tokens (safe integers only, judged on the token's text), and the size limits. It is a
 * loop with a small explicit stack, never a recursion, so no input can exhaust the call stack,
 * and it refuses at the first token over a limit, so a huge hostile shape costs only the bytes
 * read up to that point. Faults are reported at the first offending byte in text order.
 *
 * The bytes must already be valid UTF-8 (the read step checks): only ASCII bytes are structural,
 * and any other byte is accepted inside a string and refused outside one.
 */

export interface JsonLimits {
  /** Objects and arrays nested inside one another. */
  maxDepth: number;
  /** Values of any kind in the whole text (objects, arrays, strings, numbers, literals). */
  maxValues: number;
  /** Elements of one array. */
  maxArrayLength: number;
  /** Members of one object. */
  maxObjectMembers: number;
  /** Members of all objects together. */
  maxTotalMembers: number;
  /** Bytes between the quotes of one string value, as written (escapes count as written). */
  maxStringBytes: number;
  /** Bytes between the quotes of one member name, as written. */
  maxKeyBytes: number;
}

export type JsonLimitName = keyof JsonLimits;

export type ScanFault =
  | { reason: 'bom' | 'empty' | 'syntax' | 'trailing' | 'depth' | 'number'; at: number; detail: string }
  | { reason: 'limit'; at: number; detail: string; limit: JsonLimitName; max: number };

export type ScanResult = { ok: true; members: number; values: number } | ({ ok: false } & ScanFault);

const MAX_SAFE_DIGITS = [57, 48, 48, 55, 49, 57, 57, 50, 53, 52, 55, 52, 48, 57, 57, 49]; // "9007199254740991"

function isHex(c: number | undefined): boolean {
  return c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66));
}

/** The escape letters after a backslash: " \ / b f n r t. */
const SHORT_ESCAPE = new Uint8Array(128);
for (const ch of '"\\/bfnrt') SHORT_ESCAPE[ch.charCodeAt(0)] = 1;

export function scanJson(b: Uint8Array, limits: JsonLimits): ScanResult {
  const n = b.length;
  let i = 0;
  let depth = 0;
  let values = 0;
  let members = 0;
  // Per open container: 1 for an object, 0 for an array; and how many members/elements so far.
  const isObject = new Uint8Array(limits.maxDepth + 1);
  const counts = new Float64Array(limits.maxDepth + 1);

  const fail = (reason: 'bom' | 'empty' | 'syntax' | 'trailing' | 'depth' | 'number', at: number, detail: string): ScanResult => ({ ok: false, reason, at, detail });
  const over = (limit: JsonLimitName, at: number, what: string): ScanResult => ({
    ok: false,
    reason: 'limit',
    at,
    limit,
    max: limits[limit],
    detail: `${what} (limit ${limits[limit]})`,
  });
  const skipWhite = (): void => {
    for (let c = b[i]; c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = b[++i]);
  };
  /**
   * The string token whose opening quote is at i; on success i is past the closing quote. At most
   * `max` bytes are looked at between the quotes: a longer string is refused there.
   */
  const string = (max: number, limit: JsonLimitName, what: string): ScanResult | undefined => {
    const open = i;
    let j = i + 1;
    const end = Math.min(n, j + max + 1);
    for (;;) {
      if (j >= end) {
        if (end >= n) return fail('syntax', n, 'unterminated string');
        return over(limit, open, what);
      }
      const c = b[j]!;
      if (c === 0x22) break;
      if (c === 0x5c) {
        const e = b[j + 1];
        if (e === 0x75) {
          if (!(isHex(b[j + 2]) && isHex(b[j + 3]) && isHex(b[j + 4]) && isHex(b[j + 5]))) return fail('syntax', j, 'bad \\u escape');
          j += 6;
        } else if (e !== undefined && e < 128 && SHORT_ESCAPE[e] === 1) j += 2;
        else return fail('syntax', j, 'bad escape');
        continue;
      }
      if (c < 0x20) return fail('syntax', j, 'control character in string');
      j++;
    }
    i = j + 1;
    return undefined;
  };
  /** A member name at i (white space skipped), then its colon; i ends at the member's value. */
  const member = (): ScanResult | undefined => {
    if (b[i] !== 0x22) return fail('syntax', i, "expected '\"'");
    const at = i;
    if (++counts[depth]! > limits.maxObjectMembers) return over('maxObjectMembers', at, 'too many members in one object');
    if (++members > limits.maxTotalMembers) return over('maxTotalMembers', at, 'too many object members in the file');
    const bad = string(limits.maxKeyBytes, 'maxKeyBytes', 'member name too long');
    if (bad) return bad;
    skipWhite();
    if (b[i] !== 0x3a) return fail('syntax', i, "expected ':'");
    i++;
    skipWhite();
    return undefined;
  };

  if (n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return fail('bom', 0, 'the file starts with a byte order mark');
  skipWhite();
  if (i >= n) return fail('empty', i, 'no JSON value');

  for (;;) {
    // A value starts at i.
    const c = b[i];
    if (++values > limits.maxValues) return over('maxValues', i, 'too many values in the file');
    if (c === 0x7b || c === 0x5b) {
      if (depth >= limits.maxDepth) return fail('depth', i, `nesting deeper than ${limits.maxDepth}`);
      depth++;
      isObject[depth] = c === 0x7b ? 1 : 0;
      counts[depth] = 0;
      i++;
      skipWhite();
      if (c === 0x7b) {
        if (b[i] === 0x7d) {
          i++;
          depth--;
        } else {
          const bad = member();
          if (bad) return bad;
          continue;
        }
      } else if (b[i] === 0x5d) {
        i++;
        depth--;
      } else {
        if (++counts[depth]! > limits.maxArrayLength) return over('maxArrayLength', i, 'too many elements in one array');
        continue;
      }
    } else if (c === 0x22) {
      const bad = string(limits.maxStringBytes, 'maxStringBytes', 'string too long');
      if (bad) return bad;
    } else if (c === 0x2d || (c !== undefined && c >= 0x30 && c <= 0x39)) {
      const start = i;
      if (c === 0x2d) i++;
      const first = i;
      const d = b[i];
      if (d === 0x30) i++;
      else if (d !== undefined && d >= 0x31 && d <= 0x39) for (let e = b[++i]; e !== undefined && e >= 0x30 && e <= 0x39; e = b[++i]);
      else return fail('syntax', start, 'bad number');
      const next = b[i];
      if (next === 0x2e || next === 0x65 || next === 0x45) return fail('number', start, 'number not written as an integer (fraction or exponent)');
      const digits = i - first;
      if (digits === 1 && d === 0x30 && first > start) return fail('number', start, 'number -0');
      if (digits > 16 || (digits === 16 && aboveMaxSafe(b, first))) return fail('number', start, 'integer outside ±(2^53−1)');
    } else if (c === 0x74 && b[i + 1] === 0x72 && b[i + 2] === 0x75 && b[i + 3] === 0x65) i += 4;
    else if (c === 0x66 && b[i + 1] === 0x61 && b[i + 2] === 0x6c && b[i + 3] === 0x73 && b[i + 4] === 0x65) i += 5;
    else if (c === 0x6e && b[i + 1] === 0x75 && b[i + 2] === 0x6c && b[i + 3] === 0x6c) i += 4;
    else return fail('syntax', i, i >= n ? 'unexpected end of text' : 'unexpected character');

    // After a value: close containers, or find the next element or member.
    for (;;) {
      skipWhite();
      if (depth === 0) {
        if (i < n) return fail('trailing', i, 'text after the JSON value');
        return { ok: true, members, values };
      }
      const d = b[i];
      if (isObject[depth] === 1) {
        if (d === 0x2c) {
          i++;
          skipWhite();
          const bad = member();
          if (bad) return bad;
          break;
        }
        if (d === 0x7d) {
          i++;
          depth--;
          continue;
        }
        return fail('syntax', i, i >= n ? 'unexpected end of text' : "expected ',' or '}'");
      }
      if (d === 0x2c) {
        i++;
        skipWhite();
        if (++counts[depth]! > limits.maxArrayLength) return over('maxArrayLength', i, 'too many elements in one array');
        break;
      }
      if (d === 0x5d) {
        i++;
        depth--;
        continue;
      }
      return fail('syntax', i, i >= n ? 'unexpected end of text' : "expected ',' or ']'");
    }
  }
}

/** Sixteen digits at `at` spell a number above 9007199254740991. */
function aboveMaxSafe(b: Uint8Array, at: number): boolean {
  for (let k = 0; k < 16; k++) {
    const d = b[at + k]!;
    if (d !== MAX_SAFE_DIGITS[k]) return d > MAX_SAFE_DIGITS[k]!;
  }
  return false;
}
