/**
 * The per-file half of an import, the expensive part: the bounded read, the SHA-256, the strict
 * parse and signature (steps 1–6), the unit's checks (7–8: issuer, key, commune, audience,
 * attachment hashes and sizes), the roster, the framework the package names and the recompute.
 * It reads no database (nor imports what does): what it needs (the keys this unit enrolled, the roster, the frameworks
 * held) comes as a snapshot taken when the batch starts (nothing an import writes changes them),
 * so it runs the same on the use case's thread (the sequential path) and in a worker thread
 * (pool.ts). Its answer is plain data (structured-cloneable), applied in file order by the one
 * writer (import.ts), which alone decides what depends on the packages already received:
 * duplicates and the revision rules.
 */
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { Framework, UnitType } from '../../../shared/framework/schema';
import { errorMessages } from '../../../shared/i18n/errors';
import type { CommuneReport } from '../../../shared/package/envelope';
import { readUserFile } from '../../kernel/files/user-file';
import { fingerprintOf, sha256Hex } from '../../kernel/signing/ed25519';
import { verifyEnvelope, type KeyResolver, type ResolvedKey } from '../../kernel/signing/package-signer';
import { checkReport, type ReportFacts } from '../verify/report-checks';
import { recomputeReport, type Recomputed } from './recompute';
import type { RosterEntry } from './received-repo';

export interface UnitFacts {
  unitCode: string;
  provinceCode: string | null;
}

/** What the per-file work needs from the database, read once per batch. Structured-cloneable. */
export interface ImportFacts {
  unit: UnitFacts;
  keys: [keyId: string, key: ResolvedKey & { communeCode: string }][];
  roster: RosterEntry[];
  frameworks: { frameworkId: string; version: string; sha256: string; ref: number; framework: Framework | null; error?: RefusalData }[];
}

export interface RefusalData {
  code: string;
  sentence: string;
  details?: Record<string, unknown>;
}

/** What the writer needs of an accepted report (not the survey counts' questions, not the signatures). */
export interface ReportForWriter {
  packageId: string;
  communeCode: string;
  communeName: string;
  year: number;
  revision: number;
  createdAt: string;
  locked: boolean;
  totals: CommuneReport['totals'];
  forms: number;
  items: CommuneReport['items'];
  evidence: CommuneReport['evidence'];
  completeness: NonNullable<CommuneReport['completeness']> | null;
}

/** One file's examination: a refusal before the writer's rules, or a report ready for them. */
export type Examined =
  | { kind: 'refused'; file: string; sha256: string | null; refusal: RefusalData; claimed: Claimed }
  | {
      kind: 'verified';
      file: string;
      sha256: string;
      bytes: Uint8Array;
      keyId: string;
      report: ReportForWriter;
      /** The framework the package names: held (with the recompute) or its refusal. */
      framework: { ok: true; ref: number; recomputed: Pick<Recomputed, 'totals' | 'mismatch' | 'differences'> & { items: [code: string, points: number | null, max: number | null][] } } | { ok: false; refusal: RefusalData };
    };

/** What the file says about itself, as far as it got (for the log and the verdict). */
export interface Claimed {
  commune: string | null;
  communeName: string | null;
  year: number | null;
  revision: number | null;
  packageId: string | null;
}

class Refusal extends Error {
  constructor(readonly data: RefusalData) {
    super(data.code);
  }
}

const sentence = (code: ErrorCode) => errorMessages.vi[code];

export function refusalData(code: ErrorCode, details?: Record<string, unknown>, more?: string): RefusalData {
  return { code, sentence: more ? `${sentence(code)} ${more}` : sentence(code), ...(details ? { details } : {}) };
}

/** Any failure, ours included, as the file's refusal. */
export function asRefusal(err: unknown): RefusalData {
  if (err instanceof Refusal) return err.data;
  if (err instanceof AppError) return { code: err.code, sentence: sentence(err.code), ...(err.details ? { details: err.details } : {}) };
  return { code: 'INTERNAL', sentence: sentence('INTERNAL') };
}

/** The snapshot made quick to ask (built once per thread). */
export interface FactsIndex {
  unit: UnitFacts;
  key: (keyId: string) => (ResolvedKey & { communeCode: string }) | undefined;
  roster: (code: string) => RosterEntry | undefined;
  framework: (id: string, version: string, sha256: string) => ImportFacts['frameworks'][number] | undefined;
}

export function indexFacts(f: ImportFacts): FactsIndex {
  const keys = new Map(f.keys);
  const roster = new Map(f.roster.map((r) => [r.code, r]));
  const fw = new Map(f.frameworks.map((x) => [JSON.stringify([x.frameworkId, x.version, x.sha256]), x]));
  return { unit: f.unit, key: (k) => keys.get(k), roster: (c) => roster.get(c), framework: (id, v, s) => fw.get(JSON.stringify([id, v, s])) };
}

/** Steps 1–8: the report, or the refusal. */
function verifyReport(bytes: Uint8Array, facts: FactsIndex): { report: CommuneReport; keyId: string } {
  let unknownFingerprint: string | undefined;
  const resolveKey: KeyResolver = (keyId, rc) => {
    const k = facts.key(keyId);
    if (!k && rc.embeddedPublicKey) unknownFingerprint = fingerprintOf(rc.embeddedPublicKey);
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
    throw new Refusal({ code: r.code, sentence: more ? `${r.message} ${more}` : r.message, details });
  }
  const report = r.payload as CommuneReport;
  const keyId = r.keyIds[0]!;
  const signer = facts.key(keyId)!;
  const checks: ReportFacts = { signingKey: { keyId, publicKey: signer.publicKey }, enrolment: { communeCode: signer.communeCode }, unit: facts.unit };
  const checked = checkReport(report, checks);
  if (!checked.ok) throw new Refusal({ code: checked.code, sentence: checked.message, ...(checked.details ? { details: checked.details } : {}) });
  return { report, keyId };
}

function frameworkVerdict(report: CommuneReport, unitType: UnitType, facts: FactsIndex): Extract<Examined, { kind: 'verified' }>['framework'] {
  const fw = report.subject.framework;
  const held = facts.framework(fw.id, fw.version, fw.sha256);
  if (held === undefined) {
    return {
      ok: false,
      refusal: refusalData('FRAMEWORK_NOT_HELD', { frameworkId: fw.id, version: fw.version, sha256: fw.sha256, year: report.subject.year },
        `Cần nhập bộ tiêu chí "${fw.id}" phiên bản ${fw.version} năm ${report.subject.year} (SHA-256 bắt đầu ${fw.sha256.slice(0, 16)}).`),
    };
  }
  if (!held.framework) return { ok: false, refusal: held.error ?? refusalData('INTERNAL') };
  let re: Recomputed;
  try {
    re = recomputeReport(held.framework, report, unitType);
  } catch (err) {
    return { ok: false, refusal: asRefusal(err) };
  }
  return { ok: true, ref: held.ref, recomputed: { totals: re.totals, mismatch: re.mismatch, differences: re.differences, items: re.items.map((i) => [i.code, i.recomputed, i.max]) } };
}

const NOTHING_CLAIMED: Claimed = { commune: null, communeName: null, year: null, revision: null, packageId: null };

/** One file, start to the writer's door. Never throws: every failure is the file's refusal. */
export function examineFile(file: string, facts: FactsIndex): Examined {
  let sha256: string | null = null;
  let claimed = NOTHING_CLAIMED;
  try {
    const bytes = readUserFile(file, { kind: 'package' });
    sha256 = sha256Hex(bytes);
    const { report, keyId } = verifyReport(bytes, facts);
    claimed = { commune: report.issuer.communeCode, communeName: report.issuer.communeName, year: report.subject.year, revision: report.revision, packageId: report.packageId };
    const onRoster = facts.roster(report.issuer.communeCode);
    if (!onRoster || !onRoster.active) throw new Refusal(refusalData('COMMUNE_NOT_IN_ROSTER', { communeCode: report.issuer.communeCode, ...(onRoster ? { active: false } : {}) }));
    return {
      kind: 'verified', file, sha256, bytes, keyId,
      report: {
        packageId: report.packageId, communeCode: report.issuer.communeCode, communeName: report.issuer.communeName, year: report.subject.year, revision: report.revision,
        createdAt: report.createdAt, locked: report.assessment.locked, totals: report.totals, forms: report.surveyCounts.forms, items: report.items, evidence: report.evidence,
        completeness: report.completeness ?? null,
      },
      framework: frameworkVerdict(report, onRoster.type, facts),
    };
  } catch (err) {
    const refusal = asRefusal(err);
    if (claimed.commune === null && typeof refusal.details?.['claimedCommuneCode'] === 'string') claimed = { ...claimed, commune: refusal.details['claimedCommuneCode'] };
    return { kind: 'refused', file, sha256, refusal, claimed };
  }
}
