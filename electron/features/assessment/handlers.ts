import { copyFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { AssessmentChannel, AssessmentView } from '../../../shared/ipc/assessment';
import type { EvidenceChannel } from '../../../shared/ipc/evidence';
import { activeFramework, finalise, listEntries, lockState, reopen, setEntry, setExplanation } from './assessment';
import { assessmentSnapshot } from './snapshot';
import { surveyTallyFor } from '../survey/snapshot';
import { loadEntriesText } from './entries-load';
import { EVIDENCE_EXTENSIONS } from '../evidence/blob-store';
import {
  addDocument, attachFiles, listDocuments, listFiles, readStoredFile, removeDocument, removeFile, updateDocument,
} from '../evidence/evidence';
import { writeFileAtomic } from '../../kernel/files/atomic-write';
import { requireIdentity } from '../setup/identity';
import { summaryHtml } from './summary-html';
import { summaryData } from './summary-model';
import { summaryXlsx } from './summary-xlsx';
import type { Handlers, Runtime } from '../../kernel/ipc/router';

function view(rt: Runtime): AssessmentView {
  const active = activeFramework(rt.ctx);
  const stored = listEntries(rt.ctx, active.ref);
  const entries: AssessmentView['entries'] = {};
  let lastSavedAt: string | null = null;
  for (const [code, s] of Object.entries(stored)) {
    entries[code] = { entry: s.entry, explanation: s.explanation, updatedAt: s.updatedAt };
    if (!lastSavedAt || s.updatedAt > lastSavedAt) lastSavedAt = s.updatedAt;
  }
  return {
    framework: active.framework,
    entries,
    documents: listDocuments(rt.ctx, active.ref),
    files: listFiles(rt.ctx, active.ref),
    lock: lockState(rt.ctx, active.ref),
    surveyTally: surveyTallyFor(rt.ctx) ?? null,
    lastSavedAt,
  };
}

function summaryName(rt: Runtime, ext: string): string {
  const id = requireIdentity(rt.ctx);
  return `tu-danh-gia-${id.unitCode}-${id.year}.${ext}`;
}

export function createAssessmentHandlers(rt: Runtime): Pick<Handlers, AssessmentChannel | EvidenceChannel> {
  return {
    'assessment:get': () => view(rt),
    'assessment:setEntry': ({ code, entry }) => setEntry(rt.ctx, code, entry ?? null),
    'assessment:setExplanation': ({ code, text }) => setExplanation(rt.ctx, code, text),
    'assessment:finalise': () => finalise(rt.ctx),
    'assessment:reopen': ({ reason }) => reopen(rt.ctx, reason),
    'assessment:loadFile': async () => {
      const path = await rt.dialogs.openFile({ titleKey: 'dialogs.chooseEntries', filters: [{ name: 'JSON', extensions: ['json'] }] });
      if (path === null) return null;
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (err) {
        throw new AppError((err as NodeJS.ErrnoException).code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', String(err));
      }
      return { file: basename(path), ...loadEntriesText(rt.ctx, text) };
    },
    'assessment:exportPdf': async () => {
      const html = summaryHtml(summaryData(requireIdentity(rt.ctx), assessmentSnapshot(rt.ctx, surveyTallyFor(rt.ctx))));
      const path = await rt.dialogs.saveFile({ titleKey: 'dialogs.savePdf', filters: [{ name: 'PDF', extensions: ['pdf'] }], defaultName: summaryName(rt, 'pdf') });
      if (path === null) return null;
      writeFileAtomic(path, await rt.pdf.fromHtml(html));
      return { path };
    },
    'assessment:exportXlsx': async () => {
      const bytes = await summaryXlsx(summaryData(requireIdentity(rt.ctx), assessmentSnapshot(rt.ctx, surveyTallyFor(rt.ctx))));
      const path = await rt.dialogs.saveFile({ titleKey: 'dialogs.saveXlsx', filters: [{ name: 'Excel', extensions: ['xlsx'] }], defaultName: summaryName(rt, 'xlsx') });
      if (path === null) return null;
      writeFileAtomic(path, bytes);
      return { path };
    },
    'evidence:addDocument': ({ code, document }) => addDocument(rt.ctx, code, document),
    'evidence:updateDocument': ({ id, document }) => updateDocument(rt.ctx, id, document),
    'evidence:removeDocument': ({ id }) => {
      removeDocument(rt.ctx, id);
      return null;
    },
    'evidence:attach': async ({ code }) => {
      const paths = await rt.dialogs.openFiles({
        titleKey: 'dialogs.chooseEvidence',
        filters: [{ name: 'PDF, ảnh, Office', extensions: EVIDENCE_EXTENSIONS }],
      });
      if (paths.length === 0) return null;
      return attachFiles(rt.ctx, rt.dataDir, code, paths);
    },
    'evidence:removeFile': ({ id }) => {
      removeFile(rt.ctx, id);
      return null;
    },
    'evidence:preview': ({ id }) => {
      const { file, bytes } = readStoredFile(rt.ctx, rt.dataDir, id);
      return { name: file.name, mediaType: file.mediaType, base64: bytes.toString('base64') };
    },
    'evidence:open': async ({ id }) => {
      // The store keeps bytes under their hash; the system viewer needs the real name and extension.
      const { file, path } = readStoredFile(rt.ctx, rt.dataDir, id);
      const dir = join(tmpdir(), 'chiso-evidence', file.sha256.slice(0, 16));
      mkdirSync(dir, { recursive: true });
      const copy = join(dir, basename(file.name));
      copyFileSync(path, copy);
      await rt.dialogs.openPath(copy);
      return null;
    },
  };
}
