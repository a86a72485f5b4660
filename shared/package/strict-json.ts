/**
 * The strict JSON reader for imported packages. JSON.parse alone is not enough: it silently keeps
 * the last of two duplicate keys (so a file could show one value to a person reading it and
 * another to us), turns `8279.00000000000000001` into 8279, and builds whatever shape it is
 * given, however deep or large. Nothing installed reports these, so:
 *
 *  1. scanJson (json-scan.ts) reads the bytes once, as a loop (no recursion), and decides syntax,
 *     byte order mark, trailing text, depth, number spelling and the size limits before any value
 *     exists;
 *  2. the value is then built natively by JSON.parse from the decoded text when the caller has it
 *     (small files), else straight from the bytes (json-build.ts, large files: no whole-file
 *     string); either way duplicate keys are found after the scan, so a duplicate is reported
 *     only for a text that is otherwise acceptable.
 *
 * Refuses, with NOT_JSON: a byte order mark, anything after the value but white space, nesting
 * deeper than MAX_DEPTH, a number token that is not a safe integer written as one (fraction,
 * exponent, `-0`, beyond ±(2^53−1)), and everything RFC 8259 forbids (comments, trailing commas,
 * single quotes, control characters in strings, NaN, leading zeros...). With FILE_TOO_LARGE: a
 * text beyond one of the JsonLimits. With DUPLICATE_KEY: a member name repeated in one object.
 */
import { buildJson } from './json-build';
import { scanJson, type JsonLimitName, type JsonLimits, type JsonSpan, type ScanResult } from './json-scan';

export type { JsonLimitName, JsonLimits, JsonSpan } from './json-scan';

export type StrictJsonReason = 'bom' | 'empty' | 'syntax' | 'trailing' | 'depth' | 'number' | 'limit' | 'utf-8' | 'duplicate-key';

export interface StrictJsonFailure {
  ok: false;
  /** DUPLICATE_KEY for a repeated key, FILE_TOO_LARGE for a limit, NOT_JSON for everything else. */
  code: 'NOT_JSON' | 'DUPLICATE_KEY' | 'FILE_TOO_LARGE';
  reason: StrictJsonReason;
  /** UTF-16 index into the text, and 1-based line and column, of the offending character. */
  offset: number;
  line: number;
  column: number;
  /** The repeated key, for DUPLICATE_KEY. */
  key?: string;
  /** The limit exceeded, for FILE_TOO_LARGE. */
  limit?: JsonLimitName;
  max?: number;
  detail: string;
}

export type StrictJsonResult = { ok: true; value: unknown; span?: JsonSpan } | StrictJsonFailure;

export const MAX_DEPTH = 128;

/**
 * Limits for a package file, derived from the largest honest package: a commune report with a
 * few hundred items, 200 questionnaires × ~30 answers, survey counts, and up to ~100 MB of
 * evidence in files of at most 50 MB each (base64url: ≤ 69.9 million characters per file). That
 * package has well under 50,000 values and 20,000 members; every limit leaves a margin of 20× or
 * more, and bounds the memory of the parsed value to a small multiple of the file's size.
 */
export const PACKAGE_JSON_LIMITS: Readonly<JsonLimits> = {
  maxDepth: MAX_DEPTH,
  maxValues: 1_000_000,
  maxArrayLength: 100_000,
  maxObjectMembers: 10_000,
  maxTotalMembers: 250_000,
  maxStringBytes: 72 * 1024 * 1024,
  maxKeyBytes: 1024,
};

// With the `u` flag a well-formed pair is one code point, so this class matches only lone halves.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Line, column and UTF-16 offset of byte `at`, counted on the (valid UTF-8) bytes. */
function position(b: Uint8Array, at: number): { offset: number; line: number; column: number } {
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  const end = Math.min(at, b.length);
  for (let k = 0; k < end; k++) {
    const c = b[k]!;
    if (c === 0x0a) {
      line++;
      lineStart = offset + 1;
    }
    // One UTF-16 unit per character start, two for a four-byte sequence; none for continuations.
    if ((c & 0xc0) !== 0x80) offset += c >= 0xf0 ? 2 : 1;
  }
  return { offset, line, column: offset - lineStart + 1 };
}

function failure(b: Uint8Array, f: Exclude<ScanResult, { ok: true }> | { reason: 'duplicate-key'; at: number; key: string }): StrictJsonFailure {
  const code = f.reason === 'duplicate-key' ? 'DUPLICATE_KEY' : f.reason === 'limit' ? 'FILE_TOO_LARGE' : 'NOT_JSON';
  return {
    ok: false,
    code,
    reason: f.reason,
    ...position(b, f.at),
    // eslint-disable-next-line no-restricted-syntax -- narrows our own union; no lookup by people's text
    ...('key' in f ? { key: f.key } : {}),
    ...(f.reason === 'limit' ? { limit: f.limit, max: f.max } : {}),
    // eslint-disable-next-line no-restricted-syntax -- narrows our own union; no lookup by people's text
    detail: 'detail' in f ? f.detail : `duplicate key "${f.key}"`,
  };
}

/** Members JSON.parse kept, at most MAX_DEPTH levels deep (the scan has proven the depth). */
function countMembers(v: object): number {
  let n = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === 'object' && x !== null) n += countMembers(x);
    }
    return n;
  }
  for (const k in v) {
    n++;
    const x = (v as Record<string, unknown>)[k];
    if (typeof x === 'object' && x !== null) n += countMembers(x);
  }
  return n;
}

export interface StrictJsonOptions {
  /** The same text already decoded (it must be exactly the bytes' UTF-8): the value is then built by JSON.parse. */
  text?: string;
  /** Limits to apply instead of PACKAGE_JSON_LIMITS (any subset). */
  limits?: Partial<JsonLimits>;
  /** A top-level member whose value's byte span (and RFC 8785 form or not) to report (scanJson). */
  spanKey?: string;
}

/** Strict parse of UTF-8 bytes (already validated as UTF-8 by the caller). */
export function parseStrictJsonBytes(bytes: Uint8Array, opts: StrictJsonOptions = {}): StrictJsonResult {
  const limits = opts.limits ? { ...PACKAGE_JSON_LIMITS, ...opts.limits } : PACKAGE_JSON_LIMITS;
  const scan = scanJson(bytes, limits, opts.spanKey);
  if (!scan.ok) return failure(bytes, scan);
  const span = scan.span ? { span: scan.span } : {};
  if (opts.text !== undefined) {
    let value: unknown;
    let parsed = false;
    try {
      value = JSON.parse(opts.text);
      parsed = true;
    } catch {
      // Not reached for a text the scan accepted; the byte builder below decides.
    }
    // JSON.parse keeps one member per distinct name, so as many members as the scan counted
    // means there was no duplicate.
    if (parsed && (typeof value === 'object' && value !== null ? countMembers(value) : 0) === scan.members) return { ok: true, value, ...span };
  }
  const built = buildJson(bytes);
  if (!built.ok) return failure(bytes, { reason: 'duplicate-key', at: built.at, key: built.key });
  return { ok: true, value: built.value, ...span };
}

/** Strict parse of a text; one that cannot be UTF-8 (a lone surrogate) is refused as such. */
export function parseStrictJson(text: string, limits?: Partial<JsonLimits>): StrictJsonResult {
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    const before = text.slice(0, lone.index);
    const line = before.split('\n').length;
    return { ok: false, code: 'NOT_JSON', reason: 'utf-8', offset: lone.index, line, column: lone.index - before.lastIndexOf('\n'), detail: 'lone surrogate: the text is not UTF-8' };
  }
  return parseStrictJsonBytes(new TextEncoder().encode(text), { text, ...(limits ? { limits } : {}) });
}
