/**
 * Text and JSON files the user chose (in a dialog, or on the command line), read through the one
 * bounded reader (user-file.ts: a regular file, within its kind's size limit) and, for JSON, with
 * nesting and size bounded before JSON.parse (json-lines.ts). Failures carry their own codes and a
 * Vietnamese sentence saying what to do.
 */
import { AppError } from '../../../shared/errors';
import { parseUserJson } from './json-lines';
import { readUserFile, type UserFileKind } from './user-file';

/** The error for a file that could not be read: FILE_NOT_FOUND when it is not there. */
export function readError(err: unknown, details?: Record<string, unknown>): AppError {
  if (err instanceof AppError) return details ? new AppError(err.code, err.message, { ...err.details, ...details }) : err;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return new AppError(code === 'ENOENT' || code === 'ENOTDIR' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', String(err), details);
}

/** UTF-8 text, without the byte-order mark Windows editors put first. */
export function readUserText(path: string, kind: UserFileKind): string {
  return readUserFile(path, { kind }).toString('utf8').replace(/^\uFEFF/u, '');
}

/** A JSON file; text that is not JSON (or too deep, too large) is FILE_UNREADABLE (reason NOT_JSON). */
export function readJsonFile(path: string, kind: UserFileKind): unknown {
  const parsed = parseUserJson(readUserText(path, kind));
  if (!parsed.ok) throw new AppError('FILE_UNREADABLE', 'not JSON', { reason: 'NOT_JSON', ...parsed.details });
  return parsed.value;
}
