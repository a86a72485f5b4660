import type { Db } from './db/open';

/** Everything a service needs, injected so tests can fix the clock and ids. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  /** Who is acting, for the audit log (the officer's name, or 'cli'). */
  actor(): string;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function isoNow(ctx: Pick<ServiceContext, 'clock'>): string {
  return ctx.clock.now().toISOString();
}
