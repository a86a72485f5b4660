import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import type { Framework } from '../../../shared/framework/schema';
import type { FrameworkChoice } from '../../../shared/ipc/contract';
import { listAudit } from '../../kernel/audit';
import { loadFramework, validateFramework } from '../framework/frameworks';
import { previewReplaceFramework, replaceFramework } from '../framework/replace';
import { completeSetup, getIdentity, getSetting, requireIdentity, setSetting } from './identity';
import { schemaVersion } from '../../kernel/db/open';
import type { AuditChannel } from '../../../shared/ipc/audit';
import type { FrameworkChannel } from '../../../shared/ipc/framework';
import type { SetupChannel } from '../../../shared/ipc/setup';
import type { Handlers, Runtime } from '../../kernel/ipc/router';

function countItems(f: Framework): number {
  return f.fields.reduce((n, field) => n + field.criteria.reduce((m, c) => m + c.items.length, 0), 0);
}

/** Read a user-chosen JSON file; a missing or unreadable file gets its own code. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', String(err));
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch {
    throw new AppError('FILE_UNREADABLE', 'not JSON', { reason: 'NOT_JSON' });
  }
}

export function createCoreHandlers(rt: Runtime): Pick<Handlers, SetupChannel | FrameworkChannel | AuditChannel> {
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
