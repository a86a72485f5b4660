/**
 * Evidence files, content-addressed: dataDir/evidence/<sha256>, written through the app's one
 * atomic write (temporary name, fsync, rename), so a crash or a full disk never leaves a half file
 * under a real name. The file calls are injectable so a test can make a write fail (disk full).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from '../../kernel/files/atomic-write';
import type { FileOps } from '../../kernel/files/package-file';
import { nodeFileOps } from '../../kernel/files/package-file';
import { readError } from '../../kernel/files/user-files';

export const EVIDENCE_MAX_BYTES = 50 * 1024 * 1024;

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

/** Read and check a user-chosen file: type by extension, size, readability. */
export function readEvidence(path: string, ops: Pick<FileOps, 'readFileSync'> = nodeFileOps): ReadEvidence {
  const name = basename(path).normalize('NFC');
  const mediaType = EVIDENCE_TYPES[extname(name).toLowerCase()];
  if (!mediaType) throw new AppError('EVIDENCE_TYPE', `unsupported type ${name}`, { name });
  let bytes: Buffer;
  try {
    bytes = ops.readFileSync(path);
  } catch (err) {
    throw readError(err, { name });
  }
  if (bytes.length > EVIDENCE_MAX_BYTES) throw new AppError('EVIDENCE_TOO_LARGE', 'too large', { name, size: bytes.length });
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
