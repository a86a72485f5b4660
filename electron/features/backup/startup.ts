/**
 * What the window starts in the background once the store is open: the daily backup when the last
 * scheduled one is older than a day, then the evidence check. Neither blocks start-up; a failure is
 * logged (and the backup screen shows the copies there are), never thrown at the person.
 */
import type { AppContext } from '../../kernel/use-case';
import { dailyBackupIfDue } from './backups';
import { checkEvidence } from './evidence-check';

export interface Chores {
  /** Resolves when both are done (tests). */
  done: Promise<void>;
  cancel(): void;
}

export function startupChores(app: AppContext, logError?: (what: string, err: unknown) => void): Chores {
  let cancelled = false;
  const done = (async () => {
    await new Promise((r) => setImmediate(r));
    if (cancelled) return;
    try {
      await dailyBackupIfDue(app);
    } catch (err) {
      logError?.('backup.daily', err);
    }
    if (cancelled) return;
    try {
      await checkEvidence(app, () => cancelled || !app.ctx.db.open);
    } catch (err) {
      logError?.('backup.evidence', err);
    }
  })();
  return { done, cancel: () => void (cancelled = true) };
}
