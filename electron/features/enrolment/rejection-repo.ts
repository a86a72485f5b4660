/** Rejections of enrolment requests, as the append-only audit log holds them (rejection.ts). */
import type { ServiceContext } from '../../kernel/context';
import { stmt } from '../../kernel/db/statements';

const ACTION = 'enrolment.reject';
export const REJECTION_ENTITY = 'enrolment_request';
export const REJECTION_ACTION = ACTION;

/** The JSON recorded by the first rejection of a request, or null. */
export function rejectionJson(ctx: ServiceContext, requestId: string): string | null {
  const r = stmt(ctx.db, 'SELECT new_json FROM audit_log WHERE entity = ? AND entity_key = ? AND action = ? ORDER BY id LIMIT 1').get(REJECTION_ENTITY, requestId, ACTION) as { new_json: string } | undefined;
  return r?.new_json ?? null;
}

export function allRejectionJson(ctx: ServiceContext): string[] {
  return (stmt(ctx.db, 'SELECT new_json FROM audit_log WHERE entity = ? AND action = ? ORDER BY id').all(REJECTION_ENTITY, ACTION) as { new_json: string }[]).map((r) => r.new_json);
}

/** The key enrolled from this request, if it was approved. */
export function keyApprovedFrom(ctx: ServiceContext, requestId: string): string | null {
  const r = stmt(ctx.db, 'SELECT key_id FROM enrolled_keys WHERE request_id = ?').get(requestId) as { key_id: string } | undefined;
  return r?.key_id ?? null;
}
