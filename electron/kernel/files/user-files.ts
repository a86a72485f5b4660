/**
 * Files the user chose (in a dialog, or on the command line), read whole. A missing file and an
 * unreadable one get their own codes, with a Vietnamese sentence saying what to do.
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../../../shared/errors';

/** The error for a user file that could not be read: FILE_NOT_FOUND when it is not there. */
export function readError(err: unknown, details?: Record<string, unknown>): AppError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return new AppError(code === 'ENOENT' || code === 'ENOTDIR' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', String(err), details);
}

export function readUserFile(path: string, details?: Record<string, unknown>): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw readError(err, details);
  }
}

/** UTF-8 text, without the byte-order mark Windows editors put first. */
export function readUserText(path: string): string {
  return readUserFile(path).toString('utf8').replace(/^\uFEFF/u, '');
}

/** A JSON file; text that is not JSON is FILE_UNREADABLE (reason NOT_JSON). */
export function readJsonFile(path: string): unknown {
  const text = readUserText(path);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('FILE_UNREADABLE', 'not JSON', { reason: 'NOT_JSON' });
  }
}
