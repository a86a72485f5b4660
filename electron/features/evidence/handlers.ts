import type { EvidenceChannel } from '../../../shared/ipc/evidence';
import type { HandlerTable } from '../../kernel/ipc/handler';
import { handler } from '../../kernel/ipc/handler';
import type { AppContext } from '../../kernel/use-case';
import { EVIDENCE_EXTENSIONS } from './blob-store';
import {
  addEvidenceDocument, attachEvidence, evidenceCopy, previewEvidence, removeEvidenceDocument, removeEvidenceFile, updateEvidenceDocument,
} from './use-cases';

export function evidenceHandlers(app: AppContext): HandlerTable<EvidenceChannel> {
  return {
    'evidence:addDocument': handler(app, addEvidenceDocument),
    'evidence:updateDocument': handler(app, updateEvidenceDocument),
    'evidence:removeDocument': handler(app, removeEvidenceDocument),
    'evidence:attach': handler(app, attachEvidence, async ({ code }, run) => {
      const paths = await app.dialogs.openFiles({ titleKey: 'dialogs.chooseEvidence', filters: [{ name: 'PDF, ảnh, Office', extensions: EVIDENCE_EXTENSIONS }] });
      return paths.length === 0 ? null : run({ code, paths });
    }),
    'evidence:removeFile': handler(app, removeEvidenceFile),
    'evidence:preview': handler(app, previewEvidence),
    'evidence:open': handler(app, evidenceCopy, async (input, run) => {
      await app.dialogs.openPath(await run(input));
      return null;
    }),
  };
}
