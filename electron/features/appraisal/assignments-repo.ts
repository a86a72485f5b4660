/** SQL of the appraisers per field: assignments for a year, and each field marked done per commune. */
import type { Db } from '../../kernel/db/open';
import { stmt } from '../../kernel/db/statements';

export function assignmentsOf(db: Db, year: number): Map<string, string> {
  return new Map((stmt(db, `SELECT field_code, appraiser FROM field_assignments WHERE year = ?`).all(year) as { field_code: string; appraiser: string }[]).map((r) => [r.field_code, r.appraiser]));
}

export function setAssignment(db: Db, year: number, fieldCode: string, appraiser: string | null, at: string, by: string): void {
  if (appraiser === null) stmt(db, `DELETE FROM field_assignments WHERE year = ? AND field_code = ?`).run(year, fieldCode);
  else {
    stmt(
      db,
      `INSERT INTO field_assignments (year, field_code, appraiser, assigned_at, assigned_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (year, field_code) DO UPDATE SET appraiser = excluded.appraiser, assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by`,
    ).run(year, fieldCode, appraiser, at, by);
  }
}

export function setFieldDone(db: Db, communeCode: string, year: number, fieldCode: string, done: { by: string; at: string } | null): void {
  if (done) stmt(db, `INSERT INTO field_done (commune_code, year, field_code, done_by, done_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`).run(communeCode, year, fieldCode, done.by, done.at);
  else stmt(db, `DELETE FROM field_done WHERE commune_code = ? AND year = ? AND field_code = ?`).run(communeCode, year, fieldCode);
}

/** `commune/field` → who marked it done, for a year. */
export function fieldsDone(db: Db, year: number): Map<string, string> {
  return new Map(
    (stmt(db, `SELECT commune_code, field_code, done_by FROM field_done WHERE year = ?`).all(year) as { commune_code: string; field_code: string; done_by: string }[]).map((r) => [
      `${r.commune_code}/${r.field_code}`, r.done_by,
    ]),
  );
}
