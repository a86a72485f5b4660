/** Installed frameworks (the JSON as validated, with its canonical SHA-256), mapped here only. */
import type { FrameworkRef } from '../../../shared/identity';
import type { Db } from '../../kernel/db/open';
import { stmt } from '../../kernel/db/statements';

interface FrameworkRow {
  id: number;
  framework_id: string;
  version: string;
  title: string;
  province_code: string;
  year: number;
  sample: number;
  sha256: string;
}

const toRef = (r: FrameworkRow): FrameworkRef => ({
  ref: r.id,
  id: r.framework_id,
  version: r.version,
  title: r.title,
  year: r.year,
  provinceCode: r.province_code,
  sample: r.sample === 1,
  sha256: r.sha256,
});

const COLUMNS = 'id, framework_id, version, title, province_code, year, sample, sha256';

export function frameworkRef(db: Db, ref: number): FrameworkRef | null {
  const row = stmt(db, `SELECT ${COLUMNS} FROM frameworks WHERE id = ?`).get(ref) as FrameworkRow | undefined;
  return row ? toRef(row) : null;
}

/**
 * The framework a package names, exactly: id, version and SHA-256 all equal (the reviewing unit
 * recomputes a report with exactly the framework it names). null when this unit does not hold it.
 */
export function findFramework(db: Db, key: { id: string; version: string; sha256: string }): FrameworkRef | null {
  const row = stmt(db, `SELECT ${COLUMNS} FROM frameworks WHERE framework_id = ? AND version = ? AND sha256 = ?`).get(key.id, key.version, key.sha256) as FrameworkRow | undefined;
  return row ? toRef(row) : null;
}

/** Every installed framework (all versions, every year), with when it was installed. */
export function listFrameworkRows(db: Db): (FrameworkRef & { installedAt: string })[] {
  const rows = stmt(db, `SELECT ${COLUMNS}, installed_at FROM frameworks ORDER BY year DESC, framework_id, id`).all() as (FrameworkRow & { installed_at: string })[];
  return rows.map((r) => ({ ...toRef(r), installedAt: r.installed_at }));
}

/** The stored JSON (validated when installed); null when there is no such framework. */
export function frameworkJson(db: Db, ref: number): string | null {
  return (stmt(db, 'SELECT json FROM frameworks WHERE id = ?').get(ref) as { json: string } | undefined)?.json ?? null;
}

export function insertFramework(
  db: Db,
  f: { id: string; version: string; title: string; provinceCode: string; year: number; sample: boolean; sha256: string; json: string; installedAt: string },
): number {
  const info = stmt(
    db,
    `INSERT INTO frameworks (framework_id, version, title, province_code, year, sample, sha256, json, installed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(f.id, f.version, f.title, f.provinceCode, f.year, f.sample ? 1 : 0, f.sha256, f.json, f.installedAt);
  return Number(info.lastInsertRowid);
}
