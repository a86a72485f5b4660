/**
 * Importing commune packages at the reviewing unit (docs/package-format.md §5, ../shared/PACKAGE.md
 * steps 7–10), one verdict per file:
 *
 *  1–6  the bounded reader, then verifyEnvelope with the keys this unit enrolled (a commune key,
 *       active; an unknown key is refused with the commune and fingerprint the file claims);
 *  7–8  checkReport with the unit's facts (issuer bound to the key's commune, the unit's province,
 *       addressed to this unit; attachments), exactly as `chiso verify --db` runs them;
 *  then the commune must be on the unit's roster, the revision rules hold (the same file again is
 *       a duplicate, not an error; older than the newest accepted: STALE_REVISION; the same
 *       revision with other content: REVISION_CONFLICT; a gap is fine, each package is a full
 *       snapshot), and the framework it names (id, version, SHA-256) must be held here;
 *  10   every item recomputed with the shared engine and compared with the declared totals, then
 *       one transaction writes the package (raw bytes kept), its items, its evidence (stored once
 *       by SHA-256), the log row and the audit row.
 *
 * A refusal writes only its import_log row. A file's failure, ours included, is that file's
 * refusal: the batch goes on. A dry run runs exactly the same code inside a transaction that is
 * rolled back, so its verdicts are the real ones (a duplicate within the batch included) and it
 * writes nothing.
 */
import { basename } from 'node:path';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { errorMessages } from '../../../shared/i18n/errors';
import type { CommuneReport } from '../../../shared/package/envelope';
import { audit } from '../../kernel/audit';
import { isoNow, type ServiceContext } from '../../kernel/context';
import { readUserFile } from '../../kernel/files/user-file';
import { fingerprintOf, sha256Hex } from '../../kernel/signing/ed25519';
import { verifyEnvelope, type KeyResolver } from '../../kernel/signing/package-signer';
import { registryResolver } from '../enrolment/reviewer-enrolment';
import { loadFramework } from '../framework/frameworks';
import { checkReport, type ReportFacts } from '../verify/report-checks';
import { recomputeReport } from './recompute';
import {
  appendImportLog, heldFrameworkRef, insertReceived, insertReceivedItems, linkEvidence, receivedBySha, receivedFor, rosterEntry,
} from './received-repo';
import { listPackageFiles } from './walk';
import type { ImportResult } from '../../../shared/ipc/import';

export type { ImportOutcome, ImportResult } from '../../../shared/ipc/import';

export interface UnitFacts {
  unitCode: string;
  provinceCode: string | null;
}

export interface ImportOptions {
  dryRun: boolean;
}

class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly sentence: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
  }
}

class DryRunRollback extends Error {}

const sentence = (code: ErrorCode) => errorMessages.vi[code];

function refuse(code: ErrorCode, details?: Record<string, unknown>, more?: string): Refusal {
  return new Refusal(code, more ? `${sentence(code)} ${more}` : sentence(code), details);
}

/** Steps 1–8: the report, or the refusal; `claimed` is what the file says about itself, for the log. */
function verifyReport(ctx: ServiceContext, bytes: Uint8Array, unit: UnitFacts): { report: CommuneReport; keyId: string } {
  const lookup = registryResolver(ctx);
  const enrolledFor = new Map<string, { publicKey: Uint8Array; communeCode: string }>();
  let unknownFingerprint: string | undefined;
  const resolveKey: KeyResolver = (keyId, rc) => {
    const k = lookup(keyId);
    if (k) enrolledFor.set(keyId, { publicKey: k.publicKey, communeCode: k.communeCode });
    else if (rc.embeddedPublicKey) unknownFingerprint = fingerprintOf(rc.embeddedPublicKey);
    return k;
  };
  const r = verifyEnvelope(bytes, { resolveKey, accept: ['commune-report'] });
  if (!r.ok) {
    const details = { ...(r.details ?? {}) };
    let more: string | undefined;
    if (r.code === 'KEY_UNKNOWN') {
      if (unknownFingerprint) details['fingerprint'] = unknownFingerprint;
      const claimed = typeof details['claimedCommuneCode'] === 'string' ? details['claimedCommuneCode'] : '(không ghi)';
      more = `Gói ghi là của xã ${claimed} (chưa xác thực), dấu vân tay khóa: ${unknownFingerprint ?? `mã khóa ${String(details['keyId'] ?? '')}`}.`;
    }
    throw new Refusal(r.code, more ? `${r.message} ${more}` : r.message, details);
  }
  const report = r.payload as CommuneReport;
  const keyId = r.keyIds[0]!;
  const signer = enrolledFor.get(keyId)!;
  const facts: ReportFacts = { signingKey: { keyId, publicKey: signer.publicKey }, enrolment: { communeCode: signer.communeCode }, unit };
  const checked = checkReport(report, facts);
  if (!checked.ok) throw new Refusal(checked.code, checked.message, checked.details);
  return { report, keyId };
}

function importFile(ctx: ServiceContext, file: string, unit: UnitFacts): ImportResult {
  const base: ImportResult = {
    file, outcome: 'refused', code: null, message: null, commune: null, communeName: null, year: null, revision: null, packageId: null, sha256: null, mismatch: false,
  };
  const at = isoNow(ctx);
  const log = (r: ImportResult, packageRef: number | null) =>
    appendImportLog(ctx.db, {
      at, actor: ctx.actor(), fileName: file, fileSha256: r.sha256, outcome: r.outcome, code: r.code, communeCode: r.commune, year: r.year, revision: r.revision, packageRef,
      details: r.details ?? (r.differences?.length ? { differences: r.differences } : null),
    });
  let result = base;
  try {
    const bytes = readUserFile(file, { kind: 'package' });
    result = { ...result, sha256: sha256Hex(bytes) };
    const held = receivedBySha(ctx.db, result.sha256!);
    if (held) {
      const dup: ImportResult = {
        ...result, outcome: 'duplicate', commune: held.communeCode, communeName: rosterEntry(ctx.db, held.communeCode)?.name ?? null, year: held.year, revision: held.revision,
        packageId: held.packageId, mismatch: held.mismatch,
      };
      ctx.db.transaction(() => log(dup, held.id))();
      return dup;
    }
    const { report, keyId } = verifyReport(ctx, bytes, unit);
    result = { ...result, commune: report.issuer.communeCode, communeName: report.issuer.communeName, year: report.subject.year, revision: report.revision, packageId: report.packageId };

    const onRoster = rosterEntry(ctx.db, report.issuer.communeCode);
    if (!onRoster || !onRoster.active) throw refuse('COMMUNE_NOT_IN_ROSTER', { communeCode: report.issuer.communeCode, ...(onRoster ? { active: false } : {}) });

    const accepted = receivedFor(ctx.db, report.issuer.communeCode, report.subject.year);
    const same = accepted.find((p) => p.revision === report.revision);
    if (same) throw refuse('REVISION_CONFLICT', { revision: report.revision, acceptedSha256: same.sha256, acceptedPackageId: same.packageId });
    const newest = accepted[0];
    if (newest && report.revision < newest.revision) throw refuse('STALE_REVISION', { revision: report.revision, newestRevision: newest.revision });

    const fw = report.subject.framework;
    const ref = heldFrameworkRef(ctx.db, fw.id, fw.version, fw.sha256);
    if (ref === undefined) {
      throw refuse('FRAMEWORK_NOT_HELD', { frameworkId: fw.id, version: fw.version, sha256: fw.sha256, year: report.subject.year },
        `Cần nhập bộ tiêu chí "${fw.id}" phiên bản ${fw.version} năm ${report.subject.year} (SHA-256 bắt đầu ${fw.sha256.slice(0, 16)}).`);
    }
    const re = recomputeReport(loadFramework(ctx, ref), report, onRoster.type);
    const accept: ImportResult = { ...result, outcome: 'accepted', previousRevision: newest?.revision ?? null, mismatch: re.mismatch, ...(re.mismatch ? { differences: re.differences } : {}) };
    ctx.db.transaction(() => {
      const packageRef = insertReceived(ctx.db, {
        sha256: result.sha256!, packageId: report.packageId, communeCode: report.issuer.communeCode, year: report.subject.year, revision: report.revision, keyId,
        frameworkRef: ref, createdAt: report.createdAt, receivedAt: at, receivedBy: ctx.actor(), fileName: basename(file), raw: bytes, locked: report.assessment.locked,
        declaredPoints: report.totals.total.points, declaredIndexPercent: report.totals.indexPercent, declaredTotals: report.totals,
        recomputedPoints: re.totals.total.points, recomputedIndexPercent: re.totals.indexPercent, recomputedTotals: re.totals, mismatch: re.mismatch, forms: report.surveyCounts.forms,
      });
      const recomputed = new Map(re.items.map((i) => [i.code, i.recomputed]));
      insertReceivedItems(ctx.db, packageRef, report.items.map((i) => ({
        code: i.code, kind: i.kind, status: i.status, input: i.input, notApplicable: i.notApplicable, declaredPoints: i.points, recomputedPoints: recomputed.get(i.code) ?? null,
      })));
      for (const e of report.evidence) linkEvidence(ctx.db, packageRef, { ...e, content: () => Buffer.from(e.content, 'base64url') }, at);
      log(accept, packageRef);
      audit(ctx, 'package.import', 'received_package', report.packageId, undefined, {
        commune: report.issuer.communeCode, year: report.subject.year, revision: report.revision, sha256: result.sha256, mismatch: re.mismatch,
      });
    })();
    return accept;
  } catch (err) {
    if (err instanceof DryRunRollback) throw err;
    const refusal =
      err instanceof Refusal ? err
      : err instanceof AppError ? new Refusal(err.code, sentence(err.code), err.details)
      : new Refusal('INTERNAL', sentence('INTERNAL'));
    const r: ImportResult = {
      ...result, outcome: 'refused', code: refusal.code, message: refusal.sentence, mismatch: false,
      ...(refusal.details ? { details: refusal.details } : {}),
    };
    if (r.commune === null && typeof refusal.details?.['claimedCommuneCode'] === 'string') r.commune = refusal.details['claimedCommuneCode'];
    ctx.db.transaction(() => log(r, null))();
    return r;
  }
}

/**
 * Every file (folders walked recursively for `*.json`) imported in order, one verdict each. With
 * `dryRun` the same verdicts, and nothing written.
 */
export function importPackages(ctx: ServiceContext, paths: readonly string[], unit: UnitFacts, options: ImportOptions): ImportResult[] {
  const run = (): ImportResult[] =>
    listPackageFiles(paths).map((l) => {
      if (!l.unreadable) return importFile(ctx, l.path, unit);
      const r: ImportResult = {
        file: l.path, outcome: 'refused', code: 'FILE_UNREADABLE', message: sentence('FILE_UNREADABLE'), commune: null, communeName: null, year: null, revision: null,
        packageId: null, sha256: null, mismatch: false,
      };
      ctx.db.transaction(() => appendImportLog(ctx.db, { at: isoNow(ctx), actor: ctx.actor(), fileName: l.path, fileSha256: null, outcome: 'refused', code: r.code, communeCode: null, year: null, revision: null, packageRef: null, details: null }))();
      return r;
    });
  if (!options.dryRun) return run();
  let results: ImportResult[] = [];
  try {
    ctx.db.transaction(() => {
      results = run();
      throw new DryRunRollback('dry run');
    })();
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  return results;
}
