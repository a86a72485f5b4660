/** The identity row (one per installation: id = 1), mapped here and nowhere else. */
import type { Role, ReviewerLevel } from '../../../shared/identity';
import type { UnitType } from '../../../shared/framework/schema';
import type { Db } from '../../kernel/db/open';
import { stmt } from '../../kernel/db/statements';

export interface IdentityRow {
  role: Role;
  level: ReviewerLevel | null;
  unit_code: string;
  unit_name: string;
  province_code: string;
  reviewer_code: string | null;
  officer_name: string | null;
  officer_title: string | null;
  year: number;
  unit_type: UnitType | null;
  framework_ref: number | null;
  created_at: string;
  updated_at: string;
}

export function readIdentityRow(db: Db): IdentityRow | undefined {
  return stmt(db, 'SELECT * FROM identity WHERE id = 1').get() as IdentityRow | undefined;
}

export function insertIdentity(db: Db, row: IdentityRow): void {
  stmt(
    db,
    `INSERT INTO identity (id, role, level, unit_code, unit_name, province_code, reviewer_code,
       officer_name, officer_title, year, unit_type, framework_ref, created_at, updated_at)
     VALUES (1, @role, @level, @unit_code, @unit_name, @province_code, @reviewer_code,
       @officer_name, @officer_title, @year, @unit_type, @framework_ref, @created_at, @updated_at)`,
  ).run(row);
}

export function setIdentityFramework(db: Db, ref: number, now: string): void {
  stmt(db, 'UPDATE identity SET framework_ref = ?, updated_at = ? WHERE id = 1').run(ref, now);
}

/** The framework this installation scores against (null: none installed), read alone for the hot paths. */
export function identityFrameworkRef(db: Db): { set: boolean; ref: number | null } {
  const row = stmt(db, 'SELECT framework_ref FROM identity WHERE id = 1').get() as { framework_ref: number | null } | undefined;
  return { set: row !== undefined, ref: row?.framework_ref ?? null };
}

/** The installation's role, null before setup (checked on every policy check). */
export function identityRole(db: Db): Role | null {
  return (stmt(db, 'SELECT role FROM identity WHERE id = 1').get() as { role: Role } | undefined)?.role ?? null;
}

/** Who acts, for the audit log: the officer set up, or the unit. */
export function actorName(db: Db): string | null {
  return (stmt(db, 'SELECT coalesce(officer_name, unit_name) AS who FROM identity WHERE id = 1').get() as { who: string } | undefined)?.who ?? null;
}

/** The fields a correction may change (setup.correct); role and level never change. */
export type CorrectableIdentity = Pick<
  IdentityRow,
  'unit_code' | 'unit_name' | 'province_code' | 'reviewer_code' | 'officer_name' | 'officer_title' | 'year' | 'unit_type'
>;

export function updateIdentity(db: Db, fields: CorrectableIdentity, now: string): void {
  stmt(
    db,
    `UPDATE identity SET unit_code = @unit_code, unit_name = @unit_name, province_code = @province_code,
       reviewer_code = @reviewer_code, officer_name = @officer_name, officer_title = @officer_title,
       year = @year, unit_type = @unit_type, updated_at = @updated_at
     WHERE id = 1`,
  ).run({ ...fields, updated_at: now });
}

/** The commune's type for the scoring engine (undefined: not stated, the framework's first is assumed). */
export function identityUnitType(db: Db): UnitType | undefined {
  const row = stmt(db, 'SELECT unit_type FROM identity WHERE id = 1').get() as { unit_type: UnitType | null } | undefined;
  return row?.unit_type ?? undefined;
}
