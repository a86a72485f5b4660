/**
 * The pure steps of package verification (docs/package-format.md, "Verification order"):
 * 1 size, 2 strict parse, 3 envelope/format/version, and 6 payload schema. Steps 4 (key known and
 * active) and 5 (signature) need the key registry and node:crypto and live in
 * electron/services/crypto/package-signer.ts. Nothing here reads the payload's content before
 * step 6, which the caller runs only after step 5 passed.
 */
import { assertPackageValue, isPackageValue, packageTypeOfFormat, stringsAreNfcIn, FORMAT_VERSION, type PackageType } from './canonical';
import { envelopeHeadSchema, envelopeSchema, PAYLOAD_SCHEMAS, SIGNATURE_COUNT, type Envelope } from './envelope';
import { parseStrictJsonFast } from './strict-json';
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
    'Tệp quá lớn so với giới hạn của một gói. Hãy kiểm tra đã chọn đúng tệp chưa, hoặc liên hệ đơn vị gửi.',
  NOT_JSON:
    'Tệp không đọc được như một gói dữ liệu: có thể tệp bị hỏng hoặc chưa chép xong. Hãy xin đơn vị gửi lại tệp.',
  DUPLICATE_KEY:
    'Tệp có một trường bị lặp lại nên không biết giá trị nào là đúng: tệp đã bị sửa bằng tay hoặc bị hỏng. Hãy xin đơn vị gửi lại tệp gốc.',
  ENVELOPE_INVALID:
    'Tệp không có cấu trúc của một gói đã ký (thiếu nội dung hoặc chữ ký). Hãy kiểm tra đã chọn đúng tệp, hoặc xin gửi lại.',
  FORMAT_UNKNOWN:
    'Tệp không phải loại gói mà ứng dụng này nhận. Hãy kiểm tra đã chọn đúng tệp.',
  VERSION_UNSUPPORTED:
    'Gói được tạo theo phiên bản định dạng mà ứng dụng này chưa hỗ trợ. Hãy cập nhật ứng dụng lên phiên bản mới nhất rồi nhập lại.',
  KEY_UNKNOWN:
    'Gói được ký bằng một khóa chưa được đăng ký. Hãy đối chiếu mã xã và dấu vân tay khóa trên phiếu đăng ký, duyệt đăng ký khóa, rồi nhập lại.',
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

/** Step 1: size, then UTF-8 decoding (invalid UTF-8 is NOT_JSON; a BOM is kept for step 2). */
export function readStep(input: Uint8Array | string, maxBytes = DEFAULT_MAX_PACKAGE_BYTES): { ok: true; text: string } | VerifyFailure {
  if (typeof input === 'string') {
    // UTF-8 never takes fewer bytes than UTF-16 code units, so this cheap bound is safe.
    if (input.length > maxBytes) return refuse('FILE_TOO_LARGE', { maxBytes });
    // …and never more than three bytes per code unit, so small texts need no counting.
    if (input.length * 3 <= maxBytes) return { ok: true, text: input };
    const size = new TextEncoder().encode(input).length;
    if (size > maxBytes) return refuse('FILE_TOO_LARGE', { size, maxBytes });
    return { ok: true, text: input };
  }
  if (input.length > maxBytes) return refuse('FILE_TOO_LARGE', { size: input.length, maxBytes });
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input) };
  } catch {
    return refuse('NOT_JSON', { reason: 'utf-8' });
  }
}

/** Step 2: strict parse (BOM, duplicate keys, trailing text). */
export function parseStep(text: string): { ok: true; value: unknown } | VerifyFailure {
  const r = parseStrictJsonFast(text);
  if (r.ok) return r;
  return refuse(r.code, {
    reason: r.reason,
    line: r.line,
    column: r.column,
    offset: r.offset,
    ...(r.key !== undefined ? { key: r.key } : {}),
  });
}

export interface EnvelopeOk {
  ok: true;
  type: PackageType;
  envelope: Envelope;
}

/** Step 3: the envelope's shape, then its format, then its version, then the signature count. */
export function envelopeStep(value: unknown): EnvelopeOk | VerifyFailure {
  const head = envelopeHeadSchema.safeParse(value);
  if (!head.success) return refuse('ENVELOPE_INVALID', { issues: head.error.issues.map((i) => i.path.join('.') || '(root)') });
  const type = packageTypeOfFormat(head.data.format);
  if (!type) return refuse('FORMAT_UNKNOWN', { format: head.data.format.slice(0, 100) });
  if (head.data.formatVersion !== FORMAT_VERSION) {
    return refuse('VERSION_UNSUPPORTED', { formatVersion: head.data.formatVersion, supported: [FORMAT_VERSION] });
  }
  const full = envelopeSchema.safeParse(value);
  if (!full.success) return refuse('ENVELOPE_INVALID', { issues: full.error.issues.map((i) => i.path.join('.') || '(root)') });
  const keyIds = full.data.signatures.map((s) => s.keyId);
  if (keyIds.length !== SIGNATURE_COUNT[type] || new Set(keyIds).size !== keyIds.length) {
    return refuse('ENVELOPE_INVALID', { signatures: keyIds.length, expected: SIGNATURE_COUNT[type] });
  }
  return { ok: true, type, envelope: full.data };
}

/**
 * Step 6, run only after every signature passed: the value rules (NFC, safe integers...) and the
 * type's payload schema. Failures list paths and zod messages, never payload values.
 */
export function payloadStep<T extends PackageType>(
  type: T,
  payload: unknown,
  /**
   * What the verifier already knows: the payload's RFC 8785 text (one pass checks every string's
   * NFC) and scanPayload(payload).values (the rest of the value rules).
   */
  known?: { canonical: string; values: boolean },
): { ok: true; payload: Record<string, unknown> } | VerifyFailure {
  // The quick walk decides; the reference walk (same decision, property-tested) runs only on a
  // refusal, to name the offending path.
  const valuesOk = known ? known.values && (stringsAreNfcIn(known.canonical) || isPackageValue(payload)) : isPackageValue(payload);
  if (!valuesOk) {
    let path: unknown;
    try {
      assertPackageValue(payload);
    } catch (e) {
      path = e instanceof AppError ? e.details?.['path'] : undefined;
    }
    return refuse('PAYLOAD_INVALID', { rule: 'package-value', path });
  }
  const r = PAYLOAD_SCHEMAS[type].safeParse(payload);
  if (!r.success) {
    return refuse('PAYLOAD_INVALID', { issues: r.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  return { ok: true, payload: r.data };
}
