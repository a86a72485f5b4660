/**
 * Points are integer hundredths of a point everywhere (0.25 point = 25, 3.75 = 375);
 * percentages are integer hundredths of a percent (80% = 8000, 76.01% = 7601).
 * Floating point never touches a stored or signed value: format at the edge only.
 */

export type PointsLocale = 'vi' | 'en';

const INTL_LOCALE: Record<PointsLocale, string> = { vi: 'vi-VN', en: 'en-US' };

const numberFormats = new Map<PointsLocale, Intl.NumberFormat>();
const percentFormats = new Map<PointsLocale, Intl.NumberFormat>();

function numberFormat(locale: PointsLocale): Intl.NumberFormat {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    numberFormats.set(locale, f);
  }
  return f;
}

function percentFormat(locale: PointsLocale): Intl.NumberFormat {
  let f = percentFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[locale], {
      style: 'percent',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    percentFormats.set(locale, f);
  }
  return f;
}

/** 375 → "3,75" (vi) or "3.75" (en); always two decimals so columns line up. */
export function formatPoints(hundredths: number, locale: PointsLocale = 'vi'): string {
  // An integer divided by 100 formats back to exactly two decimals: no rounding drift.
  return numberFormat(locale).format(hundredths / 100);
}

/** 7601 → "76,01%" (vi) or "76.01%" (en). */
export function formatPercent(hundredthsOfPercent: number, locale: PointsLocale = 'vi'): string {
  return percentFormat(locale).format(hundredthsOfPercent / 10000);
}

const POINTS_TEXT = /^(\d{1,9})(?:[.,](\d{1,2}))?$/u;

/**
 * Reads what a clerk types: "3,75", "3.75", "3", "0,5" → hundredths; anything else → null.
 * A thousands separator or a third decimal is refused rather than guessed ("1.234" is
 * ambiguous between locales; 3,755 is not a representable score).
 */
export function parsePoints(text: string): number | null {
  const m = POINTS_TEXT.exec(text.trim());
  if (!m) return null;
  const whole = Number(m[1]);
  const fraction = (m[2] ?? '').padEnd(2, '0');
  const value = whole * 100 + Number(fraction);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * num / den rounded half up, exactly (BigInt: no float error near .5).
 * num must be a non-negative integer and den a positive integer.
 */
export function divRoundHalfUp(num: number, den: number): number {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || num < 0 || den <= 0) {
    throw new RangeError(`divRoundHalfUp(${num}, ${den}): needs integers, num ≥ 0, den > 0`);
  }
  const n = BigInt(num);
  const d = BigInt(den);
  return Number((2n * n + d) / (2n * d));
}

/** num / den rounded half up for exact big products (a × b × c / d); num ≥ 0, den > 0. */
export function roundHalfUpBig(num: bigint, den: bigint): number {
  if (num < 0n || den <= 0n) throw new RangeError('roundHalfUpBig: needs num ≥ 0 and den > 0');
  const q = (2n * num + den) / (2n * den);
  return Number(q);
}
