import { AppError } from '../../../shared/errors';
import { planCarryOver } from '../../../shared/framework/carry-over';
import type { Framework } from '../../../shared/framework/schema';
import type { ItemEntry } from '../../../shared/scoring/entry';
import type { FrameworkRef } from '../../../shared/identity';
import type { ReplacePreview } from '../../../shared/ipc/framework';
import { lockState } from '../assessment/assessment';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import { installFramework, validateFramework } from './frameworks';
import { requireIdentity } from '../setup/identity';

export type { ReplacePreview };

interface EntryRow {
  item_code: string;
  entry_json: string;
  explanation: string | null;
}

function currentEntries(ctx: ServiceContext, ref: number): EntryRow[] {
  return ctx.db
    .prepare('SELECT item_code, entry_json, explanation FROM assessment_entries WHERE framework_ref = ?')
    .all(ref) as EntryRow[];
}

function plan(ctx: ServiceContext, next: Framework) {
  const identity = requireIdentity(ctx);
  const rows = identity.framework ? currentEntries(ctx, identity.framework.ref) : [];
  const entries: Record<string, ItemEntry> = {};
  for (const r of rows) entries[r.item_code] = JSON.parse(r.entry_json) as ItemEntry;
  return { identity, rows, result: planCarryOver(next, entries) };
}

function itemCodes(f: Framework): string[] {
  const codes = f.fields.flatMap((x) => x.criteria.flatMap((c) => c.items.map((i) => i.code)));
  return [...codes, ...(f.adjustments ?? []).map((a) => a.code)];
}

/**
 * Evidence proves what happened, whatever the new scoring: it follows every item whose
 * code still exists. Files are content-addressed, so only rows are copied.
 */
function carryEvidence(ctx: ServiceContext, from: number, to: number, next: Framework, now: string): void {
  const codes = JSON.stringify(itemCodes(next));
  ctx.db
    .prepare(
      `INSERT INTO evidence_documents (framework_ref, item_code, number, doc_date, issuer, summary, locator, created_at, updated_at)
       SELECT ?, item_code, number, doc_date, issuer, summary, locator, created_at, ?
       FROM evidence_documents d
       WHERE framework_ref = ? AND item_code IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM evidence_documents e WHERE e.framework_ref = ? AND e.item_code = d.item_code
                         AND e.number = d.number AND e.issuer = d.issuer AND e.summary = d.summary)`,
    )
    .run(to, now, from, codes, to);
  ctx.db
    .prepare(
      `INSERT INTO evidence_files (framework_ref, item_code, name, media_type, sha256, added_at)
       SELECT ?, item_code, name, media_type, sha256, added_at FROM evidence_files
       WHERE framework_ref = ? AND item_code IN (SELECT value FROM json_each(?))
       ON CONFLICT (framework_ref, item_code, sha256) DO NOTHING`,
    )
    .run(to, from, codes);
}

/** What replacing the framework would keep and what it would leave behind. */
export function previewReplaceFramework(ctx: ServiceContext, json: unknown): ReplacePreview {
  const { result } = plan(ctx, validateFramework(json));
  return { carried: Object.keys(result.carried).sort(), dropped: result.dropped };
}

/**
 * Switch this unit to another framework (the province's official one replacing the sample,
 * or a corrected version). Entries that keep their meaning move along with their
 * explanations; the old framework's entries stay in the store untouched, so nothing is
 * lost and switching back restores them. One transaction, audited.
 */
export function replaceFramework(ctx: ServiceContext, json: unknown): { framework: FrameworkRef } & ReplacePreview {
  const next = validateFramework(json);
  let out: { framework: FrameworkRef } & ReplacePreview = { framework: null as unknown as FrameworkRef, carried: [], dropped: [] };
  ctx.db.transaction(() => {
    const { identity, rows, result } = plan(ctx, next);
    // A finalised self-assessment is what gets exported: switching frameworks under it
    // would bypass the lock. Reopen (with a reason) first.
    if (identity.framework && lockState(ctx, identity.framework.ref).finalised) {
      throw new AppError('ASSESSMENT_LOCKED', 'assessment is finalised');
    }
    const ref = installFramework(ctx, next);
    if (identity.framework?.ref === ref.ref) throw new AppError('FRAMEWORK_SAME', 'this framework is already in use');
    const insert = ctx.db.prepare(
      `INSERT INTO assessment_entries (framework_ref, item_code, entry_json, explanation, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (framework_ref, item_code) DO NOTHING`,
    );
    const now = isoNow(ctx);
    for (const r of rows) {
      if (result.carried[r.item_code]) insert.run(ref.ref, r.item_code, r.entry_json, r.explanation, now, ctx.actor());
    }
    if (identity.framework) carryEvidence(ctx, identity.framework.ref, ref.ref, next, now);
    ctx.db.prepare('UPDATE identity SET framework_ref = ?, updated_at = ? WHERE id = 1').run(ref.ref, now);
    const carried = Object.keys(result.carried).sort();
    audit(ctx, 'framework.replace', 'identity', '1',
      { framework: identity.framework?.id, version: identity.framework?.version, sha256: identity.framework?.sha256 },
      { framework: ref.id, version: ref.version, sha256: ref.sha256, carried: carried.length, dropped: result.dropped.map((d) => d.code) });
    out = { framework: ref, carried, dropped: result.dropped };
  })();
  return out;
}
