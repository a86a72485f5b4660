/**
 * "Xuất toàn bộ dữ liệu": the database and the evidence files in one file another PC can restore
 * (`.cchc-all`, docs/reliability.md §Whole-data file). A container of our own, read and written as
 * a stream (a reviewing unit's database holds every received package, so it can be large):
 *
 *   "CHISOALL"  u32 BE header length H  ·  H bytes of header JSON (UTF-8)  ·  each entry's bytes,
 *   in the header's order  ·  32 bytes: SHA-256 of everything before them.
 *
 * The header: { format: "chiso-all", version: 1, createdAt, appVersion, manifest (the database
 * copy's backup manifest), entries: [{ path: "database.sqlite" | "evidence/<sha256>", size, sha256 }] }.
 * Reading checks the magic and the header (else BACKUP_FILE_FOREIGN), the total length, every
 * entry's SHA-256 and the trailer (else BACKUP_FILE_DAMAGED) into a staging folder before anything
 * of the installation is touched. The signing key is not included: it has its own backup (keys backup).
 */
import { createHash } from 'node:crypto';
import {
  closeSync, constants, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { BackupManifest } from '../../../shared/ipc/backup';
import { folderError } from '../../kernel/db/backup-file';
import { quickCheckFile } from '../../kernel/db/integrity';
import { LATEST_VERSION } from '../../kernel/db/migrations/index';

export const MAGIC = Buffer.from('CHISOALL', 'ascii');
export const WHOLE_FILE_EXTENSION = 'cchc-all';
const MAX_HEADER = 16 * 1024 * 1024;
const CHUNK = 1 << 20;

export interface WholeEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface WholeHeader {
  format: 'chiso-all';
  version: 1;
  createdAt: string;
  appVersion: string;
  manifest: BackupManifest;
  entries: WholeEntry[];
}

export interface WholeSource {
  path: string;
  /** The file on disk holding the entry's bytes. */
  file: string;
  size: number;
  sha256: string;
}

/** Test seam: the write calls, so a test can fail one (a full or pulled-out stick). */
export interface WholeWriteOps {
  writeSync(fd: number, buf: Uint8Array, offset: number, length: number): number;
}
const nodeWriteOps: WholeWriteOps = { writeSync: (fd, b, o, l) => writeSync(fd, b, o, l) };

function writeAll(fd: number, bytes: Uint8Array, ops: WholeWriteOps): void {
  for (let at = 0; at < bytes.length; ) at += ops.writeSync(fd, bytes, at, bytes.length - at);
}

/**
 * Write the whole-data file as `folder/fileName`: temporary name, every byte hashed as written,
 * fsync, rename, then read back whole and checked against the trailer. Nothing is left on failure.
 */
export function writeWholeFile(folder: string, fileName: string, header: Omit<WholeHeader, 'entries'>, sources: WholeSource[], ops: WholeWriteOps = nodeWriteOps): { path: string; size: number } {
  const path = join(folder, fileName);
  const temp = join(folder, `.${fileName}.${randomBytes(4).toString('hex')}.part`);
  const full: WholeHeader = { ...header, entries: sources.map(({ path: p, size, sha256 }) => ({ path: p, size, sha256 })) };
  const headerBytes = Buffer.from(JSON.stringify(full), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(headerBytes.length);
  const hash = createHash('sha256');
  let fd: number | null = null;
  let renamed = false;
  try {
    fd = openSync(temp, 'wx', 0o644);
    for (const b of [MAGIC, len, headerBytes]) {
      writeAll(fd, b, ops);
      hash.update(b);
    }
    const buf = Buffer.allocUnsafe(CHUNK);
    for (const s of sources) {
      const src = openSync(s.file, 'r');
      try {
        let left = s.size;
        while (left > 0) {
          const n = readSync(src, buf, 0, Math.min(CHUNK, left), null);
          if (n <= 0) throw new AppError('BACKUP_WRITE_FAILED', `${s.path} shrank while being copied`);
          const chunk = buf.subarray(0, n);
          writeAll(fd, chunk, ops);
          hash.update(chunk);
          left -= n;
        }
      } finally {
        closeSync(src);
      }
    }
    const digest = hash.digest();
    writeAll(fd, digest, ops);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, path);
    renamed = true;
    if (!trailerMatches(path)) throw new AppError('BACKUP_WRITE_FAILED', 'the file read back does not match what was written');
    return { path, size: statSync(path).size };
  } catch (err) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // already failing
      }
    }
    try {
      rmSync(renamed ? path : temp, { force: true });
    } catch {
      // the message below still says what happened
    }
    throw folderError(err, folder);
  }
}

function trailerMatches(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < 32) return false;
    const hash = createHash('sha256');
    const buf = Buffer.allocUnsafe(CHUNK);
    let left = size - 32;
    while (left > 0) {
      const n = readSync(fd, buf, 0, Math.min(CHUNK, left), null);
      if (n <= 0) return false;
      hash.update(buf.subarray(0, n));
      left -= n;
    }
    const trailer = Buffer.alloc(32);
    readSync(fd, trailer, 0, 32, size - 32);
    return hash.digest().equals(trailer);
  } finally {
    closeSync(fd);
  }
}

const foreign = (why: string) => new AppError('BACKUP_FILE_FOREIGN', why);
const damaged = (why: string) => new AppError('BACKUP_FILE_DAMAGED', why);

const O_NONBLOCK = (constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0;

/** Open a user-chosen file: a regular file only (a FIFO or device could hang or never end). */
function openUserFile(path: string): number {
  let fd: number;
  try {
    if (!statSync(path).isFile()) throw new AppError('NOT_A_FILE', `${basename(path)} is not a regular file`, { file: basename(path) });
    fd = openSync(path, constants.O_RDONLY | O_NONBLOCK);
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('FILE_NOT_FOUND', `${basename(path)} not found`, { file: basename(path) });
    throw new AppError('FILE_UNREADABLE', `${basename(path)}: ${code}`, { file: basename(path), reason: code });
  }
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw new AppError('NOT_A_FILE', `${basename(path)} is not a regular file`, { file: basename(path) });
  }
  return fd;
}

function readExactly(fd: number, length: number, what: string): Buffer {
  const buf = Buffer.alloc(length);
  let at = 0;
  while (at < length) {
    const n = readSync(fd, buf, at, length - at, null);
    if (n <= 0) throw damaged(`${what}: the file ends early`);
    at += n;
  }
  return buf;
}

function parseHeader(bytes: Buffer): WholeHeader {
  let h: WholeHeader;
  try {
    h = JSON.parse(bytes.toString('utf8')) as WholeHeader;
  } catch {
    throw damaged('header is not JSON');
  }
  if (h?.format !== 'chiso-all') throw foreign('not a chiso-all header');
  if (h.version !== 1) throw foreign(`unsupported version ${String(h.version)}`);
  const entryOk = (e: WholeEntry) =>
    typeof e?.size === 'number' && Number.isSafeInteger(e.size) && e.size >= 0 && typeof e.sha256 === 'string' && /^[0-9a-f]{64}$/u.test(e.sha256) &&
    (e.path === 'database.sqlite' || (e.path === `evidence/${e.sha256}`));
  if (!Array.isArray(h.entries) || !h.entries.every(entryOk) || h.entries.filter((e) => e.path === 'database.sqlite').length !== 1) throw damaged('header entries invalid');
  if (h.manifest?.format !== 'chiso-backup') throw damaged('header manifest invalid');
  return h;
}

export interface StagedWhole {
  header: WholeHeader;
  staging: string;
  /** The database copy, checked (SHA-256, quick_check). */
  database: string;
  /** Evidence files staged, by SHA-256. */
  evidence: { sha256: string; file: string }[];
  discard(): void;
}

/**
 * Read and check a whole-data file into `stagingParent/.import-<random>/`: every entry's SHA-256,
 * the trailer, the database's quick_check and schema version. Nothing outside the staging folder
 * is written; on any failure the staging folder is removed.
 */
export function stageWholeFile(file: string, stagingParent: string, nativeBinding?: string): StagedWhole {
  // A staging folder left by an import that was killed is never read: remove it.
  for (const name of existsSync(stagingParent) ? readdirSync(stagingParent) : []) {
    if (/^\.import-[0-9a-f]{8}$/u.test(name)) rmSync(join(stagingParent, name), { recursive: true, force: true });
  }
  const fd = openUserFile(file);
  const staging = join(stagingParent, `.import-${randomBytes(4).toString('hex')}`);
  const discard = () => rmSync(staging, { recursive: true, force: true });
  try {
    const total = fstatSync(fd).size;
    if (total < 12) throw foreign('too short');
    const head = readExactly(fd, 12, 'magic');
    if (!head.subarray(0, 8).equals(MAGIC)) throw foreign('wrong magic');
    const hlen = head.readUInt32BE(8);
    if (hlen > MAX_HEADER || 12 + hlen + 32 > total) throw damaged('header length out of range');
    const headerBytes = readExactly(fd, hlen, 'header');
    const header = parseHeader(headerBytes);
    const expected = 12 + hlen + header.entries.reduce((n, e) => n + e.size, 0) + 32;
    if (expected !== total) throw damaged(`length ${total}, expected ${expected}`);
    const whole = createHash('sha256').update(head).update(headerBytes);
    try {
      mkdirSync(staging, { recursive: true });
    } catch (err) {
      throw folderError(err, stagingParent);
    }
    const buf = Buffer.allocUnsafe(CHUNK);
    const evidence: { sha256: string; file: string }[] = [];
    let database = '';
    for (const [i, e] of header.entries.entries()) {
      const out = join(staging, e.path === 'database.sqlite' ? 'database.sqlite' : `e${i}`);
      const h = createHash('sha256');
      const wfd = openSync(out, 'wx', 0o644);
      try {
        let left = e.size;
        while (left > 0) {
          const n = readSync(fd, buf, 0, Math.min(CHUNK, left), null);
          if (n <= 0) throw damaged('the file ends early');
          const chunk = buf.subarray(0, n);
          h.update(chunk);
          whole.update(chunk);
          for (let at = 0; at < n; ) at += writeSync(wfd, chunk, at, n - at);
          left -= n;
        }
        fsyncSync(wfd);
      } catch (err) {
        throw err instanceof AppError ? err : folderError(err, stagingParent);
      } finally {
        closeSync(wfd);
      }
      if (h.digest('hex') !== e.sha256) throw damaged(`${e.path}: checksum mismatch`);
      if (e.path === 'database.sqlite') database = out;
      else evidence.push({ sha256: e.sha256, file: out });
    }
    const trailer = readExactly(fd, 32, 'trailer');
    if (!whole.digest().equals(trailer)) throw damaged('trailer checksum mismatch');
    if (header.manifest.schemaVersion > LATEST_VERSION) {
      throw new AppError('DB_NEWER_VERSION', 'the whole-data file comes from a newer app', { found: header.manifest.schemaVersion, supported: LATEST_VERSION });
    }
    const problems = quickCheckFile(database, nativeBinding);
    if (problems.length > 0) throw new AppError('BACKUP_FILE_DAMAGED', 'the database in the file fails quick_check', { problems });
    return { header, staging, database, evidence, discard };
  } catch (err) {
    discard();
    throw err;
  } finally {
    closeSync(fd);
  }
}

/** Move staged evidence files under their SHA-256 name (already there: kept as is). */
export function placeEvidence(staged: StagedWhole, evidenceFolder: string): void {
  mkdirSync(evidenceFolder, { recursive: true });
  for (const e of staged.evidence) {
    const target = join(evidenceFolder, e.sha256);
    if (!existsSync(target)) renameSync(e.file, target);
  }
}
