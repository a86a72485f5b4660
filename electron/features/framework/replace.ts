/**
 * Switching this unit to another framework (the province's official one replacing the sample,
 * or a corrected version). Entries that keep their meaning move along with their explanations;
 * evidence follows every item whose code still exists. The old framework's rows stay untouched,
 * so nothing is lost and switching back restores them. One transaction, audited. (The policy of
 * the use case refuses it while the self-assessment is finalised.)
 */
import { AppError } from '../../../shared/errors';
import { planCarryOver } from '../../../shared/framework/carry-over';
import type { Framework } from '../../../shared/framework/schema';
import type { FrameworkRef } from '../../../shared/identity';
import type { ReplacePreview } from '../../../shared/ipc/framework';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import type { ItemEntry } from '../../../shared/scoring/entry';
import { copyEntries, readEntries } from '../assessment/entries-repo';
import { copyEvidence } from '../evidence/evidence-repo';
import { setIdentityFramework } from '../setup/identity-repo';
import { requireIdentity } from '../setup/identity';
import { installFramework } from './frameworks';

function plan(ctx: ServiceContext, next: Framework) {
  const identity = requireIdentity(ctx);
  // Every stored row, an explanation-only one too (its entry is empty): each may carry over.
  const entries: Record<string, ItemEntry> = {};
  if (identity.framework) for (const [code, s] of Object.entries(readEntries(ctx.db, identity.framework.ref))) entries[code] = s.entry ?? {};
  return { identity, result: planCarryOver(next, entries) };
}

function itemCodes(f: Framework): string[] {
  const codes = f.fields.flatMap((x) => x.criteria.flatMap((c) => c.items.map((i) => i.code)));
  return [...codes, ...(f.adjustments ?? []).map((a) => a.code)];
}

/** What replacing the framework would keep and what it would leave behind. */
export function previewReplaceFramework(ctx: ServiceContext, next: Framework): ReplacePreview {
  const { result } = plan(ctx, next);
  return { carried: Object.keys(result.carried).sort(), dropped: result.dropped };
}

export function replaceFramework(ctx: ServiceContext, next: Framework): { framework: FrameworkRef } & ReplacePreview {
  return ctx.db.transaction(() => {
    const { identity, result } = plan(ctx, next);
    const ref = installFramework(ctx, next);
    if (identity.framework?.ref === ref.ref) throw new AppError('FRAMEWORK_SAME', 'this framework is already in use');
    const now = isoNow(ctx);
    const carried = Object.keys(result.carried).sort();
    if (identity.framework) {
      copyEntries(ctx.db, identity.framework.ref, ref.ref, carried, now, ctx.actor());
      copyEvidence(ctx.db, identity.framework.ref, ref.ref, itemCodes(next), now);
    }
    setIdentityFramework(ctx.db, ref.ref, now);
    audit(ctx, 'framework.replace', 'identity', '1',
      { framework: identity.framework?.id, version: identity.framework?.version, sha256: identity.framework?.sha256 },
      { framework: ref.id, version: ref.version, sha256: ref.sha256, carried: carried.length, dropped: result.dropped.map((d) => d.code) });
    return { framework: ref, carried, dropped: result.dropped };
  })();
}
