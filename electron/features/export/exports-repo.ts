/** package_exports: every signed report this installation wrote (a revision each), mapped here only. */
import type { Db } from '../../kernel/db/open';
import { stmt } from '../../kernel/db/statements';

export interface ExportRecord {
  packageId: string;
  revision: number;
  keyId: string;
  year: number;
  sha256: string;
  size: number;
  fileName: string;
  folder: string;
  supersedes: string | null;
  createdAt: string;
  /** What the report declared item by item (null: exported before this was kept, migration 015). */
  items: ExportedItem[] | null;
}

/** One item of an exported report as the reviewing unit's appraisal result must repeat it. */
export interface ExportedItem {
  code: string;
  kind: 'item' | 'bonus' | 'penalty';
  /** The self-score declared, hundredths of a point. */
  points: number;
}

interface ExportRow {
  package_id: string;
  revision: number;
  key_id: string;
  year: number;
  sha256: string;
  size: number;
  file_name: string;
  folder: string;
  supersedes: string | null;
  created_at: string;
  items_json: string | null;
}

const toRecord = (r: ExportRow): ExportRecord => ({
  packageId: r.package_id,
  revision: r.revision,
  keyId: r.key_id,
  year: r.year,
  sha256: r.sha256,
  size: r.size,
  fileName: r.file_name,
  folder: r.folder,
  supersedes: r.supersedes,
  createdAt: r.created_at,
  items: r.items_json === null ? null : (JSON.parse(r.items_json) as ExportedItem[]),
});

/** Newest first. */
export function readExports(db: Db): ExportRecord[] {
  return (stmt(db, 'SELECT * FROM package_exports ORDER BY revision DESC').all() as ExportRow[]).map(toRecord);
}

export function readLastExport(db: Db): ExportRecord | null {
  const row = stmt(db, 'SELECT * FROM package_exports ORDER BY revision DESC LIMIT 1').get() as ExportRow | undefined;
  return row ? toRecord(row) : null;
}

export function insertExport(db: Db, record: ExportRecord): void {
  stmt(
    db,
    `INSERT INTO package_exports (package_id, revision, key_id, year, sha256, size, file_name, folder, supersedes, created_at, items_json)
     VALUES (@packageId, @revision, @keyId, @year, @sha256, @size, @fileName, @folder, @supersedes, @createdAt, @itemsJson)`,
  ).run({ ...record, items: undefined, itemsJson: record.items === null ? null : JSON.stringify(record.items) });
}
