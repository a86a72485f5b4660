/**
 * The ranking (xếp hạng): communes by index, descending; equal indices share a rank
 * (standard competition ranking 1, 2, 2, 4) and are listed in Vietnamese alphabetical order.
 * O(n log n): one sort, one pass.
 */
import { fractionAtLeast } from './arithmetic';
import type {
  CommuneRow,
  ExactIndex,
  GroupBand,
  LastYearRow,
  RankedCommune,
  Ranking,
  ReportInput,
  ReportOptions,
  ResolvedOptions,
} from './types';
import { reportInputError, validateReportInput } from './validate';

/**
 * Full sensitivity on purpose (not the app's search collator, which ignores tones): names that
 * differ only by a tone must still sort in a fixed order (a, à, ả, ã, á, ạ), and Đ is a letter
 * of its own after D.
 */
const viNames = new Intl.Collator('vi');

/** Vietnamese order of names; codes break a tie between equal names, so the order is total. */
export function compareCommunes(a: { name: string; code: string }, b: { name: string; code: string }): number {
  return viNames.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Bands from the highest lower bound down (the framework keeps them so; a copy sorted anyway). */
export function sortBands(bands: readonly GroupBand[]): GroupBand[] {
  return [...bands].sort((a, b) => b.minPercent - a.minPercent);
}

/**
 * The band of an index: the first (highest) whose lower bound the index reaches. On the
 * rounded index (7999.5 printed as 80,00% is in the ≥ 80% band) or on the exact fraction
 * (points × 10000 ≥ minPercent × max: the same commune is below 80%).
 */
export function bandFor(sortedBands: readonly GroupBand[], index: number, exact: ExactIndex | null): GroupBand | null {
  for (const band of sortedBands) {
    const reaches = exact ? fractionAtLeast(exact.points, exact.max, band.minPercent) : index >= band.minPercent;
    if (reaches) return band;
  }
  return null;
}

function basisOf(row: CommuneRow, options: ResolvedOptions): { index: number | null; exact: ExactIndex | null } {
  return options.basis === 'appraised'
    ? { index: row.appraisedIndex, exact: row.appraisedExact ?? null }
    : { index: row.selfIndex, exact: row.selfExact ?? null };
}

/** The ranking from input already checked by validateReportInput. */
export function rankValidated(input: ReportInput, options: ResolvedOptions): Ranking {
  const lastByCode = new Map<string, LastYearRow>();
  for (const r of input.lastYear?.rows ?? []) lastByCode.set(r.code, r);
  const bands = sortBands(input.bands);
  const types = options.types;

  const ranked: RankedCommune[] = [];
  const unranked: RankedCommune[] = [];
  for (const row of input.communes) {
    if (types !== null && !types.includes(row.type)) continue;
    const { index, exact } = basisOf(row, options);
    if (index !== null && options.groupOn === 'exact' && exact === null) {
      throw reportInputError(
        'REPORT_EXACT_MISSING',
        `Đơn vị mã ${row.code} thiếu điểm và điểm tối đa nên không xếp nhóm theo chỉ số chưa làm tròn được. Hãy nạp lại kết quả chấm điểm hoặc xếp nhóm theo chỉ số đã làm tròn.`,
        { code: row.code },
      );
    }
    const last = lastByCode.get(row.code);
    const band = index === null ? null : bandFor(bands, index, options.groupOn === 'exact' ? exact : null);
    const commune: RankedCommune = {
      code: row.code,
      name: row.name.normalize('NFC').trim(),
      type: row.type,
      index,
      appraisedIndex: row.appraisedIndex,
      selfIndex: row.selfIndex,
      rank: null,
      group: band ? { code: band.code, label: band.label } : null,
      lastYear: last ? { name: last.name.normalize('NFC').trim(), index: last.index, group: last.group ?? null } : null,
      change: index !== null && last && last.index !== null ? index - last.index : null,
      itemsAtSelfScore: row.itemsAtSelfScore ?? null,
      row,
    };
    (index === null ? unranked : ranked).push(commune);
  }

  ranked.sort((a, b) => (b.index as number) - (a.index as number) || compareCommunes(a, b));
  for (let i = 0; i < ranked.length; i++) {
    const c = ranked[i] as RankedCommune;
    const prev = ranked[i - 1];
    c.rank = prev && prev.index === c.index ? prev.rank : i + 1;
  }
  unranked.sort(compareCommunes);
  return { options, communes: [...ranked, ...unranked], rankedCount: ranked.length };
}

/** Ranks the communes in scope; throws INVALID_INPUT (details.reason) on bad input. */
export function rankCommunes(input: ReportInput, options: ReportOptions): Ranking {
  return rankValidated(input, validateReportInput(input, options));
}
