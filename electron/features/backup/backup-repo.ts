/**
 * What a database holds, for a backup's manifest: read from the copy itself (opened on its own,
 * read-only), which may be of an older schema (a pre-migration copy): a table it lacks counts 0.
 */
import type { Db } from '../../kernel/db/open';

export interface HeldData {
  unit: { code: string; name: string } | null;
  role: string | null;
  year: number | null;
  counts: { entries: number; evidenceFiles: number; surveyForms: number; packagesReceived: number };
  lastChangeAt: string | null;
  schemaVersion: number;
}

function tables(db: Db): Set<string> {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  return new Set(rows.map((r) => r.name));
}

function count(db: Db, have: Set<string>, table: string): number {
  if (!have.has(table)) return 0;
  return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

export function heldData(db: Db): HeldData {
  const have = tables(db);
  const identity = have.has('identity')
    ? (db.prepare('SELECT role, unit_code, unit_name, year FROM identity WHERE id = 1').get() as
        | { role: string; unit_code: string; unit_name: string; year: number }
        | undefined)
    : undefined;
  const last = have.has('audit_log') ? (db.prepare('SELECT max(at) AS at FROM audit_log').get() as { at: string | null }).at : null;
  return {
    unit: identity ? { code: identity.unit_code, name: identity.unit_name } : null,
    role: identity?.role ?? null,
    year: identity?.year ?? null,
    counts: {
      entries: count(db, have, 'assessment_entries'),
      evidenceFiles: count(db, have, 'evidence_files'),
      surveyForms: count(db, have, 'survey_forms'),
      packagesReceived: count(db, have, 'received_packages'),
    },
    lastChangeAt: last,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
  };
}

/** The SHA-256 names of the evidence files the database refers to (the commune's own evidence). */
export function evidenceBlobs(db: Db): { sha256: string; size: number }[] {
  if (!tables(db).has('evidence_blobs')) return [];
  return db.prepare('SELECT sha256, size FROM evidence_blobs ORDER BY sha256').all() as { sha256: string; size: number }[];
}
