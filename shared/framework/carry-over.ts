import { adjustmentAsItem } from '../scoring/item-score';
import type { ItemEntry } from '../scoring/entry';
import { inputTypeOf } from '../scoring/rules';
import { ownRecord } from '../own';
import type { Framework, FrameworkCriterion, FrameworkItem, UnitType } from './schema';
import { frameworkFor } from './unit-types';

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

/** Criteria that can be marked not applicable as a whole (entries keyed by their code). */
function naCriteria(f: Framework): Map<string, FrameworkCriterion> {
  const map = new Map<string, FrameworkCriterion>();
  for (const field of f.fields) for (const c of field.criteria) if (c.notApplicable !== undefined) map.set(c.code, c);
  return map;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/**
 * When a province replaces the framework mid-year, keep what the clerk entered wherever it
 * still means the same thing: same item code, same input type, for a level picker the same
 * level id, for a formula the same input names. Everything else is listed, so a template
 * change never strands a draft silently (a complaint users make of other systems). The new
 * framework is read for the unit's type (variants may change an item's rule).
 */
export function planCarryOver(next: Framework, entries: Record<string, ItemEntry>, unitType?: UnitType): CarryOverPlan {
  const resolved = frameworkFor(next, unitType).framework;
  const items = itemsByCode(resolved);
  const criteria = naCriteria(resolved);
  const plan: CarryOverPlan = { carried: ownRecord<ItemEntry>(), dropped: [] };
  for (const [code, entry] of Object.entries(entries)) {
    const item = items.get(code);
    if (!item) {
      if (criteria.has(code) && entry.notApplicable && !entry.input) plan.carried[code] = entry;
      else plan.dropped.push({ code, reason: 'ITEM_GONE' });
      continue;
    }
    if (entry.notApplicable && item.notApplicable === 'not-allowed') {
      plan.dropped.push({ code, reason: 'NA_NOT_ALLOWED' });
      continue;
    }
    const input = entry.input;
    if (input && input.type !== inputTypeOf(item.rule)) {
      plan.dropped.push({ code, reason: 'RULE_CHANGED' });
      continue;
    }
    if (input?.type === 'formula' && item.rule.type === 'formula' && !sameNames(Object.keys(input.values), item.rule.inputs.map((i) => i.name))) {
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
