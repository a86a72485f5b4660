import { AppError } from '../../../shared/errors';
import { sampleFramework } from '../../../shared/framework/sample';
import type { Identity, SetupData } from '../../../shared/identity';
import { setupInputSchema } from '../../../shared/identity';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import { getFrameworkRef, installFramework } from '../framework/frameworks';

interface IdentityRow {
  role: 'commune' | 'reviewer';
  level: 'district' | 'province' | null;
  unit_code: string;
  unit_name: string;
  province_code: string;
  reviewer_code: string | null;
  officer_name: string | null;
  officer_title: string | null;
  year: number;
  framework_ref: number | null;
  created_at: string;
  updated_at: string;
}

export function getIdentity(ctx: ServiceContext): Identity | null {
  const row = ctx.db.prepare('SELECT * FROM identity WHERE id = 1').get() as IdentityRow | undefined;
  if (!row) return null;
  return {
    role: row.role,
    level: row.level,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    provinceCode: row.province_code,
    reviewerCode: row.reviewer_code,
    officerName: row.officer_name,
    officerTitle: row.officer_title,
    year: row.year,
    framework: row.framework_ref === null ? null : getFrameworkRef(ctx, row.framework_ref),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function requireIdentity(ctx: ServiceContext): Identity {
  const id = getIdentity(ctx);
  if (!id) throw new AppError('NOT_SET_UP', 'this installation has not been set up');
  return id;
}

/** Parse untrusted setup input; zod issues become INVALID_INPUT with field → reason. */
export function parseSetupInput(input: unknown): SetupData {
  const parsed = setupInputSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || 'role'] ??= issue.message;
    throw new AppError('INVALID_INPUT', 'setup input is invalid', { fields });
  }
  return parsed.data;
}

/**
 * First-run setup: identity plus the framework to score against (the shipped sample
 * unless a province framework is given), in one transaction: all or nothing.
 */
export function completeSetup(ctx: ServiceContext, input: unknown, frameworkJson?: unknown): Identity {
  const data = parseSetupInput(input);
  ctx.db.transaction(() => {
    if (getIdentity(ctx)) throw new AppError('ALREADY_SET_UP', 'identity already exists');
    const framework = installFramework(ctx, frameworkJson ?? sampleFramework);
    const now = isoNow(ctx);
    const row = {
      role: data.role,
      level: data.role === 'reviewer' ? data.level : null,
      unit_code: data.unitCode,
      unit_name: data.unitName,
      province_code: data.provinceCode,
      reviewer_code: data.role === 'commune' ? data.reviewerCode : null,
      officer_name: data.officerName ?? null,
      officer_title: data.officerTitle ?? null,
      year: data.year,
      framework_ref: framework.ref,
      created_at: now,
      updated_at: now,
    };
    ctx.db
      .prepare(
        `INSERT INTO identity (id, role, level, unit_code, unit_name, province_code, reviewer_code,
           officer_name, officer_title, year, framework_ref, created_at, updated_at)
         VALUES (1, @role, @level, @unit_code, @unit_name, @province_code, @reviewer_code,
           @officer_name, @officer_title, @year, @framework_ref, @created_at, @updated_at)`,
      )
      .run(row);
    audit(ctx, 'identity.setup', 'identity', '1', null, row);
  })();
  return requireIdentity(ctx);
}

export function getSetting(ctx: ServiceContext, key: string): string | null {
  const row = ctx.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(ctx: ServiceContext, key: string, value: string): void {
  ctx.db.transaction(() => {
    const old = getSetting(ctx, key);
    if (old === value) return;
    ctx.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
    audit(ctx, 'setting.set', 'setting', key, old, value);
  })();
}
