/**
 * The commune's self-assessment: one entry per item (the clerk's inputs, stored as typed, errors
 * included, so nothing typed is ever lost; the engine decides what counts), an explanation
 * (giải trình) per item, and the lock. Every write is one transaction with its audit row. Who
 * may write, and that nothing changes while finalised, is the use cases' policy (use-cases.ts).
 */
import { identityUnitType } from '../setup/identity-repo';
import canonicalize from 'canonicalize';
import { AppError } from '../../../shared/errors';
import type { ItemEntry } from '../../../shared/scoring/entry';
import { computeScores } from '../../../shared/scoring/engine';
import { nfc, normaliseProse } from '../../../shared/text';
import type { SaveAck } from '../../../shared/ipc/assessment';
import { EXPLANATION_MAX } from '../../../shared/ipc/assessment';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import type { ActiveFramework } from '../framework/active';
import { requireEntryTarget, requireItem } from '../framework/active';
import type { StoredEntry } from './entries-repo';
import { readEntries, readEntry, scoredEntries, writeEntry } from './entries-repo';
import type { LockState } from './lock-repo';
import { readLock, writeFinalised, writeReopened } from './lock-repo';

export type { StoredEntry, LockState };
export { EXPLANATION_MAX };

export function lockState(ctx: ServiceContext, ref: number): LockState {
  return readLock(ctx.db, ref);
}

export function listEntries(ctx: ServiceContext, ref: number): Record<string, StoredEntry> {
  return readEntries(ctx.db, ref);
}

/** Store one item's inputs (null clears them). One transaction, with its audit row. */
export function setEntry(ctx: ServiceContext, active: ActiveFramework, code: string, entry: ItemEntry | null): SaveAck {
  requireEntryTarget(active, code, entry);
  return ctx.db.transaction((): SaveAck => {
    const old = readEntry(ctx.db, active.ref, code);
    // Compared as canonical JSON: the same entry with its keys in another order is no change (and no change-log row).
    if (canonicalize(old?.entry ?? null) === canonicalize(entry)) return { code, savedAt: old?.updatedAt ?? isoNow(ctx), changed: false };
    const savedAt = isoNow(ctx);
    writeEntry(ctx.db, { ref: active.ref, code, entry, explanation: old?.explanation ?? null, at: savedAt, by: ctx.actor() });
    audit(ctx, 'assessment.entry', 'assessment_entry', code, old?.entry ?? null, entry);
    return { code, savedAt, changed: true };
  })();
}

/** Store the written explanation (giải trình) of one item; blank clears it. */
export function setExplanation(ctx: ServiceContext, active: ActiveFramework, code: string, text: string | null): SaveAck {
  requireItem(active, code);
  const value = text === null ? null : normaliseProse(text).trim() || null;
  if (value !== null && value.length > EXPLANATION_MAX) {
    throw new AppError('INVALID_INPUT', 'explanation too long', { fields: { explanation: 'TEXT_TOO_LONG' } });
  }
  return ctx.db.transaction((): SaveAck => {
    const old = readEntry(ctx.db, active.ref, code);
    if ((old?.explanation ?? null) === value) return { code, savedAt: old?.updatedAt ?? isoNow(ctx), changed: false };
    const savedAt = isoNow(ctx);
    writeEntry(ctx.db, { ref: active.ref, code, entry: old?.entry ?? null, explanation: value, at: savedAt, by: ctx.actor() });
    audit(ctx, 'assessment.explanation', 'assessment_entry', code, old?.explanation ?? null, value);
    return { code, savedAt, changed: true };
  })();
}

/** "Chốt số liệu": lock for export; each lock is a new revision. */
export function finalise(ctx: ServiceContext, active: ActiveFramework): LockState {
  ctx.db.transaction(() => {
    // What gets locked is what gets exported: never a value the engine refuses to count.
    const scores = computeScores(active.framework, scoredEntries(readEntries(ctx.db, active.ref)), undefined, { unitType: identityUnitType(ctx.db) });
    const wrong = [...Object.values(scores.items), ...Object.values(scores.adjustments.items)].filter((i) => i.status === 'error').map((i) => i.code);
    if (wrong.length > 0) throw new AppError('ASSESSMENT_HAS_ERRORS', 'entries with hard errors', { items: wrong });
    const old = readLock(ctx.db, active.ref);
    const revision = old.revision + 1;
    writeFinalised(ctx.db, active.ref, revision, isoNow(ctx), ctx.actor());
    audit(ctx, 'assessment.finalise', 'assessment', String(active.ref), { finalised: old.finalised, revision: old.revision }, { finalised: true, revision });
  })();
  return readLock(ctx.db, active.ref);
}

/** Reopen a finalised assessment: explicit, with a reason, logged. */
export function reopen(ctx: ServiceContext, active: ActiveFramework, reason: string): LockState {
  const why = nfc(reason).trim();
  if (why.length < 5) throw new AppError('INVALID_INPUT', 'reason required', { fields: { reason: 'REASON_REQUIRED' } });
  ctx.db.transaction(() => {
    const old = readLock(ctx.db, active.ref);
    if (!old.finalised) throw new AppError('ASSESSMENT_NOT_LOCKED', 'not finalised');
    writeReopened(ctx.db, active.ref, isoNow(ctx), ctx.actor(), why);
    audit(ctx, 'assessment.reopen', 'assessment', String(active.ref), { finalised: true, revision: old.revision }, { finalised: false, revision: old.revision, reason: why });
  })();
  return readLock(ctx.db, active.ref);
}
