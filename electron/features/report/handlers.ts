import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ReportChannel } from '../../../shared/ipc/report';
import { ChosenFile } from '../../kernel/ipc/chosen-file';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import type { HistoryTableRow } from './history-file';
import { readHistoryFile } from './history-file';
import { exportReportCsv, exportReportPdf, exportReportXlsx, importHistoryFile, previewHistoryImport, reportView, type ReportQuery } from './use-cases';

export function reportHandlers(app: AppContext): HandlerTable<ReportChannel> {
  // The results file chosen in the dialog, previewed, held until the person confirms the import.
  const chosen = new ChosenFile<{ year: number; rows: readonly HistoryTableRow[]; file: string }>(() => new AppError('FILE_NOT_FOUND', 'history token expired'));
  return {
    'report:view': handler(app, reportView),
    'report:exportXlsx': handler(app, exportReportXlsx, (q: ReportQuery, run) =>
      run({ ...q, path: (defaultName = '') => app.dialogs.saveFile({ titleKey: 'dialogs.saveReportXlsx', filters: [{ name: 'Excel', extensions: ['xlsx'] }], defaultName }) }),
    ),
    'report:exportCsv': handler(app, exportReportCsv, (q: ReportQuery, run) =>
      run({ ...q, path: (defaultName = '') => app.dialogs.saveFile({ titleKey: 'dialogs.saveReportCsv', filters: [{ name: 'CSV', extensions: ['csv'] }], defaultName }) }),
    ),
    'report:exportPdf': handler(app, exportReportPdf, (q: ReportQuery, run) =>
      run({ ...q, path: (defaultName = '') => app.dialogs.saveFile({ titleKey: 'dialogs.saveReportPdf', filters: [{ name: 'PDF', extensions: ['pdf'] }], defaultName }) }),
    ),
    'report:historyChoose': handler(app, previewHistoryImport, async ({ year }: { year: number }, run) => {
      const path = await app.dialogs.openFile({ titleKey: 'dialogs.chooseHistory', filters: [{ name: 'CSV, Excel', extensions: ['csv', 'xlsx'] }] });
      if (path === null) return null;
      const rows = await readHistoryFile(path);
      const preview = await run({ year, rows });
      return { token: chosen.hold({ year, rows, file: basename(path) }), file: basename(path), preview };
    }),
    'report:historyImport': handler(app, importHistoryFile, async ({ token }: { token: string }, run) => {
      const result = await run(chosen.get(token));
      chosen.release();
      return result;
    }),
  };
}
