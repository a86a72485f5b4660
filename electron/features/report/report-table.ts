/**
 * The ranking as table rows, shared by the screen, the xlsx and the CSV: one row per commune in
 * report order (ranked first, then the unranked), indices in hundredths of a percent.
 */
import type { RankingRow } from '../../../shared/ipc/report';
import type { CommuneType, Report } from '../../../shared/report/report';

export const TYPE_NAMES: Record<CommuneType, string> = { xa: 'Xã', phuong: 'Phường', 'dac-khu': 'Đặc khu', 'thi-tran': 'Thị trấn' };

export function rankingRows(report: Report): RankingRow[] {
  return report.ranking.communes.map((c) => ({
    code: c.code,
    name: c.name,
    type: c.type,
    index: c.index,
    selfIndex: c.selfIndex,
    rank: c.rank,
    groupCode: c.group?.code ?? null,
    group: c.group?.label ?? null,
    change: c.change,
    lastYearIndex: c.lastYear?.index ?? null,
    itemsAtSelfScore: c.itemsAtSelfScore,
  }));
}

/** Column headers of the ranking (xlsx and CSV), Vietnamese. */
export const RANKING_HEADERS = [
  'Thứ hạng',
  'Mã',
  'Tên đơn vị',
  'Loại',
  'Chỉ số CCHC (%)',
  'Chỉ số tự đánh giá (%)',
  'Số tiêu chí còn giữ điểm tự chấm',
  'Nhóm',
  'Chỉ số năm trước (%)',
  'Tăng, giảm (điểm %)',
] as const;

/** Hundredths → the number written (83.52); null stays empty. */
export const hundredths = (v: number | null): number | null => (v === null ? null : v / 100);

export function rankingCells(r: RankingRow): (string | number | null)[] {
  return [r.rank, r.code, r.name, TYPE_NAMES[r.type], hundredths(r.index), hundredths(r.selfIndex), r.itemsAtSelfScore, r.group, hundredths(r.lastYearIndex), hundredths(r.change)];
}
