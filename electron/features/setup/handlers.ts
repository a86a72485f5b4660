import type { Framework } from '../../../shared/framework/schema';
import type { SetupChannel } from '../../../shared/ipc/setup';
import type { ChosenFile } from '../../kernel/ipc/chosen-file';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { appInfo, correctIdentity, readIdentity, readSetting, setUp, writeSetting } from './use-cases';

/** `chosenFramework`: the framework file picked with framework:choose, named by its token. */
export function setupHandlers(app: AppContext, chosenFramework: ChosenFile<Framework>): HandlerTable<SetupChannel> {
  return {
    'app:info': handler(app, appInfo),
    'setup:get': handler(app, readIdentity),
    'setup:complete': handler(app, setUp, async ({ setup, frameworkToken }, run) => {
      const identity = await run({ setup, framework: frameworkToken === undefined ? undefined : chosenFramework.get(frameworkToken) });
      chosenFramework.release();
      return identity;
    }),
    'setup:correct': handler(app, correctIdentity),
    'settings:get': handler(app, readSetting),
    'settings:set': handler(app, writeSetting),
  };
}
