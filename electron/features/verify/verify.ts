/**
 * Checking a package file outside an import (chiso verify, the export's read-back, the bench):
 * steps 1–6 of docs/package-format.md §5, then for a commune report steps 7–8 (checkReport, the
 * same function the importer runs): the issuer names the key that signed, and every referenced
 * evidence file is embedded with the size and SHA-256 it claims.
 *
 * Two trust modes, and the verdict says which checks ran:
 *  - `registry`: only commune reports; the key must be one the reviewing unit enrolled
 *    (enrolled_keys), active, and enrolled for the commune the report names; with `unit`, the
 *    report must be addressed to that unit, from a commune of its province;
 *  - `self`: the signature is checked against the key the package carries. That proves the file
 *    is intact and was signed by SOME key, NOT that the key belongs to the commune, nor that the
 *    report is meant for whoever reads it (`notChecked`).
 */
import type { CommuneReport } from '../../../shared/package/envelope';
import { sha256Hex } from '../../kernel/signing/ed25519';
import type { VerifyFailure } from '../../../shared/package/verify-steps';
import { verifyEnvelope, type KeyResolver, type ResolvedKey, type VerifiedPackage, type VerifyOptions } from '../../kernel/signing/package-signer';
import type { RegisteredKey } from '../../kernel/signing/rotation';
import { checkReport, type ReportFacts } from './report-checks';

export type TrustMode =
  | { kind: 'self' }
  | {
      kind: 'registry';
      lookup: (keyId: string) => RegisteredKey | undefined;
      /** The reviewing unit verifying: its code (the audience) and province. */
      unit?: ReportFacts['unit'];
    };

/** Checks an importer runs that this verification could not (see TrustMode). */
export type NotChecked = 'enrolment' | 'audience';

export interface Verdict {
  ok: boolean;
  /** A refusal code (SIGNATURE_INVALID, KEY_UNKNOWN…, ISSUER_MISMATCH, AUDIENCE_MISMATCH, ATTACHMENT_MISSING…) or null. */
  code: string | null;
  message: string | null;
  /** Whether the key was checked against an enrolment (false in `self` mode). */
  enrolmentChecked: boolean;
  /** Whether a report was checked to be addressed to this reviewing unit. */
  audienceChecked: boolean;
  /** What was not checked, so a valid verdict is not read as "the importer would accept it". */
  notChecked: NotChecked[];
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

/** Only what the later steps use is kept: the signed bytes (as large as the file) can go before the attachments are decoded. */
function verifiedFacts(bytes: Uint8Array, opts: VerifyOptions): Omit<VerifiedPackage, 'signedBytes'> | VerifyFailure {
  const r = verifyEnvelope(bytes, opts);
  return r.ok ? { ok: true, type: r.type, payload: r.payload, keyIds: r.keyIds } : r;
}

export function verifyPackageBytes(bytes: Uint8Array, trust: TrustMode): Verdict {
  const sha256 = sha256Hex(bytes);
  const enrolmentChecked = trust.kind === 'registry';
  const audienceChecked = trust.kind === 'registry' && trust.unit !== undefined;
  const unchecked = (type?: string): NotChecked[] => [
    ...(enrolmentChecked ? [] : ['enrolment' as const]),
    ...(audienceChecked || (type !== undefined && type !== 'commune-report') ? [] : ['audience' as const]),
  ];
  // The keys step 4 handed to step 5, kept for step 7 (the signing key and, from the registry, its commune).
  const resolved = new Map<string, { publicKey: Uint8Array; communeCode?: string }>();
  const resolveKey: KeyResolver = (keyId, ctx) => {
    const key: (RegisteredKey | (ResolvedKey & { communeCode?: undefined })) | undefined =
      trust.kind === 'registry'
        ? trust.lookup(keyId)
        : // Self mode proves only that the file is intact: the carried key stands in for whichever kind the type needs.
          ctx.embeddedPublicKey
          ? { publicKey: ctx.embeddedPublicKey, status: 'active', kind: ctx.signerKind }
          : undefined;
    if (key) resolved.set(keyId, key);
    return key;
  };
  // A reviewing unit's registry holds commune keys, and a commune key signs only reports (and the
  // request enrolling it, which is checked by its own flow): any other type signed by one is not a
  // package this unit imports, so it is never HỢP LỆ here.
  const r = verifiedFacts(bytes, { resolveKey, ...(trust.kind === 'registry' ? { accept: ['commune-report'] as const } : {}) });
  const modes = { enrolmentChecked, audienceChecked };
  if (!r.ok) return { ok: false, code: r.code, message: r.message, ...modes, notChecked: unchecked(), sha256, ...(r.details ? { details: r.details } : {}) };
  const keyId = r.keyIds[0]!;
  const base = { ...modes, notChecked: unchecked(r.type), type: r.type, keyId, sha256 };
  if (r.type !== 'commune-report') return { ok: true, code: null, message: null, ...base };
  const report = r.payload as CommuneReport;
  const facts = { ...base, communeCode: report.issuer.communeCode, communeName: report.issuer.communeName, year: report.subject.year, revision: report.revision, packageId: report.packageId };
  const signer = resolved.get(keyId)!;
  const checked = checkReport(report, {
    signingKey: { keyId, publicKey: signer.publicKey },
    ...(trust.kind === 'registry' ? { enrolment: { communeCode: signer.communeCode ?? '' } } : {}),
    ...(trust.kind === 'registry' && trust.unit ? { unit: trust.unit } : {}),
  });
  if (!checked.ok) return { ...facts, ok: false, code: checked.code, message: checked.message, ...(checked.details ? { details: checked.details } : {}) };
  return { ok: true, code: null, message: null, ...facts };
}
