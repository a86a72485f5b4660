import type { AppraisalExported, AppraisalImported, AppraisalNotes, AppraisalState, FieldAssignment, OwedRow, ReceivedRevision, RevisionComparison } from '../../../shared/appraisal/types';
import type { ScoresFile } from '../../../shared/ipc/appraisal';
import type { Destination } from '../../kernel/ports';
import { useCase, type AppContext } from '../../kernel/use-case';
import { unlockKey } from '../keys/keys';
import { requireIdentity } from '../setup/identity';
import { acceptSelfScores, appraise, lockAppraisal, openAppraisal, type DecisionInput } from './appraisal';
import { assignField, listAssignments, markFieldDone, owedBoard } from './assignments';
import { answerRequest, appraisalNotes, importAppraisalResult } from './commune-side';
import { compareRevisions, receivedEvidenceCopy, revisionList } from './diff';
import { exportAppraisalResult } from './result-package';

interface Target {
  communeCode: string;
  year?: number | undefined;
}

const yearOf = (app: AppContext, year: number | undefined) => year ?? requireIdentity(app.ctx).year;

export const toDecisions = (items: ScoresFile['items']): DecisionInput[] =>
  items.map((d) => ({ itemCode: d.code, ...(d.points !== undefined ? { points: d.points } : {}), ...(d.comment !== undefined ? { comment: d.comment } : {}), ...(d.request !== undefined ? { request: d.request } : {}) }));

/** Opens a commune's appraisal (the round rules decide which round) and returns its state. */
export const openCommune = useCase('appraisal.open', { roles: ['reviewer'] }, (app, input: Target): AppraisalState => openAppraisal(app.ctx, input.communeCode, yearOf(app, input.year)));

export const decide = useCase('appraisal.decide', { roles: ['reviewer'] }, (app, input: Target & { decisions: ScoresFile['items'] }): AppraisalState =>
  appraise(app.ctx, input.communeCode, yearOf(app, input.year), toDecisions(input.decisions)),
);

export const acceptSelf = useCase('appraisal.acceptSelf', { roles: ['reviewer'] }, (app, input: Target) => acceptSelfScores(app.ctx, input.communeCode, yearOf(app, input.year)));

export const lock = useCase('appraisal.lock', { roles: ['reviewer'] }, (app, input: Target): AppraisalState => lockAppraisal(app.ctx, input.communeCode, yearOf(app, input.year)));

/** The signed result to a folder: the key is unlocked before the folder is asked for. */
export const exportResult = useCase(
  'appraisal.export',
  { roles: ['reviewer'] },
  async (app, input: Target & { keyPassphrase?: string | undefined; folder: Destination }): Promise<AppraisalExported | null> => {
    const signer = await unlockKey(app.keys, input.keyPassphrase);
    const folder = await input.folder();
    if (folder === null) return null;
    return exportAppraisalResult(app.ctx, input.communeCode, yearOf(app, input.year), { folder, signer, appVersion: app.appVersion });
  },
);

export const revisions = useCase('appraisal.revisions', { roles: ['reviewer'] }, (app, input: Target): ReceivedRevision[] =>
  revisionList(app.ctx.db, input.communeCode, yearOf(app, input.year)),
);

/** Two revisions side by side with their receipts and totals (the newest two when from/to are absent). */
export const compare = useCase('appraisal.compare', { roles: ['reviewer'] }, (app, input: Target & { from?: number | undefined; to?: number | undefined }): RevisionComparison =>
  compareRevisions(app.ctx.db, input.communeCode, yearOf(app, input.year), input.from !== undefined && input.to !== undefined ? { from: input.from, to: input.to } : undefined),
);

export const evidenceCopy = useCase('appraisal.evidence', { roles: ['reviewer'] }, (app, input: Target & { revision: number; evidenceId: string }): string =>
  receivedEvidenceCopy(app.ctx.db, input.communeCode, yearOf(app, input.year), input.revision, input.evidenceId),
);

export const assignments = useCase('appraisal.assignments', { roles: ['reviewer'] }, (app, input: { year?: number | undefined }): FieldAssignment[] => listAssignments(app.ctx, yearOf(app, input.year)));

export const assign = useCase('appraisal.assign', { roles: ['reviewer'] }, (app, input: { year?: number | undefined; fieldCode: string; appraiser: string | null }): FieldAssignment[] =>
  assignField(app.ctx, yearOf(app, input.year), input.fieldCode, input.appraiser),
);

export const fieldDone = useCase('appraisal.fieldDone', { roles: ['reviewer'] }, (app, input: Target & { fieldCode: string; done: boolean }): OwedRow[] => {
  const year = yearOf(app, input.year);
  markFieldDone(app.ctx, input.communeCode, year, input.fieldCode, input.done);
  return owedBoard(app.ctx, year);
});

export const owed = useCase('appraisal.owed', { roles: ['reviewer'] }, (app, input: { year?: number | undefined }): OwedRow[] => owedBoard(app.ctx, yearOf(app, input.year)));

/** Commune: the reviewing unit's result, verified with the pinned key only. Not under the self-assessment lock: it only adds notes. */
export const importResult = useCase('appraisal.import', { roles: ['commune'] }, (app, input: { path: string }): AppraisalImported => importAppraisalResult(app.ctx, input.path));

export const notes = useCase('appraisal.notes', { roles: ['commune'] }, (app): AppraisalNotes => appraisalNotes(app.ctx));

export const answer = useCase('appraisal.answer', { roles: ['commune'] }, (app, input: { itemCode: string; answer: string | null }): AppraisalNotes =>
  answerRequest(app.ctx, input.itemCode, input.answer),
);
