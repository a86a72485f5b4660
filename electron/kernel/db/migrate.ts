import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { Migration } from './migrations/index';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Apply every pending migration in one transaction (a failing one rolls all of them back); refuse
 * a database from a newer app. `migrations` is the shipped list; tests pass one with a failure.
 */
export function migrate(db: Db, target: number = LATEST_VERSION, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) {
    throw new AppError('DB_NEWER_VERSION', `Database schema ${current} is newer than this app supports (${latest})`, { found: current, supported: latest });
  }
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}
