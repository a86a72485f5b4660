/**
 * The completeness board for a year: every commune of the roster (active ones), whether its
 * package arrived (the newest accepted revision and when it was received, on time or late
 * against the year's deadline) and whether it is flagged (recomputed scores differ from the
 * declared ones, or files naming it were refused).
 *
 * On time means the FIRST accepted package of the year arrived by the deadline (a later
 * correction does not make a commune late), judged on the calendar day in Vietnam (UTC+7), the
 * day the office sees on its wall (shared/calendar-date.ts's receivedOnTime, the one rule).
 */
import type { Board, BoardRow } from '../../../shared/ipc/import';
import { receivedOnTime } from '../../../shared/calendar-date';
import type { ServiceContext } from '../../kernel/context';
import { activeRoster, deadlineFor, hasActiveKey, receivedFor, refusedAttempts } from './received-repo';

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
      code: c.code, name: c.name, type: c.type, state, revision: newest?.revision ?? null, receivedAt: newest?.receivedAt ?? null, firstReceivedAt: first?.receivedAt ?? null, onTime, mismatch, refusedAttempts: refused,
      enrolled: hasActiveKey(ctx.db, c.code), completeness: newest?.completeness ?? null,
    };
  });
  return { year, deadline, rows };
}
