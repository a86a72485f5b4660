/** evidence_documents, evidence_files and evidence_blobs, mapped here only. */
import type { EvidenceDocumentData } from '../../../shared/assessment/evidence';
import type { EvidenceDocumentView, EvidenceFileView } from '../../../shared/ipc/evidence';
import type { Db } from '../../kernel/db/open';
import { stmt } from '../../kernel/db/statements';

interface DocRow {
  id: number;
  item_code: string;
  number: string;
  doc_date: string | null;
  issuer: string;
  summary: string;
  locator: string;
}
const toDoc = (r: DocRow): EvidenceDocumentView => ({
  id: r.id, itemCode: r.item_code, number: r.number, date: r.doc_date, issuer: r.issuer, summary: r.summary, locator: r.locator,
});

interface FileRow {
  id: number;
  item_code: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  added_at: string;
}
const toFile = (r: FileRow): EvidenceFileView => ({
  id: r.id, itemCode: r.item_code, name: r.name, mediaType: r.media_type, size: r.size, sha256: r.sha256, addedAt: r.added_at,
});

export function readDocuments(db: Db, ref: number): EvidenceDocumentView[] {
  return (stmt(db, 'SELECT * FROM evidence_documents WHERE framework_ref = ? ORDER BY item_code, id').all(ref) as DocRow[]).map(toDoc);
}

export function readDocument(db: Db, ref: number, id: number): EvidenceDocumentView | null {
  const r = stmt(db, 'SELECT * FROM evidence_documents WHERE id = ? AND framework_ref = ?').get(id, ref) as DocRow | undefined;
  return r ? toDoc(r) : null;
}

export function insertDocument(db: Db, ref: number, code: string, doc: EvidenceDocumentData, at: string): EvidenceDocumentView {
  const info = stmt(
    db,
    `INSERT INTO evidence_documents (framework_ref, item_code, number, doc_date, issuer, summary, locator, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(ref, code, doc.number, doc.date ?? null, doc.issuer, doc.summary, doc.locator, at, at);
  return { id: Number(info.lastInsertRowid), itemCode: code, number: doc.number, date: doc.date ?? null, issuer: doc.issuer, summary: doc.summary, locator: doc.locator };
}

export function updateDocument(db: Db, id: number, doc: EvidenceDocumentData, at: string): void {
  stmt(db, 'UPDATE evidence_documents SET number = ?, doc_date = ?, issuer = ?, summary = ?, locator = ?, updated_at = ? WHERE id = ?')
    .run(doc.number, doc.date ?? null, doc.issuer, doc.summary, doc.locator, at, id);
}

export function deleteDocument(db: Db, id: number): void {
  stmt(db, 'DELETE FROM evidence_documents WHERE id = ?').run(id);
}

export function readFiles(db: Db, ref: number): EvidenceFileView[] {
  const rows = stmt(
    db,
    `SELECT f.id, f.item_code, f.name, f.media_type, b.size, f.sha256, f.added_at
     FROM evidence_files f JOIN evidence_blobs b ON b.sha256 = f.sha256
     WHERE f.framework_ref = ? ORDER BY f.item_code, f.id`,
  ).all(ref) as FileRow[];
  return rows.map(toFile);
}

/** The hashes already attached to one item (a file is attached once per item). */
export function attachedHashes(db: Db, ref: number, code: string): Set<string> {
  return new Set((stmt(db, 'SELECT sha256 FROM evidence_files WHERE framework_ref = ? AND item_code = ?').all(ref, code) as { sha256: string }[]).map((r) => r.sha256));
}

export function insertFile(db: Db, ref: number, code: string, f: { name: string; mediaType: string; size: number; sha256: string }, at: string): EvidenceFileView {
  stmt(db, 'INSERT OR IGNORE INTO evidence_blobs (sha256, size, stored_at) VALUES (?, ?, ?)').run(f.sha256, f.size, at);
  const info = stmt(db, 'INSERT INTO evidence_files (framework_ref, item_code, name, media_type, sha256, added_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(ref, code, f.name, f.mediaType, f.sha256, at);
  return { id: Number(info.lastInsertRowid), itemCode: code, name: f.name, mediaType: f.mediaType, size: f.size, sha256: f.sha256, addedAt: at };
}

export function deleteFile(db: Db, id: number): void {
  stmt(db, 'DELETE FROM evidence_files WHERE id = ?').run(id);
}

/**
 * Copy the evidence of the items in `codes` to another framework (replacing a framework).
 * Files are content-addressed, so only rows are copied; nothing is copied twice.
 */
export function copyEvidence(db: Db, from: number, to: number, codes: readonly string[], at: string): void {
  const list = JSON.stringify(codes);
  stmt(
    db,
    `INSERT INTO evidence_documents (framework_ref, item_code, number, doc_date, issuer, summary, locator, created_at, updated_at)
     SELECT ?, item_code, number, doc_date, issuer, summary, locator, created_at, ?
     FROM evidence_documents d
     WHERE framework_ref = ? AND item_code IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM evidence_documents e WHERE e.framework_ref = ? AND e.item_code = d.item_code
                       AND e.number = d.number AND e.issuer = d.issuer AND e.summary = d.summary)`,
  ).run(to, at, from, list, to);
  stmt(
    db,
    `INSERT INTO evidence_files (framework_ref, item_code, name, media_type, sha256, added_at)
     SELECT ?, item_code, name, media_type, sha256, added_at FROM evidence_files
     WHERE framework_ref = ? AND item_code IN (SELECT value FROM json_each(?))
     ON CONFLICT (framework_ref, item_code, sha256) DO NOTHING`,
  ).run(to, from, list);
}
