import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/identity';
import { codeOf } from '../../test/helpers/errors';
import { ANY_ROLE, enforcePolicy } from './policy';

const facts = (role: Role | null, locked = false) => ({ role: () => role, locked: () => locked });

describe('enforcePolicy', () => {
  it('lets anyone run a use case without roles, even before setup', () => {
    expect(codeOf(() => enforcePolicy({}, facts(null)))).toBeUndefined();
  });

  it('needs a set-up installation of an allowed role', () => {
    expect(codeOf(() => enforcePolicy({ roles: ANY_ROLE }, facts(null)))).toBe('NOT_SET_UP');
    expect(codeOf(() => enforcePolicy({ roles: ['commune'] }, facts('reviewer')))).toBe('WRONG_ROLE');
    expect(codeOf(() => enforcePolicy({ roles: ['reviewer'] }, facts('commune')))).toBe('WRONG_ROLE');
    expect(codeOf(() => enforcePolicy({ roles: ANY_ROLE }, facts('reviewer')))).toBeUndefined();
  });

  it('refuses a use case under the lock while finalised, and only that one', () => {
    expect(codeOf(() => enforcePolicy({ roles: ['commune'], lock: true }, facts('commune', true)))).toBe('ASSESSMENT_LOCKED');
    expect(codeOf(() => enforcePolicy({ roles: ['commune'] }, facts('commune', true)))).toBeUndefined();
    expect(codeOf(() => enforcePolicy({ roles: ['commune'], lock: true }, facts('commune', false)))).toBeUndefined();
  });
});
