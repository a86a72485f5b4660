/**
 * The commune's self-assessment: one entry per item (the clerk's inputs, stored as typed,
 * errors included, so nothing typed is ever lost; the engine decides what counts), an
 * explanation (giải trình) per item, and the lock. Every write is one transaction with its
 * audit row, and every write checks the lock here, not only in the UI.
 */
import { AppError } from '../../../shared/errors';
import type { Framework, FrameworkItem } from '../../../shared/framework/schema';
import type { ItemEntry } from '../../../shared/scoring/entry';
import { itemEntrySchema } from '../../../shared/scoring/entry';
import { adjustmentAsItem, computeScores } from '../../../shared/scoring/engine';
import { nfc } from '../../../shared/text';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import { loadFramework } from '../framework/frameworks';
import { stmt } from '../../kernel/db/statements';

export interface ActiveFramework {
  ref: number;
  framework: Framework;
  /** Items and adjustments by code (an adjustment as a manual item capped by its cap). */
  items: Map<string, FrameworkItem>;
}

const cache = new WeakMap<object, Map<number, ActiveFramework>>();

/** The framework this installation scores against; parsed once per database handle. */
export function activeFramework(ctx: ServiceContext): ActiveFramework {
  const row = stmt(ctx.db, 'SELECT framework_ref FROM identity WHERE id = 1').get() as { framework_ref: number | null } | undefined;
  if (!row) throw new AppError('NOT_SET_UP', 'this installation has not been set up');
  if (row.framework_ref === null) throw new AppError('FRAMEWORK_NOT_FOUND', 'no framework installed');
  const ref = row.framework_ref;
  let byRef = cache.get(ctx.db);
  if (!byRef) cache.set(ctx.db, (byRef = new Map()));
  let active = byRef.get(ref);
  if (!active) {
    const framework = loadFramework(ctx, ref);
    const items = new Map<string, FrameworkItem>();
    for (const f of framework.fields) for (const c of f.criteria) for (const i of c.items) items.set(i.code, i);
    for (const a of framework.adjustments ?? []) items.set(a.code, adjustmentAsItem(a));
    active = { ref, framework, items };
    byRef.set(ref, active);
  }
  return active;
}

export function requireItem(active: ActiveFramework, code: string): FrameworkItem {
  const item = active.items.get(code);
  if (!item) throw new AppError('ITEM_NOT_FOUND', `no item ${code}`, { code });
  return item;
}

function isCommune(ctx: ServiceContext): boolean {
  return (stmt(ctx.db, 'SELECT role FROM identity WHERE id = 1').get() as { role: string } | undefined)?.role === 'commune';
}

export interface LockState {
  finalised: boolean;
  /** How many times the assessment has been finalised (0: never). */
  revision: number;
  changedAt: string | null;
  changedBy: string | null;
  reopenReason: string | null;
}

interface LockRow {
  finalised: number;
  revision: number;
  changed_at: string;
  changed_by: string;
  reopen_reason: string | null;
}

export function lockState(ctx: ServiceContext, ref = activeFramework(ctx).ref): LockState {
  const row = stmt(ctx.db, 'SELECT * FROM assessment_lock WHERE framework_ref = ?').get(ref) as LockRow | undefined;
  if (!row) return { finalised: false, revision: 0, changedAt: null, changedBy: null, reopenReason: null };
  return {
    finalised: row.finalised === 1,
    revision: row.revision,
    changedAt: row.changed_at,
    changedBy: row.changed_by,
    reopenReason: row.reopen_reason,
  };
}

/**
 * Every self-assessment write goes through here: only a commune self-assesses, and nothing
 * changes while finalised. Call inside the writing transaction.
 */
export function assertUnlocked(ctx: ServiceContext, ref: number): void {
  if (!isCommune(ctx)) throw new AppError('WRONG_ROLE', 'reviewing units do not self-assess');
  if (lockState(ctx, ref).finalised) throw new AppError('ASSESSMENT_LOCKED', 'assessment is finalised');
}

export interface StoredEntry {
  entry: ItemEntry | null;
  explanation: string | null;
  updatedAt: string;
  updatedBy: string;
}

interface EntryRow {
  item_code: string;
  entry_json: string;
  explanation: string | null;
  updated_at: string;
  updated_by: string;
}

function toStored(r: EntryRow): StoredEntry {
  const parsed = JSON.parse(r.entry_json) as ItemEntry;
  const empty = parsed.input === undefined && parsed.notApplicable === undefined;
  return { entry: empty ? null : parsed, explanation: r.explanation, updatedAt: r.updated_at, updatedBy: r.updated_by };
}

export function listEntries(ctx: ServiceContext, ref = activeFramework(ctx).ref): Record<string, StoredEntry> {
  const rows = stmt(ctx.db, 'SELECT * FROM assessment_entries WHERE framework_ref = ?').all(ref) as EntryRow[];
  const out: Record<string, StoredEntry> = {};
  for (const r of rows) out[r.item_code] = toStored(r);
  return out;
}

function readEntry(ctx: ServiceContext, ref: number, code: string): StoredEntry | null {
  const r = stmt(ctx.db, 'SELECT * FROM assessment_entries WHERE framework_ref = ? AND item_code = ?').get(ref, code) as EntryRow | undefined;
  return r ? toStored(r) : null;
}

/** Only the ItemEntry shape; whether the numbers make sense is the engine's business. */
export function parseEntry(input: unknown): ItemEntry | null {
  if (input === null) return null;
  const parsed = itemEntrySchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || 'entry'] ??= 'INVALID';
    throw new AppError('INVALID_INPUT', 'entry shape', { fields });
  }
  return parsed.data;
}

function writeRow(ctx: ServiceContext, ref: number, code: string, entry: ItemEntry | null, explanation: string | null): string {
  const now = isoNow(ctx);
  stmt(
    ctx.db,
    `INSERT INTO assessment_entries (framework_ref, item_code, entry_json, explanation, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (framework_ref, item_code) DO UPDATE SET entry_json = excluded.entry_json,
       explanation = excluded.explanation, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(ref, code, JSON.stringify(entry ?? {}), explanation, now, ctx.actor());
  return now;
}

export interface SaveResult {
  code: string;
  savedAt: string;
  changed: boolean;
}

/** Store one item's inputs (null clears them). One transaction, with its audit row. */
export function setEntry(ctx: ServiceContext, code: string, input: unknown): SaveResult {
  const active = activeFramework(ctx);
  requireItem(active, code);
  const entry = parseEntry(input);
  return ctx.db.transaction((): SaveResult => {
    assertUnlocked(ctx, active.ref);
    const old = readEntry(ctx, active.ref, code);
    if (JSON.stringify(old?.entry ?? null) === JSON.stringify(entry)) return { code, savedAt: old?.updatedAt ?? isoNow(ctx), changed: false };
    const savedAt = writeRow(ctx, active.ref, code, entry, old?.explanation ?? null);
    audit(ctx, 'assessment.entry', 'assessment_entry', code, old?.entry ?? null, entry);
    return { code, savedAt, changed: true };
  })();
}

export const EXPLANATION_MAX = 4000;

/** Store the written explanation (giải trình) of one item; blank clears it. */
export function setExplanation(ctx: ServiceContext, code: string, text: string | null): SaveResult {
  const active = activeFramework(ctx);
  requireItem(active, code);
  const value = text === null ? null : nfc(text).trim() || null;
  if (value !== null && value.length > EXPLANATION_MAX) {
    throw new AppError('INVALID_INPUT', 'explanation too long', { fields: { explanation: 'TEXT_TOO_LONG' } });
  }
  return ctx.db.transaction((): SaveResult => {
    assertUnlocked(ctx, active.ref);
    const old = readEntry(ctx, active.ref, code);
    if ((old?.explanation ?? null) === value) return { code, savedAt: old?.updatedAt ?? isoNow(ctx), changed: false };
    const savedAt = writeRow(ctx, active.ref, code, old?.entry ?? null, value);
    audit(ctx, 'assessment.explanation', 'assessment_entry', code, old?.explanation ?? null, value);
    return { code, savedAt, changed: true };
  })();
}

/** "Chốt số liệu": lock for export; each lock is a new revision. */
export function finalise(ctx: ServiceContext): LockState {
  const active = activeFramework(ctx);
  ctx.db.transaction(() => {
    assertUnlocked(ctx, active.ref);
    // What gets locked is what gets exported: never a value the engine refuses to count.
    const stored = listEntries(ctx, active.ref);
    const entries: Record<string, ItemEntry> = {};
    for (const [code, e] of Object.entries(stored)) if (e.entry) entries[code] = e.entry;
    const scores = computeScores(active.framework, entries);
    const wrong = [...Object.values(scores.items), ...Object.values(scores.adjustments.items)].filter((i) => i.status === 'error').map((i) => i.code);
    if (wrong.length > 0) throw new AppError('ASSESSMENT_HAS_ERRORS', 'entries with hard errors', { items: wrong });
    const old = lockState(ctx, active.ref);
    const next = { finalised: 1, revision: old.revision + 1, changed_at: isoNow(ctx), changed_by: ctx.actor(), reopen_reason: null };
    stmt(
      ctx.db,
      
        `INSERT INTO assessment_lock (framework_ref, finalised, revision, changed_at, changed_by, reopen_reason)
         VALUES (@ref, @finalised, @revision, @changed_at, @changed_by, @reopen_reason)
         ON CONFLICT (framework_ref) DO UPDATE SET finalised = excluded.finalised, revision = excluded.revision,
           changed_at = excluded.changed_at, changed_by = excluded.changed_by, reopen_reason = excluded.reopen_reason`,
      )
      .run({ ref: active.ref, ...next });
    audit(ctx, 'assessment.finalise', 'assessment', String(active.ref), { finalised: old.finalised, revision: old.revision }, { finalised: true, revision: next.revision });
  })();
  return lockState(ctx, active.ref);
}

/** Reopen a finalised assessment: explicit, with a reason, logged. */
export function reopen(ctx: ServiceContext, reason: string): LockState {
  const active = activeFramework(ctx);
  const why = nfc(reason).trim();
  if (why.length < 5) throw new AppError('INVALID_INPUT', 'reason required', { fields: { reason: 'REASON_REQUIRED' } });
  ctx.db.transaction(() => {
    if (!isCommune(ctx)) throw new AppError('WRONG_ROLE', 'reviewing units do not self-assess');
    const old = lockState(ctx, active.ref);
    if (!old.finalised) throw new AppError('ASSESSMENT_NOT_LOCKED', 'not finalised');
    stmt(
      ctx.db,
      'UPDATE assessment_lock SET finalised = 0, changed_at = ?, changed_by = ?, reopen_reason = ? WHERE framework_ref = ?')
      .run(isoNow(ctx), ctx.actor(), why, active.ref);
    audit(ctx, 'assessment.reopen', 'assessment', String(active.ref), { finalised: true, revision: old.revision }, { finalised: false, revision: old.revision, reason: why });
  })();
  return lockState(ctx, active.ref);
}
