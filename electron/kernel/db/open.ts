import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { classifySqliteError } from './errors';
import { migrate } from './migrate';
import { LATEST_VERSION } from './migrations/index';

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
