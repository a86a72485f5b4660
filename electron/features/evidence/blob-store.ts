/**
 * Evidence files, content-addressed: dataDir/evidence/<sha256>, written through the app's one
 * atomic write (temporary name, fsync, rename), so a crash or a full disk never leaves a half file
 * under a real name. The file calls are injectable so a test can make a write fail (disk full).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { safeFileName } from '../../../shared/file-name';
import { normaliseName } from '../../../shared/text';
import { writeFileAtomic } from '../../kernel/files/atomic-write';
import type { FileOps } from '../../kernel/files/package-file';
import { nodeFileOps } from '../../kernel/files/package-file';
import { readUserFile, USER_FILE_LIMITS } from '../../kernel/files/user-file';

export const EVIDENCE_MAX_BYTES = USER_FILE_LIMITS.evidence;

/** Accepted evidence: PDF, images, Office documents. Keyed by lower-case extension. */
export const EVIDENCE_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
};

export const EVIDENCE_EXTENSIONS = Object.keys(EVIDENCE_TYPES).map((e) => e.slice(1));

/** Reads a user-chosen file of at most `maxBytes` (the bounded reader; tests pass a failing one). */
export type EvidenceReader = (path: string, maxBytes: number) => Buffer;

export const boundedEvidenceRead: EvidenceReader = (p, maxBytes) => readUserFile(p, { kind: 'evidence', maxBytes });

export interface ReadEvidence {
  name: string;
  mediaType: string;
  bytes: Buffer;
  size: number;
  sha256: string;
}

export function evidenceDir(dataDir: string): string {
  return join(dataDir, 'evidence');
}

export function blobPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/u.test(sha256)) throw new AppError('EVIDENCE_NOT_FOUND', 'bad hash');
  return join(evidenceDir(dataDir), sha256);
}

/**
 * Read and check a user-chosen file: type by extension, then through the bounded reader (a regular
 * file, at most EVIDENCE_MAX_BYTES, never read past that).
 */
export function readEvidence(path: string, read: EvidenceReader = boundedEvidenceRead): ReadEvidence {
  // The name is shown, stored, sent in the package and used again for a copy to open: made safe
  // here once (no separators, controls, bidi tricks, reserved Windows names; bounded length).
  const name = safeFileName(normaliseName(basename(path)));
  const mediaType = EVIDENCE_TYPES[extname(name).toLowerCase()];
  if (!mediaType) throw new AppError('EVIDENCE_TYPE', `unsupported type ${name}`, { name });
  let bytes: Buffer;
  try {
    bytes = read(path, EVIDENCE_MAX_BYTES);
  } catch (err) {
    if (err instanceof AppError) {
      const code = err.code === 'FILE_TOO_LARGE' ? 'EVIDENCE_TOO_LARGE' : err.code;
      throw new AppError(code, err.message, { ...err.details, name });
    }
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', String(err), { name });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { name, mediaType, bytes, size: bytes.length, sha256 };
}

/**
 * Put the bytes at dataDir/evidence/<sha256> unless already there. Returns true when a new file
 * was written (the caller removes it again if its transaction fails).
 */
export function storeBlob(dataDir: string, file: ReadEvidence, ops: FileOps = nodeFileOps): boolean {
  const target = blobPath(dataDir, file.sha256);
  if (existsSync(target)) return false;
  try {
    mkdirSync(evidenceDir(dataDir), { recursive: true });
  } catch (err) {
    throw new AppError('FILE_WRITE_FAILED', `evidence folder (${String(err)})`, { name: file.name, reason: (err as NodeJS.ErrnoException).code ?? '' });
  }
  writeFileAtomic(target, file.bytes, { ops, details: { name: file.name } });
  return true;
}
