/**
 * The one way the app reads a file a person chose (a dialog, a command-line argument): packages,
 * enrolment and rotation files, key backups, entries, survey and framework files, evidence.
 * Such a path can name anything: a 1.5 GB file, a FIFO with no writer (opening it blocks for
 * ever), a symlink to /dev/zero or /dev/urandom (endless), a directory. So:
 *
 *  - stat the path (following a symlink) and refuse anything but a regular file (NOT_A_FILE);
 *  - open it non-blocking (a FIFO swapped in after the stat cannot hang the open), fstat the open
 *    file and check again, so the checks hold for the file actually read;
 *  - refuse a size over the limit before reading a byte (FILE_TOO_LARGE);
 *  - read at most maxBytes + 1 bytes, so a file that grows while read is caught without reading
 *    more than that.
 *
 * Errors are AppErrors with a stable code; `details.issues` says in Vietnamese what was wrong with
 * which file (the CLI and the UI print it under the code's sentence).
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import { DEFAULT_MAX_PACKAGE_BYTES } from '../../../shared/package/verify-steps';

const MiB = 1024 * 1024;

/**
 * The size limit of each kind of user file. Packages embed evidence (up to 256 MiB); the others
 * are small by nature: an enrolment, approval or rotation file is under 2 KB, a key backup under
 * 2 KB, a whole commune's entries or a survey of a few hundred forms a few hundred KB.
 */
export const USER_FILE_LIMITS = {
  package: DEFAULT_MAX_PACKAGE_BYTES,
  enrolment: 1 * MiB,
  keyBackup: 64 * 1024,
  entries: 16 * MiB,
  survey: 16 * MiB,
  framework: 8 * MiB,
  evidence: 50 * MiB,
  /** The whole country's 3,321 communes in CSV is about 150 KB. */
  roster: 4 * MiB,
  /** Last year's published results: one row per commune, like a roster with an index. */
  history: 4 * MiB,
} as const;

export type UserFileKind = keyof typeof USER_FILE_LIMITS;

const KIND_NAMES: Record<UserFileKind, string> = {
  package: 'gói dữ liệu',
  enrolment: 'tệp đăng ký, duyệt hoặc đổi khóa',
  keyBackup: 'bản sao lưu khóa',
  entries: 'tệp số liệu tự đánh giá',
  survey: 'tệp phiếu điều tra',
  framework: 'tệp bộ tiêu chí',
  evidence: 'tài liệu kiểm chứng',
  roster: 'tệp danh sách xã',
  history: 'tệp kết quả năm trước',
};

// Not defined on Windows, where opening a named pipe does not block on a missing writer.
const O_NONBLOCK = (constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0;

function size(n: number): string {
  return n >= MiB ? `${(n / MiB).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MiB` : `${n.toLocaleString('vi-VN')} byte`;
}

function what(st: Stats): string {
  if (st.isDirectory()) return 'một thư mục';
  if (st.isFIFO()) return 'một ống dẫn (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'một thiết bị';
  if (st.isSocket()) return 'một socket';
  return 'không phải tệp thông thường';
}

function issue(path: string, message: string): { path: string; message: string } {
  return { path: basename(path), message };
}

function notAFile(path: string, kind: UserFileKind, st: Stats | undefined, reason: string): AppError {
  const message = st ? `đường dẫn trỏ tới ${what(st)}, không phải một tệp` : reason;
  return new AppError('NOT_A_FILE', `Không đọc ${path}: ${message}.`, { file: basename(path), kind, reason, issues: [issue(path, message)] });
}

function tooLarge(path: string, kind: UserFileKind, bytes: number, maxBytes: number, atLeast = false): AppError {
  const message = `tệp lớn ${atLeast ? 'hơn ' : ''}${size(bytes)}, vượt giới hạn ${size(maxBytes)} cho ${KIND_NAMES[kind]}`;
  return new AppError('FILE_TOO_LARGE', `Không đọc ${path}: ${message}.`, { file: basename(path), kind, size: bytes, maxBytes, issues: [issue(path, message)] });
}

function ioError(path: string, kind: UserFileKind, err: unknown): AppError {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new AppError('FILE_NOT_FOUND', `Không tìm thấy ${path}.`, { file: basename(path), kind, issues: [issue(path, 'không tìm thấy tệp')] });
  }
  if (code === 'EISDIR') return notAFile(path, kind, undefined, 'đường dẫn là một thư mục, không phải một tệp');
  if (code === 'ELOOP') return notAFile(path, kind, undefined, 'liên kết tượng trưng vòng lặp, không trỏ tới tệp nào');
  const message = code === 'EACCES' || code === 'EPERM' ? 'không có quyền đọc tệp' : `lỗi đọc tệp (${code || 'không rõ'})`;
  return new AppError('FILE_UNREADABLE', `Không đọc được ${path}: ${message}.`, { file: basename(path), kind, reason: code, issues: [issue(path, message)] });
}

export interface ReadUserFileOptions {
  /** Which limit applies (USER_FILE_LIMITS) and what the messages call the file. */
  kind: UserFileKind;
  /** A lower limit than the kind's (tests). */
  maxBytes?: number;
}

/** The bytes of a user-chosen regular file of at most the kind's limit; throws an AppError otherwise. */
export function readUserFile(path: string, opts: ReadUserFileOptions): Buffer {
  const { kind } = opts;
  const maxBytes = opts.maxBytes ?? USER_FILE_LIMITS[kind];
  let st: Stats;
  try {
    st = statSync(path);
  } catch (err) {
    throw ioError(path, kind, err);
  }
  if (!st.isFile()) throw notAFile(path, kind, st, 'not a regular file');
  if (st.size > maxBytes) throw tooLarge(path, kind, st.size, maxBytes);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | O_NONBLOCK);
  } catch (err) {
    throw ioError(path, kind, err);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw notAFile(path, kind, opened, 'not a regular file');
    if (opened.size > maxBytes) throw tooLarge(path, kind, opened.size, maxBytes);
    // One byte more than the size the file claims, to notice it growing; never past maxBytes + 1.
    const cap = maxBytes + 1;
    let buf = Buffer.allocUnsafe(Math.min(opened.size + 1, cap));
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        if (total >= cap) break;
        const bigger = Buffer.allocUnsafe(Math.min(cap, Math.max(buf.length * 2, 64 * 1024)));
        buf.copy(bigger, 0, 0, total);
        buf = bigger;
      }
      let n: number;
      try {
        n = readSync(fd, buf, total, buf.length - total, null);
      } catch (err) {
        throw ioError(path, kind, err);
      }
      if (n === 0) break;
      total += n;
    }
    // The file grew past the limit while being read: its real size is unknown, only larger.
    if (total > maxBytes) throw tooLarge(path, kind, maxBytes, maxBytes, true);
    return buf.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}
