/** assessment_entries: one row per item of a framework (inputs as typed, and the explanation). */
import type { ItemEntry } from '../../../shared/scoring/entry';
import type { Db } from '../../kernel/db/open';
import { stmt } from '../../kernel/db/statements';

interface EntryRow {
  item_code: string;
  entry_json: string;
  explanation: string | null;
  updated_at: string;
  updated_by: string;
}

export interface StoredEntry {
  /** Null when the item has no input and no not-applicable choice. */
  entry: ItemEntry | null;
  explanation: string | null;
  updatedAt: string;
  updatedBy: string;
}

function toStored(r: EntryRow): StoredEntry {
  const parsed = JSON.parse(r.entry_json) as ItemEntry;
  const empty = parsed.input === undefined && parsed.notApplicable === undefined;
  return { entry: empty ? null : parsed, explanation: r.explanation, updatedAt: r.updated_at, updatedBy: r.updated_by };
}

export function readEntries(db: Db, ref: number): Record<string, StoredEntry> {
  const out: Record<string, StoredEntry> = {};
  for (const r of stmt(db, 'SELECT * FROM assessment_entries WHERE framework_ref = ?').all(ref) as EntryRow[]) out[r.item_code] = toStored(r);
  return out;
}

export function readEntry(db: Db, ref: number, code: string): StoredEntry | null {
  const r = stmt(db, 'SELECT * FROM assessment_entries WHERE framework_ref = ? AND item_code = ?').get(ref, code) as EntryRow | undefined;
  return r ? toStored(r) : null;
}

/** The entries the engine scores: items with inputs (or not-applicable) only. */
export function scoredEntries(stored: Record<string, StoredEntry>): Record<string, ItemEntry> {
  const entries: Record<string, ItemEntry> = {};
  for (const [code, s] of Object.entries(stored)) if (s.entry) entries[code] = s.entry;
  return entries;
}

export function writeEntry(db: Db, row: { ref: number; code: string; entry: ItemEntry | null; explanation: string | null; at: string; by: string }): void {
  stmt(
    db,
    `INSERT INTO assessment_entries (framework_ref, item_code, entry_json, explanation, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (framework_ref, item_code) DO UPDATE SET entry_json = excluded.entry_json,
       explanation = excluded.explanation, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(row.ref, row.code, JSON.stringify(row.entry ?? {}), row.explanation, row.at, row.by);
}

/** Copy entries to another framework (replacing a framework); an item already there is kept. */
export function copyEntries(db: Db, from: number, to: number, codes: readonly string[], at: string, by: string): void {
  stmt(
    db,
    `INSERT INTO assessment_entries (framework_ref, item_code, entry_json, explanation, updated_at, updated_by)
     SELECT ?, item_code, entry_json, explanation, ?, ? FROM assessment_entries
     WHERE framework_ref = ? AND item_code IN (SELECT value FROM json_each(?))
     ON CONFLICT (framework_ref, item_code) DO NOTHING`,
  ).run(to, at, by, from, JSON.stringify(codes));
}
