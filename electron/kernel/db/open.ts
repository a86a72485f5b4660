import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index';

export type { Db };

export interface OpenOptions {
  /**
   * Path to a better_sqlite3.node built for the running runtime. Electron passes
   * the copy built for its ABI (scripts/electron-native.mjs); Node uses the default.
   */
  nativeBinding?: string;
  /** Migrate only up to this version (tests of a single migration). */
  targetVersion?: number;
}

/** Open (creating if needed) and migrate a store. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw classifySqliteError(err);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // WAL with synchronous=NORMAL is durable against process crashes (our autosave
    // promise); FULL also survives power loss on the office PC. Keep FULL.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 3000');
    registerFunctions(db);
    migrate(db, options.targetVersion ?? LATEST_VERSION);
    return db;
  } catch (err) {
    db.close();
    throw err instanceof AppError ? err : classifySqliteError(err);
  }
}

/** SQLite's LOWER() is ASCII-only: Vietnamese search needs a Unicode-aware one. */
function registerFunctions(db: Db): void {
  db.function('vi_lower', { deterministic: true }, (s: unknown) =>
    typeof s === 'string' ? s.normalize('NFC').toLocaleLowerCase('vi') : s,
  );
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Apply every pending migration in one transaction; refuse a newer database. */
export function migrate(db: Db, target: number = LATEST_VERSION): void {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new AppError(
      'DB_NEWER_VERSION',
      `Database schema ${current} is newer than this app supports (${LATEST_VERSION})`,
      { found: current, supported: LATEST_VERSION },
    );
  }
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}

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
