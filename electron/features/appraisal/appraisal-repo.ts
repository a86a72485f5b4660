/** SQL of the reviewing unit's appraisal: rounds, items, exports of the result, the lock. */
import type { Db } from '../../kernel/db/open';
import { stmt } from '../../kernel/db/statements';

export type RequestKind = 'explain' | 'evidence';

export interface RoundRow {
  communeCode: string;
  year: number;
  round: 1 | 2;
  packageRef: number;
  revision: number;
  openedAt: string;
  openedBy: string;
}

export function roundsOf(db: Db, communeCode: string, year: number): RoundRow[] {
  const rows = stmt(
    db,
    `SELECT r.commune_code, r.year, r.round, r.package_ref, p.revision, r.opened_at, r.opened_by
       FROM appraisal_rounds r JOIN received_packages p ON p.id = r.package_ref
      WHERE r.commune_code = ? AND r.year = ? ORDER BY r.round`,
  ).all(communeCode, year) as { commune_code: string; year: number; round: 1 | 2; package_ref: number; revision: number; opened_at: string; opened_by: string }[];
  return rows.map((r) => ({ communeCode: r.commune_code, year: r.year, round: r.round, packageRef: r.package_ref, revision: r.revision, openedAt: r.opened_at, openedBy: r.opened_by }));
}

export function insertRound(db: Db, r: Omit<RoundRow, 'revision'>): void {
  stmt(db, `INSERT INTO appraisal_rounds (commune_code, year, round, package_ref, opened_at, opened_by) VALUES (?, ?, ?, ?, ?, ?)`).run(
    r.communeCode, r.year, r.round, r.packageRef, r.openedAt, r.openedBy,
  );
}

/** Moves a round not yet sent onto a newer received package. */
export function repointRound(db: Db, communeCode: string, year: number, round: number, packageRef: number): void {
  stmt(db, `UPDATE appraisal_rounds SET package_ref = ? WHERE commune_code = ? AND year = ? AND round = ?`).run(packageRef, communeCode, year, round);
}

export function deleteDecision(db: Db, communeCode: string, year: number, round: number, itemCode: string): void {
  stmt(db, `DELETE FROM appraisal_items WHERE commune_code = ? AND year = ? AND round = ? AND item_code = ?`).run(communeCode, year, round, itemCode);
}

export interface DecisionRow {
  itemCode: string;
  appraisedPoints: number | null;
  comment: string | null;
  requestKind: RequestKind | null;
  request: string | null;
  carriedFrom: number | null;
  appraiser: string;
  updatedAt: string;
}

interface RawDecision {
  item_code: string;
  appraised_points: number | null;
  comment: string | null;
  request_kind: RequestKind | null;
  request: string | null;
  carried_from: number | null;
  appraiser: string;
  updated_at: string;
}

export function decisionsOf(db: Db, communeCode: string, year: number, round: number): Map<string, DecisionRow> {
  const rows = stmt(
    db,
    `SELECT item_code, appraised_points, comment, request_kind, request, carried_from, appraiser, updated_at
       FROM appraisal_items WHERE commune_code = ? AND year = ? AND round = ?`,
  ).all(communeCode, year, round) as RawDecision[];
  return new Map(
    rows.map((r) => [
      r.item_code,
      { itemCode: r.item_code, appraisedPoints: r.appraised_points, comment: r.comment, requestKind: r.request_kind, request: r.request, carriedFrom: r.carried_from, appraiser: r.appraiser, updatedAt: r.updated_at },
    ]),
  );
}

export function upsertDecision(db: Db, key: { communeCode: string; year: number; round: number }, d: DecisionRow): void {
  stmt(
    db,
    `INSERT INTO appraisal_items (commune_code, year, round, item_code, appraised_points, comment, request_kind, request, carried_from, appraiser, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (commune_code, year, round, item_code) DO UPDATE SET
       appraised_points = excluded.appraised_points, comment = excluded.comment, request_kind = excluded.request_kind, request = excluded.request,
       carried_from = excluded.carried_from, appraiser = excluded.appraiser, updated_at = excluded.updated_at`,
  ).run(key.communeCode, key.year, key.round, d.itemCode, d.appraisedPoints, d.comment, d.requestKind, d.request, d.carriedFrom, d.appraiser, d.updatedAt);
}

export interface LockRow {
  round: number;
  lockedAt: string;
  lockedBy: string;
}

export function lockOf(db: Db, communeCode: string, year: number): LockRow | null {
  const r = stmt(db, `SELECT round, locked_at, locked_by FROM appraisal_locks WHERE commune_code = ? AND year = ?`).get(communeCode, year) as
    | { round: number; locked_at: string; locked_by: string }
    | undefined;
  return r ? { round: r.round, lockedAt: r.locked_at, lockedBy: r.locked_by } : null;
}

export function insertLock(db: Db, communeCode: string, year: number, l: LockRow): void {
  stmt(db, `INSERT INTO appraisal_locks (commune_code, year, round, locked_at, locked_by) VALUES (?, ?, ?, ?, ?)`).run(communeCode, year, l.round, l.lockedAt, l.lockedBy);
}

export interface ExportRow {
  round: number;
  packageId: string;
  sha256: string;
  fileName: string;
  locked: boolean;
  createdAt: string;
  createdBy: string;
}

export function exportsOf(db: Db, communeCode: string, year: number): ExportRow[] {
  const rows = stmt(db, `SELECT round, package_id, sha256, file_name, locked, created_at, created_by FROM appraisal_exports WHERE commune_code = ? AND year = ? ORDER BY id`).all(communeCode, year) as {
    round: number; package_id: string; sha256: string; file_name: string; locked: number; created_at: string; created_by: string;
  }[];
  return rows.map((r) => ({ round: r.round, packageId: r.package_id, sha256: r.sha256, fileName: r.file_name, locked: r.locked === 1, createdAt: r.created_at, createdBy: r.created_by }));
}

export function insertExport(db: Db, communeCode: string, year: number, e: ExportRow): void {
  stmt(db, `INSERT INTO appraisal_exports (commune_code, year, round, package_id, sha256, file_name, locked, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    communeCode, year, e.round, e.packageId, e.sha256, e.fileName, e.locked ? 1 : 0, e.createdAt, e.createdBy,
  );
}

/** The raw signed bytes and row id of a received package (already verified at import). */
export function receivedRaw(db: Db, packageRef: number): { raw: Buffer; revision: number; sha256: string; packageId: string; mismatch: boolean } {
  const r = stmt(db, `SELECT b.bytes AS raw, p.revision, p.sha256, p.package_id, p.mismatch FROM received_packages p JOIN received_package_bytes b ON b.package_id = p.id WHERE p.id = ?`).get(packageRef) as {
    raw: Buffer; revision: number; sha256: string; package_id: string; mismatch: number;
  };
  return { raw: r.raw, revision: r.revision, sha256: r.sha256, packageId: r.package_id, mismatch: r.mismatch === 1 };
}

export interface ReceivedItemRow {
  code: string;
  kind: string;
  status: string;
  inputJson: string | null;
  notApplicable: boolean;
  declaredPoints: number;
  recomputedPoints: number | null;
  /** The framework's maximum, recorded at import (null: before migration 016, or not in the framework). */
  recomputedMax: number | null;
}

export function receivedItemsOf(db: Db, packageRef: number): ReceivedItemRow[] {
  const rows = stmt(db, `SELECT item_code, kind, status, input_json, not_applicable, declared_points, recomputed_points, recomputed_max FROM received_items WHERE package_ref = ?`).all(packageRef) as {
    item_code: string; kind: string; status: string; input_json: string | null; not_applicable: number; declared_points: number; recomputed_points: number | null; recomputed_max: number | null;
  }[];
  return rows.map((r) => ({
    code: r.item_code, kind: r.kind, status: r.status, inputJson: r.input_json, notApplicable: r.not_applicable === 1, declaredPoints: r.declared_points, recomputedPoints: r.recomputed_points,
    recomputedMax: r.recomputed_max,
  }));
}

/** A received package's row id by commune, year and revision. */
export function packageRefOf(db: Db, communeCode: string, year: number, revision: number): number | undefined {
  const r = stmt(db, `SELECT id FROM received_packages WHERE commune_code = ? AND year = ? AND revision = ?`).get(communeCode, year, revision) as { id: number } | undefined;
  return r?.id;
}

/** An evidence file of a received package, by its id in that package. */
export function receivedEvidenceFile(db: Db, packageRef: number, evidenceId: string): { name: string; sha256: string; content: Buffer } | undefined {
  const r = stmt(
    db,
    `SELECT l.name, l.sha256, e.content FROM received_package_evidence l JOIN received_evidence e ON e.sha256 = l.sha256 WHERE l.package_ref = ? AND l.evidence_id = ?`,
  ).get(packageRef, evidenceId) as { name: string; sha256: string; content: Buffer } | undefined;
  return r ? { name: r.name, sha256: r.sha256, content: r.content } : undefined;
}

/** Communes that have a received package for the year, with the newest revision. */
export function communesReceived(db: Db, year: number): { code: string; name: string; revision: number }[] {
  return stmt(
    db,
    `SELECT c.code, c.name, max(p.revision) AS revision FROM received_packages p JOIN communes c ON c.code = p.commune_code WHERE p.year = ? GROUP BY c.code ORDER BY c.code`,
  ).all(year) as { code: string; name: string; revision: number }[];
}

export interface RevisionRow {
  revision: number;
  receivedAt: string;
  createdAt: string;
  mismatch: boolean;
  declared: { points: number; indexPercent: number | null };
  recomputed: { points: number; indexPercent: number | null };
}

/** The received revisions of a commune for a year, oldest first, with the totals declared and recomputed at import. */
export function receivedRevisions(db: Db, communeCode: string, year: number): RevisionRow[] {
  const rows = stmt(
    db,
    `SELECT revision, received_at, created_at, mismatch, declared_points, declared_index_percent, recomputed_points, recomputed_index_percent
       FROM received_packages WHERE commune_code = ? AND year = ? ORDER BY revision`,
  ).all(communeCode, year) as {
    revision: number; received_at: string; created_at: string; mismatch: number;
    declared_points: number; declared_index_percent: number | null; recomputed_points: number; recomputed_index_percent: number | null;
  }[];
  return rows.map((r) => ({
    revision: r.revision, receivedAt: r.received_at, createdAt: r.created_at, mismatch: r.mismatch === 1,
    declared: { points: r.declared_points, indexPercent: r.declared_index_percent },
    recomputed: { points: r.recomputed_points, indexPercent: r.recomputed_index_percent },
  }));
}
