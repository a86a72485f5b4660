import { AppError } from '../../../shared/errors';
import { errorMessages } from '../../../shared/i18n/errors';
import { useCase } from '../../kernel/use-case';
import { registryResolver } from '../enrolment/reviewer-enrolment';
import { requireIdentity } from '../setup/identity';
import type { TrustMode, Verdict } from './verify';
import { verifyPackageBytes } from './verify';

/** A package file as the adapter read it: its bytes, or why it could not be read (missing, a FIFO, too large). */
export type PackageRead = { bytes: Uint8Array } | { error: AppError };

/**
 * One package's verdict. A file's problem (unreadable, or a fault of ours) is its own refusal:
 * it never ends the batch.
 */
export function verdictOf(read: PackageRead, trust: TrustMode): Verdict {
  try {
    if ('error' in read) throw read.error;
    return verifyPackageBytes(read.bytes, trust);
  } catch (err) {
    const e = err instanceof AppError ? err : new AppError('INTERNAL', String(err));
    const registry = trust.kind === 'registry';
    return {
      ok: false, code: e.code, message: errorMessages.vi[e.code], enrolmentChecked: registry, audienceChecked: registry,
      notChecked: registry ? [] : ['enrolment', 'audience'], sha256: '', ...(e.details ? { details: e.details } : {}),
    };
  }
}

/**
 * Packages checked against the keys this reviewing unit enrolled (the `registry` trust mode of
 * verify.ts) and with its own facts (the audience, its province): what its importer would accept.
 * One verdict per package, in order. Without a database, `chiso verify` checks each package
 * against the key it carries (`verifySelf`), and says which checks it did not run.
 */
export const verifyAgainstEnrolment = useCase('verify.registry', { roles: ['reviewer'] }, (app, input: { packages: PackageRead[] }): Verdict[] => {
  const identity = requireIdentity(app.ctx);
  const trust: TrustMode = { kind: 'registry', lookup: registryResolver(app.ctx), unit: { unitCode: identity.unitCode, provinceCode: identity.provinceCode || null } };
  return input.packages.map((p) => verdictOf(p, trust));
});

/** Packages checked against the key each carries: intact, but enrolment and audience NOT checked. */
export function verifySelf(packages: PackageRead[]): Verdict[] {
  return packages.map((p) => verdictOf(p, { kind: 'self' }));
}
