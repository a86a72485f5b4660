import { basename } from 'node:path';
import type { AssessmentChannel } from '../../../shared/ipc/assessment';
import { readUserText } from '../../kernel/files/user-files';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { assessmentView, exportSummary, finaliseAssessment, loadEntries, reopenAssessment, saveEntry, saveExplanation } from './use-cases';

export function assessmentHandlers(app: AppContext): HandlerTable<AssessmentChannel> {
  return {
    'assessment:get': handler(app, assessmentView),
    'assessment:setEntry': handler(app, saveEntry),
    'assessment:setExplanation': handler(app, saveExplanation),
    'assessment:finalise': handler(app, finaliseAssessment),
    'assessment:reopen': handler(app, reopenAssessment),
    'assessment:loadFile': handler(app, loadEntries, async (_input, run) => {
      const path = await app.dialogs.openFile({ titleKey: 'dialogs.chooseEntries', filters: [{ name: 'JSON', extensions: ['json'] }] });
      return path === null ? null : run({ file: basename(path), text: readUserText(path, 'entries') });
    }),
    'assessment:exportPdf': handler(app, exportSummary, (_input, run) =>
      run({ format: 'pdf', path: (defaultName = '') => app.dialogs.saveFile({ titleKey: 'dialogs.savePdf', filters: [{ name: 'PDF', extensions: ['pdf'] }], defaultName }) }),
    ),
    'assessment:exportXlsx': handler(app, exportSummary, (_input, run) =>
      run({ format: 'xlsx', path: (defaultName = '') => app.dialogs.saveFile({ titleKey: 'dialogs.saveXlsx', filters: [{ name: 'Excel', extensions: ['xlsx'] }], defaultName }) }),
    ),
  };
}
