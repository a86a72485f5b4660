/** Who this installation is (docs: shared/identity.ts), set once at first run. */
import { AppError } from '../../../shared/errors';
import type { Framework } from '../../../shared/framework/schema';
import { sampleFramework } from '../../../shared/framework/sample';
import type { Identity, SetupData } from '../../../shared/identity';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import { getFrameworkRef, installFramework } from '../framework/frameworks';
import type { IdentityRow } from './identity-repo';
import { insertIdentity, readIdentityRow } from './identity-repo';

export function getIdentity(ctx: ServiceContext): Identity | null {
  const row = readIdentityRow(ctx.db);
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
    unitType: row.unit_type ?? null,
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

/**
 * First-run setup: identity plus the framework to score against (the shipped sample unless a
 * province framework is given), in one transaction: all or nothing.
 */
export function completeSetup(ctx: ServiceContext, data: SetupData, framework: Framework = sampleFramework): Identity {
  ctx.db.transaction(() => {
    if (readIdentityRow(ctx.db)) throw new AppError('ALREADY_SET_UP', 'identity already exists');
    const installed = installFramework(ctx, framework);
    const now = isoNow(ctx);
    const row: IdentityRow = {
      role: data.role,
      level: data.role === 'reviewer' ? data.level : null,
      unit_code: data.unitCode,
      unit_name: data.unitName,
      province_code: data.provinceCode,
      reviewer_code: data.role === 'commune' ? data.reviewerCode : null,
      officer_name: data.officerName ?? null,
      officer_title: data.officerTitle ?? null,
      year: data.year,
      unit_type: data.role === 'commune' ? (data.unitType ?? null) : null,
      framework_ref: installed.ref,
      created_at: now,
      updated_at: now,
    };
    insertIdentity(ctx.db, row);
    audit(ctx, 'identity.setup', 'identity', '1', null, row);
  })();
  return requireIdentity(ctx);
}
