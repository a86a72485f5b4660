/**
 * A spreadsheet (.xlsx) is a ZIP archive: a 16 MiB file can inflate to gigabytes (a "zip bomb")
 * and take the whole app down while the spreadsheet library unpacks it. So, before any library
 * sees the bytes, the archive is walked here: at most `maxEntries` entries, only stored or
 * deflated ones, and every entry actually inflated with Node's zlib under what is left of the
 * budget (`maxOutputLength`), so a header that lies about its size is caught too. Nothing is kept:
 * the library unpacks again, now known to be bounded.
 */
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';

const MiB = 1024 * 1024;

export const SPREADSHEET_LIMITS = { maxUncompressedBytes: 64 * MiB, maxEntries: 2000 } as const;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function unreadable(reason: string): AppError {
  return new AppError('FILE_UNREADABLE', `not a usable xlsx (${reason})`, { reason: 'NOT_XLSX', issues: [{ path: '', message: `bảng tính hỏng hoặc không phải tệp .xlsx (${reason})` }] });
}

function tooLarge(what: string, limit: string): AppError {
  return new AppError('FILE_TOO_LARGE', `xlsx over budget: ${what}`, { reason: 'ZIP_BUDGET', issues: [{ path: '', message: `bảng tính khi giải nén ${what}, vượt giới hạn ${limit}` }] });
}

/** Throws FILE_TOO_LARGE (over budget) or FILE_UNREADABLE (not a ZIP this app reads). */
export function checkZipBudget(buf: Buffer, limits: { maxUncompressedBytes: number; maxEntries: number } = SPREADSHEET_LIMITS): void {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable('no end of central directory');
  const entries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) throw unreadable('ZIP64');
  if (entries > limits.maxEntries) throw tooLarge(`có ${entries} phần`, `${limits.maxEntries} phần`);
  if (cdOffset + cdSize > eocd) throw unreadable('central directory out of range');
  let remaining = limits.maxUncompressedBytes;
  let at = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > eocd || buf.readUInt32LE(at) !== CENTRAL) throw unreadable('bad central directory entry');
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compSize = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    at += 46 + nameLen + extraLen + commentLen;
    if (flags & 0x1) throw unreadable('encrypted entry');
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw unreadable('bad local header');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compSize > buf.length) throw unreadable('entry out of range');
    const data = buf.subarray(start, start + compSize);
    let size: number;
    if (method === 0) size = compSize;
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: remaining + 1 }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) size = remaining + 1;
        else throw unreadable('damaged entry');
      }
    } else throw unreadable(`compression method ${method}`);
    if (size > remaining) throw tooLarge('lớn hơn ' + `${limits.maxUncompressedBytes / MiB} MiB`, `${limits.maxUncompressedBytes / MiB} MiB`);
    remaining -= size;
  }
}
