/**
 * Evidence files, content-addressed: dataDir/evidence/<sha256>. A file is hashed while
 * copied into a temp file in the same folder, flushed, then renamed into place, so a
 * crash or a full disk never leaves a half file under a real name. The filesystem calls
 * are injectable so a test can make a write fail (disk full) for real.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { basename, extname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
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

/** The few fs calls used, so tests can fail one of them. */
export interface EvidenceFs {
  /** A user-chosen file, through the bounded reader (user-file.ts). */
  readUserFile(path: string, maxBytes: number): Buffer;
  /** A file the app stored itself. */
  readFileSync(path: string): Buffer;
  writeFileSync(path: string, data: Uint8Array): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { force: boolean }): void;
  existsSync(path: string): boolean;
  mkdirSync(path: string, options: { recursive: boolean }): void;
}

export const nodeFs: EvidenceFs = {
  readUserFile: (p, maxBytes) => readUserFile(p, { kind: 'evidence', maxBytes }),
  readFileSync: (p) => fs.readFileSync(p),
  writeFileSync: (p, d) => {
    // Open, write, fsync, close: the bytes are on disk before the rename publishes them.
    const fd = fs.openSync(p, 'wx');
    try {
      fs.writeFileSync(fd, d);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  },
  renameSync: (a, b) => fs.renameSync(a, b),
  rmSync: (p, o) => fs.rmSync(p, o),
  existsSync: (p) => fs.existsSync(p),
  mkdirSync: (p, o) => {
    fs.mkdirSync(p, o);
  },
};

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
export function readEvidence(path: string, fsx: EvidenceFs = nodeFs): ReadEvidence {
  const name = basename(path).normalize('NFC');
  const mediaType = EVIDENCE_TYPES[extname(name).toLowerCase()];
  if (!mediaType) throw new AppError('EVIDENCE_TYPE', `unsupported type ${name}`, { name });
  let bytes: Buffer;
  try {
    bytes = fsx.readUserFile(path, EVIDENCE_MAX_BYTES);
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
 * Put the bytes at dataDir/evidence/<sha256> unless already there. Returns true when a new
 * file was written (the caller removes it again if its transaction fails).
 */
export function storeBlob(dataDir: string, file: ReadEvidence, fsx: EvidenceFs = nodeFs): boolean {
  const dir = evidenceDir(dataDir);
  const target = blobPath(dataDir, file.sha256);
  if (fsx.existsSync(target)) return false;
  const temp = join(dir, `.tmp-${file.sha256.slice(0, 12)}-${randomBytes(6).toString('hex')}`);
  try {
    fsx.mkdirSync(dir, { recursive: true });
    fsx.writeFileSync(temp, file.bytes);
    fsx.renameSync(temp, target);
    return true;
  } catch (err) {
    try {
      fsx.rmSync(temp, { force: true });
    } catch {
      // Nothing more to do: the temp name is never read as evidence.
    }
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new AppError('FILE_WRITE_FAILED', `evidence write failed (${code})`, { name: file.name, reason: code });
  }
}
