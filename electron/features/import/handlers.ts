import { AppError } from '../../../shared/errors';
import type { ImportChannel } from '../../../shared/ipc/import';
import { ChosenFile } from '../../kernel/ipc/chosen-file';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { exportImportLog, importPackages, importStatus } from './use-cases';

/**
 * The renderer never sends a path: main asks (files or a folder), dry-runs the choice and holds it
 * behind a token; `import:run` imports exactly what was previewed.
 */
export function importHandlers(app: AppContext): HandlerTable<ImportChannel> {
  const chosen = new ChosenFile<string[]>(() => new AppError('FILE_NOT_FOUND', 'import choice expired'));
  return {
    'import:choose': handler(app, importPackages, async (input: { from: 'files' | 'folder' }, run) => {
      const paths =
        input.from === 'folder'
          ? [await app.dialogs.chooseFolder({ titleKey: 'dialogs.choosePackageFolder' })].filter((p): p is string => p !== null)
          : await app.dialogs.openFiles({ titleKey: 'dialogs.choosePackages', filters: [{ name: 'JSON', extensions: ['json'] }] });
      if (paths.length === 0) return null;
      const { results } = await run({ paths, dryRun: true });
      return { token: chosen.hold(paths), results };
    }),
    'import:run': handler(app, importPackages, async (input: { token: string }, run) => {
      const paths = chosen.get(input.token);
      chosen.release();
      return (await run({ paths, dryRun: false })).results;
    }),
    'import:status': handler(app, importStatus),
    'import:exportLog': handler(app, exportImportLog, (input: { format: 'xlsx' | 'csv' }, run) =>
      run({
        format: input.format,
        path: (defaultName = '') =>
          app.dialogs.saveFile({ titleKey: 'dialogs.saveImportLog', defaultName, filters: [input.format === 'xlsx' ? { name: 'Excel', extensions: ['xlsx'] } : { name: 'CSV', extensions: ['csv'] }] }),
      }),
    ),
  };
}
