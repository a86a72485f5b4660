/** Points typed by a person ("0,5", "1.25", "2") → integer hundredths, or null when not a number in 0..max. */
export function parsePoints(text: string, maxHundredths: number): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(?:\.\d{1,2})?$/u.test(t)) return null;
  const v = Math.round(Number(t) * 100);
  return v >= 0 && v <= maxHundredths ? v : null;
}

const two = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** 50 → "0,50". */
export const viPoints = (hundredths: number): string => two.format(hundredths / 100);
