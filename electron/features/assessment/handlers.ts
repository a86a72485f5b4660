import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { AssessmentChannel } from '../../../shared/ipc/assessment';
import { ChosenFile } from '../../kernel/ipc/chosen-file';
import { readUserText } from '../../kernel/files/user-files';
import type { DialogOptions } from '../../kernel/ports';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { assessmentView, exportSummary, finaliseAssessment, loadEntries, previewEntries, readLastItem, reopenAssessment, saveEntry, saveExplanation, saveLastItem } from './use-cases';

const ENTRIES_DIALOG: DialogOptions = { titleKey: 'dialogs.chooseEntries', filters: [{ name: 'JSON', extensions: ['json'] }] };

export function assessmentHandlers(app: AppContext): HandlerTable<AssessmentChannel> {
  // The entries file chosen on the load screen, held until the clerk confirms the preview.
  const chosen = new ChosenFile<{ file: string; text: string }>(() => new AppError('FILE_NOT_FOUND', 'entries token expired'));
  return {
    'assessment:get': handler(app, assessmentView),
    'assessment:setEntry': handler(app, saveEntry),
    'assessment:setExplanation': handler(app, saveExplanation),
    'assessment:finalise': handler(app, finaliseAssessment),
    'assessment:reopen': handler(app, reopenAssessment),
    'assessment:loadFile': handler(app, loadEntries, async (_input, run) => {
      const path = await app.dialogs.openFile(ENTRIES_DIALOG);
      return path === null ? null : run({ file: basename(path), text: readUserText(path, 'entries') });
    }),
    // Read once, previewed, held: what is loaded on confirmation is the very text previewed.
    'assessment:chooseFile': handler(app, previewEntries, async (_input, run) => {
      const path = await app.dialogs.openFile(ENTRIES_DIALOG);
      if (path === null) return null;
      const file = { file: basename(path), text: readUserText(path, 'entries') };
      chosen.release();
      const preview = await run({ text: file.text });
      return { token: chosen.hold(file), file: file.file, preview };
    }),
    'assessment:loadChosen': handler(app, loadEntries, async ({ token }, run) => {
      const result = await run(chosen.get(token));
      chosen.release();
      return result;
    }),
    'assessment:lastItem': handler(app, readLastItem),
    'assessment:setLastItem': handler(app, saveLastItem),
    'assessment:exportPdf': handler(app, exportSummary, (_input, run) =>
      run({ format: 'pdf', path: (defaultName = '') => app.dialogs.saveFile({ titleKey: 'dialogs.savePdf', filters: [{ name: 'PDF', extensions: ['pdf'] }], defaultName }) }),
    ),
    'assessment:exportXlsx': handler(app, exportSummary, (_input, run) =>
      run({ format: 'xlsx', path: (defaultName = '') => app.dialogs.saveFile({ titleKey: 'dialogs.saveXlsx', filters: [{ name: 'Excel', extensions: ['xlsx'] }], defaultName }) }),
    ),
  };
}
