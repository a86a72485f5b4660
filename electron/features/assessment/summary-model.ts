/**
 * The official summary table (bảng tổng hợp kết quả tự đánh giá) as rows, shared by the
 * HTML (printed to PDF) and the xlsx, so both show the same numbers as the screen.
 */
import { indexBreakdown, indexLine } from '../../../shared/scoring/breakdown';
import { formatPoints } from '../../../shared/framework/points';
import type { Identity } from '../../../shared/identity';
import { viDate } from '../../kernel/files/html';
import type { AssessmentSnapshot, SnapshotItem } from './snapshot';

export type SummaryRowKind = 'field' | 'criterion' | 'item' | 'adjustment-head' | 'adjustment';

export interface SummaryRow {
  kind: SummaryRowKind;
  code: string;
  title: string;
  /** Hundredths; null where the column does not apply. */
  max: number | null;
  points: number | null;
  /** Evidence references: "15/KH-UBND ngày 10/01/2026 (UBND xã), Mục II; tệp: a.pdf". */
  evidence: string;
  explanation: string;
  note: string;
}

export interface SummaryData {
  unitName: string;
  unitCode: string;
  provinceCode: string;
  year: number;
  officerName: string | null;
  frameworkTitle: string;
  frameworkVersion: string;
  rows: SummaryRow[];
  totalMax: number;
  applicableMax: number;
  totalPoints: number;
  bonus: number;
  penalty: number;
  indexPercent: number | null;
  group: string | null;
  /** The survey is not complete: the index may still move ("tạm tính"). */
  provisional: boolean;
  /** One line whose figures reproduce the index (shared/scoring/breakdown). */
  breakdownLine: string;
  finalised: boolean;
  revision: number;
}

function evidenceText(line: SnapshotItem | undefined): string {
  if (!line) return '';
  const docs = line.documents.map((d) => `${d.number}${d.date ? ` ngày ${viDate(d.date)}` : ''} (${d.issuer})${d.locator ? `, ${d.locator}` : ''}`);
  const files = line.files.map((f) => f.name);
  return [...docs, ...(files.length ? [`Tệp: ${files.join(', ')}`] : [])].join('; ');
}

export function summaryData(identity: Identity, snap: AssessmentSnapshot): SummaryData {
  const f = snap.framework;
  const byCode = new Map(snap.items.map((i) => [i.code, i]));
  const rows: SummaryRow[] = [];
  for (const field of f.fields) {
    const fs = snap.scores.fields[field.code];
    rows.push({ kind: 'field', code: field.code, title: field.title, max: fs?.max ?? 0, points: fs?.points ?? 0, evidence: '', explanation: '', note: '' });
    for (const c of field.criteria) {
      const cs = snap.scores.criteria[c.code];
      const single = c.items.length === 1 && c.items[0]?.code === c.code;
      if (!single) rows.push({ kind: 'criterion', code: c.code, title: c.title, max: cs?.max ?? 0, points: cs?.points ?? 0, evidence: '', explanation: '', note: '' });
      for (const item of c.items) {
        const line = byCode.get(item.code);
        const survey = item.rule.type === 'survey';
        const note =
          line?.status === 'na' ? (line.applicableMax === 0 ? 'Không áp dụng (không tính vào điểm tối đa)' : 'Không áp dụng (tính đủ điểm)')
          : line?.status === 'error' ? 'Số liệu có lỗi, chưa tính điểm'
          : survey && line?.status === 'empty' ? 'Chưa có dữ liệu điều tra'
          : line?.status === 'empty' ? 'Chưa nhập' : survey ? 'Từ điều tra xã hội học' : '';
        rows.push({
          kind: 'item', code: item.code, title: item.title, max: item.maxPoints,
          points: line && line.status !== 'empty' ? line.points : null,
          evidence: evidenceText(line), explanation: line?.explanation ?? '', note,
        });
      }
    }
  }
  const adjustments = f.adjustments ?? [];
  if (adjustments.length) {
    rows.push({ kind: 'adjustment-head', code: '', title: 'Điểm thưởng, điểm trừ', max: null, points: null, evidence: '', explanation: '', note: '' });
    for (const a of adjustments) {
      const line = byCode.get(a.code);
      rows.push({
        kind: 'adjustment', code: a.code, title: `${a.kind === 'bonus' ? 'Thưởng' : 'Trừ'}: ${a.title}`, max: a.cap,
        points: line && line.status !== 'empty' ? line.points : null, evidence: evidenceText(line), explanation: line?.explanation ?? '',
        note: line?.status === 'error' ? 'Số liệu có lỗi, chưa tính điểm' : '',
      });
    }
  }
  const s = snap.scores;
  const b = indexBreakdown(s);
  return {
    unitName: identity.unitName, unitCode: identity.unitCode, provinceCode: identity.provinceCode, year: identity.year,
    officerName: identity.officerName, frameworkTitle: f.title, frameworkVersion: f.version, rows,
    totalMax: s.total.max, applicableMax: s.total.applicableMax, totalPoints: s.total.points,
    bonus: s.adjustments.bonus, penalty: s.adjustments.penalty, indexPercent: s.indexPercent, group: b.group?.label ?? null,
    provisional: b.provisional && !b.empty, breakdownLine: indexLine(b),
    finalised: snap.lock.finalised, revision: snap.lock.revision,
  };
}

export const pointsText = (v: number | null): string => (v === null ? '' : formatPoints(v));
