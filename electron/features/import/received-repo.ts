/** SQL for what the reviewing unit received: packages (their raw bytes in a side table), their items, evidence by hash, the import log. */
import type { UnitType } from '../../../shared/framework/schema';
import type { PackageCompleteness } from '../../../shared/package/completeness-notes';
import type { Db } from '../../kernel/db/open';
import { stmt } from '../../kernel/db/statements';

export interface ReceivedRow {
  id: number;
  sha256: string;
  packageId: string;
  communeCode: string;
  year: number;
  revision: number;
  receivedAt: string;
  mismatch: boolean;
  /** The package's own completeness block (items, forms, overrides with reasons); null for a package from an earlier version. */
  completeness: PackageCompleteness | null;
}

interface RawReceived {
  id: number;
  sha256: string;
  package_id: string;
  commune_code: string;
  year: number;
  revision: number;
  received_at: string;
  mismatch: number;
  completeness_json: string | null;
}

const COLUMNS = 'id, sha256, package_id, commune_code, year, revision, received_at, mismatch, completeness_json';
const map = (r: RawReceived): ReceivedRow => ({
  id: r.id, sha256: r.sha256, packageId: r.package_id, communeCode: r.commune_code, year: r.year, revision: r.revision, receivedAt: r.received_at, mismatch: r.mismatch === 1,
  // Validated with the package at import (or copied from its verified bytes by migration 014).
  completeness: r.completeness_json === null ? null : (JSON.parse(r.completeness_json) as PackageCompleteness),
});

export function receivedBySha(db: Db, sha256: string): ReceivedRow | undefined {
  const r = stmt(db, `SELECT ${COLUMNS} FROM received_packages WHERE sha256 = ?`).get(sha256) as RawReceived | undefined;
  return r ? map(r) : undefined;
}

/** Every accepted package of a commune for a year, newest revision first. */
export function receivedFor(db: Db, communeCode: string, year: number): ReceivedRow[] {
  return (stmt(db, `SELECT ${COLUMNS} FROM received_packages WHERE commune_code = ? AND year = ? ORDER BY revision DESC`).all(communeCode, year) as RawReceived[]).map(map);
}

export interface RosterEntry {
  code: string;
  name: string;
  type: UnitType;
  active: boolean;
}

export function rosterEntry(db: Db, code: string): RosterEntry | undefined {
  const r = stmt(db, `SELECT code, name, type, active FROM communes WHERE code = ?`).get(code) as { code: string; name: string; type: UnitType; active: number } | undefined;
  return r ? { ...r, active: r.active === 1 } : undefined;
}

/** The whole roster, inactive communes included (an import refuses those by name). */
export function rosterEntries(db: Db): RosterEntry[] {
  return (stmt(db, `SELECT code, name, type, active FROM communes ORDER BY code`).all() as { code: string; name: string; type: UnitType; active: number }[]).map((r) => ({ ...r, active: r.active === 1 }));
}

/** Every key id the unit ever enrolled (active or revoked: the registry resolver says which). */
export function enrolledKeyIds(db: Db): string[] {
  return (stmt(db, `SELECT key_id FROM enrolled_keys ORDER BY key_id`).all() as { key_id: string }[]).map((r) => r.key_id);
}

/** Every framework held, by the triple a package names it by. */
export function heldFrameworks(db: Db): { frameworkId: string; version: string; sha256: string; ref: number }[] {
  return (stmt(db, `SELECT id, framework_id, version, sha256 FROM frameworks ORDER BY id`).all() as { id: number; framework_id: string; version: string; sha256: string }[]).map((r) => ({
    frameworkId: r.framework_id, version: r.version, sha256: r.sha256, ref: r.id,
  }));
}

export function activeRoster(db: Db): RosterEntry[] {
  return (stmt(db, `SELECT code, name, type, active FROM communes WHERE active = 1 ORDER BY code`).all() as { code: string; name: string; type: UnitType; active: number }[]).map((r) => ({ ...r, active: true }));
}

export function deadlineFor(db: Db, year: number): string | null {
  const r = stmt(db, `SELECT deadline FROM report_deadlines WHERE year = ?`).get(year) as { deadline: string } | undefined;
  return r?.deadline ?? null;
}

/** The held framework a package names, by id, version and SHA-256. */
export function heldFrameworkRef(db: Db, frameworkId: string, version: string, sha256: string): number | undefined {
  const r = stmt(db, `SELECT id FROM frameworks WHERE framework_id = ? AND version = ? AND sha256 = ?`).get(frameworkId, version, sha256) as { id: number } | undefined;
  return r?.id;
}

export interface NewReceived {
  sha256: string;
  packageId: string;
  communeCode: string;
  year: number;
  revision: number;
  keyId: string;
  frameworkRef: number;
  createdAt: string;
  receivedAt: string;
  receivedBy: string;
  fileName: string;
  raw: Uint8Array;
  locked: boolean;
  declaredPoints: number;
  declaredIndexPercent: number | null;
  declaredTotals: unknown;
  recomputedPoints: number;
  recomputedIndexPercent: number | null;
  recomputedTotals: unknown;
  mismatch: boolean;
  forms: number;
  completeness: PackageCompleteness | null;
}

export function insertReceived(db: Db, p: NewReceived): number {
  const r = stmt(
    db,
    `INSERT INTO received_packages (sha256, package_id, commune_code, year, revision, key_id, framework_ref, created_at, received_at, received_by,
       file_name, size, locked, declared_points, declared_index_percent, declared_totals_json, recomputed_points, recomputed_index_percent,
       recomputed_totals_json, mismatch, forms, completeness_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    p.sha256, p.packageId, p.communeCode, p.year, p.revision, p.keyId, p.frameworkRef, p.createdAt, p.receivedAt, p.receivedBy,
    p.fileName, p.raw.length, p.locked ? 1 : 0, p.declaredPoints, p.declaredIndexPercent,
    JSON.stringify(p.declaredTotals), p.recomputedPoints, p.recomputedIndexPercent, JSON.stringify(p.recomputedTotals), p.mismatch ? 1 : 0, p.forms,
    p.completeness === null ? null : JSON.stringify(p.completeness),
  );
  const id = Number(r.lastInsertRowid);
  stmt(db, `INSERT INTO received_package_bytes (package_id, bytes) VALUES (?, ?)`).run(id, Buffer.from(p.raw.buffer, p.raw.byteOffset, p.raw.byteLength));
  return id;
}

export interface NewReceivedItem {
  code: string;
  kind: string;
  status: string;
  input: unknown;
  notApplicable: boolean;
  declaredPoints: number;
  recomputedPoints: number | null;
  /** The framework's maximum for the item (null: not in the framework). */
  recomputedMax: number | null;
}

export function insertReceivedItems(db: Db, packageRef: number, items: readonly NewReceivedItem[]): void {
  const ins = stmt(
    db,
    `INSERT INTO received_items (package_ref, item_code, kind, status, input_json, not_applicable, declared_points, recomputed_points, recomputed_max) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const i of items) ins.run(packageRef, i.code, i.kind, i.status, i.input === null ? null : JSON.stringify(i.input), i.notApplicable ? 1 : 0, i.declaredPoints, i.recomputedPoints, i.recomputedMax);
}

/** An evidence file: its bytes stored once by SHA-256, linked to the package under its id and name. */
export function linkEvidence(db: Db, packageRef: number, e: { id: string; name: string; sha256: string; size: number; mediaType: string; content: () => Buffer }, at: string): void {
  const held = stmt(db, `SELECT 1 FROM received_evidence WHERE sha256 = ?`).get(e.sha256);
  if (!held) stmt(db, `INSERT INTO received_evidence (sha256, size, media_type, content, first_seen_at) VALUES (?, ?, ?, ?, ?)`).run(e.sha256, e.size, e.mediaType, e.content(), at);
  stmt(db, `INSERT OR IGNORE INTO received_package_evidence (package_ref, evidence_id, sha256, name) VALUES (?, ?, ?, ?)`).run(packageRef, e.id, e.sha256, e.name);
}

export interface LogEntry {
  at: string;
  actor: string;
  fileName: string;
  fileSha256: string | null;
  outcome: 'accepted' | 'duplicate' | 'refused';
  code: string | null;
  communeCode: string | null;
  year: number | null;
  revision: number | null;
  packageRef: number | null;
  details: Record<string, unknown> | null;
}

export function appendImportLog(db: Db, e: LogEntry): void {
  stmt(
    db,
    `INSERT INTO import_log (at, actor, file_name, file_sha256, outcome, code, commune_code, year, revision, package_ref, details_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.at, e.actor, e.fileName, e.fileSha256, e.outcome, e.code, e.communeCode, e.year, e.revision, e.packageRef, e.details ? JSON.stringify(e.details) : null);
}

export function listImportLog(db: Db): LogEntry[] {
  const rows = stmt(db, `SELECT * FROM import_log ORDER BY id`).all() as {
    at: string; actor: string; file_name: string; file_sha256: string | null; outcome: LogEntry['outcome']; code: string | null; commune_code: string | null;
    year: number | null; revision: number | null; package_ref: number | null; details_json: string | null;
  }[];
  return rows.map((r) => ({
    at: r.at, actor: r.actor, fileName: r.file_name, fileSha256: r.file_sha256, outcome: r.outcome, code: r.code, communeCode: r.commune_code,
    year: r.year, revision: r.revision, packageRef: r.package_ref, details: r.details_json ? (JSON.parse(r.details_json) as Record<string, unknown>) : null,
  }));
}

/** Refused attempts that named this commune (claimed, for the board), for the year or with no year known. */
export function refusedAttempts(db: Db, communeCode: string, year: number): number {
  const r = stmt(db, `SELECT count(*) AS n FROM import_log WHERE outcome = 'refused' AND commune_code = ? AND (year = ? OR year IS NULL)`).get(communeCode, year) as { n: number };
  return r.n;
}

/** Whether the commune has a key enrolled and not revoked. */
export function hasActiveKey(db: Db, communeCode: string): boolean {
  return db.prepare("SELECT 1 FROM enrolled_keys WHERE commune_code = ? AND status = 'active' LIMIT 1").get(communeCode) !== undefined;
}
