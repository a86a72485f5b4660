import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { RosterChannel } from '../../../shared/ipc/roster';
import { ChosenFile } from '../../kernel/ipc/chosen-file';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import type { RosterTableRow } from './roster-file';
import { readRosterFile } from './roster-file';
import { addOneCommune, communes, editOneCommune, importRosterFile, previewRosterImport, removeOneCommune, reportDeadlines, setReportDeadline } from './use-cases';

export function rosterHandlers(app: AppContext): HandlerTable<RosterChannel> {
  // The roster file chosen in the dialog, previewed, held until the person confirms the import.
  const chosen = new ChosenFile<readonly RosterTableRow[]>(() => new AppError('FILE_NOT_FOUND', 'roster token expired'));
  return {
    'roster:list': handler(app, communes),
    'roster:choose': handler(app, previewRosterImport, async (_input: undefined, run) => {
      const path = await app.dialogs.openFile({ titleKey: 'dialogs.chooseRoster', filters: [{ name: 'CSV, Excel', extensions: ['csv', 'xlsx'] }] });
      if (path === null) return null;
      const rows = await readRosterFile(path);
      const preview = await run({ rows });
      return { token: chosen.hold(rows), file: basename(path), preview };
    }),
    'roster:import': handler(app, importRosterFile, async ({ token }: { token: string }, run) => {
      const result = await run({ rows: chosen.get(token) });
      chosen.release();
      return result;
    }),
    'roster:deadlines': handler(app, reportDeadlines),
    'roster:setDeadline': handler(app, setReportDeadline),
    'roster:add': handler(app, addOneCommune),
    'roster:edit': handler(app, editOneCommune),
    'roster:remove': handler(app, removeOneCommune, async (input: { code: string }, run) => {
      await run(input);
      return null;
    }),
  };
}
