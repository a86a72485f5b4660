import type { AuditEntry } from '../../shared/ipc/audit';
import type { ServiceContext } from './context';
import { isoNow } from './context';
import { stmt } from './db/statements';

/** One row of the log, as the change-log screen receives it (defined once, in the contract). */
export type AuditRecord = AuditEntry;

/** Append one audit row. Call inside the same transaction as the change it records. */
export function audit(
  ctx: ServiceContext,
  action: string,
  entity: string,
  entityKey: string,
  oldValue: unknown,
  newValue: unknown,
): void {
  stmt(
    ctx.db,
    `INSERT INTO audit_log (at, actor, action, entity, entity_key, old_json, new_json)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
      isoNow(ctx),
      ctx.actor(),
      action,
      entity,
      entityKey,
      oldValue === undefined ? null : JSON.stringify(oldValue),
      newValue === undefined ? null : JSON.stringify(newValue),
    );
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_key: string;
  old_json: string | null;
  new_json: string | null;
}

export function listAudit(ctx: ServiceContext, filter: { entity?: string; limit?: number } = {}): AuditRecord[] {
  const rows = ctx.db
    .prepare(
      `SELECT * FROM audit_log WHERE (@entity IS NULL OR entity = @entity) ORDER BY id DESC LIMIT @limit`,
    )
    .all({ entity: filter.entity ?? null, limit: filter.limit ?? 200 }) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityKey: r.entity_key,
    old: r.old_json === null ? null : JSON.parse(r.old_json),
    new: r.new_json === null ? null : JSON.parse(r.new_json),
  }));
}
