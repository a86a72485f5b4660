/**
 * The audit log: every change, who made it and when, old → new as JSON. Append-only (triggers
 * refuse UPDATE and DELETE); the change log screen reads it (features/audit).
 */
import type { ServiceContext } from './context';
import { isoNow } from './context';
import { stmt } from './db/statements';

/** Append one audit row. Call inside the same transaction as the change it records. */
export function audit(ctx: ServiceContext, action: string, entity: string, entityKey: string, oldValue: unknown, newValue: unknown): void {
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
