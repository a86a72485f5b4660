import type { AppraisalChannel } from '../../../shared/ipc/appraisal';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { acceptSelf, answer, assign, assignments, compare, decide, evidenceCopy, exportResult, fieldDone, importResult, lock, notes, openCommune, owed, revisions } from './use-cases';

export function appraisalHandlers(app: AppContext): HandlerTable<AppraisalChannel> {
  return {
    'appraisal:open': handler(app, openCommune),
    'appraisal:decide': handler(app, decide),
    'appraisal:acceptSelf': handler(app, acceptSelf),
    'appraisal:lock': handler(app, lock),
    'appraisal:export': handler(app, exportResult, (input, run) => run({ ...input, folder: () => app.dialogs.chooseFolder({ titleKey: 'dialogs.chooseFolder' }) })),
    'appraisal:revisions': handler(app, revisions),
    'appraisal:compare': handler(app, compare),
    'appraisal:openEvidence': handler(app, evidenceCopy, async (input, run) => {
      await app.dialogs.openPath(await run(input));
      return null;
    }),
    'appraisal:assignments': handler(app, assignments),
    'appraisal:assign': handler(app, assign),
    'appraisal:fieldDone': handler(app, fieldDone),
    'appraisal:owed': handler(app, owed),
    'appraisal:import': handler(app, importResult, async (_input: undefined, run) => {
      const path = await app.dialogs.openFile({ titleKey: 'dialogs.chooseAppraisal', filters: [{ name: 'JSON', extensions: ['json'] }] });
      return path === null ? null : run({ path });
    }),
    'appraisal:notes': handler(app, notes),
    'appraisal:answer': handler(app, answer),
  };
}
