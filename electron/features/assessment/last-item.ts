/**
 * Where the clerk was on the criteria screen: the last item focused, one per assessment year, so
 * the screen opens there again after a restart. Kept in the settings table under its own key per
 * year and not written to the change log: it is a place on the screen, not a figure that is sent.
 */
import type { ServiceContext } from '../../kernel/context';
import { readSetting, writeSetting } from '../setup/settings-repo';

const key = (year: number): string => `assessment.lastItem.${year}`;

export function lastItem(ctx: ServiceContext, year: number): string | null {
  return readSetting(ctx.db, key(year));
}

export function rememberLastItem(ctx: ServiceContext, year: number, code: string): void {
  writeSetting(ctx.db, key(year), code);
}
