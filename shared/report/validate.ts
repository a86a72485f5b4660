/**
 * Checks on the report's input. The report is computed from data the reviewing unit already
 * holds, so a failure here is a defect upstream (two rows with one code, a percentage that is
 * not an integer): it is refused with INVALID_INPUT, a stable `reason` and a Vietnamese
 * sentence saying what to fix, rather than producing a ranking that silently double counts.
 */
import { AppError } from '../errors';
import { indexFromFraction, ROUNDING_RULES, type RoundingRule } from './arithmetic';
import { viHundredths, viPercent } from './format';
import {
  COMMUNE_TYPES,
  type CommuneRow,
  type ExactIndex,
  type LastYear,
  type PointsOf,
  type ReportInput,
  type ReportOptions,
  type ResolvedOptions,
} from './types';

export const REPORT_INPUT_REASONS = [
  'REPORT_OPTION_INVALID',
  'REPORT_BANDS_INVALID',
  'REPORT_DUPLICATE_CODE',
  'REPORT_ROW_INVALID',
  'REPORT_INDEX_MISMATCH',
  'REPORT_EXACT_MISSING',
  'REPORT_LAST_YEAR_INVALID',
] as const;

export type ReportInputReason = (typeof REPORT_INPUT_REASONS)[number];

export function reportInputError(reason: ReportInputReason, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('INVALID_INPUT', message, { reason, message, ...details });
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** A real calendar date written 'YYYY-MM-DD' (such strings compare in date order). */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[mo - 1] ?? 0);
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

export function resolveOptions(options: ReportOptions): ResolvedOptions {
  const bad = (what: string): never => {
    throw reportInputError('REPORT_OPTION_INVALID', `Tùy chọn báo cáo không hợp lệ: ${what}. Hãy chọn lại rồi lập báo cáo.`, { option: what });
  };
  if (!Number.isSafeInteger(options.year) || options.year < 2000 || options.year > 2100) bad('năm báo cáo');
  const basis = options.basis ?? 'appraised';
  if (basis !== 'appraised' && basis !== 'self') bad('căn cứ xếp hạng');
  const rounding: RoundingRule = options.rounding ?? 'half-up';
  if (!ROUNDING_RULES.includes(rounding)) bad('quy tắc làm tròn');
  const groupOn = options.groupOn ?? 'rounded';
  if (groupOn !== 'rounded' && groupOn !== 'exact') bad('cách xếp nhóm');
  const types = options.types ?? null;
  if (types !== null && (types.length === 0 || types.some((t) => !COMMUNE_TYPES.includes(t)))) bad('loại đơn vị');
  const deadline = options.deadline ?? null;
  if (deadline !== null && !isIsoDate(deadline)) bad('hạn gửi (dạng YYYY-MM-DD)');
  const topItems = options.topItems ?? 10;
  if (!isCount(topItems)) bad('số mục bị trừ điểm cần liệt kê');
  return { year: options.year, basis, rounding, groupOn, types, deadline, topItems };
}

function rowError(row: { code: string }, what: string): AppError {
  return reportInputError(
    'REPORT_ROW_INVALID',
    `Số liệu của đơn vị mã ${row.code} không hợp lệ: ${what}. Hãy kiểm tra lại số liệu đã nhận rồi lập báo cáo.`,
    { code: row.code, field: what },
  );
}

function checkIndex(row: CommuneRow, which: 'appraised' | 'self', rule: RoundingRule): void {
  const index = which === 'appraised' ? row.appraisedIndex : row.selfIndex;
  const exact: ExactIndex | null | undefined = which === 'appraised' ? row.appraisedExact : row.selfExact;
  const label = which === 'appraised' ? 'chỉ số thẩm định' : 'chỉ số tự đánh giá';
  if (index !== null && !isCount(index)) throw rowError(row, label);
  if (exact === undefined || exact === null) return;
  if (!isCount(exact.points) || !isCount(exact.max) || exact.max === 0) throw rowError(row, `điểm và điểm tối đa của ${label}`);
  const rounded = indexFromFraction(exact.points, exact.max, rule);
  if (index !== rounded) {
    throw reportInputError(
      'REPORT_INDEX_MISMATCH',
      `Đơn vị mã ${row.code}: ${label} ghi ${index === null ? 'trống' : viPercent(index)} nhưng ${viHundredths(exact.points)}/${viHundredths(exact.max)} điểm làm tròn thành ${viPercent(rounded)}. Hãy tính lại chỉ số theo cùng quy tắc làm tròn.`,
      { code: row.code, index, expected: rounded },
    );
  }
}

/**
 * Codes of one list must be unique (a repeated item would be counted twice). `stamps` is shared
 * by every list of every row (code → the list's stamp) so no set is allocated per commune.
 */
function checkPoints(row: CommuneRow, list: readonly PointsOf[] | undefined, what: string, stamps: Map<string, number>, stamp: number): void {
  if (list === undefined) return;
  for (const p of list) {
    if (typeof p.code !== 'string' || p.code === '' || stamps.get(p.code) === stamp) throw rowError(row, `${what} (mã ${p.code} trống hoặc lặp)`);
    stamps.set(p.code, stamp);
    if (!isCount(p.points) || !isCount(p.max) || p.points > p.max) throw rowError(row, `${what} ${p.code}`);
  }
}

function checkRow(row: CommuneRow, rule: RoundingRule, stamps: Map<string, number>, stamp: number): void {
  if (typeof row.name !== 'string' || row.name.trim() === '') throw rowError(row, 'tên đơn vị');
  if (!COMMUNE_TYPES.includes(row.type)) throw rowError(row, 'loại đơn vị');
  checkIndex(row, 'appraised', rule);
  checkIndex(row, 'self', rule);
  if (row.itemsAtSelfScore !== undefined && !isCount(row.itemsAtSelfScore)) throw rowError(row, 'số mục còn giữ điểm tự chấm');
  checkPoints(row, row.fields, 'điểm lĩnh vực', stamps, 2 * stamp);
  checkPoints(row, row.items, 'điểm tiêu chí', stamps, 2 * stamp + 1);
  const s = row.survey;
  if (s !== undefined && s !== null && (!isCount(s.points) || !isCount(s.max) || s.points > s.max)) {
    throw rowError(row, 'điểm điều tra xã hội học');
  }
  const f = row.forms;
  if (f !== undefined && f !== null && (!isCount(f.collected) || !isCount(f.target))) throw rowError(row, 'số phiếu điều tra');
  if (row.receivedOn !== undefined && row.receivedOn !== null && !isIsoDate(row.receivedOn)) throw rowError(row, 'ngày nhận hồ sơ');
}

function checkLastYear(lastYear: LastYear, year: number): void {
  const bad = (what: string, details: Record<string, unknown> = {}): never => {
    throw reportInputError(
      'REPORT_LAST_YEAR_INVALID',
      `Kết quả năm trước không hợp lệ: ${what}. Hãy nhập lại kết quả năm trước.`,
      details,
    );
  };
  if (!Number.isSafeInteger(lastYear.year) || lastYear.year >= year) bad(`năm ${lastYear.year} không trước năm ${year}`);
  if (lastYear.publishedMean !== undefined && lastYear.publishedMean !== null && !isCount(lastYear.publishedMean)) bad('chỉ số trung bình');
  const seen = new Set<string>();
  for (const r of lastYear.rows) {
    if (typeof r.code !== 'string' || r.code === '') bad('có đơn vị không có mã');
    if (seen.has(r.code)) bad(`mã ${r.code} xuất hiện hai lần`, { code: r.code });
    seen.add(r.code);
    if (r.index !== null && !isCount(r.index)) bad(`chỉ số của đơn vị mã ${r.code}`, { code: r.code });
    if (r.type !== undefined && r.type !== null && !COMMUNE_TYPES.includes(r.type)) bad(`loại đơn vị mã ${r.code}`, { code: r.code });
  }
}

/** Throws INVALID_INPUT (details.reason) on the first problem; returns the resolved options. */
export function validateReportInput(input: ReportInput, options: ReportOptions): ResolvedOptions {
  const resolved = resolveOptions(options);
  const bandCodes = new Set(input.bands.map((b) => b.code));
  if (
    input.bands.length === 0 ||
    bandCodes.size !== input.bands.length ||
    input.bands.some((b) => !isCount(b.minPercent) || b.label.trim() === '')
  ) {
    throw reportInputError('REPORT_BANDS_INVALID', 'Bộ tiêu chí chưa có nhóm xếp loại hợp lệ. Hãy kiểm tra phần nhóm của bộ tiêu chí.');
  }
  const seen = new Set<string>();
  const stamps = new Map<string, number>();
  for (const [i, row] of input.communes.entries()) {
    if (typeof row.code !== 'string' || row.code === '') throw rowError({ code: '(trống)' }, 'mã đơn vị');
    if (seen.has(row.code)) {
      throw reportInputError(
        'REPORT_DUPLICATE_CODE',
        `Mã đơn vị ${row.code} xuất hiện hai lần trong số liệu báo cáo. Mỗi đơn vị chỉ được có một dòng. Hãy bỏ dòng trùng rồi lập lại báo cáo.`,
        { code: row.code },
      );
    }
    seen.add(row.code);
    checkRow(row, resolved.rounding, stamps, i);
  }
  if (input.lastYear) checkLastYear(input.lastYear, resolved.year);
  return resolved;
}
