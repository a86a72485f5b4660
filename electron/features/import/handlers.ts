import { AppError } from '../../../shared/errors';
import type { ImportChannel, ImportProgress } from '../../../shared/ipc/import';
import { ChosenFile } from '../../kernel/ipc/chosen-file';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { cancelImport, exportImportLog, importPackages, importStatus } from './use-cases';

/** Progress events at most this often (and always the last one). */
const PROGRESS_EVERY_MS = 100;

/**
 * The renderer never sends a path: main asks (files or a folder), dry-runs the choice and holds it
 * behind a token; `import:run` imports exactly what was previewed. Both report progress as
 * `import:progress` events; `import:cancel` stops the one running (what is finished stays).
 */
export function importHandlers(app: AppContext): HandlerTable<ImportChannel> {
  const chosen = new ChosenFile<string[]>(() => new AppError('FILE_NOT_FOUND', 'import choice expired'));
  let running: AbortController | null = null;

  /** A batch with progress events and its own cancel. */
  async function batch<T>(go: (extra: { signal: AbortSignal; onProgress: (p: ImportProgress) => void }) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    running = controller;
    let last = 0;
    const onProgress = (p: ImportProgress) => {
      const now = performance.now();
      if (p.done < p.total && now - last < PROGRESS_EVERY_MS) return;
      last = now;
      app.emit?.('import:progress', p);
    };
    try {
      return await go({ signal: controller.signal, onProgress });
    } finally {
      if (running === controller) running = null;
    }
  }

  return {
    'import:choose': handler(app, importPackages, async (input: { from: 'files' | 'folder' | 'drop'; token?: string | undefined }, run) => {
      const paths =
        input.from === 'drop'
          ? input.token && app.dialogs.dropped ? app.dialogs.dropped(input.token) : []
          : input.from === 'folder'
          ? [await app.dialogs.chooseFolder({ titleKey: 'dialogs.choosePackageFolder' })].filter((p): p is string => p !== null)
          : await app.dialogs.openFiles({ titleKey: 'dialogs.choosePackages', filters: [{ name: 'JSON', extensions: ['json'] }] });
      if (paths.length === 0) return null;
      const checked = await batch((extra) => run({ paths, dryRun: true, ...extra }));
      // A check stopped half-way imports nothing: the person chooses again.
      if (checked.stopped) return null;
      return { token: chosen.hold(paths), results: checked.results };
    }),
    'import:run': handler(app, importPackages, async (input: { token: string }, run) => {
      const paths = chosen.get(input.token);
      chosen.release();
      const { results, total, stopped } = await batch((extra) => run({ paths, dryRun: false, ...extra }));
      return { results, total, stopped };
    }),
    'import:cancel': handler(app, cancelImport, async (_input: undefined, run) => {
      const was = running;
      was?.abort();
      await run(undefined);
      return was !== null;
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
