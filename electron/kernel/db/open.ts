import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { backupFolderFor, freshBackupPath, snapshotCopy } from './backup-file';
import { classifySqliteError } from './errors';
import { quickCheck } from './integrity';
import { migrate, schemaVersion } from './migrate';
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
  /** The time a pre-migration copy is named after (the runtime's clock). */
  now?: () => Date;
}

/**
 * Open (creating if needed), check and migrate a store. `PRAGMA quick_check` runs first: a damaged
 * file is refused with DB_CORRUPT (details.problems) and left as it is, for the recovery path.
 * Before migrating a database that has data (user_version > 0), a copy is made in the backups
 * folder (`…-pre-migration.sqlite`); when that copy cannot be made, the migration does not run.
 */
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
    const problems = quickCheck(db, 5);
    if (problems.length > 0) throw new AppError('DB_CORRUPT', `quick_check: ${problems[0]}`, { file, problems });
    const target = Math.min(options.targetVersion ?? LATEST_VERSION, LATEST_VERSION);
    const current = schemaVersion(db);
    if (current > 0 && current < target) {
      const at = options.now?.() ?? new Date();
      snapshotCopy(db, freshBackupPath(backupFolderFor(file), 'pre-migration', at), options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    }
    migrate(db, target);
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
