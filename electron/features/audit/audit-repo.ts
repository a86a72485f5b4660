/** The audit log as the change-log screen reads it (kernel/audit.ts appends it in every change's own transaction). */
import type { AuditEntry } from '../../../shared/ipc/audit';
import type { ServiceContext } from '../../kernel/context';
import { stmt } from '../../kernel/db/statements';

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

/** Newest first; `entity` narrows to one kind of record. */
export function listAudit(ctx: ServiceContext, filter: { entity?: string | undefined; limit?: number | undefined } = {}): AuditEntry[] {
  const rows = stmt(ctx.db, 'SELECT * FROM audit_log WHERE (@entity IS NULL OR entity = @entity) ORDER BY id DESC LIMIT @limit')
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

/** The newest row of one action (optionally for one entity key), or null. */
export function lastAuditOf(ctx: ServiceContext, action: string, entityKey?: string): { id: number; at: string } | null {
  const row = stmt(ctx.db, 'SELECT id, at FROM audit_log WHERE action = @action AND (@key IS NULL OR entity_key = @key) ORDER BY id DESC LIMIT 1')
    .get({ action, key: entityKey ?? null }) as { id: number; at: string } | undefined;
  return row ?? null;
}

/** How many rows of these actions came after row `afterId`. */
export function countAuditAfter(ctx: ServiceContext, afterId: number, actions: readonly string[]): number {
  if (actions.length === 0) return 0;
  const row = stmt(ctx.db, `SELECT COUNT(*) AS n FROM audit_log WHERE id > ? AND action IN (${actions.map(() => '?').join(', ')})`).get(afterId, ...actions) as { n: number };
  return row.n;
}

/** The id of the newest row (0 for an empty log). */
export function lastAuditId(ctx: ServiceContext): number {
  return (stmt(ctx.db, 'SELECT COALESCE(MAX(id), 0) AS id FROM audit_log').get() as { id: number }).id;
}

/** The rows after `afterId`, oldest first. */
export function auditAfter(ctx: ServiceContext, afterId: number): AuditEntry[] {
  return (stmt(ctx.db, 'SELECT * FROM audit_log WHERE id > ? ORDER BY id').all(afterId) as AuditRow[]).map((r) => ({
    id: r.id, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityKey: r.entity_key,
    old: r.old_json === null ? null : JSON.parse(r.old_json),
    new: r.new_json === null ? null : JSON.parse(r.new_json),
  }));
}
