/**
 * Steps 7 and 8 of verifying a commune report (docs/package-format.md §5, ../shared/PACKAGE.md),
 * run on a payload whose signature (step 5) and schema (step 6) already passed. One function for
 * every caller (`chiso verify`, the importer), over the payload and what the caller knows: the
 * key that signed, and, at a reviewing unit, the commune that key is enrolled for and the unit
 * itself. Reads no database and no file: the caller brings the facts.
 *
 * 7 binding: the issuer names the key that signed (key id and public key), the key is enrolled
 *   for the commune the issuer names, the commune is in the unit's province, and the report is
 *   addressed to this unit.
 * 8 attachments: one content per evidence id; every embedded file decodes (canonical base64url)
 *   to the size and SHA-256 written beside it; every file an item refers to is embedded, with the
 *   same size, SHA-256 and type. The file name is the attachment's label: the same bytes attached
 *   to two items under two names travel once, under the first name.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { CommuneReport, EvidenceRef } from '../../../shared/package/envelope';
import { REPORT_REFUSAL_MESSAGES, type ReportRefusalCode } from '../../../shared/package/report-refusals';

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

export interface ReportFacts {
  /** The key whose signature verified (step 5). */
  signingKey: { keyId: string; publicKey: Uint8Array };
  /** At a reviewing unit: the commune its registry enrolled the signing key for. */
  enrolment?: { communeCode: string };
  /** At a reviewing unit: who it is. `provinceCode` null when the unit has none on record. */
  unit?: { unitCode: string; provinceCode: string | null };
}

export interface ReportRefusal {
  ok: false;
  code: ReportRefusalCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Which checks could run: without a reviewing unit's facts, enrolment and audience could not. */
export type ReportCheck = { ok: true; checked: { enrolment: boolean; audience: boolean } } | ReportRefusal;

function refuse(code: ReportRefusalCode, details?: Record<string, unknown>): ReportRefusal {
  return { ok: false, code, message: REPORT_REFUSAL_MESSAGES[code], ...(details ? { details } : {}) };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Step 7. */
function checkBinding(report: CommuneReport, facts: ReportFacts): ReportRefusal | undefined {
  const { issuer } = report;
  if (issuer.keyId !== facts.signingKey.keyId) return refuse('ISSUER_KEY_MISMATCH', { field: 'issuer.keyId', keyId: facts.signingKey.keyId });
  // The schema allows only the canonical 43-character spelling, so decoding is one-to-one.
  if (!sameBytes(Buffer.from(issuer.publicKey, 'base64url'), facts.signingKey.publicKey)) {
    return refuse('ISSUER_KEY_MISMATCH', { field: 'issuer.publicKey', keyId: facts.signingKey.keyId });
  }
  if (facts.enrolment && facts.enrolment.communeCode !== issuer.communeCode) {
    return refuse('ISSUER_MISMATCH', { communeCode: issuer.communeCode, enrolledCommuneCode: facts.enrolment.communeCode, keyId: facts.signingKey.keyId });
  }
  if (facts.unit) {
    if (facts.unit.provinceCode && facts.unit.provinceCode !== issuer.provinceCode) {
      return refuse('ISSUER_PROVINCE_MISMATCH', { provinceCode: issuer.provinceCode, unitProvinceCode: facts.unit.provinceCode });
    }
    if (report.audience.reviewingUnitCode !== facts.unit.unitCode) {
      return refuse('AUDIENCE_MISMATCH', { reviewingUnitCode: report.audience.reviewingUnitCode, unitCode: facts.unit.unitCode });
    }
  }
  return undefined;
}

type Entry = CommuneReport['evidence'][number];
const sameEntry = (a: Entry, b: Entry): boolean =>
  a.name === b.name && a.mediaType === b.mediaType && a.size === b.size && a.sha256 === b.sha256 && a.content === b.content;

/** Step 8. */
function checkAttachments(report: CommuneReport): ReportRefusal | undefined {
  const byId = new Map<string, Entry>();
  for (const e of report.evidence) {
    const seen = byId.get(e.id);
    if (seen) {
      if (!sameEntry(seen, e)) return refuse('ATTACHMENT_DUPLICATE', { evidenceId: e.id });
      continue; // an identical repeat: the same file, checked once
    }
    byId.set(e.id, e);
    // Node's decoder skips characters outside the alphabet and ignores unused trailing bits;
    // re-encoding and comparing keeps one spelling per byte string.
    const content = base64UrlDigest(e.content);
    if (!content || content.size !== e.size || content.sha256 !== e.sha256) {
      return refuse('ATTACHMENT_INVALID', { evidenceId: e.id });
    }
  }
  for (const item of report.items) {
    for (const ref of item.evidence) {
      const embedded = byId.get(ref.id);
      if (!embedded) return refuse('ATTACHMENT_MISSING', { itemCode: item.code, evidenceId: ref.id });
      const field = (['sha256', 'size', 'mediaType'] as const satisfies readonly (keyof EvidenceRef)[]).find((f) => embedded[f] !== ref[f]);
      if (field) return refuse('ATTACHMENT_MISMATCH', { itemCode: item.code, evidenceId: ref.id, field });
    }
  }
  return undefined;
}

/**
 * Steps 7–8 for a report that passed steps 1–6. The first refusal, or which of the checks that
 * need a reviewing unit (enrolment, audience) could run with the facts given.
 */
export function checkReport(report: CommuneReport, facts: ReportFacts): ReportCheck {
  const refusal = checkBinding(report, facts) ?? checkAttachments(report);
  if (refusal) return refusal;
  return { ok: true, checked: { enrolment: facts.enrolment !== undefined, audience: facts.unit !== undefined } };
}
