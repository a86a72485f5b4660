/**
 * Checking a package file outside an import (chiso verify, the export's read-back, the bench):
 * steps 1–6 of docs/package-format.md §5, then for a commune report step 7 (the issuer names the
 * key that signed) and step 8 (every embedded evidence file has the size and SHA-256 it claims).
 *
 * Two trust modes, and the verdict says which one ran:
 *  - `registry`: the key must be one the reviewing unit enrolled (enrolled_keys), active, and
 *    enrolled for the commune the report names;
 *  - `self`: the signature is checked against the key the package carries. That proves the file
 *    is intact and was signed by SOME key, NOT that the key belongs to the commune.
 */
import { createHash } from 'node:crypto';
import type { CommuneReport } from '../../shared/package/envelope';
import { sha256Hex } from './crypto/ed25519';
import type { VerifyFailure } from '../../shared/package/verify-steps';
import { verifyEnvelope, type KeyResolver, type VerifiedPackage } from './crypto/package-signer';
import type { RegisteredKey } from './crypto/enrolment';

export type TrustMode = { kind: 'self' } | { kind: 'registry'; lookup: (keyId: string) => RegisteredKey | undefined };

export interface Verdict {
  ok: boolean;
  /** A refusal code (SIGNATURE_INVALID, KEY_UNKNOWN…, ISSUER_MISMATCH, ATTACHMENT_INVALID) or null. */
  code: string | null;
  message: string | null;
  /** Whether the key was checked against an enrolment (false in `self` mode). */
  enrolmentChecked: boolean;
  type?: string;
  keyId?: string;
  communeCode?: string;
  communeName?: string;
  year?: number;
  revision?: number;
  packageId?: string;
  sha256: string;
  details?: Record<string, unknown>;
}

const MESSAGES = {
  ISSUER_MISMATCH: 'Gói ghi tên một xã hoặc một khóa khác với khóa đã ký nó (hoặc khóa đã đăng ký cho xã khác). Không dùng gói này; hãy liên hệ xã gửi.',
  ATTACHMENT_INVALID: 'Một tài liệu kiểm chứng đính kèm trong gói không khớp kích thước hoặc mã SHA-256 đã ghi. Hãy xin xã gửi lại gói.',
} as const;

const BASE64URL = /^[A-Za-z0-9_-]*$/;
/** Text decoded per step when hashing an attachment: a multiple of 4 characters (3 MiB of bytes). */
const CHUNK_CHARS = 4 * 1024 * 1024;

/**
 * Size and SHA-256 (hex) of the bytes that canonical unpadded base64url `text` spells, else
 * undefined: one spelling per byte string. Node's decoder skips unknown characters, reads `+` and
 * `/` as `-` and `_`, and ignores non-zero trailing bits, so the alphabet is checked first and the
 * last group re-encoded and compared (full groups of four characters always re-encode to
 * themselves). Decoded and hashed a few MiB at a time, so a 50 MB attachment never sits in memory
 * a second time.
 */
export function base64UrlDigest(text: string): { size: number; sha256: string } | undefined {
  const rest = text.length % 4;
  if (rest === 1 || !BASE64URL.test(text)) return undefined;
  const hash = createHash('sha256');
  let size = 0;
  for (let at = 0; at < text.length; at += CHUNK_CHARS) {
    const piece = text.slice(at, at + CHUNK_CHARS);
    const bytes = Buffer.from(piece, 'base64url');
    if (at + CHUNK_CHARS >= text.length) {
      const tail = piece.length - (rest === 0 ? Math.min(4, piece.length) : rest);
      if (bytes.subarray((tail / 4) * 3).toString('base64url') !== piece.slice(tail)) return undefined;
    }
    hash.update(bytes);
    size += bytes.length;
  }
  return { size, sha256: hash.digest('hex') };
}

function verifiedFacts(bytes: Uint8Array, resolveKey: KeyResolver): Omit<VerifiedPackage, 'signedBytes'> | VerifyFailure {
  const r = verifyEnvelope(bytes, { resolveKey });
  return r.ok ? { ok: true, type: r.type, payload: r.payload, keyIds: r.keyIds } : r;
}

export function verifyPackageBytes(bytes: Uint8Array, trust: TrustMode): Verdict {
  const sha256 = sha256Hex(bytes);
  const enrolmentChecked = trust.kind === 'registry';
  const resolveKey: KeyResolver =
    trust.kind === 'registry'
      ? (keyId) => trust.lookup(keyId)
      : (_keyId, ctx) => (ctx.embeddedPublicKey ? { publicKey: ctx.embeddedPublicKey, status: 'active' } : undefined);
  // Only what the later steps use is kept: the signed bytes (as large as the file) can go before
  // the attachments are decoded.
  const r = verifiedFacts(bytes, resolveKey);
  if (!r.ok) return { ok: false, code: r.code, message: r.message, enrolmentChecked, sha256, ...(r.details ? { details: r.details } : {}) };
  const base = { enrolmentChecked, type: r.type, keyId: r.keyIds[0]!, sha256 };
  if (r.type !== 'commune-report') return { ok: true, code: null, message: null, ...base };
  const report = r.payload as CommuneReport;
  const facts = { ...base, communeCode: report.issuer.communeCode, communeName: report.issuer.communeName, year: report.subject.year, revision: report.revision, packageId: report.packageId };
  // 7 binding: the issuer names the signing key; in registry mode that key is the commune's.
  const registered = trust.kind === 'registry' ? trust.lookup(report.issuer.keyId) : undefined;
  if (report.issuer.keyId !== r.keyIds[0] || (trust.kind === 'registry' && registered?.communeCode !== report.issuer.communeCode)) {
    return { ok: false, code: 'ISSUER_MISMATCH', message: MESSAGES.ISSUER_MISMATCH, ...facts };
  }
  // 8 attachments
  for (const e of report.evidence) {
    const content = base64UrlDigest(e.content);
    if (!content || content.size !== e.size || content.sha256 !== e.sha256) {
      return { ok: false, code: 'ATTACHMENT_INVALID', message: MESSAGES.ATTACHMENT_INVALID, ...facts, details: { evidenceId: e.id } };
    }
  }
  return { ok: true, code: null, message: null, ...facts };
}
