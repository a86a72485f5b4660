/**
 * Integrity of a database file: SQLite's `PRAGMA quick_check` (page structure, record formats,
 * NOT NULL and CHECK constraints; O(N), no index cross-check). Run when the store opens, on every
 * backup before it gets its final name, and on a backup before it is restored.
 */
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';

/** The problems quick_check reports, at most `limit`; empty when the database is sound. */
export function quickCheck(db: Db, limit = 20): string[] {
  const rows = db.pragma(`quick_check(${Math.max(1, Math.floor(limit))})`) as { quick_check: string }[];
  const lines = rows.map((r) => r.quick_check);
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
}

/**
 * quick_check on a file opened read-only apart from any live connection. A file that is not a
 * database, or that SQLite cannot even open, is reported as a problem, never thrown.
 */
export function quickCheckFile(path: string, nativeBinding?: string): string[] {
  let db: Db | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    return quickCheck(db);
  } catch (err) {
    return [`${(err as { code?: string }).code ?? 'ERROR'}: ${err instanceof Error ? err.message : String(err)}`];
  } finally {
    db?.close();
  }
}
