/**
 * Text written into a file a spreadsheet opens (CSV, xlsx) never runs there as a formula. A cell
 * whose text starts with = + - @, a tab or a carriage return is what Excel, LibreOffice and
 * Google Sheets take as a formula ("=cmd|' /C calc'!A0", "@SUM(…)", "+1+cmd…"): such text comes
 * from outside (a commune's name, an officer's, a file name in the import log) and is neutralised
 * the standard way (OWASP "CSV injection"): an apostrophe first, which the spreadsheet shows as
 * text and does not display. In xlsx every text goes in as a string value, never as a formula
 * object; the apostrophe is added there too, so a copy pasted back into a cell stays text.
 */

const FORMULA_START = /^[=+\-@\t\r]/u;

/** The text, with an apostrophe first when a spreadsheet would run it as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One CSV field: empty for null, a number as given (or with `decimals`), text neutralised and
 * quoted when `quoteAll` or when it holds a quote, a comma or a line break.
 */
export function csvField(v: string | number | null, opts: { quoteAll?: boolean; decimals?: number } = {}): string {
  if (v === null) return '';
  if (typeof v === 'number') return opts.decimals === undefined ? String(v) : v.toFixed(opts.decimals);
  const s = neutraliseFormula(v);
  return opts.quoteAll || /[",\r\n]/u.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A row's values for an xlsx row: text neutralised, everything else as it is. */
export function xlsxValues<T>(values: readonly T[]): (T | string)[] {
  return values.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v));
}
