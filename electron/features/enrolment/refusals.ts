/** What both sides of enrolment refuse alike: a wrong role, and a verification failure as an AppError. */
import { AppError } from '../../../shared/errors';
import { refusalError, type VerifyFailure } from '../../../shared/package/verify-steps';
import type { ServiceContext } from '../../kernel/context';
import { requireIdentity } from '../setup/identity';

export function failure(r: VerifyFailure | { ok: false; code: 'ENROLMENT_MISMATCH'; message: string; details?: Record<string, unknown> }): AppError {
  return r.code === 'ENROLMENT_MISMATCH' ? new AppError('ENROLMENT_MISMATCH', r.message, r.details) : refusalError(r);
}

export function requireRole(ctx: ServiceContext, role: 'commune' | 'reviewer') {
  const identity = requireIdentity(ctx);
  if (identity.role !== role) throw new AppError('WRONG_ROLE', `needs the ${role} role`);
  return identity;
}
