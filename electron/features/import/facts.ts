/** The snapshot examine.ts works from, read from the unit's database on the writer's thread when a batch starts. */
import type { ServiceContext } from '../../kernel/context';
import { registryResolver } from '../enrolment/reviewer-enrolment';
import { loadFramework } from '../framework/frameworks';
import { asRefusal, type ImportFacts, type UnitFacts } from './examine';
import { enrolledKeyIds, heldFrameworks, rosterEntries } from './received-repo';

/** The snapshot, from the unit's database (on the writer's thread, when the batch starts). */
export function importFacts(ctx: ServiceContext, unit: UnitFacts): ImportFacts {
  const lookup = registryResolver(ctx);
  const keys: ImportFacts['keys'] = [];
  for (const keyId of enrolledKeyIds(ctx.db)) {
    const k = lookup(keyId);
    if (k) keys.push([keyId, k]);
  }
  const frameworks = heldFrameworks(ctx.db).map((f) => {
    try {
      return { ...f, framework: loadFramework(ctx, f.ref) };
    } catch (err) {
      return { ...f, framework: null, error: asRefusal(err) };
    }
  });
  return { unit, keys, roster: rosterEntries(ctx.db), frameworks };
}

