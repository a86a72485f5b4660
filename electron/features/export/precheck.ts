/**
 * The check before an export, the same one the Home checklist shows: what stops the export (not
 * finalised, no key, an entry with a hard error, a required item not entered) and what the clerk
 * may override with a reason (the sample framework, the survey below its minimum, the submission
 * deadline passed). The reason is logged with the export and carried in the package's
 * `completeness` block. The deadline close (three days or fewer) is an information line only.
 */
import { AppError } from '../../../shared/errors';
import type { ExportCheck, ExportCompleteness, ExportProblem } from '../../../shared/ipc/export';
import { DEADLINE_NEAR_DAYS, OVERRIDE_REASON_MIN } from '../../../shared/ipc/export';
import type { CommuneDeadline } from '../../../shared/ipc/settings';
import type { CommuneReport } from '../../../shared/package/envelope';
import { blockingProblems } from '../../../shared/scoring/blocking';
import { normaliseProse } from '../../../shared/text';
import type { ServiceContext } from '../../kernel/context';
import type { AssessmentSnapshot } from '../assessment/snapshot';
import { assessmentSnapshot } from '../assessment/snapshot';
import { communeDeadline } from '../settings/deadline';
import { viDay } from '../settings/sentences';
import { surveyTallyFor } from '../survey/snapshot';
import { requireIdentity } from '../setup/identity';

export type ReportCompleteness = NonNullable<CommuneReport['completeness']>;

/** Items entered / required and forms / minimum, from one snapshot. */
export function completenessOf(snap: AssessmentSnapshot): ExportCompleteness {
  const required = new Set<string>();
  for (const f of snap.framework.fields) for (const c of f.criteria) for (const i of c.items) if (i.required && i.rule.type !== 'survey') required.add(i.code);
  let entered = 0;
  let requiredEntered = 0;
  let total = 0;
  for (const item of snap.items) {
    if (item.kind !== 'item') continue;
    total++;
    const has = item.status !== 'empty';
    if (has) entered++;
    if (has && required.has(item.code)) requiredEntered++;
  }
  const s = snap.scores.surveyStatus;
  return {
    items: { total, entered, required: required.size, requiredEntered },
    forms: { saved: s.forms ?? 0, minimum: s.minForms, target: s.targetForms },
  };
}

/** The required items (not scored from the survey) nobody entered, in framework order. */
function requiredMissing(snap: AssessmentSnapshot): string[] {
  const status = new Map(snap.items.map((i) => [i.code, i.status]));
  const out: string[] = [];
  for (const f of snap.framework.fields) {
    for (const c of f.criteria) for (const i of c.items) if (i.required && i.rule.type !== 'survey' && status.get(i.code) === 'empty') out.push(i.code);
  }
  return out;
}

export interface CheckFacts {
  hasKey: boolean;
  sampleFramework: boolean;
  /** The year's submission deadline with its days left by the Vietnam calendar day (settings/deadline.ts). */
  deadline?: CommuneDeadline | null;
}

export function checkSnapshot(snap: AssessmentSnapshot, facts: CheckFacts): ExportCheck {
  const stops: ExportProblem[] = [];
  const warnings: ExportProblem[] = [];
  const stop = (p: Omit<ExportProblem, 'severity'>) => stops.push({ ...p, severity: 'stop' });
  if (!snap.lock.finalised) stop({ code: 'NOT_FINALISED', itemCode: null, params: {}, message: 'Số liệu tự đánh giá chưa được chốt. Hãy bấm "Chốt số liệu" trên màn hình tự đánh giá.' });
  if (!facts.hasKey) stop({ code: 'NO_KEY', itemCode: null, params: {}, message: 'Máy này chưa có khóa ký của đơn vị. Hãy tạo khóa (hoặc khôi phục từ bản sao lưu) ở màn hình Khóa ký.' });
  const blocking = blockingProblems(snap.scores);
  for (const p of blocking) {
    if (p.kind === 'survey') stop({ code: 'SURVEY_BELOW_MINIMUM', itemCode: null, params: surveyParams(snap), message: p.message });
    else stop({ code: 'ENTRY_ERROR', itemCode: p.code, params: {}, message: `Mục ${p.code}: ${p.message}` });
  }
  for (const code of requiredMissing(snap)) {
    stop({ code: 'REQUIRED_MISSING', itemCode: code, params: {}, message: `Mục ${code} là tiêu chí thành phần bắt buộc nhưng chưa nhập. Hãy nhập hoặc đánh dấu "không áp dụng" kèm lý do.` });
  }
  if (facts.sampleFramework) {
    warnings.push({
      code: 'SAMPLE_FRAMEWORK', severity: 'warning', itemCode: null, params: {},
      message: 'Đang dùng bộ tiêu chí MẪU THAM KHẢO, không phải bộ tiêu chí chính thức của tỉnh. Hãy nạp bộ tiêu chí của tỉnh, hoặc ghi lý do nếu vẫn gửi.',
    });
  }
  const s = snap.scores.surveyStatus;
  if (s.formsBelowMinimum && !blocking.some((p) => p.kind === 'survey')) {
    const params = surveyParams(snap);
    warnings.push({
      code: 'SURVEY_BELOW_MINIMUM', severity: 'warning', itemCode: null, params,
      message: `Mới có ${params['forms']}/${params['minimum']} phiếu điều tra tối thiểu. Hãy nhập thêm phiếu, hoặc ghi lý do nếu vẫn gửi.`,
    });
  }
  const notes: ExportProblem[] = [];
  const late = deadlineProblem(facts.deadline ?? null);
  if (late?.severity === 'warning') warnings.push(late);
  else if (late) notes.push(late);
  return { stops, warnings, notes, completeness: completenessOf(snap) };
}

/**
 * The deadline as the check says it: past it, a warning (a late package is still sent, with a
 * reason, and the reviewing unit sees it late); within DEADLINE_NEAR_DAYS, or on the day, an
 * information line; otherwise, or without a deadline, nothing.
 */
export function deadlineProblem(d: CommuneDeadline | null): ExportProblem | null {
  if (d === null || d.daysLeft > DEADLINE_NEAR_DAYS) return null;
  const date = viDay(d.date);
  const base = { itemCode: null, params: { days: Math.abs(d.daysLeft), date } };
  if (d.daysLeft < 0) {
    return {
      ...base, code: 'DEADLINE_PASSED', severity: 'warning',
      message: `Đã quá hạn gửi hồ sơ ${-d.daysLeft} ngày (hạn ${date}). Hồ sơ vẫn gửi được nhưng đơn vị thẩm định sẽ thấy là nộp muộn; hãy ghi lý do gửi muộn.`,
    };
  }
  if (d.daysLeft === 0) return { ...base, code: 'DEADLINE_TODAY', severity: 'info', message: `Hôm nay là hạn gửi hồ sơ (${date}).` };
  return { ...base, code: 'DEADLINE_NEAR', severity: 'info', message: `Còn ${d.daysLeft} ngày đến hạn gửi (${date}).` };
}

function surveyParams(snap: AssessmentSnapshot): Record<string, number> {
  const s = snap.scores.surveyStatus;
  return { forms: s.forms ?? 0, minimum: s.minForms ?? 0 };
}

/** The check for the commune's database as it is now. */
export function exportCheck(ctx: ServiceContext, hasKey: boolean): ExportCheck {
  const identity = requireIdentity(ctx);
  const snap = assessmentSnapshot(ctx, surveyTallyFor(ctx));
  return checkSnapshot(snap, { hasKey, sampleFramework: identity.framework?.sample ?? false, deadline: communeDeadline(ctx, identity.year) });
}

/**
 * Refuses an export the check stops (EXPORT_BLOCKED, the problems in details) or whose warnings
 * have no reason (EXPORT_REASON_REQUIRED); otherwise the completeness block the package carries,
 * with each warning overridden by the reason.
 */
export function requireExportable(check: ExportCheck, overrideReason: string | undefined): ReportCompleteness {
  if (check.stops.length > 0) throw new AppError('EXPORT_BLOCKED', 'pre-export check failed', { problems: check.stops.map(({ code, itemCode, message }) => ({ code, itemCode, message })) });
  const reason = normaliseProse(overrideReason ?? '').trim();
  if (check.warnings.length > 0 && reason.length < OVERRIDE_REASON_MIN) {
    throw new AppError('EXPORT_REASON_REQUIRED', 'warnings need a reason', { warnings: check.warnings.map(({ code, message }) => ({ code, message })) });
  }
  return { ...check.completeness, overrides: check.warnings.map((w) => ({ code: w.code, reason })) };
}
