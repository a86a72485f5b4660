/** SQL for the report: the newest accepted package per commune and year, its items, the roster, last year's published results. */
import type { Db } from '../../kernel/db/open';
import { stmt } from '../../kernel/db/statements';

export interface LatestPackage {
  id: number;
  communeCode: string;
  revision: number;
  frameworkRef: number;
  /** When the first accepted package of the year arrived (ISO instant): receipt is judged on it. */
  firstReceivedAt: string;
  indexPercent: number | null;
  totalsJson: string;
  forms: number;
}

interface RawLatest {
  id: number;
  commune_code: string;
  revision: number;
  framework_ref: number;
  first_received_at: string;
  recomputed_index_percent: number | null;
  recomputed_totals_json: string;
  forms: number;
}

const LATEST = `SELECT p.id, p.commune_code, p.revision, p.framework_ref, p.recomputed_index_percent, p.recomputed_totals_json, p.forms,
    (SELECT min(f.received_at) FROM received_packages f WHERE f.commune_code = p.commune_code AND f.year = p.year) AS first_received_at
  FROM received_packages p
  WHERE p.year = ? AND p.revision = (SELECT max(q.revision) FROM received_packages q WHERE q.commune_code = p.commune_code AND q.year = p.year)`;

/** The ids of the newest accepted packages of the year. */
const LATEST_IDS = `SELECT p.id FROM received_packages p
  WHERE p.year = ? AND p.revision = (SELECT max(q.revision) FROM received_packages q WHERE q.commune_code = p.commune_code AND q.year = p.year)`;

/** The newest accepted revision of every commune that sent a package for the year. */
export function latestPackages(db: Db, year: number): LatestPackage[] {
  return (stmt(db, LATEST).all(year) as RawLatest[]).map((r) => ({
    id: r.id,
    communeCode: r.commune_code,
    revision: r.revision,
    frameworkRef: r.framework_ref,
    firstReceivedAt: r.first_received_at,
    indexPercent: r.recomputed_index_percent,
    totalsJson: r.recomputed_totals_json,
    forms: r.forms,
  }));
}

export function hasPackages(db: Db, year: number): boolean {
  return stmt(db, `SELECT 1 FROM received_packages WHERE year = ? LIMIT 1`).get(year) !== undefined;
}

/** [item code, points (recomputed here; the declared ones when the framework did not know the item), 1 when marked not applicable]. */
export type ReceivedItemPoints = [code: string, points: number, notApplicable: 0 | 1];

/**
 * The scored items (not bonus or penalty) of the newest packages of the year, by package id. One
 * row per package with its items as a JSON array built by SQLite: a third of the time of one row
 * per item for 3,321 communes × 40 items.
 */
export function latestItems(db: Db, year: number): Map<number, ReceivedItemPoints[]> {
  const rows = stmt(
    db,
    `WITH latest AS MATERIALIZED (${LATEST_IDS})
     SELECT l.id, (SELECT json_group_array(json_array(i.item_code, coalesce(i.recomputed_points, i.declared_points), i.not_applicable))
                     FROM received_items i WHERE i.package_ref = l.id AND i.kind = 'item') AS items
       FROM latest l`,
  ).all(year) as { id: number; items: string }[];
  const out = new Map<number, ReceivedItemPoints[]>();
  for (const r of rows) out.set(r.id, JSON.parse(r.items) as ReceivedItemPoints[]);
  return out;
}

export interface RosterCommune {
  code: string;
  name: string;
  type: string;
  active: boolean;
}

export function rosterCommunes(db: Db): RosterCommune[] {
  return (stmt(db, `SELECT code, name, type, active FROM communes ORDER BY code`).all() as { code: string; name: string; type: string; active: number }[]).map((r) => ({
    code: r.code, name: r.name, type: r.type, active: r.active === 1,
  }));
}

export interface HistoryRow {
  code: string;
  name: string;
  /** Hundredths of a percent; null when the commune had no index that year. */
  index: number | null;
  group: string | null;
}

export function historyRows(db: Db, year: number): HistoryRow[] {
  return (stmt(db, `SELECT code, name, index_percent, group_label FROM history_results WHERE year = ? ORDER BY code`).all(year) as {
    code: string; name: string; index_percent: number | null; group_label: string | null;
  }[]).map((r) => ({ code: r.code, name: r.name, index: r.index_percent, group: r.group_label }));
}

export function historyCount(db: Db, year: number): number {
  return (stmt(db, `SELECT count(*) AS n FROM history_results WHERE year = ?`).get(year) as { n: number }).n;
}

/** A year's published results replaced whole (the caller holds the transaction). */
export function replaceHistory(db: Db, year: number, rows: readonly HistoryRow[], at: string, sourceFile: string): void {
  stmt(db, `DELETE FROM history_results WHERE year = ?`).run(year);
  const ins = stmt(db, `INSERT INTO history_results (year, code, name, index_percent, group_label, imported_at, source_file) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const r of rows) ins.run(year, r.code, r.name, r.index, r.group, at, sourceFile);
}

/** The floor the bench compares with: one aggregate over the same rows the report reads (the newest packages' items). */
export function aggregateFloor(db: Db, year: number): { communes: number; points: number; items: number } {
  return stmt(
    db,
    `WITH latest AS MATERIALIZED (${LATEST_IDS})
     SELECT count(DISTINCT i.package_ref) AS communes, sum(coalesce(i.recomputed_points, i.declared_points)) AS points, count(*) AS items
       FROM latest l CROSS JOIN received_items i ON i.package_ref = l.id WHERE i.kind = 'item'`,
  ).get(year) as { communes: number; points: number; items: number };
}
