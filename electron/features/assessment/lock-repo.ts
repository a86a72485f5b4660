/** assessment_lock: whether a framework's self-assessment is finalised, and how many times it was. */
import type { LockInfo } from '../../../shared/ipc/assessment';
import type { Db } from '../../kernel/db/open';
import { stmt } from '../../kernel/db/statements';

interface LockRow {
  finalised: number;
  revision: number;
  changed_at: string;
  changed_by: string;
  reopen_reason: string | null;
}

/** The lock as the screen and the export see it (defined once, in the contract). */
export type LockState = LockInfo;

export function readLock(db: Db, ref: number): LockState {
  const row = stmt(db, 'SELECT * FROM assessment_lock WHERE framework_ref = ?').get(ref) as LockRow | undefined;
  if (!row) return { finalised: false, revision: 0, changedAt: null, changedBy: null, reopenReason: null };
  return { finalised: row.finalised === 1, revision: row.revision, changedAt: row.changed_at, changedBy: row.changed_by, reopenReason: row.reopen_reason };
}

export function writeFinalised(db: Db, ref: number, revision: number, at: string, by: string): void {
  stmt(
    db,
    `INSERT INTO assessment_lock (framework_ref, finalised, revision, changed_at, changed_by, reopen_reason)
     VALUES (?, 1, ?, ?, ?, NULL)
     ON CONFLICT (framework_ref) DO UPDATE SET finalised = 1, revision = excluded.revision,
       changed_at = excluded.changed_at, changed_by = excluded.changed_by, reopen_reason = NULL`,
  ).run(ref, revision, at, by);
}

export function writeReopened(db: Db, ref: number, at: string, by: string, reason: string): void {
  stmt(db, 'UPDATE assessment_lock SET finalised = 0, changed_at = ?, changed_by = ?, reopen_reason = ? WHERE framework_ref = ?').run(at, by, reason, ref);
}

/** Whether the framework in use is finalised (checked on every policy check with `lock`). */
export function activeLockFinalised(db: Db): boolean {
  const row = stmt(db, 'SELECT l.finalised FROM identity i JOIN assessment_lock l ON l.framework_ref = i.framework_ref WHERE i.id = 1').get() as
    | { finalised: number }
    | undefined;
  return row?.finalised === 1;
}
