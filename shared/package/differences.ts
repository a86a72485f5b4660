/**
 * What a recomputation found different from a received report's declarations, in words: the
 * import's `differences` are item codes and the names of totals (electron/features/import/recompute.ts).
 * One wording for the import screen, the board and `chiso import`.
 */
const TOTALS: Record<'vi' | 'en', Record<string, string>> = {
  vi: {
    selfAssessment: 'điểm tự đánh giá', survey: 'điểm điều tra xã hội học', total: 'tổng điểm', bonus: 'điểm thưởng', penalty: 'điểm trừ',
    indexPercent: 'chỉ số', groupCode: 'nhóm xếp loại', fields: 'điểm theo lĩnh vực', surveyCounts: 'số đếm phiếu điều tra (khác với các phiếu gửi kèm)',
  },
  en: {
    selfAssessment: 'self-assessment points', survey: 'survey points', total: 'total points', bonus: 'bonus points', penalty: 'penalty points',
    indexPercent: 'index', groupCode: 'group', fields: 'points by field', surveyCounts: 'survey counts (other than the forms sent give)',
  },
};

/** "tiêu chí 1.1, tổng điểm, chỉ số": item codes named as items, totals by name, in the order found. */
export function differenceText(differences: readonly string[], lang: 'vi' | 'en'): string {
  const names = TOTALS[lang];
  return differences.map((d) => (Object.hasOwn(names, d) ? names[d]! : `${lang === 'vi' ? 'tiêu chí' : 'item'} ${d}`)).join(', ');
}
