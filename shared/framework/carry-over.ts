import { adjustmentAsItem } from '../scoring/engine';
import type { ItemEntry } from '../scoring/entry';
import type { Framework, FrameworkItem } from './schema';

export type DropReason = 'ITEM_GONE' | 'RULE_CHANGED' | 'LEVEL_GONE' | 'NA_NOT_ALLOWED';

export interface CarryOverPlan {
  /** Entries that keep their meaning under the new framework, by item code. */
  carried: Record<string, ItemEntry>;
  /** Entries that would change meaning; never moved silently. */
  dropped: { code: string; reason: DropReason }[];
}

function itemsByCode(f: Framework): Map<string, FrameworkItem> {
  const map = new Map<string, FrameworkItem>();
  for (const field of f.fields) for (const c of field.criteria) for (const i of c.items) map.set(i.code, i);
  for (const a of f.adjustments ?? []) map.set(a.code, adjustmentAsItem(a));
  return map;
}

/**
 * When a province replaces the framework mid-year, keep what the clerk entered wherever it
 * still means the same thing: same item code, same rule type, and for a level picker the
 * same level id. Everything else is listed, so a template change never strands a draft
 * silently (a complaint users make of other systems).
 */
export function planCarryOver(next: Framework, entries: Record<string, ItemEntry>): CarryOverPlan {
  const items = itemsByCode(next);
  const plan: CarryOverPlan = { carried: {}, dropped: [] };
  for (const [code, entry] of Object.entries(entries)) {
    const item = items.get(code);
    if (!item) {
      plan.dropped.push({ code, reason: 'ITEM_GONE' });
      continue;
    }
    if (entry.notApplicable && item.notApplicable === 'not-allowed') {
      plan.dropped.push({ code, reason: 'NA_NOT_ALLOWED' });
      continue;
    }
    const input = entry.input;
    if (input && input.type !== item.rule.type) {
      plan.dropped.push({ code, reason: 'RULE_CHANGED' });
      continue;
    }
    if (input?.type === 'tiered' && item.rule.type === 'tiered' && !item.rule.levels.some((l) => l.id === input.level)) {
      plan.dropped.push({ code, reason: 'LEVEL_GONE' });
      continue;
    }
    plan.carried[code] = entry;
  }
  return plan;
}
