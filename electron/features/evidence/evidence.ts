/**
 * Evidence (tài liệu kiểm chứng) per item: documents (number/symbol, date, issuing body,
 * summary, the page or section that proves the item) and attached files. Files are
 * copied into the app's own store (evidence-store.ts); the database rows are written in
 * one transaction after the bytes are safely in place, and a failed transaction removes
 * the bytes it had just written: nothing is left behind.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { EvidenceDocumentInput } from '../../../shared/assessment/evidence';
import { evidenceDocumentSchema } from '../../../shared/assessment/evidence';
import { AppError } from '../../../shared/errors';
import type { EvidenceDocumentView, EvidenceFileView } from '../../../shared/ipc/evidence';
import { activeFramework, assertUnlocked, requireItem } from '../assessment/assessment';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import type { EvidenceFs, ReadEvidence } from './blob-store';
import { blobPath, nodeFs, readEvidence, storeBlob } from './blob-store';

export { evidenceDocumentSchema };
export type { EvidenceDocumentInput };

/** The shapes the renderer receives are the service's own (one definition, in the contract). */
export type EvidenceDocument = EvidenceDocumentView;
export type EvidenceFile = EvidenceFileView;

export function parseDocument(input: unknown): z.output<typeof evidenceDocumentSchema> {
  const parsed = evidenceDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || 'document'] ??= issue.message;
    throw new AppError('INVALID_INPUT', 'evidence document', { fields });
  }
  return parsed.data;
}

interface DocRow {
  id: number;
  item_code: string;
  number: string;
  doc_date: string | null;
  issuer: string;
  summary: string;
  locator: string;
}
const toDoc = (r: DocRow): EvidenceDocument => ({
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
const toFile = (r: FileRow): EvidenceFile => ({
  id: r.id, itemCode: r.item_code, name: r.name, mediaType: r.media_type, size: r.size, sha256: r.sha256, addedAt: r.added_at,
});

export function listDocuments(ctx: ServiceContext, ref = activeFramework(ctx).ref): EvidenceDocument[] {
  return (ctx.db.prepare('SELECT * FROM evidence_documents WHERE framework_ref = ? ORDER BY item_code, id').all(ref) as DocRow[]).map(toDoc);
}

export function listFiles(ctx: ServiceContext, ref = activeFramework(ctx).ref): EvidenceFile[] {
  const rows = ctx.db
    .prepare(
      `SELECT f.id, f.item_code, f.name, f.media_type, b.size, f.sha256, f.added_at
       FROM evidence_files f JOIN evidence_blobs b ON b.sha256 = f.sha256
       WHERE f.framework_ref = ? ORDER BY f.item_code, f.id`,
    )
    .all(ref) as FileRow[];
  return rows.map(toFile);
}

/** Insert one document row; the caller holds the transaction and checked the lock. */
export function insertDocument(ctx: ServiceContext, ref: number, code: string, doc: z.output<typeof evidenceDocumentSchema>): EvidenceDocument {
  const now = isoNow(ctx);
  const info = ctx.db
    .prepare(
      `INSERT INTO evidence_documents (framework_ref, item_code, number, doc_date, issuer, summary, locator, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(ref, code, doc.number, doc.date ?? null, doc.issuer, doc.summary, doc.locator, now, now);
  const saved: EvidenceDocument = { id: Number(info.lastInsertRowid), itemCode: code, number: doc.number, date: doc.date ?? null, issuer: doc.issuer, summary: doc.summary, locator: doc.locator };
  audit(ctx, 'evidence.document.add', 'evidence_document', String(saved.id), null, saved);
  return saved;
}

export function addDocument(ctx: ServiceContext, code: string, input: unknown): EvidenceDocument {
  const active = activeFramework(ctx);
  requireItem(active, code);
  const doc = parseDocument(input);
  return ctx.db.transaction(() => {
    assertUnlocked(ctx, active.ref);
    return insertDocument(ctx, active.ref, code, doc);
  })();
}

function getDocument(ctx: ServiceContext, ref: number, id: number): EvidenceDocument {
  const r = ctx.db.prepare('SELECT * FROM evidence_documents WHERE id = ? AND framework_ref = ?').get(id, ref) as DocRow | undefined;
  if (!r) throw new AppError('EVIDENCE_NOT_FOUND', `no document ${id}`);
  return toDoc(r);
}

export function updateDocument(ctx: ServiceContext, id: number, input: unknown): EvidenceDocument {
  const active = activeFramework(ctx);
  const doc = parseDocument(input);
  return ctx.db.transaction(() => {
    assertUnlocked(ctx, active.ref);
    const old = getDocument(ctx, active.ref, id);
    ctx.db
      .prepare('UPDATE evidence_documents SET number = ?, doc_date = ?, issuer = ?, summary = ?, locator = ?, updated_at = ? WHERE id = ?')
      .run(doc.number, doc.date ?? null, doc.issuer, doc.summary, doc.locator, isoNow(ctx), id);
    const saved = getDocument(ctx, active.ref, id);
    audit(ctx, 'evidence.document.update', 'evidence_document', String(id), old, saved);
    return saved;
  })();
}

export function removeDocument(ctx: ServiceContext, id: number): void {
  const active = activeFramework(ctx);
  ctx.db.transaction(() => {
    assertUnlocked(ctx, active.ref);
    const old = getDocument(ctx, active.ref, id);
    ctx.db.prepare('DELETE FROM evidence_documents WHERE id = ?').run(id);
    audit(ctx, 'evidence.document.remove', 'evidence_document', String(id), old, null);
  })();
}

export interface AttachResult {
  added: EvidenceFile[];
  /** Names of chosen files already attached to this item (same bytes): skipped. */
  duplicates: string[];
}

/**
 * Attach files chosen in main's dialog. All or nothing: every file is read and checked
 * first; then the bytes are stored; then one transaction writes the rows. If that fails,
 * the bytes written for it are removed again.
 */
export function attachFiles(ctx: ServiceContext, dataDir: string, code: string, paths: string[], fsx: EvidenceFs = nodeFs): AttachResult {
  const active = activeFramework(ctx);
  requireItem(active, code);
  assertUnlocked(ctx, active.ref);
  const read: ReadEvidence[] = paths.map((p) => readEvidence(p, fsx));
  const attached = new Set(
    (ctx.db.prepare('SELECT sha256 FROM evidence_files WHERE framework_ref = ? AND item_code = ?').all(active.ref, code) as { sha256: string }[]).map((r) => r.sha256),
  );
  const fresh: ReadEvidence[] = [];
  const duplicates: string[] = [];
  for (const f of read) {
    if (attached.has(f.sha256)) duplicates.push(f.name);
    else {
      attached.add(f.sha256);
      fresh.push(f);
    }
  }
  if (fresh.length === 0 && duplicates.length > 0) throw new AppError('EVIDENCE_DUPLICATE', 'already attached', { names: duplicates });
  const written: string[] = [];
  try {
    for (const f of fresh) if (storeBlob(dataDir, f, fsx)) written.push(blobPath(dataDir, f.sha256));
    const added = ctx.db.transaction(() => {
      assertUnlocked(ctx, active.ref);
      const now = isoNow(ctx);
      return fresh.map((f) => {
        ctx.db.prepare('INSERT OR IGNORE INTO evidence_blobs (sha256, size, stored_at) VALUES (?, ?, ?)').run(f.sha256, f.size, now);
        const info = ctx.db
          .prepare('INSERT INTO evidence_files (framework_ref, item_code, name, media_type, sha256, added_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(active.ref, code, f.name, f.mediaType, f.sha256, now);
        const file: EvidenceFile = { id: Number(info.lastInsertRowid), itemCode: code, name: f.name, mediaType: f.mediaType, size: f.size, sha256: f.sha256, addedAt: now };
        audit(ctx, 'evidence.file.add', 'evidence_file', String(file.id), null, { itemCode: code, name: f.name, size: f.size, sha256: f.sha256 });
        return file;
      });
    })();
    return { added, duplicates };
  } catch (err) {
    for (const p of written) fsx.rmSync(p, { force: true });
    throw err;
  }
}

function getFile(ctx: ServiceContext, ref: number, id: number): EvidenceFile {
  const file = listFiles(ctx, ref).find((f) => f.id === id);
  if (!file) throw new AppError('EVIDENCE_NOT_FOUND', `no file ${id}`);
  return file;
}

/** Detach a file from its item. The stored bytes stay (another item may share them). */
export function removeFile(ctx: ServiceContext, id: number): void {
  const active = activeFramework(ctx);
  ctx.db.transaction(() => {
    assertUnlocked(ctx, active.ref);
    const old = getFile(ctx, active.ref, id);
    ctx.db.prepare('DELETE FROM evidence_files WHERE id = ?').run(id);
    audit(ctx, 'evidence.file.remove', 'evidence_file', String(id), old, null);
  })();
}

/** The stored bytes of a file, checked against their hash (a damaged copy is reported, not shown). */
export function readStoredFile(ctx: ServiceContext, dataDir: string, id: number, fsx: EvidenceFs = nodeFs): { file: EvidenceFile; bytes: Buffer; path: string } {
  const file = getFile(ctx, activeFramework(ctx).ref, id);
  const path = blobPath(dataDir, file.sha256);
  let bytes: Buffer;
  try {
    bytes = fsx.readFileSync(path);
  } catch {
    throw new AppError('EVIDENCE_NOT_FOUND', 'stored file missing', { name: file.name });
  }
  const check = createHash('sha256').update(bytes).digest('hex');
  if (check !== file.sha256) throw new AppError('FILE_UNREADABLE', 'stored file damaged', { name: file.name });
  return { file, bytes, path };
}

