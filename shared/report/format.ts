/**
 * Vietnamese number formatting for the report (vi-VN: comma decimal, dot thousands).
 * Every value arrives as integer hundredths, so n / 100 is the double nearest the decimal
 * and Intl prints exactly its two decimals: no rounding happens here.
 */
const twoDecimals = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 7601 → "76,01"; 123456 → "1.234,56"; −111 → "-1,11". */
export function viHundredths(hundredths: number): string {
  return twoDecimals.format(hundredths / 100);
}

/** 7601 → "76,01%" (the app's percent style, as formatPercent and the seeds print it). */
export function viPercent(hundredthsOfPercent: number): string {
  return `${viHundredths(hundredthsOfPercent)}%`;
}

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** A count as Vietnamese reports print it: two digits at least ("05 xã", "15 xã", "3.321"). */
export function viCount(n: number): string {
  return n < 10 && n >= 0 ? `0${n}` : integer.format(n);
}

/** '2026-10-05' → "05/10/2026". */
export function viDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}
