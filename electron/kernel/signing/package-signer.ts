/**
 * Signing and verifying package envelopes (docs/package-format.md). verifyEnvelope runs the
 * verification steps 1–6 in order and returns the first refusal; the payload is handed back only
 * after every signature passed and the payload schema accepted it. Steps 7–10 (issuer binding,
 * attachments, revisions, the write) belong to the importer.
 */
import { AppError } from '../../../shared/errors';
import { fromBase64Url, toBase64Url } from '../../../shared/package/base64url';
import {
  canonicalBytes,
  canonicalJson,
  FORMAT_NAME,
  FORMAT_VERSION,
  jcs,
  jcsKnowingOrder,
  scanPayload,
  signedBytes,
  signingPrefix,
  toPackageValue,
  type PackageType,
} from '../../../shared/package/canonical';
import { COMMUNE_CODE_PATTERN, embeddedPublicKeyOf, PAYLOAD_SCHEMAS, SIGNATURE_COUNT, SIGNER_KINDS, type Envelope, type SignerKind } from '../../../shared/package/envelope';
import { isUtf8 } from 'node:buffer';
import type { JsonLimits } from '../../../shared/package/strict-json';
import {
  DEFAULT_MAX_PACKAGE_BYTES,
  envelopeStep,
  parseStep,
  payloadStep,
  readStep,
  refuse,
  TEXT_PATH_MAX_BYTES,
  type ReadOk,
  type VerifyFailure,
} from '../../../shared/package/verify-steps';
import { issuesVi, safeParseVi } from '../../../shared/package/issues';
import { keyIdOf, keyProblem, verify } from './ed25519';
import { signatureProblem } from './ed25519-point';
import type { Signer } from './signer';

/** Builds a signed envelope. The payload is NFC-normalised and checked before anything is signed. */
export function signPackage(type: PackageType, payload: unknown, signers: readonly Signer[]): Envelope {
  const value = toPackageValue(payload);
  const schema = safeParseVi(PAYLOAD_SCHEMAS[type], value);
  if (!schema.success) {
    throw new AppError('PAYLOAD_INVALID', 'Nội dung gói chưa đúng định dạng nên chưa ký được.', { issues: issuesVi(schema.error) });
  }
  const keyIds = signers.map((s) => s.keyId);
  if (keyIds.length !== SIGNATURE_COUNT[type] || new Set(keyIds).size !== keyIds.length) {
    throw new AppError('INVALID_INPUT', `A ${type} package needs ${SIGNATURE_COUNT[type]} distinct signing keys.`);
  }
  const bytes = signedBytes(type, value);
  return {
    format: FORMAT_NAME[type],
    formatVersion: FORMAT_VERSION,
    // Stored in canonical key order, so the file reads the same as the signed form.
    payload: JSON.parse(canonicalJson(value)) as Record<string, unknown>,
    signatures: signers.map((s) => ({ alg: 'Ed25519' as const, keyId: s.keyId, sig: toBase64Url(s.sign(bytes)) })),
  };
}

/** Where serializeEnvelope puts the payload: right after this text, on the same line. */
const PAYLOAD_MARK = '\n  "payload": ';

/**
 * The file text of an envelope: UTF-8, no BOM, two-space indentation, a final newline, and the
 * payload on one line in its RFC 8785 form, so the file holds the signed bytes verbatim and a
 * verifier can check the signature over them without rebuilding them (see verifyEnvelope, step 5).
 */
export function serializeEnvelope(envelope: Envelope): string {
  const signatures = JSON.stringify(envelope.signatures, null, 2).replace(/\n/g, '\n  ');
  return (
    `{\n  "format": ${JSON.stringify(envelope.format)},\n  "formatVersion": ${JSON.stringify(envelope.formatVersion)},` +
    `${PAYLOAD_MARK}${jcs(envelope.payload)},\n  "signatures": ${signatures}\n}\n`
  );
}

/**
 * The text of bytes [start, end) of a file whose whole text is `text`: a slice of it when the
 * bytes before and after are ASCII (one character each, as the envelope around a payload is), so
 * the payload is not decoded a second time; else decoded from the bytes.
 */
function spanText(bytes: Uint8Array, text: string, start: number, end: number): string {
  let ascii = true;
  for (let k = 0; k < start && ascii; k++) ascii = bytes[k]! < 0x80;
  for (let k = end; k < bytes.length && ascii; k++) ascii = bytes[k]! < 0x80;
  if (ascii) return text.slice(start, text.length - (bytes.length - end));
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
}

export interface ResolvedKey {
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
  status: 'active' | 'revoked';
  /** Whose key it is: a commune's (enrolled) or a reviewing unit's (pinned). */
  kind: SignerKind;
  /**
   * The resolver's registry admitted this key only after the full check (assertStrongPublicKey,
   * at enrolment or rotation), so step 4 checks its encoding again (length, canonical, not of
   * small order) but not the subgroup arithmetic, which costs more than the signature itself.
   * Never set it for a key that came from the package (an embedded key).
   */
  vetted?: boolean;
}

export interface ResolveContext {
  type: PackageType;
  /** The kind of key this package type requires for this signature (SIGNER_KINDS). */
  signerKind: SignerKind;
  /**
   * The public key the payload names for its own signer (enrolment request, approval, rotation),
   * offered only when it hashes to the keyId being resolved. Unverified: return it only where the
   * trust comes from elsewhere (an out-of-band fingerprint check).
   */
  embeddedPublicKey?: Uint8Array;
}

export type KeyResolver = (keyId: string, ctx: ResolveContext) => ResolvedKey | undefined;

export interface VerifyOptions {
  resolveKey: KeyResolver;
  maxBytes?: number;
  /** Package types this caller accepts; others are refused as FORMAT_UNKNOWN. */
  accept?: readonly PackageType[];
  /** Parse limits instead of PACKAGE_JSON_LIMITS (tests lower them). */
  limits?: Partial<JsonLimits>;
  /**
   * Byte inputs up to this size are parsed from their text (JSON.parse) and larger ones from their
   * bytes; both give the same decision (property-tested). Default TEXT_PATH_MAX_BYTES.
   */
  textPathMaxBytes?: number;
}

export interface VerifiedPackage {
  ok: true;
  type: PackageType;
  payload: Record<string, unknown>;
  keyIds: string[];
  /** The exact bytes the signatures cover (prefix line + canonical payload). */
  signedBytes: Uint8Array;
}

export type VerifyResult = VerifiedPackage | VerifyFailure;

/** The commune a package claims, for the KEY_UNKNOWN message only: unverified, display only. */
function claimedCommune(payload: Record<string, unknown>): string | undefined {
  const issuer = payload['issuer'];
  const fromIssuer = typeof issuer === 'object' && issuer !== null ? (issuer as Record<string, unknown>)['communeCode'] : undefined;
  const commune = payload['commune'];
  const fromCommune = typeof commune === 'object' && commune !== null ? (commune as Record<string, unknown>)['code'] : undefined;
  const code = fromIssuer ?? fromCommune ?? payload['communeCode'];
  return typeof code === 'string' && COMMUNE_CODE_PATTERN.test(code) ? code : undefined;
}

/**
 * Step 1 in Node: the same checks as readStep (size, then strict UTF-8, BOM kept for step 2), with
 * Node's native UTF-8 validation and decoding, several times faster than TextDecoder on big files,
 * and no decoding at all for a file too large for the text path.
 */
function readBytes(input: Uint8Array | string, maxBytes: number, textMaxBytes: number): ReadOk | VerifyFailure {
  if (typeof input === 'string') return readStep(input, maxBytes, textMaxBytes);
  if (input.length > maxBytes) return refuse('FILE_TOO_LARGE', { size: input.length, maxBytes });
  if (!isUtf8(input)) return refuse('NOT_JSON', { reason: 'utf-8' });
  if (input.length > textMaxBytes) return { ok: true, bytes: input };
  return { ok: true, bytes: input, text: Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8') };
}

export function verifyEnvelope(input: Uint8Array | string, opts: VerifyOptions): VerifyResult {
  // 1 read (size limit, UTF-8)
  const read = readBytes(input, opts.maxBytes ?? DEFAULT_MAX_PACKAGE_BYTES, opts.textPathMaxBytes ?? TEXT_PATH_MAX_BYTES);
  if (!read.ok) return read;
  // 2 parse (syntax, depth, integer numbers, size limits, duplicate keys, BOM, trailing text)
  const parsed = parseStep(read, opts.limits);
  if (!parsed.ok) return parsed;
  // 3 envelope schema, format, version
  const env = envelopeStep(parsed.value);
  if (!env.ok) return env;
  const { type, envelope } = env;
  if (opts.accept && !opts.accept.includes(type)) return refuse('FORMAT_UNKNOWN', { format: envelope.format, expected: opts.accept.map((t) => FORMAT_NAME[t]) });

  // 4 every key known and active
  const embeddedText = embeddedPublicKeyOf(type, envelope.payload);
  const embedded = embeddedText === undefined ? undefined : fromBase64Url(embeddedText);
  const keys: Uint8Array[] = [];
  const vetted: boolean[] = [];
  for (const [i, s] of envelope.signatures.entries()) {
    const offered = embedded && keyIdOf(embedded) === s.keyId ? embedded : undefined;
    const signerKind = SIGNER_KINDS[type][i]!;
    const resolved = opts.resolveKey(s.keyId, { type, signerKind, ...(offered ? { embeddedPublicKey: offered } : {}) });
    // A registry entry whose key does not hash to the id is as good as no entry.
    if (!resolved || keyIdOf(resolved.publicKey) !== s.keyId) {
      const commune = claimedCommune(envelope.payload);
      return refuse('KEY_UNKNOWN', { keyId: s.keyId, ...(commune ? { claimedCommuneCode: commune, unverified: true } : {}) });
    }
    // A small-order or non-canonical key verifies forged signatures: refused wherever it came from
    // (a vetted key passed the full check when it entered the registry: its encoding is checked again).
    // The package's own embedded key is never vetted, whatever the resolver says.
    const isVetted = resolved.vetted === true && resolved.publicKey !== offered;
    const weak = keyProblem(resolved.publicKey, isVetted);
    if (weak !== null) return refuse('KEY_WEAK', { keyId: s.keyId, reason: weak });
    // A commune key never signs for the reviewing unit, nor the other way round.
    if (resolved.kind !== signerKind) return refuse('KEY_WRONG_KIND', { keyId: s.keyId, expected: signerKind, actual: resolved.kind });
    if (resolved.status !== 'active') return refuse('KEY_REVOKED', { keyId: s.keyId });
    keys.push(resolved.publicKey);
    vetted.push(isVetted);
  }

  // 5 signatures, over the canonical form of the very payload object parsed from the file.
  // One walk serves step 5 (is the payload already in canonical order?) and step 6 (value rules);
  // step 6's answer is not looked at before every signature has passed.
  const scanned = scanPayload(envelope.payload);
  const prefix = signingPrefix(type);
  // A string input always rebuilds the bytes: the reference the span shortcut is tested against.
  const span = typeof input === 'string' ? undefined : parsed.payloadSpan;
  let canonical: string | undefined;
  let bytes: Uint8Array;
  try {
    if (span?.canonical) {
      // The file holds the payload in its RFC 8785 form (the scan checked it on the bytes): the
      // signed bytes are the prefix line and that span, not re-encoded.
      bytes = new Uint8Array(prefix.length + (span.end - span.start));
      for (let k = 0; k < prefix.length; k++) bytes[k] = prefix.charCodeAt(k);
      bytes.set(read.bytes.subarray(span.start, span.end), prefix.length);
      if (read.text !== undefined) canonical = spanText(read.bytes, read.text, span.start, span.end);
    } else if (read.text !== undefined) {
      canonical = jcsKnowingOrder(envelope.payload, scanned.ordered);
      bytes = new TextEncoder().encode(prefix + canonical);
    } else {
      // Large file, payload not in canonical form: the bytes are written directly, never the
      // canonical text as a string.
      bytes = canonicalBytes(prefix, envelope.payload, read.bytes.length + prefix.length);
    }
  } catch {
    return refuse('SIGNATURE_INVALID', { reason: 'not-canonicalisable' });
  }
  for (const [i, s] of envelope.signatures.entries()) {
    const sig = fromBase64Url(s.sig);
    // One spelling per signature (S < L): refused before OpenSSL, with the reason.
    const problem = sig ? signatureProblem(sig) : 'length';
    if (problem !== null) return refuse('SIGNATURE_INVALID', { keyId: s.keyId, reason: problem });
    if (!verify(keys[i]!, bytes, sig!, vetted[i])) return refuse('SIGNATURE_INVALID', { keyId: s.keyId });
  }

  // 6 payload schema (and the value rules: NFC, safe integers)
  const payload = payloadStep(type, envelope.payload, { canonical, values: scanned.values });
  if (!payload.ok) return payload;
  return { ok: true, type, payload: payload.payload, keyIds: envelope.signatures.map((s) => s.keyId), signedBytes: bytes };
}
