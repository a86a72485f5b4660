/** The revision comparison as the command line prints it: each revision's receipt and totals, then the items that changed. */
import type { ItemChange, ItemSide, ReceivedRevision, RevisionComparison, RevisionTotals } from '../../../shared/appraisal/types';
import { viDate, viHundredths, viPercent } from '../../../shared/report/format';
import { printable } from '../../../shared/text';

const KINDS = { input: 'số liệu', points: 'điểm', evidence: 'tệp kiểm chứng', explanation: 'thuyết minh', documents: 'tài liệu kiểm chứng', notApplicable: 'không áp dụng', added: 'mới có', removed: 'không còn' } as const;

/** "xã tự chấm 50,00 · tính lại 45,00" when the two differ, else the one figure. */
export function declaredVsRecomputed(declared: string, recomputed: string | null): string {
  return recomputed === null || recomputed === declared ? declared : `xã tự chấm ${declared} · tính lại ${recomputed}`;
}

const index = (t: RevisionTotals) => (t.indexPercent === null ? '—' : viPercent(t.indexPercent));

function receiptLine(r: ReceivedRevision, deadline: string | null): string {
  const due = deadline === null ? 'chưa có hạn gửi' : `${r.onTime ? 'đúng hạn' : 'SAU HẠN'} (hạn ${viDate(deadline)})`;
  return `Lần ${r.revision}: nhận ${viDate(r.receivedOn)} · ${due}`;
}

function totalsLines(r: ReceivedRevision): string[] {
  const lines = [
    `  Tổng điểm: ${declaredVsRecomputed(viHundredths(r.declared.points), viHundredths(r.recomputed.points))} · chỉ số: ${declaredVsRecomputed(index(r.declared), index(r.recomputed))}`,
  ];
  if (r.mismatch) lines.push(`  LỆCH KHI TÍNH LẠI: lúc nhận hồ sơ lần ${r.revision}, điểm tính lại theo bộ tiêu chí khác điểm xã tự chấm.`);
  return lines;
}

const sideMark = (revision: number, s: ItemSide | null) =>
  s && s.recomputedPoints !== null && s.recomputedPoints !== s.points ? ` (lần ${revision}: ${declaredVsRecomputed(viHundredths(s.points), viHundredths(s.recomputedPoints))})` : '';

/** One changed item: its code, what changed, the self-score's move, and where a side's recompute differs from its self-score. */
export function changeLine(c: ItemChange, from: number, to: number): string {
  const what = c.changes.map((k) => KINDS[k]).join(', ');
  const pts = c.from && c.to && c.from.points !== c.to.points ? `  ${viHundredths(c.from.points)} → ${viHundredths(c.to.points)}` : '';
  return `${printable(c.code).padEnd(8)} ${what}${pts}${sideMark(from, c.from)}${sideMark(to, c.to)}`;
}

export function comparisonLines(c: RevisionComparison): string[] {
  return [
    `Xã ${c.communeCode} năm ${c.year}: lần ${c.from.revision} → lần ${c.to.revision}: ${c.changes.length} tiêu chí thay đổi`,
    ...[c.from, c.to].flatMap((r) => [receiptLine(r, c.deadline), ...totalsLines(r)]),
    ...c.changes.map((x) => changeLine(x, c.from.revision, c.to.revision)),
  ];
}
