/**
 * A small province for the printed report's tests (not imported by shipped code): every kind of
 * row the document must show. Sở Nội vụ tỉnh Thử Nghiệm, 2026, bands of seed 000:
 *   Phường Hải Châu 85,40 (rank 1, last year 84,00 → +1,40)
 *   Bình An 78,25 and Bình Đào 78,25 (a tie: rank 2 both, An before Đào; Bình An has no row
 *     last year, Bình Đào fell 0,75)
 *   Hòa Tiến 69,90 (same as last year) · đặc khu Lý Sơn 64,80 (2 items still at the self-score)
 *   Tam Hải not appraised (listed last, unranked)
 * Mean (8540 + 7825 + 7825 + 6990 + 6480) / 5 = 75,32%; published last year 74,20% → +1,12;
 * highest − mean 10,08; mean − lowest 10,52; ratio 8540 / 6480 = 1,3179… → 1,32.
 */
import { SEED_BANDS } from '../test-fixtures';
import type { CommuneRow, CommuneType, ReportInput } from '../types';

const FIELD_TITLES = { '1': 'Công tác chỉ đạo, điều hành cải cách hành chính', '2': 'Cải cách thủ tục hành chính', '3': 'Chính quyền điện tử, chính quyền số' };
const ITEM_TITLES = { '1.1': 'Ban hành kế hoạch CCHC năm', '1.2': 'Báo cáo định kỳ đúng hạn', '2.1': 'Tỷ lệ hồ sơ giải quyết đúng hạn', '3.1': 'Hồ sơ trực tuyến toàn trình' };

function commune(code: string, name: string, type: CommuneType, appraised: number | null, self: number, lost: number, extra: Partial<CommuneRow> = {}): CommuneRow {
  return {
    code,
    name,
    type,
    appraisedIndex: appraised,
    selfIndex: self,
    fields: [
      { code: '1', points: 1000 - lost, max: 1000 },
      { code: '2', points: 1800 - lost, max: 2000 },
      { code: '3', points: 900, max: 1500 },
    ],
    items: [
      { code: '1.1', points: 500, max: 500 },
      { code: '1.2', points: 500 - lost, max: 500 },
      { code: '2.1', points: 1800 - lost, max: 2000 },
      { code: '3.1', points: 900, max: 1500 },
    ],
    survey: { points: 2000 - lost, max: 3000 },
    forms: { collected: lost > 100 ? 18 : 20, target: 20 },
    receivedOn: '2026-10-03',
    ...extra,
  };
}

export function documentFixture(): ReportInput {
  return {
    communes: [
      commune('30006', 'Tam Hải', 'xa', null, 7000, 0, { receivedOn: '2026-10-08' }),
      commune('30002', 'Bình Đào', 'xa', 7825, 7900, 100),
      commune('30005', 'Lý Sơn', 'dac-khu', 6480, 6900, 300, { itemsAtSelfScore: 2 }),
      commune('30001', 'Phường Hải Châu', 'phuong', 8540, 8600, 0),
      commune('30004', 'Hòa Tiến', 'xa', 6990, 7100, 200, { receivedOn: null }),
      commune('30003', 'Bình An', 'xa', 7825, 7825, 50),
    ],
    bands: SEED_BANDS,
    lastYear: {
      year: 2025,
      publishedMean: 7420,
      rows: [
        { code: '30001', name: 'Phường Hải Châu', index: 8400 },
        { code: '30002', name: 'Bình Đào', index: 7900 },
        { code: '30004', name: 'Hòa Tiến', index: 6990 },
        { code: '30005', name: 'Lý Sơn', index: 6300 },
        { code: '30006', name: 'Tam Hải', index: 7100 },
      ],
    },
    fieldTitles: FIELD_TITLES,
    itemTitles: ITEM_TITLES,
  };
}

export const DOCUMENT_META = { unitName: 'Sở Nội vụ tỉnh Thử Nghiệm', date: '2026-12-15', place: 'Tam Kỳ' } as const;
