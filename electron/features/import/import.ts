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
 * Steps 1–8, the roster, the framework and the recompute are examine.ts (per file, no database:
 * on this thread or in a worker, pool.ts); this file is the one writer, applying each file's
 * examination in file order: the same file again, the revision rules, then the write. A refusal
 * writes only its import_log row. A file's failure, ours included, is that file's refusal: the
 * batch goes on. A dry run decides with exactly the same rules against what is held plus what the
 * batch would have accepted before it (a duplicate within the batch included), and writes nothing.
 */
import { basename } from 'node:path';
import { audit } from '../../kernel/audit';
import { isoNow, type ServiceContext } from '../../kernel/context';
import { importFacts } from './facts';
import { examineFile, indexFacts, refusalData, asRefusal, type Examined, type RefusalData, type UnitFacts } from './examine';
import { appendImportLog, insertReceived, insertReceivedItems, linkEvidence, receivedBySha, receivedFor, rosterEntry, type ReceivedRow } from './received-repo';
import { listPackageFiles } from './walk';
import type { ImportResult } from '../../../shared/ipc/import';

export type { ImportOutcome, ImportResult } from '../../../shared/ipc/import';
export type { UnitFacts } from './examine';

export interface ImportOptions {
  dryRun: boolean;
}

/**
 * What the writer decides against: the packages held. A dry run adds, in memory, what the batch
 * would have accepted so far, so its later files get the verdicts a real run gives them.
 */
export class Held {
  private readonly extra = new Map<string, ReceivedRow>();
  constructor(
    private readonly ctx: ServiceContext,
    readonly dryRun: boolean,
  ) {}

  bySha(sha256: string): ReceivedRow | undefined {
    return receivedBySha(this.ctx.db, sha256) ?? this.extra.get(sha256);
  }

  /** Held only in the dry run's overlay: a file earlier in the same choice, not a package received. */
  onlyInThisChoice(sha256: string): boolean {
    return this.extra.has(sha256) && receivedBySha(this.ctx.db, sha256) === undefined;
  }

  /** Newest revision first. */
  forCommune(communeCode: string, year: number): ReceivedRow[] {
    const rows = receivedFor(this.ctx.db, communeCode, year);
    if (this.extra.size === 0) return rows;
    for (const r of this.extra.values()) if (r.communeCode === communeCode && r.year === year) rows.push(r);
    return rows.sort((a, b) => b.revision - a.revision);
  }

  wouldAccept(r: ReceivedRow): void {
    this.extra.set(r.sha256, r);
  }
}

function blank(file: string): ImportResult {
  return { file, outcome: 'refused', code: null, message: null, commune: null, communeName: null, year: null, revision: null, packageId: null, sha256: null, mismatch: false };
}

/** The one writer (`shown`: the file as the log names it, walk.ts): one file's examination, in file order; one small transaction (none in a dry run). */
export function applyExamined(ctx: ServiceContext, ex: Examined, held: Held, shown: string = basename(ex.file)): ImportResult {
  const at = isoNow(ctx);
  const file = ex.file;
  const log = (r: ImportResult, packageRef: number | null) => {
    if (held.dryRun) return;
    appendImportLog(ctx.db, {
      at, actor: ctx.actor(), fileName: shown, fileSha256: r.sha256, outcome: r.outcome, code: r.code, communeCode: r.commune, year: r.year, revision: r.revision, packageRef,
      details: r.details ?? (r.differences?.length ? { differences: r.differences } : null),
    });
  };
  let result: ImportResult = { ...blank(file), sha256: ex.sha256 };
  const refused = (refusal: RefusalData): ImportResult => {
    const r: ImportResult = { ...result, outcome: 'refused', code: refusal.code, message: refusal.sentence, mismatch: false, ...(refusal.details ? { details: refusal.details } : {}) };
    ctx.db.transaction(() => log(r, null))();
    return r;
  };
  try {
    const dupOf = ex.sha256 === null ? undefined : held.bySha(ex.sha256);
    if (dupOf) {
      const dup: ImportResult = {
        ...result, outcome: 'duplicate', commune: dupOf.communeCode, communeName: rosterEntry(ctx.db, dupOf.communeCode)?.name ?? null, year: dupOf.year, revision: dupOf.revision,
        packageId: dupOf.packageId, mismatch: dupOf.mismatch, ...(held.dryRun && held.onlyInThisChoice(dupOf.sha256) ? { sameChoice: true as const } : {}),
      };
      ctx.db.transaction(() => log(dup, dupOf.id))();
      return dup;
    }
    if (ex.kind === 'refused') {
      result = { ...result, ...ex.claimed };
      return refused(ex.refusal);
    }
    const report = ex.report;
    result = { ...result, commune: report.communeCode, communeName: report.communeName, year: report.year, revision: report.revision, packageId: report.packageId };
    const accepted = held.forCommune(report.communeCode, report.year);
    const same = accepted.find((p) => p.revision === report.revision);
    if (same) return refused(refusalData('REVISION_CONFLICT', { revision: report.revision, acceptedSha256: same.sha256, acceptedPackageId: same.packageId }));
    const newest = accepted[0];
    if (newest && report.revision < newest.revision) return refused(refusalData('STALE_REVISION', { revision: report.revision, newestRevision: newest.revision }));
    if (!ex.framework.ok) return refused(ex.framework.refusal);
    const { ref, recomputed: re } = ex.framework;
    const accept: ImportResult = { ...result, outcome: 'accepted', previousRevision: newest?.revision ?? null, mismatch: re.mismatch, ...(re.mismatch ? { differences: re.differences } : {}) };
    if (held.dryRun) {
      held.wouldAccept({ id: 0, sha256: ex.sha256, packageId: report.packageId, communeCode: report.communeCode, year: report.year, revision: report.revision, receivedAt: at, mismatch: re.mismatch, completeness: report.completeness });
      return accept;
    }
    ctx.db.transaction(() => {
      const packageRef = insertReceived(ctx.db, {
        sha256: ex.sha256, packageId: report.packageId, communeCode: report.communeCode, year: report.year, revision: report.revision, keyId: ex.keyId,
        frameworkRef: ref, createdAt: report.createdAt, receivedAt: at, receivedBy: ctx.actor(), fileName: basename(file), raw: ex.bytes, locked: report.locked,
        declaredPoints: report.totals.total.points, declaredIndexPercent: report.totals.indexPercent, declaredTotals: report.totals,
        recomputedPoints: re.totals.total.points, recomputedIndexPercent: re.totals.indexPercent, recomputedTotals: re.totals, mismatch: re.mismatch, forms: report.forms, completeness: report.completeness,
      });
      const recomputed = new Map(re.items.map(([code, points, max]) => [code, { points, max }]));
      insertReceivedItems(ctx.db, packageRef, report.items.map((i) => ({
        code: i.code, kind: i.kind, status: i.status, input: i.input, notApplicable: i.notApplicable, declaredPoints: i.points,
        recomputedPoints: recomputed.get(i.code)?.points ?? null, recomputedMax: recomputed.get(i.code)?.max ?? null,
      })));
      for (const e of report.evidence) linkEvidence(ctx.db, packageRef, { ...e, content: () => Buffer.from(e.content, 'base64url') }, at);
      log(accept, packageRef);
      audit(ctx, 'package.import', 'received_package', report.packageId, undefined, {
        commune: report.communeCode, year: report.year, revision: report.revision, sha256: ex.sha256, mismatch: re.mismatch,
      });
    })();
    return accept;
  } catch (err) {
    return refused(asRefusal(err));
  }
}

/** A folder that could not be listed: its own refusal. */
export function unreadableFolder(file: string): Examined {
  return { kind: 'refused', file, sha256: null, refusal: refusalData('FILE_UNREADABLE'), claimed: { commune: null, communeName: null, year: null, revision: null, packageId: null } };
}

/**
 * Every file (folders walked recursively for `*.json`) imported in order on this thread, one
 * verdict each (the sequential path; batch.ts runs the same through the worker pool). With
 * `dryRun` the same verdicts, and nothing written.
 */
export function importPackages(ctx: ServiceContext, paths: readonly string[], unit: UnitFacts, options: ImportOptions): ImportResult[] {
  const facts = indexFacts(importFacts(ctx, unit));
  const held = new Held(ctx, options.dryRun);
  return listPackageFiles(paths).map((l) => applyExamined(ctx, l.unreadable ? unreadableFolder(l.path) : examineFile(l.path, facts), held, l.shown));
}
