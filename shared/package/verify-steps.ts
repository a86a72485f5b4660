/**
 * The pure steps of package verification (docs/package-format.md, "Verification order"):
 * 1 size, 2 strict parse, 3 envelope/format/version, and 6 payload schema. Steps 4 (key known and
 * active) and 5 (signature) need the key registry and node:crypto and live in
 * electron/services/crypto/package-signer.ts. Nothing here reads the payload's content before
 * step 6, which the caller runs only after step 5 passed.
 */
import { assertPackageValue, isPackageValue, packageTypeOfFormat, stringsAreNfcIn, FORMAT_VERSION, type PackageType } from './canonical';
import { issuesVi, safeParseVi } from './issues';
import { envelopeHeadSchema, envelopeSchema, PAYLOAD_SCHEMAS, SIGNATURE_COUNT, type Envelope } from './envelope';
import { parseStrictJsonBytes, type JsonLimits, type JsonSpan } from './strict-json';
import { AppError } from '../errors';

export const REFUSAL_CODES = [
  'FILE_TOO_LARGE',
  'NOT_JSON',
  'DUPLICATE_KEY',
  'ENVELOPE_INVALID',
  'FORMAT_UNKNOWN',
  'VERSION_UNSUPPORTED',
  'KEY_UNKNOWN',
  'KEY_REVOKED',
  'KEY_WEAK',
  'KEY_WRONG_KIND',
  'SIGNATURE_INVALID',
  'PAYLOAD_INVALID',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** What happened and what to do, for the person importing. Technical details go in `details`. */
export const REFUSAL_MESSAGES: Readonly<Record<RefusalCode, string>> = {
  FILE_TOO_LARGE:
    'Tệp quá lớn, hoặc có quá nhiều phần tử so với giới hạn cho loại tệp này (giới hạn ghi trong chi tiết). Hãy kiểm tra đã chọn đúng tệp chưa, hoặc liên hệ đơn vị gửi.',
  NOT_JSON:
    'Tệp không đọc được như một gói dữ liệu: có thể tệp bị hỏng hoặc chưa chép xong. Hãy xin đơn vị gửi lại tệp.',
  DUPLICATE_KEY:
    'Tệp có một trường bị lặp lại nên không biết giá trị nào là đúng: tệp đã bị sửa bằng tay hoặc bị hỏng. Hãy xin đơn vị gửi lại tệp gốc.',
  ENVELOPE_INVALID:
    'Tệp không có cấu trúc của một gói đã ký (thiếu nội dung hoặc chữ ký). Hãy kiểm tra đã chọn đúng tệp, hoặc xin gửi lại.',
  FORMAT_UNKNOWN:
    'Tệp không phải loại gói mà ứng dụng này nhận. Hãy kiểm tra đã chọn đúng tệp.',
  VERSION_UNSUPPORTED:
    'Gói được tạo theo phiên bản định dạng mà ứng dụng này chưa hỗ trợ. Hãy cập nhật ứng dụng lên phiên bản mới nhất rồi nạp lại tệp.',
  KEY_UNKNOWN:
    'Gói được ký bằng một khóa chưa được đăng ký. Hãy đối chiếu mã xã và dấu vân tay khóa trên phiếu đăng ký, duyệt đăng ký khóa, rồi nhận lại hồ sơ.',
  KEY_REVOKED:
    'Khóa ký gói này đã bị thu hồi nên gói không được chấp nhận. Hãy đề nghị đơn vị gửi ký lại bằng khóa mới đã được đăng ký.',
  KEY_WEAK:
    'Gói được ký bằng một khóa công khai không hợp lệ (khóa yếu hoặc sai định dạng), loại khóa mà bất kỳ ai cũng có thể giả chữ ký. Không dùng gói này; hãy báo cho đơn vị thẩm định.',
  KEY_WRONG_KIND:
    'Gói loại này không được ký bằng loại khóa đã ký nó: báo cáo và đề nghị đăng ký phải do khóa của xã ký; quyết định duyệt, bộ tiêu chí và kết quả thẩm định phải do khóa của đơn vị thẩm định ký. Không dùng gói này; hãy liên hệ đơn vị gửi.',
  SIGNATURE_INVALID:
    'Chữ ký không khớp với nội dung: gói đã bị sửa sau khi ký, hoặc bị hỏng. Không dùng gói này; hãy xin đơn vị gửi lại bản gốc.',
  PAYLOAD_INVALID:
    'Chữ ký hợp lệ nhưng nội dung gói không đúng định dạng (có thể do hai bên dùng phiên bản ứng dụng khác nhau). Hãy báo cho đơn vị gửi, kèm chi tiết kỹ thuật.',
};

export interface VerifyFailure {
  ok: false;
  code: RefusalCode;
  message: string;
  details?: Record<string, unknown>;
}

export function refuse(code: RefusalCode, details?: Record<string, unknown>): VerifyFailure {
  return { ok: false, code, message: REFUSAL_MESSAGES[code], ...(details ? { details } : {}) };
}

/** Refusal as an AppError, for callers that throw. */
export function refusalError(f: VerifyFailure): AppError {
  return new AppError(f.code, f.message, f.details);
}

/** 256 MiB: evidence is embedded, so a report can be large; anything bigger is not ours. */
export const DEFAULT_MAX_PACKAGE_BYTES = 256 * 1024 * 1024;

/**
 * Files up to this size are decoded to one string and parsed by JSON.parse (fastest); larger ones
 * are parsed straight from their bytes and their signed bytes written without a canonical string,
 * which keeps the memory of a 240 MB package near three times its size instead of ten.
 */
export const TEXT_PATH_MAX_BYTES = 4 * 1024 * 1024;

// With the `u` flag a well-formed pair is one code point, so this class matches only lone halves.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** What step 1 hands to step 2: the file's bytes, and its text when it is small enough to decode. */
export interface ReadOk {
  ok: true;
  bytes: Uint8Array;
  text?: string;
}

/**
 * Step 1: size, then UTF-8 (invalid UTF-8 is NOT_JSON; a BOM is kept for step 2). A string is
 * taken as the text of a file: one that no UTF-8 file can hold (a lone surrogate) is NOT_JSON too.
 */
export function readStep(input: Uint8Array | string, maxBytes = DEFAULT_MAX_PACKAGE_BYTES, textMaxBytes = TEXT_PATH_MAX_BYTES): ReadOk | VerifyFailure {
  if (typeof input === 'string') {
    // UTF-8 never takes fewer bytes than UTF-16 code units, so this cheap bound is safe.
    if (input.length > maxBytes) return refuse('FILE_TOO_LARGE', { maxBytes });
    if (LONE_SURROGATE.test(input)) return refuse('NOT_JSON', { reason: 'utf-8' });
    const bytes = new TextEncoder().encode(input);
    if (bytes.length > maxBytes) return refuse('FILE_TOO_LARGE', { size: bytes.length, maxBytes });
    return { ok: true, bytes, text: input };
  }
  if (input.length > maxBytes) return refuse('FILE_TOO_LARGE', { size: input.length, maxBytes });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
  } catch {
    return refuse('NOT_JSON', { reason: 'utf-8' });
  }
  return input.length <= textMaxBytes ? { ok: true, bytes: input, text } : { ok: true, bytes: input };
}

/**
 * Step 2: strict parse (BOM, syntax, depth, integer numbers, size limits, duplicate keys). Also
 * says where the payload is written in the file and whether in its RFC 8785 form (the signed
 * bytes can then be taken from the file).
 */
export function parseStep(read: ReadOk, limits?: Partial<JsonLimits>): { ok: true; value: unknown; payloadSpan?: JsonSpan } | VerifyFailure {
  const r = parseStrictJsonBytes(read.bytes, { ...(read.text !== undefined ? { text: read.text } : {}), ...(limits ? { limits } : {}), spanKey: 'payload' });
  if (r.ok) return r.span ? { ok: true, value: r.value, payloadSpan: r.span } : { ok: true, value: r.value };
  return refuse(r.code, {
    reason: r.reason,
    line: r.line,
    column: r.column,
    offset: r.offset,
    ...(r.key !== undefined ? { key: r.key } : {}),
    ...(r.limit !== undefined ? { limit: r.limit, max: r.max } : {}),
  });
}

export interface EnvelopeOk {
  ok: true;
  type: PackageType;
  /** The parsed objects themselves, not a schema's copy: `payload` is exactly what the file holds. */
  envelope: Envelope;
}

/**
 * Step 3: the envelope's shape, then its format, then its version, then the signature count.
 * The schema only judges; what is handed on are the parsed objects, because a schema's output
 * can differ from its input (zod's record drops a member named "__proto__").
 */
export function envelopeStep(value: unknown): EnvelopeOk | VerifyFailure {
  const head = safeParseVi(envelopeHeadSchema, value);
  if (!head.success) return refuse('ENVELOPE_INVALID', { issues: issuesVi(head.error) });
  const type = packageTypeOfFormat(head.data.format);
  if (!type) return refuse('FORMAT_UNKNOWN', { format: head.data.format.slice(0, 100) });
  if (head.data.formatVersion !== FORMAT_VERSION) {
    return refuse('VERSION_UNSUPPORTED', { formatVersion: head.data.formatVersion, supported: [FORMAT_VERSION] });
  }
  const full = safeParseVi(envelopeSchema, value);
  if (!full.success) return refuse('ENVELOPE_INVALID', { issues: issuesVi(full.error) });
  const keyIds = full.data.signatures.map((s) => s.keyId);
  if (keyIds.length !== SIGNATURE_COUNT[type] || new Set(keyIds).size !== keyIds.length) {
    return refuse('ENVELOPE_INVALID', { signatures: keyIds.length, expected: SIGNATURE_COUNT[type] });
  }
  const parsed = value as Envelope;
  return { ok: true, type, envelope: { format: parsed.format, formatVersion: parsed.formatVersion, payload: parsed.payload, signatures: parsed.signatures } };
}

/**
 * Step 6, run only after every signature passed: the value rules (NFC, safe integers, no member
 * named __proto__, constructor or prototype...) and the type's payload schema. Failures list paths
 * and zod messages, never payload values. On success the payload handed back is the very object
 * that was checked and signed, not the schema's copy of it.
 */
export function payloadStep<T extends PackageType>(
  type: T,
  payload: unknown,
  /**
   * What the verifier already knows: the payload's RFC 8785 text (one pass checks every string's
   * NFC) and scanPayload(payload).values (the rest of the value rules).
   */
  known?: { canonical?: string | undefined; values: boolean },
): { ok: true; payload: Record<string, unknown> } | VerifyFailure {
  // The quick walk decides; the reference walk (same decision, property-tested) runs only on a
  // refusal, to name the offending path.
  const valuesOk = known
    ? known.values && ((known.canonical !== undefined && stringsAreNfcIn(known.canonical)) || isPackageValue(payload))
    : isPackageValue(payload);
  if (!valuesOk) {
    let path: unknown;
    try {
      assertPackageValue(payload);
    } catch (e) {
      path = e instanceof AppError ? e.details?.['path'] : undefined;
    }
    return refuse('PAYLOAD_INVALID', { rule: 'package-value', path });
  }
  const r = safeParseVi(PAYLOAD_SCHEMAS[type], payload);
  if (!r.success) {
    return refuse('PAYLOAD_INVALID', { issues: issuesVi(r.error) });
  }
  return { ok: true, payload: payload as Record<string, unknown> };
}
