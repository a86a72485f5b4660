import { AppError } from '../../../shared/errors';

/** Map a raw SQLite failure to a stable app error (never pass the driver's text to the UI). */
export function classifySqliteError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string } | null)?.code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new AppError('DB_BUSY', message);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new AppError('DB_CORRUPT', message);
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM')
    return new AppError('DB_READONLY', message);
  if (code === 'SQLITE_FULL') return new AppError('DB_FULL', message);
  if (code.startsWith('SQLITE_IOERR')) return new AppError('DB_IO', message);
  if (code.startsWith('SQLITE_CONSTRAINT')) return new AppError('DB_CONSTRAINT', message);
  return new AppError('INTERNAL', message);
}
