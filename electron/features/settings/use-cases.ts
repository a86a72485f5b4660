/** Settings at a commune: the year's submission deadline it typed from the official letter. */
import { AppError } from '../../../shared/errors';
import type { DeadlineView } from '../../../shared/ipc/settings';
import { audit } from '../../kernel/audit';
import { useCase } from '../../kernel/use-case';
import { requireIdentity } from '../setup/identity';
import { communeDeadline, isRealIsoDate, storeTypedDeadline } from './deadline';

/** The deadline that counts for a year (the setup's year unless named) and where it came from. */
export const deadline = useCase('settings.deadline', { roles: ['commune'] }, (app, input: { year?: number | undefined } | undefined): DeadlineView => {
  const year = input?.year ?? requireIdentity(app.ctx).year;
  return { year, deadline: communeDeadline(app.ctx, year) };
});

/**
 * The commune types the deadline (yyyy-mm-dd; null clears it). Kept even when a signed one
 * exists: the signed one wins while it is there. Logged with the year, the date it replaced and
 * the new one (null: none, or cleared), which the change log shows as "15/12/2026 → 20/12/2026".
 */
export const setDeadline = useCase(
  'settings.setDeadline',
  { roles: ['commune'] },
  (app, input: { year?: number | undefined; date: string | null }): DeadlineView => {
    const ctx = app.ctx;
    const year = input.year ?? requireIdentity(ctx).year;
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('DEADLINE_INVALID', 'year out of range', { year });
    if (input.date !== null && !isRealIsoDate(input.date)) throw new AppError('DEADLINE_INVALID', 'not a calendar date', { date: input.date });
    return ctx.db.transaction((): DeadlineView => {
      const before = communeDeadline(ctx, year)?.typed ?? null;
      storeTypedDeadline(ctx, year, input.date);
      audit(ctx, 'settings.deadline', 'deadline', String(year), { year, typed: before }, { year, typed: input.date });
      return { year, deadline: communeDeadline(ctx, year) };
    })();
  },
);
