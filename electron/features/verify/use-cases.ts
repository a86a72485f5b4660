import { useCase } from '../../kernel/use-case';
import { registryResolver } from '../enrolment/enrolment';
import type { Verdict } from './verify';
import { verifyPackageBytes } from './verify';

/**
 * Packages checked against the keys this reviewing unit enrolled (the `registry` trust mode of
 * verify.ts), one verdict per package, in order. Without a database, `chiso verify` checks each
 * package against the key it carries (verifyPackageBytes in `self` mode).
 */
export const verifyAgainstEnrolment = useCase('verify.registry', { roles: ['reviewer'] }, (app, input: { packages: Uint8Array[] }): Verdict[] => {
  const lookup = registryResolver(app.ctx);
  return input.packages.map((bytes) => verifyPackageBytes(bytes, { kind: 'registry', lookup }));
});
