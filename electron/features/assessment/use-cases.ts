import type { AssessmentView, LoadFileReport } from '../../../shared/ipc/assessment';
import type { ItemEntry } from '../../../shared/scoring/entry';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from '../../kernel/files/atomic-write';
import { ANY_ROLE } from '../../kernel/policy';
import type { Destination } from '../../kernel/ports';
import { useCase } from '../../kernel/use-case';
import { readDocuments, readFiles } from '../evidence/evidence-repo';
import { activeFramework } from '../framework/active';
import { requireIdentity } from '../setup/identity';
import { surveyTallyFor } from '../survey/snapshot';
import { finalise, lockState, reopen, setEntry, setExplanation } from './assessment';
import { readEntries } from './entries-repo';
import { lastItem, rememberLastItem } from './last-item';
import { loadEntriesText } from './entries-load';
import { previewEntriesText } from './entries-preview';
import { assessmentSnapshot } from './snapshot';
import { summaryHtml } from './summary-html';
import { summaryData } from './summary-model';
import { summaryXlsx } from './summary-xlsx';

/** Self-assessment writes: the commune's, and not while finalised. */
const EDIT = { roles: ['commune'], lock: true } as const;

export const assessmentView = useCase('assessment.get', { roles: ANY_ROLE }, (app): AssessmentView => {
  const active = activeFramework(app.ctx);
  const entries: AssessmentView['entries'] = {};
  let lastSavedAt: string | null = null;
  for (const [code, s] of Object.entries(readEntries(app.ctx.db, active.ref))) {
    entries[code] = { entry: s.entry, explanation: s.explanation, updatedAt: s.updatedAt };
    if (!lastSavedAt || s.updatedAt > lastSavedAt) lastSavedAt = s.updatedAt;
  }
  return {
    framework: active.framework,
    entries,
    documents: readDocuments(app.ctx.db, active.ref),
    files: readFiles(app.ctx.db, active.ref),
    lock: lockState(app.ctx, active.ref),
    surveyTally: surveyTallyFor(app.ctx) ?? null,
    lastSavedAt,
  };
});

export const saveEntry = useCase('assessment.setEntry', EDIT, (app, input: { code: string; entry: ItemEntry | null }) =>
  setEntry(app.ctx, activeFramework(app.ctx), input.code, input.entry),
);

export const saveExplanation = useCase('assessment.setExplanation', EDIT, (app, input: { code: string; text: string | null }) =>
  setExplanation(app.ctx, activeFramework(app.ctx), input.code, input.text),
);

export const finaliseAssessment = useCase('assessment.finalise', EDIT, (app) => finalise(app.ctx, activeFramework(app.ctx)));

export const reopenAssessment = useCase('assessment.reopen', { roles: ['commune'] }, (app, input: { reason: string }) =>
  reopen(app.ctx, activeFramework(app.ctx), input.reason),
);

/** An entries file (docs/entries-format.md) as read from the user's disk: all of it or nothing. */
export const loadEntries = useCase('assessment.load', EDIT, (app, input: { file: string; text: string }): LoadFileReport => ({
  file: input.file,
  ...loadEntriesText(app.ctx, input.text),
}));

/** What loading an entries file would change, item by item (new / changed / same); nothing is written. */
export const previewEntries = useCase('assessment.previewLoad', EDIT, (app, input: { text: string }) => previewEntriesText(app.ctx, input.text));

/** Scores as the criteria screen shows them, the survey's points included. */
export const assessmentScores = useCase('assessment.scores', { roles: ANY_ROLE }, (app) => assessmentSnapshot(app.ctx, surveyTallyFor(app.ctx)).scores);

/** The item the clerk was on last in the identity's year (null: none yet, or no longer in the framework). */
export const readLastItem = useCase('assessment.lastItem', { roles: ['commune'] }, (app): string | null => {
  const code = lastItem(app.ctx, requireIdentity(app.ctx).year);
  if (code === null) return null;
  const { framework } = activeFramework(app.ctx);
  const known = framework.fields.some((f) => f.criteria.some((c) => c.code === code || c.items.some((i) => i.code === code))) ||
    (framework.adjustments ?? []).some((a) => a.code === code);
  return known ? code : null;
});

/** Remembers the item in focus; allowed while finalised (moving around changes no figure). */
export const saveLastItem = useCase('assessment.setLastItem', { roles: ['commune'] }, (app, input: { code: string }) => {
  rememberLastItem(app.ctx, requireIdentity(app.ctx).year, input.code);
  return null;
});

/** The official summary table (bảng tổng hợp), as a PDF printed by Chromium or as an xlsx. */
export const exportSummary = useCase('assessment.summary', { roles: ['commune'] }, async (app, input: { format: 'pdf' | 'xlsx'; path: Destination }) => {
  const identity = requireIdentity(app.ctx);
  const data = summaryData(identity, assessmentSnapshot(app.ctx, surveyTallyFor(app.ctx)));
  const path = await input.path(`tu-danh-gia-${identity.unitCode}-${identity.year}.${input.format}`);
  if (path === null) return null;
  let bytes: Uint8Array;
  if (input.format === 'xlsx') bytes = await summaryXlsx(data);
  else if (app.pdf) bytes = await app.pdf.fromHtml(summaryHtml(data));
  else throw new AppError('PDF_FAILED', 'no print engine here');
  writeFileAtomic(path, bytes);
  return { path };
});
