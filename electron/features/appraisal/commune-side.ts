/**
 * The commune receives the reviewing unit's appraisal result (docs/package-format.md §12): the
 * bounded reader, then verification with the pinned reviewing-unit key ONLY (a file signed by any
 * other key, a commune's included, is refused), then the binding: addressed to this commune, for
 * this year, answering a package this installation exported. The same file again is a duplicate;
 * an older result than one held is refused. Comments and requests are kept per item; the clerk
 * answers each request, and the answers travel with the next exported revision.
 */
import { basename } from 'node:path';
import type { AppraisalImported, AppraisalNotes } from '../../../shared/appraisal/types';
import { AppError } from '../../../shared/errors';
import { viHundredths } from '../../../shared/report/format';
import type { AppraisalResult, CommuneReport } from '../../../shared/package/envelope';
import { refusalError } from '../../../shared/package/verify-steps';
import { audit } from '../../kernel/audit';
import { isoNow, type ServiceContext } from '../../kernel/context';
import { readUserFile } from '../../kernel/files/user-file';
import { sha256Hex } from '../../kernel/signing/ed25519';
import { verifyEnvelope } from '../../kernel/signing/package-signer';
import { enrolmentState, pinnedReviewerResolver } from '../enrolment/commune-enrolment';
import { activeFramework } from '../framework/active';
import { readExports, type ExportedItem } from '../export/exports-repo';
import { requireIdentity } from '../setup/identity';
import { answersOf, heldByPackageId, heldBySha, heldItems, insertHeld, insertHeldItems, newestHeld, setAnswerRow } from './commune-repo';
export function importAppraisalResult(ctx: ServiceContext, path: string): AppraisalImported {
  const identity = requireIdentity(ctx);
  const bytes = readUserFile(path, { kind: 'package' });
  const sha256 = sha256Hex(bytes);
  const held = heldBySha(ctx.db, sha256);
  if (held) {
    const items = heldItems(ctx.db, held.id);
    return {
      outcome: 'duplicate', packageId: held.packageId, round: held.round, answersRevision: held.answersRevision, locked: held.locked,
      requests: items.filter((i) => i.request !== null).length, comments: items.filter((i) => i.comment !== null).length,
    };
  }
  if (!enrolmentState(ctx, null).pinned) throw new AppError('NOT_ENROLLED', 'no reviewing unit key pinned');
  const r = verifyEnvelope(bytes, { resolveKey: pinnedReviewerResolver(ctx), accept: ['appraisal'] });
  if (!r.ok) throw refusalError(r);
  const p = r.payload as AppraisalResult;
  const pin = enrolmentState(ctx, null).pinned!;
  if (p.issuer.keyId !== r.keyIds[0] || p.issuer.unitCode !== pin.unitCode) {
    throw new AppError('APPRAISAL_RESULT_INVALID', 'issuer is not the signer', { issuerKeyId: p.issuer.keyId, issuerUnitCode: p.issuer.unitCode, pinnedUnitCode: pin.unitCode });
  }
  if (p.audience.communeCode !== identity.unitCode) throw new AppError('APPRAISAL_WRONG_COMMUNE', 'addressed to another commune', { communeCode: p.audience.communeCode });
  if (p.subject.year !== identity.year) throw new AppError('APPRAISAL_WRONG_YEAR', 'another year', { year: p.subject.year });
  const a = p.subject.answers;
  const ours = readExports(ctx.db).find((e) => e.packageId === a.packageId && e.sha256 === a.sha256 && e.revision === a.revision);
  if (!ours) throw new AppError('APPRAISAL_UNKNOWN_REVISION', 'answers a package we did not export', { revision: a.revision });
  checkItems(ctx, p, ours.items);
  const sameId = heldByPackageId(ctx.db, p.packageId);
  if (sameId) throw new AppError('APPRAISAL_RESULT_CONFLICT', 'same package id, other content', { packageId: p.packageId, heldSha256: sameId.sha256, sha256 });
  const newest = newestHeld(ctx.db, p.subject.year);
  if (newest && newest.createdAt > p.createdAt) throw new AppError('APPRAISAL_STALE', 'older than the result held', { heldPackageId: newest.packageId, heldCreatedAt: newest.createdAt });
  const items = p.items.map((i) => ({ itemCode: i.code, selfPoints: i.selfPoints, appraisedPoints: i.appraisedPoints, comment: i.comment, requestKind: i.request?.kind ?? null, request: i.request?.text ?? null }));
  ctx.db.transaction(() => {
    const ref = insertHeld(ctx.db, {
      sha256, packageId: p.packageId, year: p.subject.year, round: p.round, answersRevision: p.subject.answers.revision, locked: p.approval.locked,
      createdAt: p.createdAt, receivedAt: isoNow(ctx), fileName: basename(path), keyId: r.keyIds[0]!, receivedBy: ctx.actor(), raw: bytes,
    });
    insertHeldItems(ctx.db, ref, items);
    audit(ctx, 'appraisal.receive', 'received_appraisal', p.packageId, null, { round: p.round, revision: p.subject.answers.revision, sha256, locked: p.approval.locked });
  })();
  return {
    outcome: 'accepted', packageId: p.packageId, round: p.round, answersRevision: p.subject.answers.revision, locked: p.approval.locked,
    requests: items.filter((i) => i.request !== null).length, comments: items.filter((i) => i.comment !== null).length,
  };
}

/**
 * The result must speak of the report it answers, and only of it: each item once, only items of
 * the framework this commune assesses with (an item, an adjustment, or a criterion marked not
 * applicable as a whole), points the council could give. Where this installation kept what that
 * report declared (every export since migration 015), the result must name exactly its items, with
 * exactly the self-scores it declared: an item left out, one added or a self-score changed would
 * show the clerk a result about some other report. The summary must count what the items say. A
 * result that fails any of this cannot be shown item by item and is refused whole.
 */
function checkItems(ctx: ServiceContext, p: AppraisalResult, declared: readonly ExportedItem[] | null): void {
  const active = activeFramework(ctx);
  const ours = declared ? new Map(declared.map((d) => [d.code, d])) : null;
  // The problem in a sentence (shown under the message, as the other files' problems are), beside its code.
  const invalid = (message: string, details: Record<string, unknown>): AppError =>
    new AppError('APPRAISAL_RESULT_INVALID', message, { ...details, issues: [{ path: typeof details['itemCode'] === 'string' ? `tiêu chí ${details['itemCode']}` : 'phần tổng hợp', message: problemSentence(details) }] });
  const seen = new Set<string>();
  for (const i of p.items) {
    if (seen.has(i.code)) throw invalid('an item twice', { itemCode: i.code, problem: 'DUPLICATE_ITEM' });
    const item = active.items.get(i.code) ?? active.criteria.get(i.code);
    if (!item) throw invalid('an item not in the framework', { itemCode: i.code, problem: 'UNKNOWN_ITEM' });
    if (ours) {
      const d = ours.get(i.code);
      if (!d) throw invalid('an item the report answered does not have', { itemCode: i.code, problem: 'NOT_IN_REPORT' });
      if (d.points !== i.selfPoints) throw invalid('a self-score other than the one declared', { itemCode: i.code, problem: 'SELF_POINTS_MISMATCH', declared: d.points, selfPoints: i.selfPoints });
    }
    // As the council may score (appraisal.ts checkPoints): from the lower of 0 and the self-score up to the maximum.
    const max = typeof item.maxPoints === 'number' ? item.maxPoints : Number.MAX_SAFE_INTEGER;
    const min = Math.min(0, i.selfPoints);
    if (i.selfPoints > max || (i.appraisedPoints !== null && (i.appraisedPoints < min || i.appraisedPoints > max))) {
      throw invalid('points out of range', { itemCode: i.code, problem: 'POINTS_OUT_OF_RANGE', selfPoints: i.selfPoints, appraisedPoints: i.appraisedPoints, min, max });
    }
    seen.add(i.code);
  }
  const missing = declared?.find((d) => !seen.has(d.code));
  if (missing) throw invalid('an item of the report left out', { itemCode: missing.code, problem: 'MISSING_ITEM' });
  // The summary, counted again from the items (the point sums over scored items only, as the reviewing side sums them).
  const counted: Partial<Record<keyof AppraisalResult['summary'], number>> = {
    items: p.items.length,
    appraised: p.items.filter((i) => i.appraisedPoints !== null).length,
    stillAtSelfScore: p.items.filter((i) => i.appraisedPoints === null).length,
    requests: p.items.filter((i) => i.request !== null).length,
  };
  if (ours) {
    const scored = p.items.filter((i) => ours.get(i.code)?.kind === 'item');
    counted.selfPoints = scored.reduce((sum, i) => sum + i.selfPoints, 0);
    counted.appraisedPoints = scored.reduce((sum, i) => sum + (i.appraisedPoints ?? i.selfPoints), 0);
  }
  for (const [field, n] of Object.entries(counted) as [keyof AppraisalResult['summary'], number][]) {
    if (p.summary[field] !== n) throw invalid('the summary does not count the items', { problem: 'SUMMARY_MISMATCH', field, stated: p.summary[field], counted: n });
  }
}

const SUMMARY_FIELDS: Record<string, string> = {
  items: 'số tiêu chí', appraised: 'số tiêu chí đã thẩm định', stillAtSelfScore: 'số tiêu chí giữ điểm tự chấm', requests: 'số yêu cầu',
  selfPoints: 'tổng điểm tự chấm', appraisedPoints: 'tổng điểm thẩm định',
};
const pts = (n: unknown): string => (typeof n === 'number' ? viHundredths(n) : '—');

function problemSentence(d: Record<string, unknown>): string {
  switch (d['problem']) {
    case 'DUPLICATE_ITEM': return 'ghi hai lần trong kết quả';
    case 'UNKNOWN_ITEM': return 'không có trong bộ tiêu chí xã đang dùng';
    case 'NOT_IN_REPORT': return 'không có trong báo cáo xã đã gửi';
    case 'MISSING_ITEM': return 'có trong báo cáo xã đã gửi nhưng kết quả bỏ sót';
    case 'SELF_POINTS_MISMATCH': return `kết quả ghi điểm tự chấm ${pts(d['selfPoints'])}, báo cáo xã đã gửi ghi ${pts(d['declared'])}`;
    case 'POINTS_OUT_OF_RANGE': return `điểm ngoài khoảng cho phép (${pts(d['min'])} đến ${pts(d['max'])})`;
    case 'SUMMARY_MISMATCH': {
      const field = SUMMARY_FIELDS[String(d['field'])] ?? String(d['field']);
      const isPoints = d['field'] === 'selfPoints' || d['field'] === 'appraisedPoints';
      return `${field} ghi ${isPoints ? pts(d['stated']) : String(d['stated'])}, đếm lại từ từng tiêu chí được ${isPoints ? pts(d['counted']) : String(d['counted'])}`;
    }
    default: return 'nội dung không khớp';
  }
}

/** What the criteria screen shows next to each item: the newest result's comments and requests, and the clerk's answers. */
export function appraisalNotes(ctx: ServiceContext): AppraisalNotes {
  const { year } = requireIdentity(ctx);
  const held = newestHeld(ctx.db, year);
  if (!held) return { result: null, notes: [] };
  const answers = answersOf(ctx.db, year);
  const notes = heldItems(ctx.db, held.id)
    .filter((i) => i.comment !== null || i.request !== null || (i.appraisedPoints !== null && i.appraisedPoints !== i.selfPoints))
    .map((i) => ({ ...i, answer: answers.get(i.itemCode)?.answer ?? null }));
  return { result: { packageId: held.packageId, round: held.round, answersRevision: held.answersRevision, locked: held.locked, receivedAt: held.receivedAt }, notes };
}

/** The clerk's answer to a request on an item (null or blank removes it). Refused for an item the council did not ask about. */
export function answerRequest(ctx: ServiceContext, itemCode: string, answer: string | null): AppraisalNotes {
  const { year } = requireIdentity(ctx);
  const held = newestHeld(ctx.db, year);
  const item = held ? heldItems(ctx.db, held.id).find((i) => i.itemCode === itemCode && i.request !== null) : undefined;
  if (!held || !item) throw new AppError('APPRAISAL_ITEM_UNKNOWN', `no request on ${itemCode}`, { itemCode });
  if (held.locked) throw new AppError('APPRAISAL_LOCKED', 'result already approved');
  const text = answer?.trim() ? answer.trim() : null;
  ctx.db.transaction(() => {
    const before = answersOf(ctx.db, year).get(itemCode)?.answer ?? null;
    if (before === text) return; // the same answer again (saved on leaving the box, then with the button): nothing to log
    setAnswerRow(ctx.db, year, itemCode, text, isoNow(ctx), ctx.actor());
    audit(ctx, 'appraisal.answer', 'appraisal_answer', `${year}/${itemCode}`, before, text);
  })();
  return appraisalNotes(ctx);
}

/**
 * What the next exported revision carries (CommuneReport.appraisalAnswers): the answers to the
 * newest result's requests, naming that result; absent when there is nothing to answer.
 */
export function answersForExport(ctx: ServiceContext, year: number): CommuneReport['appraisalAnswers'] {
  const held = newestHeld(ctx.db, year);
  if (!held || held.locked) return undefined;
  const answers = answersOf(ctx.db, year);
  const asked = heldItems(ctx.db, held.id).filter((i) => i.request !== null && answers.has(i.itemCode));
  if (asked.length === 0) return undefined;
  return { appraisal: { packageId: held.packageId, sha256: held.sha256 }, items: asked.map((i) => ({ itemCode: i.itemCode, answer: answers.get(i.itemCode)!.answer })) };
}
