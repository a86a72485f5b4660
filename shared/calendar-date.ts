/**
 * Dates people type (a revocation date, a rotation's effective date): exactly yyyy-mm-dd, naming
 * a day that exists in the Gregorian calendar. "2026-02-30", "2026-2-3", "22/11/2026" and
 * "2026-11-22T00:00" are refused, never "corrected", because a silently moved date in a key
 * registry decides which packages are accepted.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

export function isCalendarDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The UTC calendar day of an instant, yyyy-mm-dd. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * The calendar day (yyyy-mm-dd) of an instant in Vietnam (UTC+7, no daylight saving): the day a
 * package was received, a report or a print is dated, a deadline is counted from.
 */
export function vietnamDay(instant: Date | string): string {
  const t = typeof instant === 'string' ? new Date(instant).getTime() : instant.getTime();
  return new Date(t + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The one on-time rule: a package received on a Vietnam calendar day (yyyy-mm-dd) is on time
 * when that day is on or before the deadline day (inclusive; received on the deadline day is on
 * time). yyyy-mm-dd strings compare in date order.
 */
export function onTimeDay(receivedOn: string, deadline: string): boolean {
  return receivedOn <= deadline;
}

/**
 * Received on time, from the instant of receipt: its Vietnam calendar day by the rule above; null
 * when the year has no deadline.
 */
export function receivedOnTime(receivedAt: Date | string, deadline: string | null): boolean | null {
  return deadline === null ? null : onTimeDay(vietnamDay(receivedAt), deadline);
}
