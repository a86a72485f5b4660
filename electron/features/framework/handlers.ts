import type { Framework } from '../../../shared/framework/schema';
import type { FrameworkChannel } from '../../../shared/ipc/framework';
import type { ChosenFile } from '../../kernel/ipc/chosen-file';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { frameworkChoice } from './frameworks';
import { frameworkInUse, previewReplace, readFramework, replace } from './use-cases';

/** `chosen` holds the framework picked in the dialog (setup:complete uses it too). */
export function frameworkHandlers(app: AppContext, chosen: ChosenFile<Framework>): HandlerTable<FrameworkChannel> {
  return {
    'framework:choose': handler(app, readFramework, async (_input, run) => {
      const path = await app.dialogs.openFile({ titleKey: 'dialogs.chooseFramework', filters: [{ name: 'JSON', extensions: ['json'] }] });
      if (path === null) return null;
      const framework = await run({ path });
      return frameworkChoice(chosen.hold(framework), framework);
    }),
    'framework:active': handler(app, frameworkInUse),
    'framework:previewReplace': handler(app, previewReplace, ({ token }, run) => run({ framework: chosen.get(token) })),
    'framework:replace': handler(app, replace, async ({ token }, run) => {
      const result = await run({ framework: chosen.get(token) });
      chosen.release();
      return result;
    }),
  };
}
