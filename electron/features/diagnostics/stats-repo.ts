/** What the support bundle says about the database: counts and SQLite's own figures, never rows. */
import type { Db } from '../../kernel/db/open';
import { stmt } from '../../kernel/db/statements';

export interface DatabaseFigures {
  sqliteVersion: string;
  schemaVersion: number;
  pageSize: number;
  pageCount: number;
  freelistCount: number;
  journalMode: string;
  /** PRAGMA quick_check: ['ok'], or SQLite's first messages. */
  quickCheck: string[];
  /** Rows per table (SQLite's own tables left out). */
  rowCounts: Record<string, number>;
}

const QUICK_CHECK_LINES = 20;

export function databaseFigures(db: Db): DatabaseFigures {
  const tables = (stmt(db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
  const rowCounts: Record<string, number> = {};
  for (const name of tables) {
    // The names come from sqlite_master, quoted as identifiers (a quote doubled).
    rowCounts[name] = (db.prepare(`SELECT COUNT(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n;
  }
  const quick = db.prepare(`PRAGMA quick_check(${QUICK_CHECK_LINES})`).all() as { quick_check: string }[];
  return {
    sqliteVersion: (stmt(db, 'SELECT sqlite_version() AS v').get() as { v: string }).v,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    pageSize: db.pragma('page_size', { simple: true }) as number,
    pageCount: db.pragma('page_count', { simple: true }) as number,
    freelistCount: db.pragma('freelist_count', { simple: true }) as number,
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    quickCheck: quick.map((r) => r.quick_check),
    rowCounts,
  };
}

/** The installation's setup, without any person's name: role, unit and province codes, year. */
export function setupFacts(db: Db): { role: string; level: string | null; unitCode: string; provinceCode: string; reviewerCode: string | null; year: number } | null {
  const row = stmt(db, 'SELECT role, level, unit_code, province_code, reviewer_code, year FROM identity WHERE id = 1').get() as
    | { role: string; level: string | null; unit_code: string; province_code: string; reviewer_code: string | null; year: number }
    | undefined;
  return row ? { role: row.role, level: row.level, unitCode: row.unit_code, provinceCode: row.province_code, reviewerCode: row.reviewer_code, year: row.year } : null;
}

/** The settings that are neither secret nor a person's (the survey keyer's name is left out). */
export const BUNDLED_SETTINGS = ['language'] as const;

export function bundledSettings(db: Db): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const key of BUNDLED_SETTINGS) out[key] = (stmt(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  return out;
}
