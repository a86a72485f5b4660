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
 *
 * Asked for a top-level member by name (`spanKey`), it also reports where that member's value is
 * written and whether it is written exactly in RFC 8785 form: no white space, members in
 * ascending UTF-16 order, escapes only where and as JSON.stringify writes them (numbers are
 * canonical once the scan accepted them). The verifier then takes the signed bytes from the file.
 * The answer may be a false "not canonical" (a key with an escape, keys whose order UTF-8 and
 * UTF-16 could disagree on, a lone surrogate's escape), never a false "canonical".
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

/** Byte offsets of a value in the text, and whether it is written in its RFC 8785 form. */
export interface JsonSpan {
  start: number;
  end: number;
  canonical: boolean;
}

export type ScanResult = { ok: true; members: number; values: number; span?: JsonSpan } | ({ ok: false } & ScanFault);

const MAX_SAFE_DIGITS = [57, 48, 48, 55, 49, 57, 57, 50, 53, 52, 55, 52, 48, 57, 57, 49]; // "9007199254740991"

function isHex(c: number | undefined): boolean {
  return c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66));
}

/** The escape letters after a backslash: " \ / b f n r t. */
const SHORT_ESCAPE = new Uint8Array(128);
for (const ch of '"\\/bfnrt') SHORT_ESCAPE[ch.charCodeAt(0)] = 1;
/** JSON white space: space, tab, line feed, carriage return. */
const WHITE = new Uint8Array(256);
for (const ws of [0x20, 0x09, 0x0a, 0x0d]) WHITE[ws] = 1;
/** Bytes that end a run of plain string content: controls, the quote and the backslash. */
const STRING_STOP = new Uint8Array(256);
for (let k = 0; k < 0x20; k++) STRING_STOP[k] = 1;
STRING_STOP[0x22] = 1;
STRING_STOP[0x5c] = 1;

// Where stringEnd failed, and why (module state instead of a closure: the scan loop keeps its
// index in a register only if no inner function captures it).
let stringFault: { reason: 'syntax' | 'limit'; at: number; detail: string } = { reason: 'syntax', at: 0, detail: '' };
/** Escapes in the last string stringEnd read: 0 none, 1 only as JSON.stringify writes them, 2 others. */
let escapes = 0;
/** The next quote byte at or after where longRunEnd last searched, in the string being read. */
let nextQuote = -1;

/** The escape at j (a backslash) is one JSON.stringify writes: \" \\ \b \f \n \r \t, or \u00xx (lower case) for another control. */
function canonicalEscape(b: Uint8Array, j: number): boolean {
  const e = b[j + 1];
  if (e !== 0x75) return e !== 0x2f;
  if (b[j + 2] !== 0x30 || b[j + 3] !== 0x30) return false;
  const hi = b[j + 4]!;
  const lo = b[j + 5]!;
  if ((hi !== 0x30 && hi !== 0x31) || (lo >= 0x41 && lo <= 0x46)) return false;
  const v = (hi - 0x30) * 16 + (lo <= 0x39 ? lo - 0x30 : lo - 0x57);
  return v !== 0x08 && v !== 0x09 && v !== 0x0a && v !== 0x0c && v !== 0x0d;
}

/**
 * The index just past the closing quote of the string token whose opening quote is at `open`, or
 * -1 (stringFault says why). At most `max` bytes are looked at between the quotes. Small on
 * purpose, so that it is inlined into the scan loop; faults are worked out by stringFailure.
 */
function stringEnd(b: Uint8Array, open: number, max: number): number {
  let j = open + 1;
  const end = Math.min(b.length, j + max + 1);
  escapes = 0;
  nextQuote = -1;
  for (;;) {
    const run = Math.min(end, j + 64);
    while (j < run && STRING_STOP[b[j]!] === 0) j++;
    if (j === run && j < end) j = longRunEnd(b, j, end);
    if (j < end) {
      const c = b[j];
      if (c === 0x22) return j + 1;
      if (c === 0x5c) {
        const e = b[j + 1]!;
        if ((e === 0x75 && isHex(b[j + 2]) && isHex(b[j + 3]) && isHex(b[j + 4]) && isHex(b[j + 5])) || (e < 128 && e !== 0x75 && SHORT_ESCAPE[e] === 1)) {
          if (escapes < 2) escapes = canonicalEscape(b, j) ? 1 : 2;
          j += e === 0x75 ? 6 : 2;
          continue;
        }
      }
    }
    return stringFailure(b, open, j, end);
  }
}

/**
 * Where a long run of plain string content from j stops (a control, a quote or a backslash; or
 * `end`): the quote and the backslash found by the native search, then one comparison per byte
 * for controls. For evidence, tens of MB long.
 */
function longRunEnd(b: Uint8Array, j: number, end: number): number {
  // The quote found last time is reused until passed, so a long string with many escapes is
  // still searched once: every search covers bytes no other search covers.
  if (nextQuote < j) {
    nextQuote = b.indexOf(0x22, j);
    if (nextQuote < 0) nextQuote = b.length;
  }
  const stop0 = Math.min(nextQuote, end);
  let stop = stop0;
  const slash = b.subarray(j, stop0).indexOf(0x5c);
  if (slash >= 0) stop = j + slash;
  while (j < stop && b[j]! >= 0x20) j++;
  return j;
}

/** Why the string at `open` stopped at j (stringEnd's cold path): sets stringFault, returns -1. */
function stringFailure(b: Uint8Array, open: number, j: number, end: number): number {
  if (j >= end) stringFault = end >= b.length ? { reason: 'syntax', at: b.length, detail: 'unterminated string' } : { reason: 'limit', at: open, detail: '' };
  else if (b[j] === 0x5c) stringFault = { reason: 'syntax', at: j, detail: b[j + 1] === 0x75 ? 'bad \\u escape' : 'bad escape' };
  else stringFault = { reason: 'syntax', at: j, detail: 'control character in string' };
  return -1;
}

export function scanJson(b: Uint8Array, limits: JsonLimits, spanKey?: string): ScanResult {
  const n = b.length;
  const { maxDepth, maxValues, maxArrayLength, maxObjectMembers, maxTotalMembers, maxStringBytes, maxKeyBytes } = limits;
  let i = 0;
  let c = 0;
  let depth = 0;
  let values = 0;
  let members = 0;
  // Per open container: 1 for an object, 0 for an array; and how many members/elements so far.
  const isObject = new Uint8Array(maxDepth + 1);
  const counts = new Float64Array(maxDepth + 1);
  // The span of spanKey's value: found (pending until its value starts), then inside it.
  const key = spanKey === undefined ? undefined : Uint8Array.from(spanKey, (ch) => ch.charCodeAt(0));
  let spanPending = false;
  let inSpan = false;
  let spanStart = -1;
  let spanEnd = -1;
  let canonical = false;
  // Inside the span: where each open object's previous member name is written.
  const prevKeyStart = new Int32Array(maxDepth + 1);
  const prevKeyEnd = new Int32Array(maxDepth + 1);
  let w = 0;

  const fail = (reason: 'bom' | 'empty' | 'syntax' | 'trailing' | 'depth' | 'number', at: number, detail: string): ScanResult => ({ ok: false, reason, at, detail });
  const over = (limit: JsonLimitName, at: number, what: string): ScanResult => ({
    ok: false,
    reason: 'limit',
    at,
    limit,
    max: limits[limit],
    detail: `${what} (limit ${limits[limit]})`,
  });
  const badString = (limit: JsonLimitName, what: string): ScanResult =>
    stringFault.reason === 'limit' ? over(limit, stringFault.at, what) : fail('syntax', stringFault.at, stringFault.detail);

  if (n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return fail('bom', 0, 'the file starts with a byte order mark');
  while (WHITE[(c = b[i]!)] === 1) i++;
  if (i >= n) return fail('empty', i, 'no JSON value');

  for (;;) {
    // A value starts at i.
    c = i < n ? b[i]! : -1;
    if (++values > maxValues) return over('maxValues', i, 'too many values in the file');
    let member = false;
    if (c === 0x22) {
      // Strings first: most values are.
      i = stringEnd(b, i, maxStringBytes);
      if (i < 0) return badString('maxStringBytes', 'string too long');
      if (inSpan && escapes === 2) canonical = false;
    } else if (c === 0x7b || c === 0x5b) {
      if (depth >= maxDepth) return fail('depth', i, `nesting deeper than ${maxDepth}`);
      depth++;
      isObject[depth] = c === 0x7b ? 1 : 0;
      counts[depth] = 0;
      prevKeyEnd[depth] = -1;
      i++;
      w = i;
      while (WHITE[(c = b[i]!)] === 1) i++;
      if (inSpan && i !== w) canonical = false;
      if (isObject[depth] === 1) {
        if (c === 0x7d && i < n) {
          i++;
          depth--;
        } else member = true;
      } else if (c === 0x5d && i < n) {
        i++;
        depth--;
      } else {
        if (++counts[depth]! > maxArrayLength) return over('maxArrayLength', i, 'too many elements in one array');
        continue;
      }
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      if (c === 0x2d) i++;
      const first = i;
      const d = i < n ? b[i]! : -1;
      if (d === 0x30) i++;
      else if (d >= 0x31 && d <= 0x39) {
        i++;
        while (i < n && (c = b[i]!) >= 0x30 && c <= 0x39) i++;
      } else return fail('syntax', start, 'bad number');
      const next = i < n ? b[i]! : -1;
      if (next === 0x2e || next === 0x65 || next === 0x45) return fail('number', start, 'number not written as an integer (fraction or exponent)');
      const digits = i - first;
      if (digits === 1 && d === 0x30 && first > start) return fail('number', start, 'number -0');
      if (digits > 16 || (digits === 16 && aboveMaxSafe(b, first))) return fail('number', start, 'integer outside ±(2^53−1)');
    } else if (c === 0x74 && b[i + 1] === 0x72 && b[i + 2] === 0x75 && b[i + 3] === 0x65) i += 4;
    else if (c === 0x66 && b[i + 1] === 0x61 && b[i + 2] === 0x6c && b[i + 3] === 0x73 && b[i + 4] === 0x65) i += 5;
    else if (c === 0x6e && b[i + 1] === 0x75 && b[i + 2] === 0x6c && b[i + 3] === 0x6c) i += 4;
    else return fail('syntax', i, i >= n ? 'unexpected end of text' : 'unexpected character');

    // After a value: close containers, or find the next element or member.
    while (!member) {
      if (inSpan && depth === 1) {
        // The span's value (a member of the top-level object) ends here.
        inSpan = false;
        spanEnd = i;
      }
      w = i;
      while (WHITE[(c = b[i]!)] === 1) i++;
      if (inSpan && i !== w) canonical = false;
      if (depth === 0) {
        if (i < n) return fail('trailing', i, 'text after the JSON value');
        return spanEnd < 0 ? { ok: true, members, values } : { ok: true, members, values, span: { start: spanStart, end: spanEnd, canonical } };
      }
      const closer = isObject[depth] === 1 ? 0x7d : 0x5d;
      if (i >= n) return fail('syntax', i, 'unexpected end of text');
      if (c === 0x2c) {
        i++;
        w = i;
        while (WHITE[(c = b[i]!)] === 1) i++;
        if (inSpan && i !== w) canonical = false;
        if (closer === 0x7d) member = true;
        else {
          if (++counts[depth]! > maxArrayLength) return over('maxArrayLength', i, 'too many elements in one array');
          break;
        }
      } else if (c === closer) {
        i++;
        depth--;
      } else return fail('syntax', i, closer === 0x7d ? "expected ',' or '}'" : "expected ',' or ']'");
    }
    if (member) {
      // A member name at i (white space skipped), then its colon; its value follows.
      if (i >= n || b[i] !== 0x22) return fail('syntax', i, "expected '\"'");
      const at = i;
      if (++counts[depth]! > maxObjectMembers) return over('maxObjectMembers', at, 'too many members in one object');
      if (++members > maxTotalMembers) return over('maxTotalMembers', at, 'too many object members in the file');
      i = stringEnd(b, i, maxKeyBytes);
      if (i < 0) return badString('maxKeyBytes', 'member name too long');
      if (inSpan) {
        // Once the span is known not canonical, its member names need no more comparing.
        if (canonical) {
          if (escapes !== 0 || (prevKeyEnd[depth]! >= 0 && !keyBefore(b, prevKeyStart[depth]!, prevKeyEnd[depth]!, at + 1, i - 1))) canonical = false;
          prevKeyStart[depth] = at + 1;
          prevKeyEnd[depth] = i - 1;
        }
      } else if (key !== undefined && depth === 1 && spanStart < 0 && escapes === 0 && i - at - 2 === key.length) {
        let same = true;
        for (let k = 0; k < key.length && same; k++) same = b[at + 1 + k] === key[k];
        spanPending = same;
      }
      w = i;
      while (WHITE[(c = b[i]!)] === 1) i++;
      if (inSpan && i !== w) canonical = false;
      if (i >= n || c !== 0x3a) return fail('syntax', i, "expected ':'");
      i++;
      w = i;
      while (WHITE[(c = b[i]!)] === 1) i++;
      if (inSpan && i !== w) canonical = false;
      if (spanPending) {
        spanPending = false;
        inSpan = true;
        canonical = true;
        spanStart = i;
      }
    }
  }
}

/**
 * Member name bytes [a0, a1) come strictly before [b0, b1) in UTF-16 order, judged on their UTF-8
 * bytes (code point order). Where the two orders could differ (the first differing character is
 * U+E000 or above in either name) the answer is false: "not shown canonical".
 */
function keyBefore(b: Uint8Array, a0: number, a1: number, b0: number, b1: number): boolean {
  const la = a1 - a0;
  const lb = b1 - b0;
  for (let k = 0; k < la && k < lb; k++) {
    const x = b[a0 + k]!;
    const y = b[b0 + k]!;
    if (x !== y) {
      // The lead bytes of the characters that differ.
      let m = k;
      while (m > 0 && (b[a0 + m]! & 0xc0) === 0x80) m--;
      if (b[a0 + m]! >= 0xee || b[b0 + m]! >= 0xee) return false;
      return x < y;
    }
  }
  return la < lb;
}

/** Sixteen digits at `at` spell a number above 9007199254740991. */
function aboveMaxSafe(b: Uint8Array, at: number): boolean {
  for (let k = 0; k < 16; k++) {
    const d = b[at + k]!;
    if (d !== MAX_SAFE_DIGITS[k]) return d > MAX_SAFE_DIGITS[k]!;
  }
  return false;
}
