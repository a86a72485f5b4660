import type { EvidenceDocumentData } from '../../../shared/assessment/evidence';
import type { EvidencePreview } from '../../../shared/ipc/evidence';
import { ANY_ROLE } from '../../kernel/policy';
import { useCase } from '../../kernel/use-case';
import { activeFramework } from '../framework/active';
import { addDocument, attachFiles, namedCopy, readStoredFile, removeDocument, removeFile, updateDocument } from './evidence';

/** Evidence is part of the self-assessment: the commune's, and not while finalised. */
const EDIT = { roles: ['commune'], lock: true } as const;

export const addEvidenceDocument = useCase('evidence.addDocument', EDIT, (app, input: { code: string; document: EvidenceDocumentData }) =>
  addDocument(app.ctx, activeFramework(app.ctx), input.code, input.document),
);

export const updateEvidenceDocument = useCase('evidence.updateDocument', EDIT, (app, input: { id: number; document: EvidenceDocumentData }) =>
  updateDocument(app.ctx, activeFramework(app.ctx), input.id, input.document),
);

export const removeEvidenceDocument = useCase('evidence.removeDocument', EDIT, (app, input: { id: number }) => {
  removeDocument(app.ctx, activeFramework(app.ctx), input.id);
  return null;
});

/** Files chosen by the user (main's dialog): read, stored by hash, attached, all or nothing. */
export const attachEvidence = useCase('evidence.attach', EDIT, (app, input: { code: string; paths: string[] }) =>
  attachFiles(app.ctx, app.dataDir, activeFramework(app.ctx), input.code, input.paths),
);

export const removeEvidenceFile = useCase('evidence.removeFile', EDIT, (app, input: { id: number }) => {
  removeFile(app.ctx, activeFramework(app.ctx), input.id);
  return null;
});

export const previewEvidence = useCase('evidence.preview', { roles: ANY_ROLE }, (app, input: { id: number }): EvidencePreview => {
  const { file, bytes } = readStoredFile(app.ctx, app.dataDir, activeFramework(app.ctx), input.id);
  return { name: file.name, mediaType: file.mediaType, base64: bytes.toString('base64') };
});

/** A copy under the file's real name, for the system's viewer (the store keeps bytes under their hash). */
export const evidenceCopy = useCase('evidence.copy', { roles: ANY_ROLE }, (app, input: { id: number }) =>
  namedCopy(app.ctx, app.dataDir, activeFramework(app.ctx), input.id),
);
