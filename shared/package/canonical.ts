/**
 * The exact bytes a package signature covers:
 *
 *   UTF-8( PREFIX_LINE(type) + RFC8785(payload) )
 *
 * The prefix line gives domain separation: a signature made over a commune report can never be
 * presented as an enrolment, a framework or an appraisal, because the bytes differ from the first
 * character. docs/package-format.md is the reference for other implementations.
 */
import canonicalize from 'canonicalize';
import { AppError } from '../errors';

export const PACKAGE_TYPES = [
  'commune-report',
  'enrolment-request',
  'enrolment-approval',
  'key-rotation',
  'key-rotation-approval',
  'framework',
  'appraisal',
] as const;
export type PackageType = (typeof PACKAGE_TYPES)[number];

/** Envelope `format` value of each package type. */
export const FORMAT_NAME: Readonly<Record<PackageType, string>> = {
  'commune-report': 'chiso-cchc/commune-report',
  'enrolment-request': 'chiso-cchc/enrolment-request',
  'enrolment-approval': 'chiso-cchc/enrolment-approval',
  'key-rotation': 'chiso-cchc/key-rotation',
  'key-rotation-approval': 'chiso-cchc/key-rotation-approval',
  framework: 'chiso-cchc/framework',
  appraisal: 'chiso-cchc/appraisal',
};

export const FORMAT_VERSION = 1;

export function packageTypeOfFormat(format: string): PackageType | undefined {
  return PACKAGE_TYPES.find((t) => FORMAT_NAME[t] === format);
}

/** "CHISO-CCHC/<type>/v1\n": fixed per type and format version; never translated or trimmed. */
export function signingPrefix(type: PackageType, formatVersion: number = FORMAT_VERSION): string {
  return `CHISO-CCHC/${type}/v${formatVersion}\n`;
}

/** A value allowed in a payload: what JSON can carry without ambiguity between implementations. */
export type PackageValue = string | number | boolean | null | PackageValue[] | { [key: string]: PackageValue };

// A lone surrogate survives JSON escaping but not UTF-8, so two different strings could sign the
// same bytes in another implementation: refuse them.
// With the `u` flag a well-formed pair is one code point, so this class matches only lone halves.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

// ASCII text is always NFC and has no surrogates: most strings (codes, base64) skip both checks.
// (No `u` flag: the same test, several times faster on long one-byte strings such as evidence.)
const NON_ASCII = /[^\x00-\x7f]/; // eslint-disable-line no-control-regex -- the whole ASCII range, controls included

function checkString(s: string, path: string): void {
  if (!NON_ASCII.test(s)) return;
  if (LONE_SURROGATE.test(s)) {
    throw refusal(path, 'chuỗi chứa ký tự Unicode không hợp lệ (surrogate lẻ)');
  }
  if (s.normalize('NFC') !== s) throw refusal(path, 'chuỗi chưa chuẩn hoá Unicode NFC');
}

/**
 * Member names refused in a payload: JavaScript gives them a meaning of their own (`__proto__`
 * sets an object's prototype on assignment, and zod and object spreads drop or rename it;
 * `constructor` and `prototype` are looked up through the prototype chain), so a value carrying
 * them could mean one thing to the verifier and another to the code that uses it.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** RESERVED_KEYS.has(key), decided by the length first: this runs for every key of every payload. */
function isReserved(key: string): boolean {
  return key.length === 9 ? key === '__proto__' || key === 'prototype' : key.length === 11 && key === 'constructor';
}

function refusal(path: string, why: string): AppError {
  return new AppError('PACKAGE_VALUE_INVALID', `Giá trị tại ${path || '(gốc)'} không đưa vào gói được: ${why}.`, { path });
}

/**
 * Throws AppError PACKAGE_VALUE_INVALID unless `value` is built only from NFC strings, booleans,
 * null, arrays, plain objects (no member named as in RESERVED_KEYS) and safe integers (not -0).
 * Floats are refused because their shortest round-trip text is where JSON implementations
 * disagree; points travel as integer hundredths instead.
 */
export function assertPackageValue(value: unknown, path = ''): asserts value is PackageValue {
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'string') return checkString(value, path);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw refusal(path, `số ${String(value)} không phải số nguyên an toàn`);
    if (Object.is(value, -0)) throw refusal(path, 'số -0');
    return;
  }
  if (Array.isArray(value)) {
    // A sparse array hides `undefined` holes that canonicalize would print as null.
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw refusal(`${path}[${i}]`, 'mảng có chỗ trống');
      assertPackageValue(value[i], `${path}[${i}]`);
    }
    return;
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    if (Object.getOwnPropertySymbols(value).length > 0) throw refusal(path, 'đối tượng có khoá kiểu symbol');
    for (const key of Object.keys(value)) {
      const child = `${path}.${key}`;
      if (isReserved(key)) throw refusal(child, `tên trường "${key}" không được dùng trong gói`);
      checkString(key, child);
      assertPackageValue(value[key], child);
    }
    return;
  }
  throw refusal(path, `kiểu ${value === undefined ? 'undefined' : typeof value} không được phép`);
}

function isPackageString(s: string): boolean {
  return !NON_ASCII.test(s) || (!LONE_SURROGATE.test(s) && s.normalize('NFC') === s);
}

/**
 * True only if every string and key of the value whose RFC 8785 text is `canonical` is NFC and
 * well-formed, decided in one native pass over the text. Sound because, without `\u` escapes, the
 * text holds each string verbatim except `"`, `\\` and five controls (written as a backslash and
 * an ASCII character). Those seven characters, the quotes around strings and the backslash never
 * compose or reorder with a neighbour, so they cut a string into pieces normalised independently,
 * and each piece is in the text as is. The letter after a backslash (n, t...) may compose with a
 * following mark, which only makes the text fail (a false "not shown", never a false "NFC").
 * Lone surrogates are always `\u`-escaped by RFC 8785. On false the caller checks string by string.
 */
export function stringsAreNfcIn(canonical: string): boolean {
  return !canonical.includes('\\u') && canonical.normalize('NFC') === canonical;
}

/**
 * The same decision as assertPackageValue (true exactly when it would not throw), without
 * building a path for every value: the verifier's fast check. A false answer is explained by
 * running assertPackageValue, which names the path. Property-tested against it.
 * `stringsChecked`: the caller has shown every string NFC and well-formed (stringsAreNfcIn).
 */
export function isPackageValue(value: unknown, stringsChecked = false): value is PackageValue {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'string') return stringsChecked || isPackageString(value);
  if (typeof value === 'number') return Number.isSafeInteger(value) && !Object.is(value, -0);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !isPackageValue(value[i], stringsChecked)) return false;
    return true;
  }
  if (typeof value !== 'object' || !isPlainObject(value) || Object.getOwnPropertySymbols(value).length > 0) return false;
  for (const key of Object.keys(value)) {
    if (isReserved(key) || !(stringsChecked || isPackageString(key)) || !isPackageValue(value[key], stringsChecked)) return false;
  }
  return true;
}

/**
 * The exporter's side of the NFC rule: returns a deep copy with every string and object key
 * normalised to NFC, then checked by assertPackageValue. Two keys that become equal after
 * normalisation are refused rather than silently merged.
 */
export function toPackageValue(value: unknown, path = ''): PackageValue {
  let out: unknown;
  if (typeof value === 'string') out = NON_ASCII.test(value) ? value.normalize('NFC') : value;
  else if (Array.isArray(value)) out = value.map((v, i) => toPackageValue(v, `${path}[${i}]`));
  else if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    const copy: Record<string, PackageValue> = {};
    for (const key of Object.keys(value)) {
      const k = key.normalize('NFC');
      if (Object.prototype.hasOwnProperty.call(copy, k)) throw refusal(`${path}.${k}`, 'hai khoá trùng nhau sau khi chuẩn hoá NFC');
      // defineProperty: a key named "__proto__" must stay an ordinary key.
      Object.defineProperty(copy, k, { value: toPackageValue(value[key], `${path}.${k}`), enumerable: true, writable: true, configurable: true });
    }
    out = copy;
  } else out = value;
  assertPackageValue(out, path);
  return out;
}

/**
 * True when JSON.stringify(value) is already its RFC 8785 form: plain objects whose keys are in
 * ascending UTF-16 order at every level (as in every file we write, and JSON.parse keeps the
 * file's order), finite numbers, no other types. JSON.stringify then writes exactly what JCS
 * writes (same string escaping, same number text, no white space), only faster.
 */
export function inCanonicalOrder(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v !== 'object') return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!(i in v) || !inCanonicalOrder(v[i])) return false;
    return true;
  }
  if (!isPlainObject(v)) return false;
  let prev: string | null = null;
  for (const k of Object.keys(v)) {
    if (prev !== null && !(prev < k)) return false;
    if (!inCanonicalOrder(v[k])) return false;
    prev = k;
  }
  return true;
}

export interface PayloadScan {
  /** inCanonicalOrder(value). */
  ordered: boolean;
  /** isPackageValue(value, true): the value rules except the per-string NFC check. */
  values: boolean;
}

/**
 * One walk answering two questions the verifier asks of the same payload, each exactly as its own
 * walk would (property-tested): is it in canonical order (for jcs), and does it follow the value
 * rules apart from strings (for step 6, which uses the answer only after the signature passed).
 */
export function scanPayload(value: unknown): PayloadScan {
  const out = { ordered: true, values: true };
  scan(value, out);
  return out;
}

function scan(v: unknown, out: PayloadScan): void {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) out.ordered = false;
    if (!Number.isSafeInteger(v) || Object.is(v, -0)) out.values = false;
    return;
  }
  if (typeof v !== 'object') {
    out.ordered = out.values = false;
    return;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length && (out.ordered || out.values); i++) {
      if (!(i in v)) out.ordered = out.values = false;
      else scan(v[i], out);
    }
    return;
  }
  if (!isPlainObject(v)) {
    out.ordered = out.values = false;
    return;
  }
  if (Object.getOwnPropertySymbols(v).length > 0) out.values = false;
  let prev: string | null = null;
  for (const k of Object.keys(v)) {
    if (!out.ordered && !out.values) return;
    if (prev !== null && !(prev < k)) out.ordered = false;
    if (isReserved(k)) out.values = false;
    scan(v[k], out);
    prev = k;
  }
}

/** RFC 8785 text of a value, with no policy check: used by tests against the JCS vectors. */
export function jcs(value: unknown): string {
  return jcsKnowingOrder(value, inCanonicalOrder(value));
}

/** jcs, when the caller already knows inCanonicalOrder(value) (from scanPayload). */
export function jcsKnowingOrder(value: unknown, ordered: boolean): string {
  if (ordered) {
    const fast = JSON.stringify(value);
    if (fast !== undefined) return fast;
  }
  const text = canonicalize(value);
  if (text === undefined) throw new AppError('PACKAGE_VALUE_INVALID', 'Giá trị không có dạng JSON.');
  return text;
}

/**
 * UTF-8(prefix + RFC 8785 text of `value`) written straight into one buffer, never holding the
 * canonical text as a string: for large payloads, whose text would take twice its byte size
 * again. Same bytes as encoding prefix + jcs(value) (property-tested) for parsed JSON values.
 * `capacity` is the expected size: the verifier passes the file's size plus the prefix, which the
 * canonical form of a value parsed from that file never exceeds (it drops white space and never
 * spells a character longer than the file did); the buffer grows if it must.
 */
export function canonicalBytes(prefix: string, value: unknown, capacity: number): Uint8Array {
  const w = new ByteWriter(capacity);
  w.text(prefix);
  writeCanonical(w, value);
  return w.bytes();
}

const encoder = new TextEncoder();

class ByteWriter {
  private buf: Uint8Array;
  private pos = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }
  private grow(need: number): void {
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + need));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }
  byte(c: number): void {
    if (this.pos >= this.buf.length) this.grow(1);
    this.buf[this.pos++] = c;
  }
  text(s: string): void {
    for (;;) {
      const r = encoder.encodeInto(s, this.buf.subarray(this.pos));
      if (r.read === s.length) {
        this.pos += r.written;
        return;
      }
      // Did not fit: grow to the worst case (3 bytes per UTF-16 unit) and write it again.
      this.grow(s.length * 3);
    }
  }
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
}

/** What JSON.stringify escapes in a string: `"`, `\\`, controls, and (well-formed JSON.stringify) lone surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/; // eslint-disable-line no-control-regex -- controls are what JSON escapes

/** canonicalize's algorithm (keys sorted by UTF-16 units, scalars as JSON.stringify writes them). */
function writeCanonical(w: ByteWriter, v: unknown): void {
  if (typeof v === 'string' && !NEEDS_ESCAPE.test(v)) {
    // Written as is between quotes (what JSON.stringify would write), without copying a long
    // evidence string into a second string first.
    w.byte(0x22);
    w.text(v);
    w.byte(0x22);
    return;
  }
  if (v === null || typeof v !== 'object') {
    const text = typeof v === 'number' && !Number.isFinite(v) ? undefined : JSON.stringify(v);
    if (text === undefined) throw new AppError('PACKAGE_VALUE_INVALID', 'Giá trị không có dạng JSON.');
    w.text(text);
    return;
  }
  if (Array.isArray(v)) {
    w.byte(0x5b);
    for (let i = 0; i < v.length; i++) {
      if (i > 0) w.byte(0x2c);
      const x: unknown = v[i];
      if (x === undefined || typeof x === 'symbol') w.text('null');
      else writeCanonical(w, x);
    }
    w.byte(0x5d);
    return;
  }
  w.byte(0x7b);
  let first = true;
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined || typeof x === 'symbol') continue;
    if (!first) w.byte(0x2c);
    first = false;
    w.text(JSON.stringify(k));
    w.byte(0x3a);
    writeCanonical(w, x);
  }
  w.byte(0x7d);
}

/** RFC 8785 canonical text of a payload value, after assertPackageValue. */
export function canonicalJson(value: unknown): string {
  assertPackageValue(value);
  return jcs(value);
}

/** The bytes that are signed and verified for a package of `type`. */
export function signedBytes(type: PackageType, payload: unknown): Uint8Array {
  return new TextEncoder().encode(signingPrefix(type) + canonicalJson(payload));
}

/**
 * The bytes a verifier checks a signature against: the same prefix and RFC 8785 form, but without
 * the value policy, which runs later (step 6) so that a policy failure in a genuinely signed
 * package is reported as PAYLOAD_INVALID rather than as a forgery. Throws for values RFC 8785
 * cannot represent (an overflowing number parsed as Infinity).
 */
export function verificationBytes(type: PackageType, payload: unknown): Uint8Array {
  return new TextEncoder().encode(signingPrefix(type) + jcs(payload));
}
