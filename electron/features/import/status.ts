/**
 * The completeness board for a year: every commune of the roster (active ones), whether its
 * package arrived (the newest accepted revision and when it was received, on time or late
 * against the year's deadline) and whether it is flagged (recomputed scores differ from the
 * declared ones, or files naming it were refused).
 *
 * On time means the FIRST accepted package of the year arrived by the deadline (a later
 * correction does not make a commune late), judged on the calendar day in Vietnam (UTC+7), the
 * day the office sees on its wall.
 */
import type { Board, BoardRow } from '../../../shared/ipc/import';
import { vietnamDay } from '../../../shared/calendar-date';
import type { ServiceContext } from '../../kernel/context';
import { activeRoster, deadlineFor, hasActiveKey, receivedFor, refusedAttempts } from './received-repo';

/**
 * Received on time: the Vietnam calendar day of receipt is on or before the deadline (inclusive);
 * null when there is no deadline. The board applies it to the first accepted package; the
 * revision comparison to each revision.
 */
export function receivedOnTime(receivedAt: string, deadline: string | null): boolean | null {
  return deadline === null ? null : vietnamDay(receivedAt) <= deadline;
}

export function statusBoard(ctx: ServiceContext, year: number): Board {
  const deadline = deadlineFor(ctx.db, year);
  const rows = activeRoster(ctx.db).map((c): BoardRow => {
    const received = receivedFor(ctx.db, c.code, year);
    const refused = refusedAttempts(ctx.db, c.code, year);
    const newest = received[0];
    const first = received[received.length - 1];
    const mismatch = newest?.mismatch ?? false;
    const onTime = first ? receivedOnTime(first.receivedAt, deadline) : null;
    const state: BoardRow['state'] = mismatch || refused > 0 ? 'flagged' : newest ? 'received' : 'not-received';
    return {
      code: c.code, name: c.name, type: c.type, state, revision: newest?.revision ?? null, receivedAt: newest?.receivedAt ?? null, onTime, mismatch, refusedAttempts: refused,
      enrolled: hasActiveKey(ctx.db, c.code), completeness: newest?.completeness ?? null,
    };
  });
  return { year, deadline, rows };
}
