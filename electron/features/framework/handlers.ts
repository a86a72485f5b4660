import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Framework } from '../../../shared/framework/schema';
import type { FrameworkChannel } from '../../../shared/ipc/framework';
import { ChosenFile } from '../../kernel/ipc/chosen-file';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { readUserFile } from '../../kernel/files/user-file';
import type { FrameworkFileResult } from './framework-file';
import { frameworkChoice } from './frameworks';
import { importAtCommune, installAtReviewer, installedFramework, listInstalled, previewAtCommune, publish, readSource, saveTemplate } from './signed';
import { frameworkInUse, previewReplace, readFramework, replace } from './use-cases';

const FRAMEWORK_FILES = [{ name: 'Bộ tiêu chí (JSON, Excel)', extensions: ['json', 'xlsx'] }];

/** `chosen` holds the framework picked in the dialog (setup:complete uses it too). */
export function frameworkHandlers(app: AppContext, chosen: ChosenFile<Framework>): HandlerTable<FrameworkChannel> {
  const expired = () => new AppError('FRAMEWORK_NOT_FOUND', 'framework token expired');
  // The reviewing unit's chosen source file, and the commune's chosen signed file, held by token.
  const source = new ChosenFile<FrameworkFileResult>(expired);
  const signed = new ChosenFile<Uint8Array>(expired);
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
    'framework:list': handler(app, listInstalled),
    'framework:get': handler(app, installedFramework),
    'framework:saveTemplate': handler(app, saveTemplate, (_input, run) =>
      run({ path: (defaultName = '') => app.dialogs.saveFile({ titleKey: 'dialogs.saveXlsx', filters: [{ name: 'Excel', extensions: ['xlsx'] }], defaultName }) }),
    ),
    'framework:chooseSource': handler(app, readSource, async (_input, run) => {
      const path = await app.dialogs.openFile({ titleKey: 'dialogs.chooseFramework', filters: FRAMEWORK_FILES });
      if (path === null) return null;
      const r = await run({ path });
      const file = basename(path);
      if (r.form === 'package') return { token: source.hold(r), file, form: r.form, issues: [], framework: null };
      if (!r.ok) return { token: null, file, form: r.form, issues: r.issues, framework: null };
      return { token: source.hold(r), file, form: r.form, issues: [], framework: r.framework };
    }),
    'framework:install': handler(app, installAtReviewer, async ({ token }, run) => {
      const result = await run({ file: source.get(token) });
      source.release();
      return result;
    }),
    'framework:publish': handler(app, publish, (input, run) => run({ ...input, folder: () => app.dialogs.chooseFolder({ titleKey: 'dialogs.chooseFolder' }) })),
    'framework:chooseSigned': handler(app, previewAtCommune, async (_input, run) => {
      const path = await app.dialogs.openFile({ titleKey: 'dialogs.chooseFramework', filters: [{ name: 'CCHC-FRAMEWORK', extensions: ['json'] }] });
      if (path === null) return null;
      const bytes = readUserFile(path, { kind: 'framework' });
      const v = await run({ bytes });
      const preview = await app.perform(previewReplace, { framework: v.framework });
      return { token: signed.hold(bytes), file: basename(path), ...v, ...preview };
    }),
    'framework:importSigned': handler(app, importAtCommune, async ({ token }, run) => {
      const result = await run({ bytes: signed.get(token) });
      signed.release();
      return result;
    }),
  };
}
