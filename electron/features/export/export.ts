/**
 * The commune's signed report (docs/package-format.md §8): gathered through ReportSources, signed
 * with the commune key, written safely, read back and verified, and recorded, all in ONE
 * transaction: a failed write leaves the revision where it was. The revision grows with every
 * export (never reused, even after a key rotation), so it also grows per signing key. Only a
 * commune exports: the use case's policy (use-cases.ts).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { safeFileName } from '../../../shared/file-name';
import { toBase64Url } from '../../../shared/package/base64url';
import type { CommuneReport } from '../../../shared/package/envelope';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { sha256Hex } from '../../kernel/signing/ed25519';
import { serializeEnvelope, signPackage, verifyEnvelope } from '../../kernel/signing/package-signer';
import type { Signer } from '../../kernel/signing/signer';
import { cleanStaleTemps, nodeFileOps, writeFileSafely, type FileOps } from '../../kernel/files/package-file';
import type { ExportRecord } from './exports-repo';
import { insertExport, readExports, readLastExport } from './exports-repo';
import type { ReportSources } from './report-sources';
import { requireIdentity } from '../setup/identity';
import { answersForExport } from '../appraisal/commune-side';

/** Above this, many mail servers refuse the attachment (and base64 grows it by a third). */
export const EMAIL_SIZE_LIMIT = 20 * 1024 * 1024;

export type { ExportRecord };

export interface ExportResult extends Omit<ExportRecord, 'items'> {
  path: string;
  /** Larger than email usually accepts: suggest a USB stick. */
  tooLargeForEmail: boolean;
}

export function listExports(ctx: ServiceContext): ExportRecord[] {
  return readExports(ctx.db);
}

export function lastExport(ctx: ServiceContext): ExportRecord | null {
  return readLastExport(ctx.db);
}

/** ASCII, FAT32- and Windows-safe, and telling: kind, year, commune, revision. */
export function packageFileName(year: number, communeCode: string, revision: number): string {
  return safeFileName(`CCHC-${year}-${communeCode}-r${revision}.json`);
}

export interface BuildInput {
  revision: number;
  packageId: string;
  supersedes: CommuneReport['supersedes'];
  now: Date;
  appVersion: string;
  /** Counts and overridden warnings of the pre-export check (precheck.ts); absent in fixtures. */
  completeness?: CommuneReport['completeness'];
}

/** The payload, before signing (strings are NFC-normalised by signPackage). */
export function buildReportPayload(ctx: ServiceContext, sources: ReportSources, signer: Signer, input: BuildInput): CommuneReport {
  const identity = requireIdentity(ctx);
  if (!identity.framework) throw new AppError('FRAMEWORK_NOT_FOUND', 'no framework installed');
  const answers = answersForExport(ctx, identity.year);
  const assessment = sources.assessment(ctx);
  const survey = sources.survey(ctx);
  const evidence = sources.evidenceFiles(ctx).map((f) => {
    const bytes = f.read();
    if (bytes.length !== f.size || sha256Hex(bytes) !== f.sha256) throw new AppError('EVIDENCE_CHANGED', `evidence ${f.id} changed`, { id: f.id, name: f.name });
    // Buffer's base64url is the canonical unpadded spelling (same as shared/package/base64url), much faster on megabytes.
    return { id: f.id, name: f.name, mediaType: f.mediaType, size: f.size, sha256: f.sha256, content: Buffer.from(bytes).toString('base64url') };
  });
  return {
    packageId: input.packageId,
    revision: input.revision,
    supersedes: input.supersedes,
    createdAt: input.now.toISOString(),
    issuer: {
      communeCode: identity.unitCode,
      communeName: identity.unitName,
      provinceCode: identity.provinceCode,
      keyId: signer.keyId,
      publicKey: toBase64Url(signer.publicKey),
      appVersion: input.appVersion,
    },
    audience: { reviewingUnitCode: identity.reviewerCode ?? identity.provinceCode },
    subject: { year: identity.year, framework: { id: identity.framework.id, version: identity.framework.version, sha256: identity.framework.sha256 } },
    assessment: assessment.lock,
    items: assessment.items,
    ...(assessment.notApplicableCriteria?.length ? { notApplicableCriteria: assessment.notApplicableCriteria } : {}),
    questionnaires: survey.questionnaires,
    surveyCounts: survey.counts,
    totals: assessment.totals,
    evidence,
    ...(answers ? { appraisalAnswers: answers } : {}),
    ...(input.completeness ? { completeness: input.completeness } : {}),
  };
}

export interface ExportOptions {
  folder: string;
  signer: Signer;
  sources: ReportSources;
  appVersion: string;
  fileOps?: FileOps;
  /** Fixed id (golden files, tests); a random UUID otherwise. */
  packageId?: string;
  /** The pre-export check's counts and overrides, carried in the package and logged. */
  completeness?: CommuneReport['completeness'];
}

export function exportReport(ctx: ServiceContext, opts: ExportOptions): ExportResult {
  const ops = opts.fileOps ?? nodeFileOps;
  const identity = requireIdentity(ctx);
  cleanStaleTemps(opts.folder, ops);
  // better-sqlite3 transactions are synchronous: the write below happens inside it, so a failed
  // write rolls the revision back. A kill between rename and commit leaves a file whose revision
  // the next export reuses under the same name, overwriting it: never two contents per name here.
  return ctx.db.transaction((): ExportResult => {
    const prev = lastExport(ctx);
    const revision = (prev?.revision ?? 0) + 1;
    const packageId = opts.packageId ?? randomUUID();
    const now = ctx.clock.now();
    const payload = buildReportPayload(ctx, opts.sources, opts.signer, {
      revision,
      packageId,
      supersedes: prev ? { packageId: prev.packageId, sha256: prev.sha256 } : null,
      now,
      appVersion: opts.appVersion,
      ...(opts.completeness ? { completeness: opts.completeness } : {}),
    });
    const text = serializeEnvelope(signPackage('commune-report', payload, [opts.signer]));
    const bytes = Buffer.from(text, 'utf8');
    const sha256 = sha256Hex(bytes);
    const fileName = packageFileName(identity.year, identity.unitCode, revision);
    // The row first: a database failure happens before anything is on the disk.
    const record: ExportRecord = {
      packageId,
      revision,
      keyId: opts.signer.keyId,
      year: identity.year,
      sha256,
      size: bytes.length,
      fileName,
      folder: opts.folder,
      supersedes: prev?.packageId ?? null,
      createdAt: now.toISOString(),
      items: payload.items.map((i) => ({ code: i.code, kind: i.kind, points: i.points })),
    };
    insertExport(ctx.db, record);
    const overrides = opts.completeness?.overrides ?? [];
    audit(ctx, 'package.export', 'package', packageId, null, { revision, sha256, fileName, size: bytes.length, ...(overrides.length > 0 ? { overrides } : {}) });
    const written = writeFileSafely(opts.folder, fileName, bytes, (back) => {
      const own = opts.signer.publicKey;
      const ok = verifyEnvelope(back, { resolveKey: (id) => (id === opts.signer.keyId ? { publicKey: own, status: 'active', kind: 'commune' } : undefined), accept: ['commune-report'] });
      if (!ok.ok || sha256Hex(back) !== sha256) throw new AppError('EXPORT_VERIFY_FAILED', 'read-back does not verify', { code: ok.ok ? 'SHA256' : ok.code });
    }, ops);
    const { items: _declared, ...kept } = record;
    return { ...kept, path: written.path, tooLargeForEmail: bytes.length > EMAIL_SIZE_LIMIT };
  })();
}
