/**
 * Evidence (tài liệu kiểm chứng) per item: documents (number/symbol, date, issuing body, summary,
 * the page or section that proves the item) and attached files. Files are copied into the app's
 * own store (blob-store.ts); the database rows are written in one transaction after the bytes are
 * safely in place, and a failed transaction removes the bytes it had just written: nothing is
 * left behind. Who may change evidence, and not while finalised, is the use cases' policy.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { EvidenceDocumentData } from '../../../shared/assessment/evidence';
import { AppError } from '../../../shared/errors';
import { isOpenableName, safeFileName } from '../../../shared/file-name';
import type { EvidenceDocumentView, EvidenceFileView } from '../../../shared/ipc/evidence';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import type { FileOps } from '../../kernel/files/package-file';
import { nodeFileOps } from '../../kernel/files/package-file';
import type { ActiveFramework } from '../framework/active';
import { requireItem } from '../framework/active';
import type { EvidenceReader, ReadEvidence } from './blob-store';
import { blobPath, boundedEvidenceRead, EVIDENCE_TYPES, readEvidence, storeBlob } from './blob-store';
import { attachedHashes, deleteDocument, deleteFile, insertDocument, insertFile, readDocument, readDocuments, readFiles, updateDocument as updateDocumentRow } from './evidence-repo';

/** Insert one document row with its audit row; the caller holds the transaction. */
export function addDocumentRow(ctx: ServiceContext, ref: number, code: string, doc: EvidenceDocumentData): EvidenceDocumentView {
  const saved = insertDocument(ctx.db, ref, code, doc, isoNow(ctx));
  audit(ctx, 'evidence.document.add', 'evidence_document', String(saved.id), null, saved);
  return saved;
}

export function addDocument(ctx: ServiceContext, active: ActiveFramework, code: string, doc: EvidenceDocumentData): EvidenceDocumentView {
  requireItem(active, code);
  return ctx.db.transaction(() => addDocumentRow(ctx, active.ref, code, doc))();
}

function getDocument(ctx: ServiceContext, ref: number, id: number): EvidenceDocumentView {
  const doc = readDocument(ctx.db, ref, id);
  if (!doc) throw new AppError('EVIDENCE_NOT_FOUND', `no document ${id}`);
  return doc;
}

export function updateDocument(ctx: ServiceContext, active: ActiveFramework, id: number, doc: EvidenceDocumentData): EvidenceDocumentView {
  return ctx.db.transaction(() => {
    const old = getDocument(ctx, active.ref, id);
    updateDocumentRow(ctx.db, id, doc, isoNow(ctx));
    const saved = getDocument(ctx, active.ref, id);
    audit(ctx, 'evidence.document.update', 'evidence_document', String(id), old, saved);
    return saved;
  })();
}

export function removeDocument(ctx: ServiceContext, active: ActiveFramework, id: number): void {
  ctx.db.transaction(() => {
    const old = getDocument(ctx, active.ref, id);
    deleteDocument(ctx.db, id);
    audit(ctx, 'evidence.document.remove', 'evidence_document', String(id), old, null);
  })();
}

export interface AttachResult {
  added: EvidenceFileView[];
  /** Names of chosen files already attached to this item (same bytes): skipped. */
  duplicates: string[];
}

/**
 * Attach files chosen in main's dialog. All or nothing: every file is read and checked first;
 * then the bytes are stored; then one transaction writes the rows. If that fails, the bytes
 * written for it are removed again.
 */
export function attachFiles(
  ctx: ServiceContext,
  dataDir: string,
  active: ActiveFramework,
  code: string,
  paths: string[],
  ops: FileOps = nodeFileOps,
  readFile: EvidenceReader = boundedEvidenceRead,
): AttachResult {
  requireItem(active, code);
  const read: ReadEvidence[] = paths.map((p) => readEvidence(p, readFile));
  const attached = attachedHashes(ctx.db, active.ref, code);
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
    for (const f of fresh) if (storeBlob(dataDir, f, ops)) written.push(blobPath(dataDir, f.sha256));
    const added = ctx.db.transaction(() => {
      const now = isoNow(ctx);
      return fresh.map((f) => {
        const file = insertFile(ctx.db, active.ref, code, f, now);
        audit(ctx, 'evidence.file.add', 'evidence_file', String(file.id), null, { itemCode: code, name: f.name, size: f.size, sha256: f.sha256 });
        return file;
      });
    })();
    return { added, duplicates };
  } catch (err) {
    for (const p of written) ops.rmSync(p, { force: true });
    throw err;
  }
}

function getFile(ctx: ServiceContext, ref: number, id: number): EvidenceFileView {
  const file = readFiles(ctx.db, ref).find((f) => f.id === id);
  if (!file) throw new AppError('EVIDENCE_NOT_FOUND', `no file ${id}`);
  return file;
}

/** Detach a file from its item. The stored bytes stay (another item may share them). */
export function removeFile(ctx: ServiceContext, active: ActiveFramework, id: number): void {
  ctx.db.transaction(() => {
    const old = getFile(ctx, active.ref, id);
    deleteFile(ctx.db, id);
    audit(ctx, 'evidence.file.remove', 'evidence_file', String(id), old, null);
  })();
}

/** The stored bytes of a file, checked against their hash (a damaged copy is reported, not shown). */
export function readStoredFile(ctx: ServiceContext, dataDir: string, active: ActiveFramework, id: number, ops: Pick<FileOps, 'readFileSync'> = nodeFileOps): { file: EvidenceFileView; bytes: Buffer; path: string } {
  const file = getFile(ctx, active.ref, id);
  const path = blobPath(dataDir, file.sha256);
  let bytes: Buffer;
  try {
    bytes = ops.readFileSync(path);
  } catch {
    throw new AppError('EVIDENCE_NOT_FOUND', 'stored file missing', { name: file.name });
  }
  const check = createHash('sha256').update(bytes).digest('hex');
  if (check !== file.sha256) throw new AppError('FILE_UNREADABLE', 'stored file damaged', { name: file.name });
  return { file, bytes, path };
}

/**
 * The store keeps bytes under their hash; the system's viewer needs the real name and extension:
 * a named copy in the temporary folder, for the user to open.
 */
export function namedCopy(ctx: ServiceContext, dataDir: string, active: ActiveFramework, id: number): string {
  const { file, path } = readStoredFile(ctx, dataDir, active, id);
  // Names stored by an older version were not sanitised: made safe again, and only a type the app
  // accepts as evidence (never a program, a script or a shortcut) is handed to the system.
  const name = safeFileName(file.name);
  if (!isOpenableName(name) || !EVIDENCE_TYPES[extname(name).toLowerCase()]) {
    throw new AppError('OPEN_REFUSED', 'not a document type', { name });
  }
  const dir = join(tmpdir(), 'chiso-evidence', file.sha256.slice(0, 16));
  mkdirSync(dir, { recursive: true });
  const copy = join(dir, name);
  copyFileSync(path, copy);
  return copy;
}

export function listDocuments(ctx: ServiceContext, ref: number): EvidenceDocumentView[] {
  return readDocuments(ctx.db, ref);
}

export function listFiles(ctx: ServiceContext, ref: number): EvidenceFileView[] {
  return readFiles(ctx.db, ref);
}
