/**
 * The year's submission deadline at a commune ("Hạn gửi hồ sơ"). Two sources, each a key per
 * year in the `settings` table: the one the reviewing unit signed beside its framework
 * (`deadline.signed.YYYY`, written when the commune imports the signed framework) and the one the
 * commune typed from the official letter (`deadline.typed.YYYY`). The signed one wins.
 */
import { vietnamDay } from '../../../shared/calendar-date';
import { AppError } from '../../../shared/errors';
import type { CommuneDeadline } from '../../../shared/ipc/settings';
import type { ServiceContext } from '../../kernel/context';
import { readSetting, writeSetting } from '../setup/settings-repo';
import { deleteSetting } from './deadline-repo';

const signedKey = (year: number) => `deadline.signed.${year}`;
const typedKey = (year: number) => `deadline.typed.${year}`;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const DAY_MS = 86_400_000;

/** A real calendar date as yyyy-mm-dd (2026-02-30 is not one). */
export function isRealIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** "05/10/2026" (or 5/10/2026) → "2026-10-05"; null when it is not a real date. */
export function parseViDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/u.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isRealIsoDate(iso) ? iso : null;
}

/** Today's date in Vietnam (yyyy-mm-dd) by the context's clock. */
export function vietnamToday(ctx: Pick<ServiceContext, 'clock'>): string {
  return vietnamDay(ctx.clock.now());
}

/** Whole days from `today` to `deadline` (0 on the day itself, negative once past). */
export function daysBetween(today: string, deadline: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** Written by the signed-framework import, in its transaction. */
export function storeSignedDeadline(ctx: ServiceContext, year: number, deadline: string): void {
  if (!isRealIsoDate(deadline)) throw new AppError('DEADLINE_INVALID', 'signed deadline is not a date', { deadline });
  writeSetting(ctx.db, signedKey(year), deadline);
}

export function storeTypedDeadline(ctx: ServiceContext, year: number, deadline: string | null): void {
  if (deadline === null) deleteSetting(ctx.db, typedKey(year));
  else writeSetting(ctx.db, typedKey(year), deadline);
}

/** The deadline that counts for the year, where it came from, and the days left by the clock. */
export function communeDeadline(ctx: ServiceContext, year: number): CommuneDeadline | null {
  const signed = readSetting(ctx.db, signedKey(year));
  const typed = readSetting(ctx.db, typedKey(year));
  const date = signed ?? typed;
  if (date === null) return null;
  return { year, date, source: signed !== null ? 'signed' : 'typed', daysLeft: daysBetween(vietnamToday(ctx), date), typed, signed };
}
