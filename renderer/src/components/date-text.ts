/**
 * Dates as a Vietnamese clerk types them: dd/mm/yyyy, whatever the OS language. Stored as ISO
 * yyyy-mm-dd. Pure, so the parsing is unit-tested in Node.
 */

export type DateProblem = 'FORMAT' | 'MONTH' | 'DAY' | 'YEAR';
export type ParsedDate = { ok: true; iso: string | null } | { ok: false; problem: DateProblem };

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function toIso(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * "15/02/2026", "15-02-2026", "15.02.2026", "1/2/2026" or "15022026" → "2026-02-15"; empty → null.
 * Refused: another shape (FORMAT), a month outside 1–12, a day the month does not have (31/04,
 * 29/02 outside a leap year), a year outside 1900–2100. Never guessed: a two-digit year is refused.
 */
export function parseDateText(text: string): ParsedDate {
  const s = text.trim();
  if (s === '') return { ok: true, iso: null };
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/u.exec(s);
  if (!m) return { ok: false, problem: 'FORMAT' };
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, problem: 'YEAR' };
  if (month < 1 || month > 12) return { ok: false, problem: 'MONTH' };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, problem: 'DAY' };
  return { ok: true, iso: toIso(year, month, day) };
}

/** "2026-02-15" → "15/02/2026"; anything that is not a real ISO date → "". */
export function isoToDateText(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso ?? '');
  if (!m) return '';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return '';
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** The weeks of a month for the picker, Monday first (as Vietnamese calendars print): day numbers or null. */
export function monthGrid(year: number, month: number): (number | null)[][] {
  const first = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array<null>(first).fill(null)];
  for (let d = 1; d <= daysInMonth(year, month); d++) cells.push(d);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
