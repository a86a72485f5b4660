/**
 * The signed appraisal result for one commune (docs/package-format.md §12): scores, comments and
 * requests of the current round, the revision it answers, and whether it is the approved (locked)
 * result. Signed with the reviewing unit's key, written whole or not at all, read back and
 * verified, and logged in the same transaction: a failed write logs nothing.
 */
import { randomUUID } from 'node:crypto';
import type { AppraisalExported } from '../../../shared/appraisal/types';
import { AppError } from '../../../shared/errors';
import { safeFileName } from '../../../shared/file-name';
import type { AppraisalResult } from '../../../shared/package/envelope';
import { audit } from '../../kernel/audit';
import { isoNow, type ServiceContext } from '../../kernel/context';
import { cleanStaleTemps, nodeFileOps, writeFileSafely, type FileOps } from '../../kernel/files/package-file';
import { sha256Hex } from '../../kernel/signing/ed25519';
import { serializeEnvelope, signPackage, verifyEnvelope } from '../../kernel/signing/package-signer';
import type { Signer } from '../../kernel/signing/signer';
import { requireIdentity } from '../setup/identity';
import { appraisalState, currentRound } from './appraisal';
import { exportsOf, insertExport, receivedRaw } from './appraisal-repo';

export interface AppraisalExportOptions {
  folder: string;
  signer: Signer;
  appVersion: string;
  fileOps?: FileOps;
  /** Fixed id and time (golden file); a random UUID and the clock otherwise. */
  packageId?: string;
}

/** ASCII, FAT32- and Windows-safe: kind (TD: thẩm định), year, commune, the revision answered, the export's number. */
export function appraisalFileName(year: number, communeCode: string, revision: number, n: number): string {
  return safeFileName(`CCHC-TD-${year}-${communeCode}-r${revision}-${n}.json`);
}

/** The payload of the current round's result (before signing). */
export function buildAppraisalPayload(ctx: ServiceContext, communeCode: string, year: number, signer: Signer, input: { packageId: string; createdAt: string; appVersion: string }): AppraisalResult {
  const identity = requireIdentity(ctx);
  const round = currentRound(ctx, communeCode, year);
  const s = appraisalState(ctx.db, communeCode, year)!;
  const answered = receivedRaw(ctx.db, round.packageRef);
  return {
    packageId: input.packageId,
    createdAt: input.createdAt,
    issuer: { unitCode: identity.unitCode, unitName: identity.unitName, keyId: signer.keyId, appVersion: input.appVersion },
    audience: { communeCode, communeName: s.communeName },
    subject: { year, answers: { revision: s.revision, packageId: answered.packageId, sha256: answered.sha256 } },
    round: s.round,
    approval: { locked: s.locked !== null, lockedAt: s.locked?.lockedAt ?? null, lockedBy: s.locked?.lockedBy ?? null },
    items: s.items.map((i) => ({
      code: i.code, selfPoints: i.selfPoints, appraisedPoints: i.appraisedPoints, comment: i.comment,
      request: i.request !== null && i.requestKind !== null ? { kind: i.requestKind, text: i.request } : null,
    })),
    summary: {
      items: s.summary.items, appraised: s.summary.appraised, stillAtSelfScore: s.summary.stillAtSelfScore, requests: s.summary.requests,
      selfPoints: s.summary.selfPoints, appraisedPoints: s.summary.appraisedPoints,
    },
  };
}

export function exportAppraisalResult(ctx: ServiceContext, communeCode: string, year: number, opts: AppraisalExportOptions): AppraisalExported {
  const ops = opts.fileOps ?? nodeFileOps;
  cleanStaleTemps(opts.folder, ops);
  return ctx.db.transaction((): AppraisalExported => {
    const packageId = opts.packageId ?? randomUUID();
    const createdAt = isoNow(ctx);
    const payload = buildAppraisalPayload(ctx, communeCode, year, opts.signer, { packageId, createdAt, appVersion: opts.appVersion });
    const text = serializeEnvelope(signPackage('appraisal', payload, [opts.signer]));
    const bytes = Buffer.from(text, 'utf8');
    const sha256 = sha256Hex(bytes);
    const fileName = appraisalFileName(year, communeCode, payload.subject.answers.revision, exportsOf(ctx.db, communeCode, year).length + 1);
    insertExport(ctx.db, communeCode, year, { round: payload.round, packageId, sha256, fileName, locked: payload.approval.locked, createdAt, createdBy: ctx.actor() });
    audit(ctx, 'appraisal.export', 'appraisal', `${communeCode}/${year}`, null, { packageId, round: payload.round, revision: payload.subject.answers.revision, sha256, fileName });
    const written = writeFileSafely(opts.folder, fileName, bytes, (back) => {
      const own = opts.signer.publicKey;
      const ok = verifyEnvelope(back, { resolveKey: (id) => (id === opts.signer.keyId ? { publicKey: own, status: 'active', kind: 'reviewer' } : undefined), accept: ['appraisal'] });
      if (!ok.ok || sha256Hex(back) !== sha256) throw new AppError('EXPORT_VERIFY_FAILED', 'read-back does not verify', { code: ok.ok ? 'SHA256' : ok.code });
    }, ops);
    return {
      path: written.path, fileName, packageId, sha256, round: payload.round, revision: payload.subject.answers.revision, locked: payload.approval.locked,
      requests: payload.summary.requests, stillAtSelfScore: payload.summary.stillAtSelfScore,
    };
  })();
}
