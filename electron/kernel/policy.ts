/**
 * Who may run a use case, declared where the use case is registered (features/<f>/use-cases.ts)
 * and enforced here only: by AppContext.perform for every caller (IPC handler or CLI command), and
 * by the router before a handler starts (so a refusal comes before any dialog).
 */
import { AppError } from '../../shared/errors';
import type { Role } from '../../shared/identity';
import { ROLES } from '../../shared/identity';

export interface Policy {
  /** The roles allowed; absent: anyone, even before setup. Present: the installation must be set up. */
  roles?: readonly Role[];
  /** Refused while the self-assessment is finalised ("Chốt số liệu"). */
  lock?: boolean;
  /** Allowed while the database is damaged (recovery mode); every other use case is refused DB_CORRUPT. */
  recovery?: boolean;
}

/** Every set-up installation, whatever its role. */
export const ANY_ROLE: readonly Role[] = ROLES;

/** What a policy is checked against, read from the database by the composition root. */
export interface PolicyFacts {
  /** The installation's role; null before setup. */
  role(): Role | null;
  /** Whether the self-assessment of the framework in use is finalised. */
  locked(): boolean;
  /** Whether the database is damaged and the app runs in recovery mode (absent: never). */
  damaged?(): boolean;
}

export function enforcePolicy(policy: Policy, facts: PolicyFacts): void {
  if (facts.damaged?.()) {
    if (policy.recovery) return;
    throw new AppError('DB_CORRUPT', 'the database is damaged: recovery mode');
  }
  if (policy.roles) {
    const role = facts.role();
    if (role === null) throw new AppError('NOT_SET_UP', 'this installation has not been set up');
    if (!policy.roles.includes(role)) throw new AppError('WRONG_ROLE', `for ${policy.roles.join(', ')} only`, { roles: [...policy.roles] });
  }
  if (policy.lock && facts.locked()) throw new AppError('ASSESSMENT_LOCKED', 'assessment is finalised');
}
