/** The communes and report_deadlines tables (migration 007). */
import type { ServiceContext } from '../../kernel/context';
import { stmt } from '../../kernel/db/statements';
import type { Commune, CommuneType } from '../../../shared/ipc/roster';

export type { Commune } from '../../../shared/ipc/roster';

interface Row {
  code: string;
  name: string;
  type: CommuneType;
  active: number;
  created_at: string;
  updated_at: string;
}

const fromRow = (r: Row): Commune => ({ code: r.code, name: r.name, type: r.type, active: r.active === 1, createdAt: r.created_at, updatedAt: r.updated_at });

export function allCommunes(ctx: ServiceContext): Commune[] {
  return (stmt(ctx.db, 'SELECT * FROM communes').all() as Row[]).map(fromRow);
}

export function communeByCode(ctx: ServiceContext, code: string): Commune | undefined {
  const r = stmt(ctx.db, 'SELECT * FROM communes WHERE code = ?').get(code) as Row | undefined;
  return r ? fromRow(r) : undefined;
}

export function insertCommune(ctx: ServiceContext, c: { code: string; name: string; type: CommuneType }, at: string): void {
  stmt(ctx.db, 'INSERT INTO communes (code, name, type, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)').run(c.code, c.name, c.type, at, at);
}

export function updateCommune(ctx: ServiceContext, c: { code: string; name: string; type: CommuneType; active: boolean }, at: string): void {
  stmt(ctx.db, 'UPDATE communes SET name = ?, type = ?, active = ?, updated_at = ? WHERE code = ?').run(c.name, c.type, c.active ? 1 : 0, at, c.code);
}

export function deadlineOf(ctx: ServiceContext, year: number): string | null {
  const r = stmt(ctx.db, 'SELECT deadline FROM report_deadlines WHERE year = ?').get(year) as { deadline: string } | undefined;
  return r?.deadline ?? null;
}

export function allDeadlines(ctx: ServiceContext): { year: number; deadline: string }[] {
  return stmt(ctx.db, 'SELECT year, deadline FROM report_deadlines ORDER BY year').all() as { year: number; deadline: string }[];
}

export function upsertDeadline(ctx: ServiceContext, year: number, deadline: string): void {
  stmt(ctx.db, 'INSERT INTO report_deadlines (year, deadline) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET deadline = excluded.deadline').run(year, deadline);
}

/** How many rows elsewhere name this commune (keys, rotations, received packages, the import log). */
export function communeReferences(ctx: ServiceContext, code: string): number {
  const r = stmt(
    ctx.db,
    `SELECT (SELECT COUNT(*) FROM enrolled_keys WHERE commune_code = @code) + (SELECT COUNT(*) FROM key_rotations WHERE commune_code = @code)
          + (SELECT COUNT(*) FROM received_packages WHERE commune_code = @code) + (SELECT COUNT(*) FROM import_log WHERE commune_code = @code) AS n`,
  ).get({ code }) as { n: number };
  return r.n;
}

export function deleteCommune(ctx: ServiceContext, code: string): void {
  stmt(ctx.db, 'DELETE FROM communes WHERE code = ?').run(code);
}
