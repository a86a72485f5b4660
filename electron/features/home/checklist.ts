/**
 * "Việc cần làm năm YYYY": one row per step of a commune's year, its state and figures, read
 * from the store in one go. The export row and the pre-export check come from the same snapshot,
 * so Home and the export never disagree.
 */
import type { ChecklistStep, YearChecklist } from '../../../shared/ipc/home';
import { blockingProblems } from '../../../shared/scoring/blocking';
import type { ServiceContext } from '../../kernel/context';
import type { KeyStatus } from '../../kernel/signing/key-store';
import type { AssessmentSnapshot } from '../assessment/snapshot';
import { assessmentSnapshot } from '../assessment/snapshot';
import { countAuditAfter, lastAuditOf } from '../audit/audit-repo';
import { enrolmentState } from '../enrolment/commune-enrolment';
import { checkSnapshot } from '../export/precheck';
import { lastExport } from '../export/export';
import { enrolledKeyId, keyBackedUp } from '../keys/keys';
import { communeDeadline } from '../settings/deadline';
import { requireIdentity } from '../setup/identity';
import { surveyProgress } from '../survey/double-entry';
import { surveyTallyFor } from '../survey/snapshot';

/** Changes after an export that the package does not carry yet: the next one must be sent again. */
export const CHANGES_TO_RESEND = [
  'assessment.entry', 'assessment.explanation', 'assessment.finalise', 'assessment.reopen',
  'evidence.document.add', 'evidence.document.remove', 'evidence.document.update', 'evidence.file.add', 'evidence.file.remove',
  'survey.form.save', 'survey.form.delete', 'survey.form.import', 'survey.verify.resolve',
  'identity.correct', 'framework.replace',
] as const;

const step = (s: ChecklistStep['step'], state: ChecklistStep['state'], counts: ChecklistStep['counts'] = {}, note: string | null = null): ChecklistStep => ({
  step: s, state, counts, note, deadline: null,
});

/** Self-assessment figures: items entered / total, hard errors, scored items with no evidence and no explanation. */
function assessmentRow(snap: AssessmentSnapshot): ChecklistStep {
  const survey = new Set<string>();
  for (const f of snap.framework.fields) for (const c of f.criteria) for (const i of c.items) if (i.rule.type === 'survey') survey.add(i.code);
  let total = 0;
  let entered = 0;
  let missingEvidence = 0;
  for (const item of snap.items) {
    if (item.kind !== 'item' || survey.has(item.code)) continue;
    total++;
    if (item.status !== 'empty') entered++;
    const proved = item.documents.length + item.files.length > 0 || !!item.explanation?.trim();
    if (item.status === 'scored' && item.points > 0 && !proved) missingEvidence++;
  }
  const errors = blockingProblems(snap.scores).filter((p) => p.kind !== 'survey').length;
  const state = errors > 0 || missingEvidence > 0 ? 'attention' : entered === 0 ? 'todo' : entered < total ? 'doing' : 'done';
  return step('assessment', state, { entered, total, errors, missingEvidence });
}

function surveyRow(ctx: ServiceContext, snap: AssessmentSnapshot): ChecklistStep | null {
  if (!snap.framework.survey) return null;
  const p = surveyProgress(ctx);
  const secondPassPercent = p.saved === 0 ? 0 : Math.round((p.verified * 100) / p.saved);
  const counts = { forms: p.saved, target: p.target, minimum: p.min, verified: p.verified, secondPassPercent, differences: p.withDifferences, beyondTarget: Math.max(0, p.saved - p.target) };
  const state = p.saved === 0 ? 'todo' : p.saved < p.min || p.withDifferences > 0 ? 'attention' : p.saved < p.target ? 'doing' : 'done';
  return step('survey', state, counts, p.saved > p.target ? 'beyond' : p.saved === p.target ? 'reached' : p.saved < p.min ? 'belowMinimum' : null);
}

export function yearChecklist(ctx: ServiceContext, key: KeyStatus | null): YearChecklist {
  const identity = requireIdentity(ctx);
  return ctx.db.transaction((): YearChecklist => {
    const snap = assessmentSnapshot(ctx, surveyTallyFor(ctx));
    const sample = identity.framework?.sample ?? false;
    const deadline = communeDeadline(ctx, identity.year);
    const check = checkSnapshot(snap, { hasKey: key !== null, sampleFramework: sample, deadline });
    const steps: ChecklistStep[] = [step('framework', sample ? 'attention' : 'done', {}, sample ? 'sample' : 'official'), assessmentRow(snap)];
    const survey = surveyRow(ctx, snap);
    if (survey) steps.push(survey);

    // What refuses "Chốt số liệu": an entry in error, the survey below a blocking minimum.
    const errors = check.stops.filter((p) => p.code === 'ENTRY_ERROR' || p.code === 'SURVEY_BELOW_MINIMUM').length;
    const missing = check.stops.filter((p) => p.code === 'REQUIRED_MISSING').length;
    steps.push(step('finalise', snap.lock.finalised ? 'done' : errors > 0 ? 'attention' : 'todo', { revision: snap.lock.revision, errors, missing }));

    steps.push(step('key', key ? 'done' : 'todo'));
    const backedUp = key !== null && keyBackedUp(ctx, key.keyId);
    steps.push(step('backup', backedUp ? 'done' : key ? 'attention' : 'todo'));

    const enrolled = key !== null && enrolledKeyId(ctx) === key.keyId;
    const requested = key !== null && enrolmentState(ctx, key.keyId).request !== null;
    steps.push(step('enrolment', enrolled ? 'done' : requested ? 'waiting' : 'todo'));

    const last = lastExport(ctx);
    const exportedRow = last ? lastAuditOf(ctx, 'package.export', last.packageId) : null;
    const changes = exportedRow ? countAuditAfter(ctx, exportedRow.id, CHANGES_TO_RESEND) : 0;
    const exportRow = last
      ? step('export', changes > 0 ? 'attention' : 'done', { revision: last.revision, changes }, changes > 0 ? 'resend' : null)
      : step('export', 'todo', { stops: check.stops.length, warnings: check.warnings.length });
    if (deadline) {
      exportRow.deadline = deadline.date;
      exportRow.counts['daysLeft'] = deadline.daysLeft;
    }
    steps.push(exportRow);
    return { year: identity.year, steps, deadline, exportCheck: check };
  })();
}
