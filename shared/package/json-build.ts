/**
 * Builds the value of a JSON text straight from its UTF-8 bytes, without decoding the whole file
 * into one string first (a string of a 240 MB file with one Vietnamese letter in it takes 480 MB).
 * Only for bytes scanJson accepted: it relies on the syntax and the limits checked there, and
 * decides one thing itself, duplicate member names, found in text order when the name is read.
 * The value is what JSON.parse gives for the same text (property-tested): plain objects whose
 * members are own data properties in V8's order, a member named "__proto__" included.
 */

export type BuildResult = { ok: true; value: unknown } | { ok: false; key: string; at: number };

// ignoreBOM: a string value may begin with U+FEFF, and it must stay in it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

const SHORT: Record<number, string> = { 0x22: '"', 0x5c: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t' };

function hexValue(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
}

function decodeRun(b: Uint8Array, from: number, to: number): string {
  if (to - from <= 16) {
    let ascii = true;
    for (let k = from; k < to; k++) if (b[k]! >= 0x80) ascii = false;
    if (ascii) return String.fromCharCode(...b.subarray(from, to));
  }
  return decoder.decode(b.subarray(from, to));
}

export function buildJson(b: Uint8Array): BuildResult {
  let i = 0;
  // The string token whose opening quote is at i; leaves i past the closing quote.
  const readString = (): string => {
    let j = i + 1;
    let run = j;
    let out = '';
    // The next quote byte found by the native search, reused until passed (one search per byte).
    let quote = -1;
    for (;;) {
      let c = b[j]!;
      for (let k = 0; k < 64 && c !== 0x22 && c !== 0x5c; k++) c = b[++j]!;
      if (c !== 0x22 && c !== 0x5c) {
        // A long run (evidence content): let the native search find its end.
        if (quote < j) quote = b.indexOf(0x22, j);
        const slash = b.subarray(j, quote).indexOf(0x5c);
        j = slash < 0 ? quote : j + slash;
        c = b[j]!;
      }
      if (j > run) out += decodeRun(b, run, j);
      if (c === 0x22) {
        i = j + 1;
        return out;
      }
      const e = b[j + 1]!;
      if (e === 0x75) {
        out += String.fromCharCode((hexValue(b[j + 2]!) << 12) | (hexValue(b[j + 3]!) << 8) | (hexValue(b[j + 4]!) << 4) | hexValue(b[j + 5]!));
        j += 6;
      } else {
        out += SHORT[e]!;
        j += 2;
      }
      run = j;
    }
  };
  const skipWhite = (): void => {
    for (let c = b[i]; c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = b[++i]);
  };

  const containers: (unknown[] | Record<string, unknown>)[] = [];
  const pendingKeys: string[] = [];
  /** Reads the member name at i into pendingKeys; false (and `dup`) when the object already has it. */
  let dup: { key: string; at: number } | undefined;
  const readKey = (obj: Record<string, unknown>): boolean => {
    const at = i;
    const key = readString();
    if (Object.prototype.hasOwnProperty.call(obj, key)) {
      dup = { key, at };
      return false;
    }
    pendingKeys.push(key);
    skipWhite();
    i++; // ':'
    skipWhite();
    return true;
  };

  skipWhite();
  for (;;) {
    let value: unknown;
    const c = b[i]!;
    if (c === 0x7b) {
      i++;
      skipWhite();
      if (b[i] === 0x7d) {
        i++;
        value = {};
      } else {
        const obj: Record<string, unknown> = {};
        containers.push(obj);
        if (!readKey(obj)) return { ok: false, ...dup! };
        continue;
      }
    } else if (c === 0x5b) {
      i++;
      skipWhite();
      if (b[i] === 0x5d) {
        i++;
        value = [];
      } else {
        containers.push([]);
        continue;
      }
    } else if (c === 0x22) value = readString();
    else if (c === 0x74) {
      value = true;
      i += 4;
    } else if (c === 0x66) {
      value = false;
      i += 5;
    } else if (c === 0x6e) {
      value = null;
      i += 4;
    } else {
      const start = i;
      if (c === 0x2d) i++;
      for (let d = b[i]; d !== undefined && d >= 0x30 && d <= 0x39; d = b[++i]);
      value = Number(String.fromCharCode(...b.subarray(start, i)));
    }

    // Attach the value to its container, closing containers as they end.
    for (;;) {
      const top = containers[containers.length - 1];
      if (top === undefined) return { ok: true, value };
      if (Array.isArray(top)) top.push(value);
      // defineProperty, not assignment: a member named "__proto__" stays data, as with JSON.parse.
      else Object.defineProperty(top, pendingKeys.pop()!, { value, enumerable: true, writable: true, configurable: true });
      skipWhite();
      if (b[i] === 0x2c) {
        i++;
        skipWhite();
        if (!Array.isArray(top) && !readKey(top)) return { ok: false, ...dup! };
        break;
      }
      i++; // '}' or ']'
      value = containers.pop();
    }
  }
}
