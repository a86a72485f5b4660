/**
 * Starting points the e2e tests share, built with the real use cases in the window's own
 * database: the tests then drive the screens from there.
 */
import { completeSetup } from '../../electron/features/setup/identity';
import { addToRoster, enrol, makeCommune, type Commune } from '../fixtures/reviewer-imports';
import { parsedSetup, provinceSetup } from '../helpers/context';
import type { AppSession } from './harness';
import { HomePage } from './pages/home-page';

/**
 * A provincial Sở Nội vụ set up in the open window, commune `code` enrolled (key `commune`) and on
 * its roster with any `others` (code, name) beside it; the window reloaded on the reviewer's Home.
 * The commune (its own database, for exporting packages) is the caller's to clean up.
 */
export async function reviewerReceivingFrom(app: AppSession, code = '26734', others: [string, string][] = []): Promise<Commune> {
  const ctx = app.runtime.app.ctx;
  completeSetup(ctx, parsedSetup(provinceSetup));
  const commune = makeCommune(code, 'commune');
  enrol({ ctx }, commune);
  addToRoster({ ctx }, code);
  for (const [other, name] of others) addToRoster({ ctx }, other, name);
  await app.page.reload();
  await new HomePage(app.page).waitFor('reviewer');
  return commune;
}
