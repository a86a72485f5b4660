import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Framework } from '../../../shared/framework/schema';
import type { FrameworkChoice } from '../../../shared/ipc/contract';
import { listAudit } from '../../kernel/audit';
import { loadFramework, validateFramework } from '../framework/frameworks';
import { previewReplaceFramework, replaceFramework } from '../framework/replace';
import { completeSetup, getIdentity, getSetting, requireIdentity, setSetting } from './identity';
import { parseUserJson } from '../assessment/json-lines';
import { readUserFile } from '../../kernel/files/user-file';
import { schemaVersion } from '../../kernel/db/open';
import type { CoreChannel } from '../../../shared/ipc/core.channels';
import type { Handlers, Runtime } from '../../kernel/ipc/router';

function countItems(f: Framework): number {
  return f.fields.reduce((n, field) => n + field.criteria.reduce((m, c) => m + c.items.length, 0), 0);
}

/**
 * Read a user-chosen JSON file (a criteria framework) through the bounded reader; a missing,
 * special, oversized or non-JSON file gets its own code. Async for its callers' sake.
 */
export async function readJsonFile(path: string): Promise<unknown> {
  const text = readUserFile(path, { kind: 'framework' }).toString('utf8');
  const parsed = parseUserJson(text.replace(/^\uFEFF/u, ''));
  if (!parsed.ok) throw new AppError('FILE_UNREADABLE', 'not JSON', { reason: 'NOT_JSON', ...parsed.details });
  return parsed.value;
}

export function createCoreHandlers(rt: Runtime): Pick<Handlers, CoreChannel> {
  // Frameworks chosen in a dialog wait here until setup completes (the renderer never
  // sends a path for main to read; it only gets a token back).
  const chosen = new Map<string, Framework>();
  const takeChosen = (token: string): Framework => {
    const f = chosen.get(token);
    if (!f) throw new AppError('FRAMEWORK_NOT_FOUND', 'framework token expired');
    return f;
  };
  return {
    'app:info': () => ({ version: rt.appVersion, schemaVersion: schemaVersion(rt.ctx.db), platform: rt.platform }),
    'setup:get': () => getIdentity(rt.ctx),
    'setup:complete': ({ setup, frameworkToken }) => {
      let framework: Framework | undefined;
      if (frameworkToken !== undefined) framework = takeChosen(frameworkToken);
      const identity = completeSetup(rt.ctx, setup, framework);
      chosen.clear();
      return identity;
    },
    'framework:choose': async (): Promise<FrameworkChoice | null> => {
      const path = await rt.dialogs.openFile({
        titleKey: 'dialogs.chooseFramework',
        filters: [{ name: 'JSON', extensions: ['json'] }],
      });
      if (path === null) return null;
      const framework = validateFramework(await readJsonFile(path));
      const token = randomUUID();
      chosen.set(token, framework);
      return {
        token,
        title: framework.title,
        year: framework.year,
        provinceCode: framework.province.code,
        provinceName: framework.province.name,
        version: framework.version,
        sample: framework.sample,
        itemCount: countItems(framework),
      };
    },
    'framework:previewReplace': ({ token }) => previewReplaceFramework(rt.ctx, takeChosen(token)),
    'framework:replace': ({ token }) => {
      const result = replaceFramework(rt.ctx, takeChosen(token));
      chosen.delete(token);
      return result;
    },
    'framework:active': () => {
      const identity = requireIdentity(rt.ctx);
      if (!identity.framework) throw new AppError('FRAMEWORK_NOT_FOUND', 'no framework installed');
      return loadFramework(rt.ctx, identity.framework.ref);
    },
    'settings:get': ({ key }) => getSetting(rt.ctx, key),
    'settings:set': ({ key, value }) => {
      setSetting(rt.ctx, key, value);
      return null;
    },
    'audit:list': (filter) => listAudit(rt.ctx, filter),
  };
}
