import type { Framework } from '../../../shared/framework/schema';
import type { SetupData } from '../../../shared/identity';
import type { AppInfo, SetupCorrection } from '../../../shared/ipc/setup';
import { schemaVersion } from '../../kernel/db/migrate';
import { ANY_ROLE } from '../../kernel/policy';
import { useCase } from '../../kernel/use-case';
import { correctSetup } from './identity-correct';
import { completeSetup, getIdentity } from './identity';
import { getSetting, setSetting } from './settings';

export const appInfo = useCase('app.info', {}, (app): AppInfo => ({ version: app.appVersion, schemaVersion: schemaVersion(app.ctx.db), platform: app.platform }));

export const readIdentity = useCase('setup.get', {}, (app) => getIdentity(app.ctx));

/** First run: refused (ALREADY_SET_UP) once done. Without a framework, the shipped sample. */
export const setUp = useCase('setup.complete', {}, (app, input: { setup: SetupData; framework?: Framework | undefined }) =>
  completeSetup(app.ctx, input.setup, input.framework),
);

/**
 * Correct the setup (name, codes, officer, year). Any role; not refused while the assessment is
 * finalised: the identity is not part of the finalised figures, and the next package is signed
 * with the corrected values. After an export, a reason is required (SETUP_REASON_REQUIRED).
 */
export const correctIdentity = useCase('setup.correct', { roles: ANY_ROLE }, (app, input: SetupCorrection) => correctSetup(app.ctx, input));

export const readSetting = useCase('settings.get', {}, (app, input: { key: string }) => getSetting(app.ctx, input.key));

export const writeSetting = useCase('settings.set', {}, (app, input: { key: string; value: string }) => {
  setSetting(app.ctx, input.key, input.value);
  return null;
});
