/**
 * Correcting the setup (a mistyped code, name or year): before the first export freely, after it
 * only with a reason. The change and its reason go to the audit log in the same transaction; the
 * next package is built from the identity row, so it carries the corrected values.
 */
import { AppError } from '../../../shared/errors';
import type { Identity } from '../../../shared/identity';
import { setupInputSchema } from '../../../shared/identity';
import type { SetupCorrection } from '../../../shared/ipc/setup';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import { parseInput } from '../../kernel/validation';
import { readLastExport } from '../export/exports-repo';
import { requireIdentity } from './identity';
import type { CorrectableIdentity, IdentityRow } from './identity-repo';
import { readIdentityRow, updateIdentity } from './identity-repo';

const FIELDS = ['unit_code', 'unit_name', 'province_code', 'reviewer_code', 'officer_name', 'officer_title', 'year', 'unit_type'] as const;

/** The setup as the setup screen would have sent it, with the correction applied on top. */
function merged(row: IdentityRow, c: SetupCorrection): Record<string, unknown> {
  const common = {
    unitCode: c.unitCode ?? row.unit_code,
    unitName: c.unitName ?? row.unit_name,
    provinceCode: c.provinceCode ?? row.province_code,
    officerName: c.officerName ?? row.officer_name ?? undefined,
    officerTitle: c.officerTitle ?? row.officer_title ?? undefined,
    year: c.year ?? row.year,
  };
  return row.role === 'commune'
    ? { role: 'commune', reviewerCode: c.reviewerCode ?? row.reviewer_code ?? '', unitType: c.unitType ?? row.unit_type ?? undefined, ...common }
    : { role: 'reviewer', level: row.level, ...common };
}

export function correctSetup(ctx: ServiceContext, correction: SetupCorrection): Identity {
  ctx.db.transaction(() => {
    const row = readIdentityRow(ctx.db);
    if (!row) throw new AppError('NOT_SET_UP', 'this installation has not been set up');
    if (row.role === 'reviewer' && (correction.reviewerCode !== undefined || correction.unitType !== undefined))
      throw new AppError('INVALID_INPUT', 'a reviewing unit has no reviewing unit', { fields: [{ path: 'reviewerCode', message: 'INVALID' }] });
    const data = parseInput(setupInputSchema, merged(row, correction));
    const next: CorrectableIdentity = {
      unit_code: data.unitCode,
      unit_name: data.unitName,
      province_code: data.provinceCode,
      reviewer_code: data.role === 'commune' ? data.reviewerCode : null,
      officer_name: data.officerName ?? null,
      officer_title: data.officerTitle ?? null,
      year: data.year,
      unit_type: data.role === 'commune' ? (data.unitType ?? null) : null,
    };
    const changed = FIELDS.filter((f) => next[f] !== row[f]);
    if (changed.length === 0) return;
    const reason = correction.reason?.trim() ?? '';
    const exported = readLastExport(ctx.db);
    if (exported && reason === '') throw new AppError('SETUP_REASON_REQUIRED', 'a package was exported: a correction needs a reason');
    updateIdentity(ctx.db, next, isoNow(ctx));
    const before = Object.fromEntries(changed.map((f) => [f, row[f]]));
    const after = Object.fromEntries(changed.map((f) => [f, next[f]]));
    audit(ctx, 'identity.correct', 'identity', '1', before, {
      ...after,
      ...(reason ? { reason } : {}),
      ...(exported ? { afterRevision: exported.revision } : {}),
    });
  })();
  return requireIdentity(ctx);
}
